"""The offline map of the Greater Bay Area's 11 cities, with the projects and platforms on it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from wanqu.geo.mapdata import MAP_DATA_PACKAGE, MAP_DATUM, map_payload


@login_required
def map_page(request: HttpRequest) -> HttpResponse:
    """The schematic map: city boundaries from the map-data package, the user's visible records on top."""
    payload = map_payload(request.user)
    return render(
        request,
        "geo/map.html",
        {"map_data": payload, "map_package": MAP_DATA_PACKAGE, "map_datum": MAP_DATUM},
    )
