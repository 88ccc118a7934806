"""The dashboard's numbers: a fixed handful of aggregate queries, each over what the user may see.

Every figure is counted by the database (`values(...).annotate(Count(...))`), never by looping
over rows, so the page costs the same number of queries for ten tasks or a hundred thousand.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import CharField, Count, F, Q, QuerySet, Subquery, Value
from django.db.models.expressions import Case, Exists, OuterRef, When
from django.db.models.functions import Coalesce

from wanqu.core.models import Change
from wanqu.indicators.choices import Direction, Qualifier, Scope
from wanqu.indicators.models import Indicator, Observation, Target
from wanqu.ledger.choices import TaskStatus
from wanqu.ledger.models import Task
from wanqu.org.permissions import scope_of, visible_to
from wanqu.registers.choices import AlignmentStatus, Stage
from wanqu.registers.models import JurisdictionStatus, Project

# The dashboard's task states. "Overdue" is not stored: a task not done and due before today; it
# takes precedence over the stored status. Planned and suspended tasks are shown only when there are any.
ON_TRACK, AT_RISK, OVERDUE, DONE = "on_track", "at_risk", "overdue", "done"
PLANNED, SUSPENDED = TaskStatus.PLANNED.value, TaskStatus.SUSPENDED.value
MAIN_STATES = (ON_TRACK, AT_RISK, OVERDUE, DONE)
STATES = (*MAIN_STATES, PLANNED, SUSPENDED)
SOON_DAYS = 30
LIST_ROWS = 8
INDICATOR_ROWS = 12
CHANGE_ROWS = 10
# The rule-item matrix's columns: the three jurisdictions whose rules are aligned.
RULE_JURISDICTIONS = ("GD", "HK", "MO")
# Changes that say nothing to leadership: a user's language switch.
QUIET_MODELS = ("web.preference",)


def state_of(today: dt.date) -> Case:
    """A task's dashboard state, as SQL: done; else overdue when past due; else its stored status.

    The ledger's filters select the same sets: status=done, status=overdue, and for the others
    status=<status> with due_from=<today>.
    """
    return Case(
        When(status=TaskStatus.DONE, then=Value(DONE)),
        When(due_date__lt=today, then=Value(OVERDUE)),
        default=F("status"),
        output_field=CharField(),
    )


@dataclass(frozen=True)
class Named:
    """Enough of a record for the `label` template tag and a link: key, name, English name."""

    key: Any
    name: str
    name_en: str = ""
    order: int = 0


@dataclass
class Breakdown:
    """Task counts per state for each value of one dimension (area, special group, jurisdiction)."""

    rows: list[Named] = field(default_factory=list)
    counts: dict[Any, dict[str, int]] = field(default_factory=dict)

    def add(self, row: Named, state: str, n: int) -> None:
        if row.key not in self.counts:
            self.rows.append(row)
            self.counts[row.key] = dict.fromkeys(STATES, 0)
        self.counts[row.key][state] += n


@dataclass
class TaskNumbers:
    totals: dict[str, int]
    by_area: Breakdown
    by_group: Breakdown
    by_jurisdiction: Breakdown
    due_soon: int

    @property
    def total(self) -> int:
        return sum(self.totals.values())


def task_numbers(user: AbstractBaseUser | AnonymousUser, today: dt.date) -> TaskNumbers:
    """Tasks by state, by area, by special group and by the lead unit's jurisdiction: one query."""
    tasks = visible_to(user, Task.objects.all())
    rows = (
        tasks.annotate(state=state_of(today))
        .values(
            "state",
            "area_id",
            "area__name",
            "area__name_en",
            "area__order",
            "special_group_id",
            "special_group__name",
            "special_group__name_en",
            "special_group__order",
            "lead_unit__jurisdiction_id",
            "lead_unit__jurisdiction__code",
            "lead_unit__jurisdiction__name",
            "lead_unit__jurisdiction__name_en",
            "lead_unit__jurisdiction__order",
        )
        .annotate(
            n=Count("pk"),
            soon=Count("pk", filter=Q(due_date__gte=today, due_date__lte=today + dt.timedelta(days=SOON_DAYS))),
        )
        .order_by()
    )
    totals = dict.fromkeys(STATES, 0)
    by_area, by_group, by_jurisdiction = Breakdown(), Breakdown(), Breakdown()
    due_soon = 0
    for r in rows:
        state, n = r["state"], r["n"]
        if state not in totals:  # a status this page does not know yet reads as on track
            state = ON_TRACK
        totals[state] += n
        if state != DONE:
            due_soon += r["soon"]
        by_area.add(Named(r["area_id"], r["area__name"], r["area__name_en"], r["area__order"]), state, n)
        by_group.add(
            Named(
                r["special_group_id"],
                r["special_group__name"] or "",
                r["special_group__name_en"] or "",
                r["special_group__order"] if r["special_group_id"] else 1 << 30,
            ),
            state,
            n,
        )
        by_jurisdiction.add(
            Named(
                r["lead_unit__jurisdiction_id"],
                r["lead_unit__jurisdiction__name"],
                r["lead_unit__jurisdiction__name_en"],
                r["lead_unit__jurisdiction__order"],
            ),
            state,
            n,
        )
    for breakdown in (by_area, by_group, by_jurisdiction):
        breakdown.rows.sort(key=lambda row: (row.order, str(row.key)))
    return TaskNumbers(totals, by_area, by_group, by_jurisdiction, due_soon)


def overdue_tasks(user: AbstractBaseUser | AnonymousUser, today: dt.date) -> QuerySet[Task]:
    """The open tasks past their due date, longest overdue first."""
    return (
        visible_to(user, Task.objects.all())
        .exclude(status=TaskStatus.DONE)
        .filter(due_date__lt=today)
        .select_related("lead_unit")
        .order_by("due_date", "code")[:LIST_ROWS]
    )


