"""Every UI string is translated into zh-hans, zh-hant and en, and the compiled catalogues are current."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[2] / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))


def test_there_is_a_catalogue_per_language():
    assert {p.parts[-3] for p in CATALOGUES} >= {"zh_Hans", "zh_Hant", "en"}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_no_string_is_left_untranslated_or_fuzzy(path):
    po = polib.pofile(str(path))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_compiled_catalogue_matches_its_source(path):
    def text(entry):
        return tuple(sorted(entry.msgstr_plural.items())) if entry.msgid_plural else entry.msgstr

    po = {(e.msgctxt, e.msgid): text(e) for e in polib.pofile(str(path)) if text(e)}
    mo = {(e.msgctxt, e.msgid): text(e) for e in polib.mofile(str(path.with_suffix(".mo"))) if e.msgid}
    assert mo == po, "run `python scripts/i18n.py` to recompile"


def test_admin_labels_are_chinese_in_the_chinese_interfaces():
    from wanqu.ledger.models import Task

    with translation.override("zh-hans"):
        assert str(Task._meta.verbose_name) == "重点任务"
    with translation.override("zh-hant"):
        assert str(Task._meta.verbose_name) == "重點任務"
    with translation.override("en"):
        assert str(Task._meta.verbose_name) == "task"
