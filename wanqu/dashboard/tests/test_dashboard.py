import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from wanqu.core.services import record_create
from wanqu.dashboard.queries import MET, NOT_MET, UNCLEAR, verdict
from wanqu.indicators.models import Indicator, Observation, Target
from wanqu.ledger.choices import TaskStatus
from wanqu.registers.models import Project
from wanqu.testing import make_area, make_task

URL = "/dashboard/"


def days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


def task(world, lead, *, due: int, status: str = TaskStatus.ON_TRACK, area=None, group=None, **extra):
    data = {"start_date": days(-400), "due_date": days(due), "status": status, **extra}
    if status == TaskStatus.DONE:
        data["completed_on"] = days(-1)
    return make_task(lead, area or world.area, group=group or world.group1, **data)


def kpi(html: str, key: str) -> tuple[str, int]:
    """The link and the number of one headline figure."""
    match = re.search(rf'<li class="kpi kpi-{key}"><a class="n[^"]*" href="([^"]*)">(\d+)</a>', html)
    assert match, f"no linked {key} figure"
    return match.group(1).replace("&amp;", "&"), int(match.group(2))


@pytest.fixture
def programme(world):
    """Five tasks in Guangdong (one Guangzhou-only task among them) and one shared, one HK-led."""
    task(world, world.gz, due=-10, status=TaskStatus.AT_RISK, title="广州独有逾期任务")  # overdue, not shared
    task(world, world.sz, due=-3, is_shared=True)  # overdue
    task(world, world.gz, due=12, status=TaskStatus.AT_RISK)  # at risk, due soon
    task(world, world.sz, due=200)  # on track
    task(world, world.gz, due=-30, status=TaskStatus.DONE)  # done
    task(world, world.hk, due=40, group=world.group2)  # on track, HK-led
    return world


def get(client, user, **headers):
    client.force_login(user)
    return client.get(URL, HTTP_ACCEPT_LANGUAGE="en", **headers)


def test_dashboard_needs_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_home_sends_a_signed_in_user_to_the_dashboard(client, world):
    client.force_login(world.viewer)
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"] == reverse("dashboard:index")


def test_office_sees_every_task_counted_by_state(client, programme):
    html = get(client, programme.office_admin).content.decode()
    assert kpi(html, "total")[1] == 6
    assert kpi(html, "overdue") == ("/ledger/?status=overdue", 2)
    assert kpi(html, "at_risk") == (f"/ledger/?status=at_risk&due_from={days(0).isoformat()}", 1)
    assert kpi(html, "on_track")[1] == 2
    assert kpi(html, "done") == ("/ledger/?status=done", 1)
    assert kpi(html, "next30") == ("/ledger/?due=30", 1)


def test_two_new_overdue_tasks_raise_the_overdue_figure_by_two(client, programme):
    before = kpi(get(client, programme.office_admin).content.decode(), "overdue")[1]
    task(programme, programme.sz, due=-1)
    task(programme, programme.gz, due=-60, status=TaskStatus.PLANNED)
    link, after = kpi(client.get(URL).content.decode(), "overdue")
    assert after == before + 2
    assert link == "/ledger/?status=overdue"


@pytest.mark.parametrize("persona", ["group_lead", "gz_reporter", "viewer"])
def test_guangdong_side_members_see_the_whole_programme(client, programme, persona):
    html = get(client, getattr(programme, persona)).content.decode()
    assert kpi(html, "total")[1] == 6
    assert "广州独有逾期任务" in html


def test_hong_kong_counterpart_counts_only_what_is_shared_with_them(client, programme):
    html = get(client, programme.hk_counterpart).content.decode()
    assert kpi(html, "total")[1] == 2  # the shared task and the HK-led one
    assert kpi(html, "overdue")[1] == 1  # the Guangzhou-only overdue task is not counted
    assert "广州独有逾期任务" not in html  # neither in the overdue table nor in the change log


def test_an_outsider_sees_no_data(client, programme):
    response = get(client, programme.outsider)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="kpi' not in html and "dash-charts" not in html
    assert "广州独有逾期任务" not in html


def test_breakdowns_link_each_number_to_the_ledger_filtered_by_it(client, programme):
    html = get(client, programme.office_admin).content.decode().replace("&amp;", "&")
    area, group, gd = programme.area.pk, programme.group1.pk, programme.j["GD"].pk
    assert f'href="/ledger/?area={area}&status=overdue">2</a>' in html
    assert f'href="/ledger/?special_group={group}&status=overdue">2</a>' in html
    assert f'href="/ledger/?jurisdiction={gd}&status=overdue">2</a>' in html
    assert f'href="/ledger/?jurisdiction={programme.j["HK"].pk}">1</a>' in html


@pytest.mark.parametrize("persona", ["office_admin", "hk_counterpart"])
def test_every_task_link_leads_to_a_ledger_list_with_the_same_count(client, programme, persona):
    board = get(client, getattr(programme, persona)).context["board"]
    cells = [k["cell"] for k in board["kpis"]]
    for table in ("by_area", "by_group", "by_jurisdiction"):
        for row in board[table]:
            cells += [*row["cells"], row["total"]]
    assert len(cells) > 20
    for cell in cells:
        listing = client.get(cell.url)
        assert listing.status_code == 200, cell.url
        assert listing.context["page"].paginator.count == cell.n, cell.url


