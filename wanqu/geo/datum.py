"""From WGS-84, the datum of the records' geometries, to GCJ-02, the datum of the map's boundaries.

Mainland boundary data (the map-data package included) is published in GCJ-02, the mainland's
offset system; project and platform geometries are entered in WGS-84, as GPS and open data give
them. The map draws in GCJ-02, so each geometry is shifted by the published GCJ-02 formula before
drawing: around the Bay the shift is about half a kilometre, enough to put a bridge end on the
wrong side of a coastline at the project page's zoom.
"""

from __future__ import annotations

import math
from typing import Any

_A = 6378245.0  # Krasovsky 1940 semi-major axis, as the formula uses it
_EE = 0.00669342162296594323  # its first eccentricity squared


def _shift_lat(x: float, y: float) -> float:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return ret


def _shift_lon(x: float, y: float) -> float:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return ret


def wgs84_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    """One WGS-84 point in GCJ-02, rounded to 6 decimals (about 0.1 m)."""
    dlat = _shift_lat(lon - 105.0, lat - 35.0)
    dlon = _shift_lon(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(radlat) ** 2
    sqrtmagic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrtmagic) * math.pi)
    dlon = (dlon * 180.0) / (_A / sqrtmagic * math.cos(radlat) * math.pi)
    return round(lon + dlon, 6), round(lat + dlat, 6)


def _positions(coords: Any) -> Any:
    if not isinstance(coords, list | tuple) or not coords:
        raise ValueError("not a GeoJSON coordinate array")
    if isinstance(coords[0], int | float):
        return list(wgs84_to_gcj02(float(coords[0]), float(coords[1])))
    return [_positions(part) for part in coords]


def geometry_to_gcj02(geometry: dict[str, Any] | None) -> dict[str, Any] | None:
    """A GeoJSON geometry with every position shifted to GCJ-02; None for none or a malformed one."""
    if not isinstance(geometry, dict) or "coordinates" not in geometry or not geometry.get("type"):
        return None
    try:
        return {"type": geometry["type"], "coordinates": _positions(geometry["coordinates"])}
    except (TypeError, ValueError, IndexError):
        return None
