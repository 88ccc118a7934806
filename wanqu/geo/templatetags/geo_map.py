"""`{% load geo_map %}`: what geo/_minimap.html needs to place one geometry on the map."""

from __future__ import annotations

import json
from typing import Any

from django import template

from wanqu.geo.datum import geometry_to_gcj02

register = template.Library()


@register.filter
def gcj02_json(geometry: Any) -> str:
    """A WGS-84 GeoJSON geometry as JSON in the map's datum (GCJ-02); "null" for none.

    Not marked safe: in an attribute, autoescaping keeps the JSON intact for `dataset`.
    """
    return json.dumps(geometry_to_gcj02(geometry), separators=(",", ":"))
