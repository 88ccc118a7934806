"""The ledger list over HTTP: filters, sorting, pages, bad input, the .xlsx and its query count."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from wanqu.core.services import record_create, record_update
from wanqu.ledger.models import Task
from wanqu.org.choices import UnitKind
from wanqu.testing import PASSWORD, make_area, make_city, make_task, make_unit

pytestmark = pytest.mark.django_db
URL = reverse("ledger:task_list")


def signed_in(client, user):
    assert client.login(username=user.get_username(), password=PASSWORD)
    return client


def codes(response) -> list[str]:
    return [t.code for t in response.context["tasks"]]


@pytest.fixture
def ledger(world):
    """Tasks across areas, units, groups and statuses; due dates relative to today."""
    today = timezone.localdate()
    other_area = make_area("科技创新")
    hengqin = make_task(
        world.gz, world.area, world.group1, code="GZ-1", title="横琴粤澳深度合作区建设", title_en="Hengqin zone"
    )
    late = make_task(
        world.sz,
        other_area,
        world.group2,
        code="SZ-1",
        title="前海扩区",
        start_date=today - dt.timedelta(days=100),
        due_date=today - dt.timedelta(days=3),
        status="on_track",
    )
    soon = make_task(
        world.gz_sub,
        other_area,
        world.group1,
        code="GZ-2",
        title="南沙科学城",
        start_date=today - dt.timedelta(days=10),
        due_date=today + dt.timedelta(days=20),
        status="at_risk",
    )
    done = make_task(
        world.sz,
        world.area,
        world.group2,
        code="SZ-2",
        title="深港口岸",
        start_date=today - dt.timedelta(days=100),
        due_date=today - dt.timedelta(days=5),
        status="done",
        completed_on=today - dt.timedelta(days=6),
    )
    hk_task = make_task(world.hk, world.area, world.group2, code="HK-1", title="香港北部都會區")
    return {"hengqin": hengqin, "late": late, "soon": soon, "done": done, "hk": hk_task, "area2": other_area}


def test_viewer_sees_the_whole_ledger(client, world, ledger):
    response = signed_in(client, world.viewer).get(URL)
    assert response.status_code == 200
    assert sorted(codes(response)) == ["GZ-1", "GZ-2", "HK-1", "SZ-1", "SZ-2"]
    assert "台账" in response.content.decode() or "Task ledger" in response.content.decode()


def test_anonymous_visitor_is_sent_to_sign_in(client, world):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_outsider_sees_no_tasks(client, world, ledger):
    response = signed_in(client, world.outsider).get(URL)
    assert response.status_code == 200
    assert codes(response) == []
    assert "GZ-1" not in response.content.decode()


def test_hk_counterpart_sees_only_tasks_shared_with_hong_kong(client, world, ledger):
    response = signed_in(client, world.hk_counterpart).get(URL)
    assert codes(response) == ["HK-1"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "overdue"}, ["SZ-1"]),
        ({"status": "done"}, ["SZ-2"]),
        ({"due": "overdue"}, ["SZ-1"]),
        ({"due": "30"}, ["GZ-2"]),
        ({"q": "橫琴"}, ["GZ-1"]),
        ({"q": "hengqin"}, ["GZ-1"]),
        ({"q": "HENGQIN zone"}, ["GZ-1"]),
        ({"q": "gz-2"}, ["GZ-2"]),
    ],
)
def test_group_lead_filters_by_status_due_window_and_text(client, world, ledger, params, expected):
    response = signed_in(client, world.group_lead).get(URL, params)
    assert response.status_code == 200
    assert codes(response) == expected


def test_filters_by_area_group_lead_unit_jurisdiction_and_city(client, world, ledger):
    c = signed_in(client, world.office_admin)
    assert codes(c.get(URL, {"area": ledger["area2"].pk})) == ["GZ-2", "SZ-1"]
    assert sorted(codes(c.get(URL, {"special_group": world.group1.pk}))) == ["GZ-1", "GZ-2"]
    assert codes(c.get(URL, {"lead_unit": world.sz.pk})) == ["SZ-2", "SZ-1"]
    assert codes(c.get(URL, {"jurisdiction": world.j["HK"].pk})) == ["HK-1"]
    guangzhou = make_city("440100", "广州", world.j["GD"], "Guangzhou")
    record_update(actor=None, obj=world.gz, data={"city": guangzhou}, expected_version=world.gz.version)
    assert codes(c.get(URL, {"city": guangzhou.pk})) == ["GZ-1"]


def test_due_date_range_filters_inclusive(client, world, ledger):
    today = timezone.localdate()
    response = signed_in(client, world.viewer).get(
        URL, {"due_from": str(today - dt.timedelta(days=5)), "due_to": str(today - dt.timedelta(days=3))}
    )
    assert sorted(codes(response)) == ["SZ-1", "SZ-2"]


def test_filter_state_lives_in_the_url_and_fills_the_form(client, world, ledger):
    response = signed_in(client, world.viewer).get(URL, {"q": "前海", "status": "on_track"})
    html = response.content.decode()
    assert 'value="前海"' in html
    assert '<option value="on_track" selected>' in html
    assert "status=on_track" in html  # pages, sorting and the download keep the filters


@pytest.mark.parametrize(
    "params", [{"area": "999"}, {"status": "bogus"}, {"due": "7"}, {"due_from": "yesterday"}, {"sort": "secret"}]
)
def test_unknown_filter_values_get_a_message_and_no_rows(client, world, ledger, params):
    response = signed_in(client, world.viewer).get(URL, params)
    assert response.status_code == 200
    assert codes(response) == []
    assert response.context["notices"]
    assert 'class="msg-error"' in response.content.decode()


def test_sorting_by_due_date_both_ways(client, world, ledger):
    c = signed_in(client, world.office_admin)
    up = codes(c.get(URL, {"sort": "due_date"}))
    down = codes(c.get(URL, {"sort": "-due_date"}))
    assert up[:2] == ["SZ-2", "SZ-1"]
    assert down[-2:] == ["SZ-1", "SZ-2"]


def test_page_past_the_end_shows_the_last_page_with_a_message(client, world, ledger):
    response = signed_in(client, world.viewer).get(URL, {"page": "99"})
    assert response.status_code == 200
    assert response.context["page"].number == 1
    assert any("99" in n for n in response.context["notices"])
    response = signed_in(client, world.viewer).get(URL, {"page": "abc"})
    assert response.status_code == 200
    assert len(codes(response)) == 5


def test_htmx_request_gets_only_the_results(client, world, ledger):
    response = signed_in(client, world.viewer).get(URL, {"q": "前海"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert "SZ-1" in html and "GZ-1" not in html


def test_xlsx_download_holds_exactly_the_filtered_rows(client, world, ledger):
    response = signed_in(client, world.group_lead).get(
        reverse("ledger:task_export"), {"special_group": world.group1.pk, "sort": "code"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["GZ-1", "GZ-2"]
    assert rows[1][1] == "横琴粤澳深度合作区建设"
    assert rows[1][2] == "Hengqin zone"


def test_xlsx_download_for_hk_counterpart_leaks_nothing(client, world, ledger):
    response = signed_in(client, world.hk_counterpart).get(reverse("ledger:task_export"))
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["HK-1"]


def test_xlsx_download_with_an_unknown_filter_is_refused_with_a_message(client, world, ledger):
    response = signed_in(client, world.viewer).get(reverse("ledger:task_export"), {"area": "999"})
    assert response.status_code == 400
    assert 'class="msg-error"' in response.content.decode()


def test_search_key_follows_edits(world):
    task = make_task(world.gz, world.area, title="粤港澳大湾区")
    assert "粤港澳大湾区" in task.search_key
    task = record_update(actor=None, obj=task, data={"title": "灣區通"}, expected_version=task.version)
    assert Task.objects.get(pk=task.pk).search_key.startswith(task.code.lower())
    assert "湾区通" in Task.objects.get(pk=task.pk).search_key


def _many_tasks(world, n: int) -> None:
    groups = [world.group1, world.group2]
    units = [world.gz, world.sz, world.gz_sub]
    for i in range(n):
        task = make_task(units[i % 3], world.area, groups[i % 2])
        if i % 2:
            record_update(
                actor=None, obj=task, data={"supporting_units": [world.sz, world.hk]}, expected_version=task.version
            )


@pytest.mark.parametrize("n", [5, 50])
def test_list_page_costs_a_fixed_number_of_queries(client, world, django_assert_num_queries, n):
    _many_tasks(world, n)
    c = signed_in(client, world.office_admin)
    # session, user, language preference, memberships, count, rows, and one per choice list
    # (areas, groups, units, jurisdictions, cities)
    with django_assert_num_queries(11):
        response = c.get(URL, {"status": "planned"})
    assert len(response.context["tasks"]) == n


@pytest.mark.parametrize("n", [5, 50])
def test_xlsx_download_costs_a_fixed_number_of_queries(client, world, django_assert_num_queries, n):
    _many_tasks(world, n)
    c = signed_in(client, world.hk_counterpart)
    with django_assert_num_queries(7):
        response = c.get(reverse("ledger:task_export"))
    assert response.status_code == 200


def test_special_group_choice_list_offers_only_groups(client, world, ledger):
    response = signed_in(client, world.viewer).get(URL)
    choices = [str(c[1]) for c in response.context["filterset"].form.fields["special_group"].choices]
    assert "第一专项小组" in choices
    assert "广州市人民政府" not in choices
    assert world.gz.kind != UnitKind.SPECIAL_GROUP


def test_record_create_fills_the_search_key(world):
    area = make_area("基础设施")
    unit = make_unit("珠海市人民政府", UnitKind.CITY_GOVERNMENT, world.j["GD"])
    task = record_create(
        actor=None,
        model=Task,
        data={
            "code": "ZH-9",
            "title": "港珠澳大橋",
            "area": area,
            "lead_unit": unit,
            "start_date": dt.date(2026, 1, 1),
            "due_date": dt.date(2026, 2, 1),
        },
    )
    assert Task.objects.get(pk=task.pk).search_key == "zh-9 港珠澳大桥"
