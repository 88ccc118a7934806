"""Publishing freezes a report; as-of reproducibility; who may publish."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from wanqu.core.errors import Forbidden
from wanqu.core.history import programme_as_of
from wanqu.core.models import Change
from wanqu.core.services import record_delete, record_update
from wanqu.ledger.models import Task
from wanqu.registers.models import Project
from wanqu.reports.diff import report_diff
from wanqu.reports.models import Report
from wanqu.reports.services import report_create, report_publish

pytestmark = pytest.mark.django_db


def test_regenerating_as_of_the_same_time_gives_the_same_sha256_after_records_changed(demo):
    at = timezone.now()
    first = report_create(actor=None, as_of=at, lang="zh-hans")
    first = report_publish(actor=None, report=first, expected_version=first.version)
    bridge = Project.objects.get(code="nansha-bridge")
    record_update(actor=None, obj=bridge, data={"name": "南沙大桥（虎门二桥）"}, expected_version=bridge.version)
    for task in Task.objects.filter(projects__code="huanggang-port"):
        record_update(actor=None, obj=task, data={"projects": []}, expected_version=task.version)
    port = Project.objects.get(code="huanggang-port")
    record_delete(actor=None, obj=port, expected_version=port.version)

    again = report_create(actor=None, as_of=at, lang="zh-hans")
    assert again.sha256 == first.sha256
    assert again.text == first.text
    now = report_create(actor=None, as_of=timezone.now(), lang="zh-hans")
    assert now.sha256 != first.sha256
    assert "南沙大桥（虎门二桥）" in now.text and "皇岗口岸" not in now.text


def test_programme_as_of_reads_the_change_log_in_one_query(demo, django_assert_num_queries):
    at = timezone.now()
    with django_assert_num_queries(1):
        state = programme_as_of(at, ["registers.project", "ledger.task"])
    assert len(state["registers.project"]) == Project.objects.count()
    assert Change.objects.filter(model="registers.project").count() >= len(state["registers.project"])


def test_a_published_report_cannot_be_published_again_and_editions_count_up(demo):
    at = timezone.now()
    one = report_create(actor=None, as_of=at, lang="en")
    one = report_publish(actor=None, report=one, expected_version=one.version)
    with pytest.raises(ValidationError, match="already published"):
        report_publish(actor=None, report=one, expected_version=one.version)
    two = report_create(actor=None, as_of=at, lang="en")
    two = report_publish(actor=None, report=two, expected_version=two.version)
    assert (one.edition, two.edition) == (1, 2)
    assert Change.objects.filter(model="reports.report", object_id=two.pk).count() == 2


def test_only_the_office_publishes(demo):
    users = {u.username: u for u in get_user_model().objects.all()}
    report = report_create(actor=users["office"], as_of=timezone.now(), lang="zh-hans")
    assert report.created_by == users["office"]
    for name in ("group1", "gz-reporter", "hk-counterpart", "viewer"):
        with pytest.raises(Forbidden):
            report_publish(actor=users[name], report=report, expected_version=report.version)
    with pytest.raises(Forbidden):
        report_create(actor=users["gz-reporter"], as_of=timezone.now(), lang="zh-hans")
    published = report_publish(actor=users["office"], report=report, expected_version=report.version)
    assert published.is_published


def test_a_diff_shows_what_changed_between_two_reports(demo):
    before = report_create(actor=None, as_of=timezone.now(), lang="zh-hans")
    bridge = Project.objects.get(code="hkust-gz")
    record_update(actor=None, obj=bridge, data={"stage": "completed"}, expected_version=bridge.version)
    after = report_create(actor=None, as_of=timezone.now() + dt.timedelta(microseconds=1) * 0, lang="zh-hans")
    lines = report_diff(before, after)
    removed = [text for kind, text in lines if kind == "-"]
    added = [text for kind, text in lines if kind == "+"]
    assert any("香港科技大学（广州）开工建设" in t for t in removed)
    assert any("香港科技大学（广州）建成" in t for t in added)
    assert Report.objects.count() == 2
