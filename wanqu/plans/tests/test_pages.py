"""The plan tree over HTTP: clauses with their tasks, gaps highlighted, coverage, fixed cost."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wanqu.core.services import record_create
from wanqu.plans.models import Clause, Plan
from wanqu.testing import make_task


def clause(plan, ordinal, title, parent=None, title_en=""):
    data = {"plan": plan, "parent": parent, "ordinal": ordinal, "title": title, "title_en": title_en}
    return record_create(actor=None, model=Clause, data=data)


@pytest.fixture
def plan(world):
    outline = record_create(
        actor=None,
        model=Plan,
        data={"code": "outline", "name": "粤港澳大湾区发展规划纲要", "kind": "outline", "status": "in_force"},
    )
    chapter = clause(outline, 1, "建设国际科技创新中心", title_en="An innovation hub")
    section = clause(outline, 1, "构建开放型区域协同创新共同体", chapter)
    gap = clause(outline, 2, "优化区域创新环境", chapter)
    lone = clause(outline, 2, "横琴建设")
    make_task(world.gz, world.area, title="广东内部任务", clauses=[section])
    make_task(world.hk, world.area, title="共享任务", clauses=[lone], is_shared=True)
    return {"plan": outline, "section": section, "gap": gap}


def test_the_plan_tree_numbers_clauses_and_lists_their_tasks(client, world, plan):
    client.force_login(world.viewer)
    page = client.get(reverse("plans:plan_detail", args=[plan["plan"].pk])).content.decode()
    assert "第一章" in page and "第一节" in page and "第二节" in page and "第二章" in page
    assert "广东内部任务" in page and "共享任务" in page


def test_clauses_no_task_implements_are_highlighted(client, world, plan):
    client.force_login(world.viewer)
    response = client.get(reverse("plans:plan_detail", args=[plan["plan"].pk]), HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert page.count("clause level-2 uncovered") == 1 and "no task yet" in page
    assert (response.context["coverage"].covered, response.context["coverage"].leaves) == (2, 3)


def test_coverage_counts_only_tasks_the_user_may_see(client, world, plan):
    client.force_login(world.hk_counterpart)
    response = client.get(reverse("plans:plan_list"))
    (row,) = response.context["rows"]
    assert (row["coverage"].covered, row["coverage"].leaves, row["coverage"].percent) == (1, 3, 33)
    detail = client.get(reverse("plans:plan_detail", args=[plan["plan"].pk])).content.decode()
    assert "广东内部任务" not in detail


def test_the_plan_shows_in_traditional_and_marks_missing_english(client, world, plan):
    client.force_login(world.viewer)
    url = reverse("plans:plan_detail", args=[plan["plan"].pk])
    assert "粵港澳大灣區發展規劃綱要" in client.get(url, HTTP_ACCEPT_LANGUAGE="zh-HK").content.decode()
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "An innovation hub" in english and "no English name" in english


def test_outsiders_see_no_plan_and_strangers_are_sent_to_sign_in(client, world, plan):
    assert client.get(reverse("plans:plan_list")).status_code == 302
    client.force_login(world.outsider)
    assert client.get(reverse("plans:plan_list")).context["rows"] == []
    assert client.get(reverse("plans:plan_detail", args=[plan["plan"].pk])).status_code == 404


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(("name", "expected"), [("plan_list", 7), ("plan_detail", 8)])
def test_plan_pages_cost_a_fixed_number_of_queries(client, world, plan, name, expected):
    client.force_login(world.hk_counterpart)
    url = reverse(f"plans:{name}", args=[plan["plan"].pk] if name == "plan_detail" else [])
    small = _queries(client, url)
    for n in range(3, 15):
        extra = clause(plan["plan"], n, f"条款{n}", plan["section"].parent)
        make_task(world.hk, world.area, clauses=[extra, plan["gap"]], is_shared=True)
        record_create(
            actor=None, model=Plan, data={"code": f"p{n}", "name": f"规划{n}", "kind": "measures", "status": "issued"}
        )
    assert (small, _queries(client, url)) == (expected, expected)