def due_soon_tasks(user: AbstractBaseUser | AnonymousUser, today: dt.date) -> QuerySet[Task]:
    """The open tasks that fall due from today to 30 days on, soonest first."""
    return (
        visible_to(user, Task.objects.all())
        .exclude(status=TaskStatus.DONE)
        .filter(due_date__gte=today, due_date__lte=today + dt.timedelta(days=SOON_DAYS))
        .select_related("lead_unit")
        .order_by("due_date", "code")[:LIST_ROWS]
    )


def _first(queryset: QuerySet[Any], name: str) -> Subquery:
    return Subquery(queryset.values(name)[:1])


def latest_indicators(user: AbstractBaseUser | AnonymousUser, today: dt.date) -> list[Any]:
    """Each indicator's latest programme-wide value and its target: one query.

    The target is the next one still to be reached, or else the last one that was due.
    """
    latest = Observation.objects.filter(indicator=OuterRef("pk"), scope=Scope.PROGRAMME).order_by("-period_end", "-pk")
    targets = Target.objects.filter(indicator=OuterRef("pk"), scope=Scope.PROGRAMME)
    upcoming = targets.filter(due_on__gte=today).order_by("due_on", "pk")
    past = targets.filter(due_on__lt=today).order_by("-due_on", "-pk")
    indicators = (
        visible_to(user, Indicator.objects.all())
        .annotate(
            obs_value=_first(latest, "value"),
            obs_qualifier=_first(latest, "qualifier"),
            obs_end=_first(latest, "period_end"),
            target_value=Coalesce(_first(upcoming, "value"), _first(past, "value")),
            target_qualifier=Coalesce(_first(upcoming, "qualifier"), _first(past, "qualifier")),
            target_due=Coalesce(_first(upcoming, "due_on"), _first(past, "due_on")),
        )
        .filter(Exists(latest))
        .order_by("code")[:INDICATOR_ROWS]
    )
    found = list(indicators)
    for indicator in found:
        indicator.verdict = verdict(
            indicator.direction,
            indicator.obs_value,
            indicator.obs_qualifier,
            indicator.target_value,
        )
    return found


MET, NOT_MET, UNCLEAR = "met", "not_met", "unclear"
_AT_LEAST = {Qualifier.EQ, Qualifier.GE, Qualifier.GT, Qualifier.APPROX}
_AT_MOST = {Qualifier.EQ, Qualifier.LE, Qualifier.LT, Qualifier.APPROX}


def verdict(direction: str, value: Decimal | None, qualifier: str | None, target: Decimal | None) -> str:
    """Whether a value reaches its target, honest about qualifiers.

    "≤ 5 minutes" against a target of "≤ 3 minutes" cannot be judged: the truth may be 2 minutes
    or 5. Only a figure whose qualifier points the safe way counts as met or not met.
    """
    if value is None or target is None or direction == Direction.NEUTRAL:
        return ""
    qualifier = qualifier or Qualifier.EQ
    higher_is_better = direction == Direction.UP
    if higher_is_better:
        if value >= target and qualifier in _AT_LEAST:
            return MET
        if value < target and qualifier in _AT_MOST:
            return NOT_MET
    else:
        if value <= target and qualifier in _AT_MOST:
            return MET
        if value > target and qualifier in _AT_LEAST:
            return NOT_MET
    return UNCLEAR


def projects_by_stage(user: AbstractBaseUser | AnonymousUser) -> dict[str, int]:
    """How many projects stand at each stage, in the stages' order (zero included): one query."""
    counts = dict.fromkeys(Stage.values, 0)
    for row in visible_to(user, Project.objects.all()).values("stage").annotate(n=Count("pk")).order_by():
        counts[row["stage"]] = counts.get(row["stage"], 0) + row["n"]
    return counts


def rule_items_by_jurisdiction(user: AbstractBaseUser | AnonymousUser) -> tuple[list[Named], dict[str, dict[str, int]]]:
    """How many rule items stand at each alignment status in Guangdong, Hong Kong, Macao: one query."""
    rows = (
        visible_to(user, JurisdictionStatus.objects.filter(jurisdiction__code__in=RULE_JURISDICTIONS))
        .values("jurisdiction__code", "jurisdiction__name", "jurisdiction__name_en", "jurisdiction__order", "status")
        .annotate(n=Count("rule_item", distinct=True))
        .order_by()
    )
    jurisdictions: dict[str, Named] = {}
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(AlignmentStatus.values, 0))
    for r in rows:
        code = r["jurisdiction__code"]
        jurisdictions.setdefault(
            code, Named(code, r["jurisdiction__name"], r["jurisdiction__name_en"], r["jurisdiction__order"])
        )
        counts[code][r["status"]] += r["n"]
    ordered = sorted(jurisdictions.values(), key=lambda j: (j.order, j.key))
    return ordered, dict(counts)


def recent_changes(user: AbstractBaseUser | AnonymousUser) -> list[Change]:
    """The latest changes of the change log that the user may see: one query.

    Hong Kong and Macao counterparts see the changes of shared tasks only, not of the ledger's
    other records, as they see the tasks themselves.
    """
    changes = visible_to(user, Change.objects.all()).exclude(model__in=QUIET_MODELS)
    scope = scope_of(user)
    if scope.is_counterpart and not scope.is_office:
        tasks = visible_to(user, Task.objects.all()).values("pk")
        changes = changes.filter(~Q(model__startswith="ledger.") | Q(model="ledger.task", object_id__in=tasks))
    return list(changes.order_by("-at", "-id")[:CHANGE_ROWS])
