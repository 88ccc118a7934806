"""Reads of the indicators: the latest figure and the target of each, and whether it is met.

"Met" is judged honestly from qualified figures: an observation of "≤ 5 minutes" against a
target of "≤ 3 minutes" cannot be called met or missed, so it is "cannot tell".
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from wanqu.indicators.choices import Direction, Qualifier, Scope
from wanqu.indicators.models import Indicator, Observation, Target

MET, MISSED, UNKNOWN = "met", "missed", "unknown"
VERDICTS = {MET: _("target met"), MISSED: _("target not met"), UNKNOWN: _("cannot tell")}

_INF = Decimal("Infinity")


def _interval(value: Decimal, qualifier: str) -> tuple[Decimal, Decimal]:
    """Where the true value lies, given a qualified figure (≈ is taken as the figure)."""
    if qualifier in {Qualifier.LE, Qualifier.LT}:
        return -_INF, value
    if qualifier in {Qualifier.GE, Qualifier.GT}:
        return value, _INF
    return value, value


def verdict(indicator: Indicator, observation: Observation | None, target: Target | None) -> str | None:
    """met / missed / unknown, or None when there is nothing to compare or no direction."""
    if observation is None or target is None or indicator.direction == Direction.NEUTRAL:
        return None
    low, high = _interval(observation.value, observation.qualifier)
    goal = target.value
    if indicator.direction == Direction.UP:
        if low >= goal:
            return MET
        return MISSED if high < goal else UNKNOWN
    if high <= goal:
        return MET
    return MISSED if low > goal else UNKNOWN


def with_latest(indicators: QuerySet[Indicator]) -> QuerySet[Indicator]:
    """Annotate each indicator with the pk of its latest programme-wide observation and target."""
    latest = Observation.objects.filter(indicator=OuterRef("pk"), scope=Scope.PROGRAMME).order_by("-period_end", "-pk")
    target = Target.objects.filter(indicator=OuterRef("pk"), scope=Scope.PROGRAMME).order_by("-due_on", "-pk")
    return indicators.annotate(latest_pk=Subquery(latest.values("pk")[:1]), target_pk=Subquery(target.values("pk")[:1]))


def attach_latest(rows: list[Any]) -> None:
    """Fetch the annotated observations and targets of a page of indicators: two queries."""
    observations = Observation.objects.in_bulk([r.latest_pk for r in rows if r.latest_pk])
    targets = Target.objects.in_bulk([r.target_pk for r in rows if r.target_pk])
    for row in rows:
        row.latest = observations.get(row.latest_pk)
        row.target = targets.get(row.target_pk)
        row.verdict = verdict(row, row.latest, row.target)
