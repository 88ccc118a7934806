"""`make frontend` (npm ci + scripts/build_frontend.py) leaves what the pages load in build/vendor.

These tests need the build: `make test` and .ci/run run it first, so they fail, never skip,
when it is missing.
"""

import json
import re
from pathlib import Path

from django.contrib.staticfiles import finders

from wanqu.geo.mapdata import MAP_DATA_PACKAGE

ROOT = Path(__file__).resolve().parents[3]
VENDOR = ROOT / "build" / "vendor"
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


def lock_version(package: str) -> str:
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    return lock["packages"][f"node_modules/{package}"]["version"]


def test_django_finds_htmx_echarts_and_the_map_under_static_vendor():
    for name in ["htmx.min.js", "echarts.min.js", "gba.geojson"]:
        found = finders.find(f"vendor/{name}")
        assert found, f"vendor/{name} is not built: run `make frontend`"
        assert Path(found).resolve() == (VENDOR / name).resolve()
        assert Path(found).stat().st_size > 10_000


def test_the_built_libraries_are_the_locked_major_versions():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"[~^]2\.\d+\.\d+", package["dependencies"]["htmx.org"]), "htmx pinned to major 2"
    assert re.fullmatch(r"[~^]5\.\d+\.\d+", package["dependencies"]["echarts"]), "ECharts pinned to major 5"
    htmx = (VENDOR / "htmx.min.js").read_text(encoding="utf-8")
    assert f'version:"{lock_version("htmx.org")}"' in htmx.replace(" ", "")
    echarts = (VENDOR / "echarts.min.js").read_text(encoding="utf-8")
    assert f'"{lock_version("echarts")}"' in echarts


def test_the_map_data_holds_the_eleven_cities_by_code_with_its_source_and_licence():
    gba = json.loads((VENDOR / "gba.geojson").read_text(encoding="utf-8"))
    assert {f["properties"]["code"] for f in gba["features"]} == GBA_CODES
    assert all(f["geometry"]["type"] == "MultiPolygon" for f in gba["features"])
    assert gba["source"] == {
        "package": MAP_DATA_PACKAGE["name"],
        "version": MAP_DATA_PACKAGE["version"],
        "license": MAP_DATA_PACKAGE["license"],
        "datum": "GCJ-02",
    }
    assert lock_version(MAP_DATA_PACKAGE["name"]) == MAP_DATA_PACKAGE["version"]
    assert "MIT License" in (VENDOR / "gba.LICENSE.txt").read_text(encoding="utf-8")
    # Guangzhou lies where Guangzhou is (GCJ-02 differs from WGS-84 by well under 0.01°).
    [guangzhou] = [f for f in gba["features"] if f["properties"]["code"] == "440100"]
    lons = [p[0] for polygon in guangzhou["geometry"]["coordinates"] for p in polygon[0]]
    lats = [p[1] for polygon in guangzhou["geometry"]["coordinates"] for p in polygon[0]]
    assert 112.9 < min(lons) < 113.1 and 113.9 < max(lons) < 114.1
    assert 22.4 < min(lats) < 22.6 and 23.8 < max(lats) < 24.0
