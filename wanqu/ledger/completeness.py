"""Who owes what, and what came in: completeness per round and unit, and the league table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from wanqu.ledger.choices import UpdateState
from wanqu.ledger.models import Round, RoundObligation, Update


@dataclass
class Line:
    """One obligation and how it stands."""

    obligation: RoundObligation
    update: Update | None
    due: dt.date

    @property
    def submitted(self) -> bool:
        return self.update is not None and self.update.first_submitted_at is not None

    @property
    def on_time(self) -> bool:
        first = self.update.first_submitted_at if self.update is not None else None
        return first is not None and _day(first) <= self.due

    @property
    def late(self) -> bool:
        return self.submitted and not self.on_time

    @property
    def missing(self) -> bool:
        return not self.submitted

    @property
    def accepted(self) -> bool:
        return self.update is not None and self.update.state == UpdateState.ACCEPTED

    @property
    def state(self) -> str:
        return self.update.state if self.update is not None else "missing"


@dataclass
class Tally:
    """Counts for one unit (or jurisdiction) over one or more rounds."""

    label: str
    key: Any
    owed: int = 0
    submitted: int = 0
    on_time: int = 0
    late: int = 0
    missing: int = 0
    accepted: int = 0
    overdue: int = 0  # missing and past the due date
    lines: list[Line] = field(default_factory=list)

    def add(self, line: Line, today: dt.date) -> None:
        self.owed += 1
        self.submitted += line.submitted
        self.on_time += line.on_time
        self.late += line.late
        self.missing += line.missing
        self.accepted += line.accepted
        self.overdue += line.missing and today > line.due
        self.lines.append(line)

    @property
    def on_time_rate(self) -> float:
        return self.on_time / self.owed if self.owed else 0.0

    @property
    def on_time_percent(self) -> int:
        return round(100 * self.on_time_rate)


def lines_of(rounds: Iterable[Round]) -> list[Line]:
    """Every obligation of these rounds with its update, in a fixed number of queries."""
    rounds = list(rounds)
    obligations = list(
        RoundObligation.objects.filter(round__in=rounds)
        .select_related("round", "task", "unit", "unit__jurisdiction")
        .order_by("round_id", "unit__order", "unit__code", "task__code")
    )
    updates = {
        (u.round_id, u.task_id, u.unit_id): u
        for u in Update.objects.filter(round__in=rounds).only(
            "id", "round_id", "task_id", "unit_id", "state", "first_submitted_at", "submitted_at", "version"
        )
    }
    return [Line(o, updates.get((o.round_id, o.task_id, o.unit_id)), o.round.due_date) for o in obligations]


def round_completeness(round: Round, today: dt.date | None = None) -> tuple[Tally, list[Tally]]:
    """The round's total and one tally per unit, the units with the most missing first."""
    today = today or timezone.localdate()
    total = Tally(label=str(round), key=round.pk)
    by_unit: dict[int, Tally] = {}
    for line in lines_of([round]):
        unit = line.obligation.unit
        by_unit.setdefault(unit.pk, Tally(label=str(unit), key=unit)).add(line, today)
        total.add(line, today)
    units = sorted(by_unit.values(), key=lambda t: (-t.missing, -t.late, t.label))
    return total, units


def league_table(
    rounds: Iterable[Round], today: dt.date | None = None, task_ids: set[int] | None = None
) -> tuple[list[Tally], list[Tally]]:
    """Units and jurisdictions ranked by the share of updates they delivered on time.

    With `task_ids`, only obligations on those tasks count (what the reader may see)."""
    today = today or timezone.localdate()
    units: dict[int, Tally] = {}
    jurisdictions: dict[int, Tally] = {}
    for line in lines_of(rounds):
        if task_ids is not None and line.obligation.task_id not in task_ids:
            continue
        unit = line.obligation.unit
        units.setdefault(unit.pk, Tally(label=str(unit), key=unit)).add(line, today)
        j = unit.jurisdiction
        jurisdictions.setdefault(j.pk, Tally(label=str(j), key=j)).add(line, today)

    def rank(t: Tally) -> tuple[float, int, str]:
        return (-t.on_time_rate, t.missing, t.label)

    return sorted(units.values(), key=rank), sorted(jurisdictions.values(), key=rank)


def owed_by(unit_ids: Iterable[int], today: dt.date | None = None) -> list[Line]:
    """What these units owe in open rounds and have not had accepted, soonest due first."""
    wanted = set(unit_ids)
    lines = [line for line in lines_of(Round.objects.filter(state="open")) if line.obligation.unit_id in wanted]
    return sorted(lines, key=lambda line: (line.accepted, line.due, line.obligation.task.code))


def _day(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()
