"""The registers' pages over HTTP, for each persona, in three languages, at fixed query cost."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wanqu.core.services import record_create
from wanqu.registers.models import Instrument, JurisdictionStatus, Platform, PolicyIdea, Project, RuleItem
from wanqu.registers.services import project_reach_stage
from wanqu.testing import make_city, make_task

HENGQIN = "横琴口岸旅检区域建设"


def make_project(n, **extra):
    data = {"code": f"p{n}", "name": f"重大项目{n}", "kind": "railway", **extra}
    return record_create(actor=None, model=Project, data=data)


def make_rule_item(n, world, statuses, **extra):
    item = record_create(
        actor=None, model=RuleItem, data={"code": f"r{n}", "name": f"规则事项{n}", "domain": "finance", **extra}
    )
    for code, status in statuses.items():
        record_create(
            actor=None,
            model=JurisdictionStatus,
            data={"rule_item": item, "jurisdiction": world.j[code], "status": status, "position": "配合推进"},
        )
    return item


@pytest.fixture
def registers(world):
    zhuhai = make_city("440400", "珠海", world.j["GD"], "Zhuhai")
    make_city("440100", "广州", world.j["GD"], "Guangzhou")
    platform = record_create(
        actor=None, model=Platform, data={"code": "hengqin", "name": "横琴粤澳深度合作区", "level": "national"}
    )
    project = make_project(
        1,
        name=HENGQIN,
        kind="port",
        cities=[zhuhai],
        platform=platform,
        geometry={"type": "Point", "coordinates": [113.5, 22.1]},
    )
    project_reach_stage(actor=None, project=project, stage="planned", reached_on=dt.date(2019, 3, 1))
    project_reach_stage(actor=None, project=project, stage="started", reached_on=dt.date(2020, 5, 12))
    make_project(2, name_en="Shenzhen-Zhongshan Link", kind="bridge")
    item = make_rule_item(1, world, {"GD": "implemented", "HK": "agreed", "MO": "not_applicable"}, name="跨境理财通")
    make_rule_item(2, world, {"GD": "issued"}, domain="health")
    record_create(
        actor=None,
        model=Instrument,
        data={"rule_item": item, "jurisdiction": world.j["GD"], "title": "粤港澳大湾区跨境理财通业务试点实施细则"},
    )
    secret = make_task(world.gz, world.area, title="广东内部任务", rule_items=[item], projects=[project])
    shared = make_task(world.hk, world.area, title="共享任务", rule_items=[item], is_shared=True, platforms=[platform])
    record_create(
        actor=None,
        model=PolicyIdea,
        data={
            "code": "i1",
            "title": "理财通扩容",
            "proposal": "扩大额度",
            "proposer": world.gz,
            "proposed_on": dt.date(2024, 1, 2),
            "state": "adopted",
            "rule_item": item,
        },
    )
    return {"project": project, "item": item, "platform": platform, "secret": secret, "shared": shared}


PAGES = ["project_list", "ruleitem_matrix", "idea_list", "platform_list"]


@pytest.mark.parametrize("page", PAGES)
def test_signed_out_visitors_are_sent_to_sign_in(client, db, page):
    response = client.get(reverse(f"registers:{page}"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.parametrize("persona", ["office_admin", "viewer", "hk_counterpart", "gz_reporter"])
def test_every_member_reads_the_registers(client, world, registers, persona):
    client.force_login(getattr(world, persona))
    for page in PAGES:
        assert client.get(reverse(f"registers:{page}")).status_code == 200
    assert client.get(reverse("registers:project_detail", args=[registers["project"].pk])).status_code == 200


def test_an_outsider_sees_no_rows_and_a_record_is_not_found(client, world, registers):
    client.force_login(world.outsider)
    page = client.get(reverse("registers:project_list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Shenzhen-Zhongshan Link" not in page
    for name, key in [("project_detail", "project"), ("ruleitem_detail", "item"), ("platform_detail", "platform")]:
        assert client.get(reverse(f"registers:{name}", args=[registers[key].pk])).status_code == 404
    assert client.get(reverse("registers:project_detail", args=[999999])).status_code == 404


def test_project_names_show_in_traditional_on_the_traditional_interface(client, world, registers):
    client.force_login(world.viewer)
    page = client.get(reverse("registers:project_list"), HTTP_ACCEPT_LANGUAGE="zh-HK").content.decode()
    assert "橫琴口岸" in page and HENGQIN not in page


def test_the_english_list_marks_a_project_without_an_english_name(client, world, registers):
    client.force_login(world.viewer)
    page = client.get(reverse("registers:project_list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Shenzhen-Zhongshan Link" in page
    assert 'class="no-en"' in page and "no English name" in page


def test_projects_filter_by_kind_stage_and_city(client, world, registers):
    client.force_login(world.viewer)
    url = reverse("registers:project_list")
    assert HENGQIN not in client.get(url, {"kind": "bridge"}).content.decode()
    assert HENGQIN in client.get(url, {"stage": "started", "city": "440400"}).content.decode()
    assert HENGQIN not in client.get(url, {"city": "440100"}).content.decode()
    assert HENGQIN in client.get(url, {"sort": "-name"}).content.decode()


@pytest.mark.parametrize(
    "params", [{"kind": "spaceship"}, {"city": "999999"}, {"page": "99"}, {"page": "x"}, {"sort": "nope"}]
)
def test_bad_filters_get_a_clear_message_not_an_error(client, world, registers, params):
    client.force_login(world.viewer)
    response = client.get(reverse("registers:project_list"), params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert 'class="msg-error"' in response.content.decode()


def test_the_project_page_shows_its_stage_timeline_and_tasks_the_user_may_see(client, world, registers):
    client.force_login(world.viewer)
    url = reverse("registers:project_detail", args=[registers["project"].pk])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "2019-03-01" in page and "2020-05-12" in page and "current stage" in page
    assert "广东内部任务" in page
    client.force_login(world.hk_counterpart)
    assert "广东内部任务" not in client.get(url).content.decode()


def test_the_matrix_counts_statuses_and_shows_the_deficit_and_its_definition(client, world, registers):
    client.force_login(world.viewer)
    response = client.get(reverse("registers:ruleitem_matrix"), HTTP_ACCEPT_LANGUAGE="en")
    summary = response.context["summary"]
    assert summary.counts["GD"] == {"implemented": 1, "issued": 1}
    assert (summary.by_jurisdiction["HK"].pending, summary.by_jurisdiction["HK"].involved) == (1, 1)
    assert (summary.by_jurisdiction["MO"].pending, summary.by_jurisdiction["MO"].involved) == (0, 0)
    assert (summary.by_jurisdiction["GD"].pending, summary.by_jurisdiction["GD"].involved) == (0, 2)
    page = response.content.decode()
    assert "Alignment deficit" in page and "neither issued nor implemented" in page


def test_the_matrix_filters_by_a_jurisdictions_status(client, world, registers):
    client.force_login(world.viewer)
    url = reverse("registers:ruleitem_matrix")
    response = client.get(url, {"jurisdiction": "HK", "status": "agreed"})
    assert [i.code for i in response.context["listing"].rows] == ["r1"]
    bad = client.get(url, {"status": "agreed"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Choose the jurisdiction" in bad


def test_the_rule_item_page_shows_statuses_instruments_ideas_and_visible_tasks(client, world, registers):
    client.force_login(world.hk_counterpart)
    page = client.get(reverse("registers:ruleitem_detail", args=[registers["item"].pk])).content.decode()
    assert (
        "跨境理財通業務試點實施細則"
        in client.get(
            reverse("registers:ruleitem_detail", args=[registers["item"].pk]), HTTP_ACCEPT_LANGUAGE="zh-HK"
        ).content.decode()
        or "跨境理财通业务试点实施细则" in page
    )
    assert "共享任务" in page and "广东内部任务" not in page
    assert "理财通扩容" in page


def test_the_reserve_links_an_adopted_idea_to_its_rule_item(client, world, registers):
    client.force_login(world.viewer)
    page = client.get(reverse("registers:idea_list")).content.decode()
    assert reverse("registers:ruleitem_detail", args=[registers["item"].pk]) in page
    assert client.get(reverse("registers:idea_list"), {"state": "lost"}).status_code == 200


def test_the_platform_counts_only_tasks_the_user_may_see(client, world, registers):
    client.force_login(world.viewer)
    response = client.get(reverse("registers:platform_list"))
    assert [(p.task_count, p.project_count) for p in response.context["listing"].rows] == [(1, 1)]
    page = client.get(reverse("registers:platform_detail", args=[registers["platform"].pk])).content.decode()
    assert HENGQIN in page and "共享任务" in page


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _grow(world, registers, n):
    for i in range(10, 10 + n):
        project = make_project(i, platform=registers["platform"])
        project.cities.add(*list(registers["project"].cities.all()))
        item = make_rule_item(i, world, {"GD": "agreed", "HK": "issued"})
        make_task(world.gz, world.area, rule_items=[item], projects=[project], platforms=[registers["platform"]])
        record_create(
            actor=None,
            model=Platform,
            data={"code": f"pl{i}", "name": f"平台{i}", "level": "park"},
        )


@pytest.mark.parametrize(
    ("page", "expected"), [("project_list", 9), ("ruleitem_matrix", 10), ("idea_list", 7), ("platform_list", 8)]
)
def test_list_pages_cost_a_fixed_number_of_queries(client, world, registers, page, expected):
    client.force_login(world.hk_counterpart)
    url = reverse(f"registers:{page}")
    small = _queries(client, url)
    _grow(world, registers, 15)
    assert (small, _queries(client, url)) == (expected, expected)