def test_charts_get_the_same_numbers_and_links(client, programme):
    response = get(client, programme.office_admin)
    charts = response.context["board"]["charts"]
    pie = {item["url"]: item["value"] for item in charts["status"]["data"]}
    assert pie["/ledger/?status=overdue"] == 2
    assert 'id="dash-charts"' in response.content.decode()


def test_projects_and_rule_items_are_counted(client, programme):
    record_create(
        actor=None,
        model=Project,
        data={"code": "p1", "name": "港珠澳大桥", "kind": "bridge", "stage": "in_operation", "lead_unit": programme.gz},
    )
    board = get(client, programme.office_admin).context["board"]
    stages = {s["cell"].url: s["cell"].n for s in board["stages"]}
    assert board["projects_all"].n == 1
    assert 1 in stages.values()


def test_indicator_values_keep_their_qualifier(client, programme):
    ind = record_create(
        actor=None,
        model=Indicator,
        data={
            "code": "remit",
            "name": "跨境付汇时间",
            "name_en": "Remittance time",
            "unit": "minute",
            "aggregation": "latest",
            "direction": "down",
        },
    )
    record_create(
        actor=None,
        model=Observation,
        data={
            "indicator": ind,
            "qualifier": "≤",
            "value": Decimal(5),
            "period_start": days(-90),
            "period_end": days(-1),
            "source": "report",
        },
    )
    record_create(
        actor=None, model=Target, data={"indicator": ind, "qualifier": "≤", "value": Decimal(3), "due_on": days(100)}
    )
    html = get(client, programme.office_admin).content.decode()
    assert "within 5 minutes" in html  # never a bare "5 minutes"
    assert "cannot tell from a bound" in html


@pytest.mark.parametrize(
    ("direction", "value", "qualifier", "target", "expected"),
    [
        ("up", 10, "=", 10, MET),
        ("up", 8, "=", 10, NOT_MET),
        ("up", 8, ">", 10, UNCLEAR),
        ("down", 5, "≤", 3, UNCLEAR),
        ("down", 2, "≤", 3, MET),
        ("down", 5, "≥", 3, NOT_MET),
        ("neutral", 5, "=", 3, ""),
    ],
)
def test_a_bound_is_not_judged_as_an_exact_figure(direction, value, qualifier, target, expected):
    assert verdict(direction, Decimal(value), qualifier, Decimal(target)) == expected


def test_the_page_reads_in_each_language(client, programme):
    client.force_login(programme.office_admin)
    for language, word in (("zh-hans", "总览"), ("zh-hant", "總覽"), ("en", "Dashboard")):
        client.post(reverse("set_language"), {"language": language, "next": URL})
        assert word in client.get(URL).content.decode()


QUERIES = 11  # session, user, language preference, memberships, then seven for the page


def test_the_page_costs_a_fixed_number_of_queries(client, programme, django_assert_num_queries):
    client.force_login(programme.office_admin)
    with django_assert_num_queries(QUERIES):
        client.get(URL)
    other = make_area("民生", order=90)
    for n in range(30):
        task(programme, programme.sz if n % 2 else programme.hk, due=n - 15, area=other, group=programme.group2)
    with django_assert_num_queries(QUERIES):
        client.get(URL)


def test_a_counterparts_page_costs_a_fixed_number_of_queries(client, programme, django_assert_num_queries):
    client.force_login(programme.hk_counterpart)
    with django_assert_num_queries(QUERIES + 1):  # their units' sub-units
        client.get(URL)
    for n in range(20):
        task(programme, programme.hk, due=n - 10, is_shared=bool(n % 2))
    with django_assert_num_queries(QUERIES + 1):
        client.get(URL)


def _listing_total(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.context["listing"].total


def test_project_and_rule_item_links_lead_to_lists_with_the_same_counts(client, programme):
    from django.urls import NoReverseMatch

    from wanqu.registers.models import JurisdictionStatus, RuleItem

    try:
        reverse("registers:project_list")
        reverse("registers:ruleitem_matrix")
    except NoReverseMatch:
        pytest.skip("the registers' pages are not there yet")
    for n, stage in enumerate(["started", "started", "in_operation"]):
        record_create(
            actor=None,
            model=Project,
            data={"code": f"p{n}", "name": f"项目{n}", "kind": "bridge", "stage": stage, "lead_unit": programme.gz},
        )
    for n, (gd, hk) in enumerate([("issued", "agreed"), ("issued", "under_study"), ("agreed", "agreed")]):
        item = record_create(
            actor=None,
            model=RuleItem,
            data={"code": f"r{n}", "name": f"事项{n}", "domain": "finance", "lead_unit": programme.gz},
        )
        for code, status in (("GD", gd), ("HK", hk)):
            record_create(
                actor=None,
                model=JurisdictionStatus,
                data={"rule_item": item, "jurisdiction": programme.j[code], "status": status},
            )
    board = get(client, programme.office_admin).context["board"]
    cells = [s["cell"] for s in board["stages"]] + [board["projects_all"], *board["alignment_totals"]]
    cells += [cell for row in board["alignment_rows"] for cell in row["cells"]]
    assert {c.n for c in cells} >= {0, 1, 2, 3}
    for cell in cells:
        assert _listing_total(client, cell.url) == cell.n, cell.url
