"""The units' pages over HTTP: the tree, and a unit with the tasks it leads and supports."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wanqu.org.choices import UnitKind
from wanqu.testing import make_task, make_unit


def test_the_unit_tree_nests_sub_units_under_their_parent(client, world):
    client.force_login(world.viewer)
    rows = client.get(reverse("org:unit_list")).context["rows"]
    order = [r["unit"].pk for r in rows]
    assert order.index(world.gz_sub.pk) == order.index(world.gz.pk) + 1
    assert next(r["depth"] for r in rows if r["unit"] == world.gz_sub) == 1


def test_a_unit_page_lists_tasks_it_leads_and_supports_that_the_user_may_see(client, world):
    make_task(world.gz, world.area, title="广州牵头任务")
    make_task(world.sz, world.area, title="广州配合任务", supporting_units=[world.gz])
    client.force_login(world.viewer)
    page = client.get(reverse("org:unit_detail", args=[world.gz.pk]), HTTP_ACCEPT_LANGUAGE="zh-HK").content.decode()
    assert "廣州牽頭任務" in page and "廣州配合任務" in page and "廣州市發展和改革委員會" in page
    client.force_login(world.hk_counterpart)
    assert "广州牵头任务" not in client.get(reverse("org:unit_detail", args=[world.gz.pk])).content.decode()


def test_the_english_unit_page_marks_a_unit_without_an_english_name(client, world):
    client.force_login(world.viewer)
    page = client.get(reverse("org:unit_detail", args=[world.gz.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "no English name" in page


def test_outsiders_see_no_unit(client, world):
    assert client.get(reverse("org:unit_list")).status_code == 302
    client.force_login(world.outsider)
    assert client.get(reverse("org:unit_list")).context["rows"] == []
    assert client.get(reverse("org:unit_detail", args=[world.gz.pk])).status_code == 404


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", ["unit_list", "unit_detail"])
def test_unit_pages_cost_a_fixed_number_of_queries(client, world, name):
    client.force_login(world.viewer)
    url = reverse(f"org:{name}", args=[world.gz.pk] if name == "unit_detail" else [])
    small = _queries(client, url)
    for n in range(12):
        unit = make_unit(f"广州区{n}", UnitKind.DEPARTMENT, world.j["GD"], world.gz)
        make_task(world.gz, world.area, supporting_units=[unit])
    expected = {"unit_list": 6, "unit_detail": 8}[name]
    assert (small, _queries(client, url)) == (expected, expected)
