"""The indicator pages: the latest figure against its target, and each indicator's chart."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wanqu.indicators.filtersets import IndicatorFilter
from wanqu.indicators.formatting import figure, format_value, unit_word
from wanqu.indicators.models import Indicator
from wanqu.indicators.querysets import VERDICTS, attach_latest, verdict, with_latest
from wanqu.org.permissions import visible_to
from wanqu.web.listing import list_page
from wanqu.web.templatetags.wanqu import in_script


@login_required
def indicator_list(request: HttpRequest) -> HttpResponse:
    queryset = with_latest(visible_to(request.user, Indicator.objects.select_related("area", "owner")))
    listing = list_page(
        request.GET,
        IndicatorFilter,
        queryset,
        sorts={"code": ("code",), "name": ("name_key", "code")},
        default_sort="code",
        apply=IndicatorFilter.apply,
    )
    attach_latest(listing.rows)
    for row in listing.rows:
        row.latest_text = format_value(*_parts(row.latest, row.unit)) if row.latest else "—"
        row.target_text = format_value(*_parts(row.target, row.unit)) if row.target else "—"
        row.verdict_label = VERDICTS.get(row.verdict or "", "")
    return render(request, "indicators/indicator_list.html", {"listing": listing})


def _parts(value: Any, unit: str) -> tuple[Any, str, str]:
    return value.value, value.qualifier, unit


def _scope_label(row: Any) -> str:
    place = row.city or row.jurisdiction
    if place is None:
        return str(_("whole programme"))
    if (get_language() or "").startswith("en"):
        return place.name_en or place.name
    return in_script(place.name)


@login_required
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(visible_to(request.user, Indicator.objects.select_related("area", "owner")), pk=pk)
    observations = list(indicator.observations.select_related("jurisdiction", "city").order_by("period_end", "pk"))
    targets = list(indicator.targets.select_related("jurisdiction", "city").order_by("due_on", "pk"))
    for row in observations + targets:
        row.figure = figure(row.value, row.qualifier, indicator.unit)
        row.scope_label = _scope_label(row)
    series: dict[str, list[dict[str, Any]]] = {}
    for obs in observations:
        series.setdefault(obs.scope_label, []).append(
            {
                "date": obs.period_end.isoformat(),
                "value": float(obs.value),
                "qualifier": obs.figure.qualifier,
                "text": obs.figure.text,
                "qualifierName": obs.figure.qualifier_name,
            }
        )
    chart = {
        "unit": unit_word(indicator.unit) or "",
        "series": [{"name": name, "points": points} for name, points in series.items()],
        "targets": [
            {"date": t.due_on.isoformat(), "value": float(t.value), "text": t.figure.text, "scope": t.scope_label}
            for t in targets
        ],
        "labels": {
            "target": _("target"),
            "qualified": _("qualified figure: the true value lies on the side the qualifier says"),
            "exact": _("exact figure"),
        },
    }
    programme = [o for o in observations if o.scope == "programme"]
    programme_targets = [t for t in targets if t.scope == "programme"]
    latest = programme[-1] if programme else None
    target = programme_targets[-1] if programme_targets else None
    context = {
        "indicator": indicator,
        "observations": list(reversed(observations)),
        "targets": targets,
        "latest": latest,
        "target": target,
        "verdict": VERDICTS.get(verdict(indicator, latest, target) or ""),
        "chart": chart,
    }
    return render(request, "indicators/indicator_detail.html", context)
