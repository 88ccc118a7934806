"""`wanqu report` from the command line: the files it writes and the mistakes it refuses."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

pytestmark = pytest.mark.django_db


def report(*args: str) -> str:
    out = StringIO()
    with translation.override("en"):
        call_command("report", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_markdown_and_html_go_to_standard_output(demo):
    md = report("--lang", "zh-hans", "--format", "md", "-o", "-")
    assert md.startswith("# 广东省推进粤港澳大湾区建设工作情况")
    assert "南沙大桥、穗莞深城际正式通车" in md
    html = report("--lang", "en", "--format", "html", "-o", "-")
    assert html.startswith("<!DOCTYPE html>") and "Nansha Bridge" in html
    assert 'data-ref="registers.project:' in html


def test_the_traditional_report_is_the_simplified_one_in_hong_kong_usage(demo):
    hant = report("--lang", "zh-hant", "-o", "-")
    assert "# 廣東省推進粵港澳大灣區建設工作情況" in hant
    assert "南沙大橋、穗莞深城際正式通車" in hant
    assert "跨境付匯時間縮短至5分鐘以內" in hant


def test_a_docx_is_written_to_the_named_file(demo, tmp_path):
    target = tmp_path / "report.docx"
    report("--lang", "zh-hant", "--format", "docx", "-o", str(target))
    assert target.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]


def test_the_format_follows_the_file_name(demo, tmp_path):
    target = tmp_path / "report.html"
    report("-o", str(target))
    assert target.read_text().startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "fr"], "Unknown language “fr”"),
        (["--format", "odt"], "Unknown format “odt”"),
        (["--format", "pdf", "-o", "-"], "binary"),
        (["--as-of", "2999-01-01"], "in the future"),
        (["--as-of", "2001-01-01"], "before the programme began"),
        (["--as-of", "yesterday-ish"], "Cannot read the time"),
    ],
)
def test_bad_input_gets_a_clear_message_and_no_file(demo, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        report(*args, *([] if "-o" in args else ["-o", str(tmp_path / "r.md")]))
    assert list(tmp_path.iterdir()) == []


def test_an_output_path_that_cannot_be_written_is_refused_without_a_partial_file(demo, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(CommandError, match="Cannot write"):
        report("--format", "md", "-o", str(blocker / "report.md"))
    with pytest.raises(CommandError, match="does not exist"):
        report("--format", "docx", "-o", str(tmp_path / "missing" / "report.docx"))
    with pytest.raises(CommandError, match="is a folder"):
        report("--format", "md", "-o", str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]


def test_an_empty_programme_has_nothing_to_report(db, tmp_path):
    with pytest.raises(CommandError, match="Nothing has been recorded"):
        report("-o", str(tmp_path / "r.md"))


def test_publish_stores_a_frozen_hashed_report(demo, tmp_path):
    from wanqu.reports.models import Report

    target = tmp_path / "r.md"
    report("--publish", "-o", str(target))
    stored = Report.objects.get()
    assert stored.state == "published" and stored.edition == 1
    assert stored.text == Path(target).read_text()
    import hashlib

    assert stored.sha256 == hashlib.sha256(stored.text.encode()).hexdigest()
