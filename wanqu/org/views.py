"""The units' pages: the tree of organisations, and each unit with the tasks it leads and supports."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from wanqu.ledger.models import Task
from wanqu.org.models import Unit
from wanqu.org.permissions import visible_to


def _tree(units: list[Unit]) -> list[tuple[Unit, int]]:
    """Units in tree order with their depth; a unit whose parent is not in the list is a root."""
    present = {u.pk for u in units}
    children: dict[int | None, list[Unit]] = {}
    for unit in units:
        parent = unit.parent_id if unit.parent_id in present else None
        children.setdefault(parent, []).append(unit)
    ordered: list[tuple[Unit, int]] = []
    stack: list[tuple[Unit, int]] = [(u, 0) for u in reversed(children.get(None, []))]
    seen: set[int] = set()
    while stack:
        unit, depth = stack.pop()
        if unit.pk in seen:
            continue
        seen.add(unit.pk)
        ordered.append((unit, depth))
        stack.extend((child, depth + 1) for child in reversed(children.get(unit.pk, [])))
    return ordered


@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    units = list(visible_to(request.user, Unit.objects.select_related("jurisdiction", "city")))
    led = dict(visible_to(request.user, Task.objects.all()).values_list("lead_unit").annotate(n=Count("pk")).order_by())
    rows: list[dict[str, Any]] = [
        {"unit": unit, "depth": depth, "indent": depth * 1.4, "led": led.get(unit.pk, 0)}
        for unit, depth in _tree(units)
    ]
    return render(request, "org/unit_list.html", {"rows": rows})


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visible = visible_to(request.user, Unit.objects.select_related("jurisdiction", "city", "parent"))
    unit = get_object_or_404(visible, pk=pk)
    tasks = visible_to(request.user, Task.objects.select_related("lead_unit", "area").order_by("code"))
    context = {
        "unit": unit,
        "ancestors": list(reversed(unit.ancestors())),
        "children": list(visible.filter(parent=unit)),
        "led_tasks": list(tasks.filter(lead_unit=unit)),
        "supported_tasks": list(tasks.filter(supporting_units=unit)),
    }
    return render(request, "org/unit_detail.html", context)
