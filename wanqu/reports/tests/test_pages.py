"""The report pages over HTTP: the office makes, publishes and renders; members read published ones."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from wanqu.reports.models import Report

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def client_for(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


@override_settings(TASKS=IMMEDIATE)
def test_the_office_makes_publishes_and_renders_a_report_that_viewers_then_read(
    demo, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    office = client_for("office")
    response = office.post("/reports/", {"as_of": "", "lang": "zh-hans"})
    assert response.status_code == 302
    report = Report.objects.get()
    page = office.get(f"/reports/{report.pk}/")
    assert page.status_code == 200
    assert "南沙大桥" in page.content.decode() and 'class="figure"' in page.content.decode()
    viewer = client_for("viewer")
    assert viewer.get(f"/reports/{report.pk}/").status_code == 404  # a draft is the office's
    assert viewer.post(f"/reports/{report.pk}/publish/", {"version": report.version}).status_code == 404
    office.post(f"/reports/{report.pk}/publish/", {"version": report.version})
    report.refresh_from_db()
    assert report.is_published and report.edition == 1
    with django_capture_on_commit_callbacks(execute=True):
        office.post(f"/reports/{report.pk}/render/")
    assert sorted(report.files.values_list("format", "state")) == [
        ("docx", "done"),
        ("html", "done"),
        ("md", "done"),
        ("pdf", "done"),
    ]
    assert (
        "published" in viewer.get("/reports/").content.decode()
        or report.title in viewer.get("/reports/").content.decode()
    )
    download = viewer.get(f"/reports/{report.pk}/download/docx/")
    assert download.status_code == 200 and b"".join(download.streaming_content)[:2] == b"PK"
    md = viewer.get(f"/reports/{report.pk}/download/md/")
    assert b"".join(md.streaming_content).decode() == report.text


def test_outsiders_see_no_reports(demo):
    outsider = get_user_model().objects.create_user("nobody", password="x-password-1")
    client = Client()
    client.force_login(outsider)
    assert "南沙" not in client.get("/reports/").content.decode()


def test_the_diff_page_shows_removed_and_added_paragraphs(demo):
    from django.utils import timezone

    from wanqu.core.services import record_update
    from wanqu.registers.models import Project
    from wanqu.reports.services import report_create

    old = report_create(actor=None, as_of=timezone.now(), lang="zh-hans")
    project = Project.objects.get(code="hkust-gz")
    record_update(actor=None, obj=project, data={"stage": "completed"}, expected_version=project.version)
    new = report_create(actor=None, as_of=timezone.now(), lang="zh-hans")
    page = client_for("office").get(f"/reports/diff/?a={old.pk}&b={new.pk}").content.decode()
    assert "<del>" in page and "<ins>" in page and "香港科技大学（广州）建成" in page
