"""Who may open which round pages: found by a tester clicking where they should not."""

import datetime as dt

import pytest
from django.urls import reverse

from wanqu.ledger.services import round_open
from wanqu.testing import make_task


@pytest.fixture
def rnd(world):
    gz_task = make_task(world.gz, world.area, world.group1)
    hk_task = make_task(world.hk, world.area, world.group1, is_shared=True)
    opened = round_open(
        actor=world.office_admin,
        name="2026年第三季度",
        period_kind="quarter",
        period_start=dt.date(2026, 7, 1),
        period_end=dt.date(2026, 9, 30),
        due_date=dt.date(2026, 10, 10),
        obligations=[(gz_task, world.gz), (hk_task, world.hk)],
    )
    return opened, gz_task, hk_task


def test_only_the_unit_that_owes_an_update_gets_its_form(client, world, rnd):
    opened, gz_task, hk_task = rnd
    client.force_login(world.gz_reporter)
    assert client.get(reverse("rounds:update_edit", args=[opened.pk, gz_task.pk])).status_code == 200
    assert client.get(reverse("rounds:update_edit", args=[opened.pk, hk_task.pk])).status_code == 404
    client.force_login(world.viewer)
    assert client.get(reverse("rounds:update_edit", args=[opened.pk, gz_task.pk])).status_code == 404


def test_the_league_table_counts_only_what_a_counterpart_may_see(client, world, rnd):
    client.force_login(world.hk_counterpart)
    page = client.get(reverse("rounds:league"), HTTP_ACCEPT_LANGUAGE="zh-CN").content.decode()
    assert "政制及内地事务局" in page  # their own bureau, in the Simplified interface
    assert "广州市人民政府" not in page
    client.force_login(world.office_admin)
    assert "广州市人民政府" in client.get(reverse("rounds:league"), HTTP_ACCEPT_LANGUAGE="zh-CN").content.decode()


def test_counterparts_get_no_progress_report(world):
    from wanqu.reports.querysets import reports_visible_to

    assert reports_visible_to(world.hk_counterpart).query.is_empty()
    assert not reports_visible_to(world.viewer).query.is_empty()
