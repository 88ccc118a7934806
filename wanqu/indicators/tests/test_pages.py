"""The indicator pages over HTTP: latest value against target, honest qualifiers, the chart's data."""

import datetime as dt
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wanqu.core.services import record_create
from wanqu.indicators.models import Indicator, Observation, Target


def make_indicator(n, **extra):
    data = {"code": f"i{n}", "name": f"指标{n}", "unit": "count", "aggregation": "latest", "direction": "up", **extra}
    return record_create(actor=None, model=Indicator, data=data)


def observe(indicator, value, qualifier="=", end=dt.date(2020, 6, 30)):
    return record_create(
        actor=None,
        model=Observation,
        data={
            "indicator": indicator,
            "value": value,
            "qualifier": qualifier,
            "period_start": dt.date(2019, 1, 1),
            "period_end": end,
            "source": "省大湾区办报告",
        },
    )


@pytest.fixture
def remittance(world):
    indicator = make_indicator(1, name="跨境付汇时间", unit="minute", direction="down")
    observe(indicator, 10, end=dt.date(2019, 6, 30))
    observe(indicator, 5, "≤")
    record_create(
        actor=None,
        model=Target,
        data={"indicator": indicator, "value": 3, "qualifier": "≤", "due_on": dt.date(2026, 12, 31)},
    )
    return indicator


def test_the_list_shows_the_latest_value_with_its_qualifier_against_the_target(client, world, remittance):
    client.force_login(world.viewer)
    page = client.get(reverse("indicators:indicator_list"), HTTP_ACCEPT_LANGUAGE="zh-CN").content.decode()
    assert "≤ 5 分钟" in page and "≤ 3 分钟" in page
    english = client.get(reverse("indicators:indicator_list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "within 5 minutes" in english and "cannot tell" in english
    assert ">5 minutes<" not in english


def test_the_indicator_page_charts_observations_and_marks_qualified_points(client, world, remittance):
    client.force_login(world.viewer)
    response = client.get(reverse("indicators:indicator_detail", args=[remittance.pk]), HTTP_ACCEPT_LANGUAGE="zh-HK")
    page = response.content.decode()
    assert "vendor/echarts.min.js" in page and 'id="indicator-chart-data"' in page
    assert "跨境付匯時間" in page and "≤ 5 分鐘" in page
    start = page.index(">", page.index('id="indicator-chart-data"')) + 1
    data = json.loads(page[start : page.index("</script>", start)])
    (series,) = data["series"]
    assert [(p["value"], p["qualifier"]) for p in series["points"]] == [(10.0, ""), (5.0, "≤")]
    assert data["targets"][0]["text"] == "≤ 3 分鐘"


def test_the_english_page_marks_an_indicator_without_an_english_name(client, world, remittance):
    client.force_login(world.viewer)
    page = client.get(reverse("indicators:indicator_detail", args=[remittance.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert "no English name" in page.content.decode()


def test_bad_filters_and_strangers(client, world, remittance):
    assert client.get(reverse("indicators:indicator_list")).status_code == 302
    client.force_login(world.outsider)
    assert client.get(reverse("indicators:indicator_detail", args=[remittance.pk])).status_code == 404
    client.force_login(world.hk_counterpart)
    response = client.get(reverse("indicators:indicator_list"), {"unit": "furlongs", "page": "7"})
    assert response.status_code == 200 and 'class="msg-error"' in response.content.decode()


def test_the_indicator_list_costs_a_fixed_number_of_queries(client, world, remittance):
    client.force_login(world.hk_counterpart)
    url = reverse("indicators:indicator_list")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    small = count()
    for n in range(2, 20):
        indicator = make_indicator(n)
        observe(indicator, n)
        observe(indicator, n + 1, ">", end=dt.date(2021, 1, 1))
    assert (small, count()) == (9, 9)
