"""The dashboard as the template and the charts read it: each number with its label and its link."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wanqu.core.models import Change
from wanqu.dashboard import links
from wanqu.dashboard.queries import (
    AT_RISK,
    DONE,
    MAIN_STATES,
    ON_TRACK,
    OVERDUE,
    PLANNED,
    SUSPENDED,
    Breakdown,
    Named,
    due_soon_tasks,
    latest_indicators,
    overdue_tasks,
    projects_by_stage,
    recent_changes,
    rule_items_by_jurisdiction,
    task_numbers,
)
from wanqu.registers.choices import AlignmentStatus, Stage
from wanqu.web.templatetags.wanqu import in_script

try:  # the indicators app's formatter, shared with the indicator pages and the reports
    from wanqu.indicators.formatting import format_value
except ImportError:  # pragma: no cover - until the indicators app ships it
    from wanqu.dashboard.figures import format_value

# The ledger's due window for "falls due in the next 30 days".
DUE_SOON = "30"
# The colours of wanqu.css's status badges, so a chart and a table agree.
STATE_COLOURS = {
    ON_TRACK: "#2e7d32",
    AT_RISK: "#d08c1f",
    OVERDUE: "#c62828",
    DONE: "#5e6ad2",
    PLANNED: "#8ab4e8",
    SUSPENDED: "#9aa7b4",
}
ALIGNMENT_COLOURS = {
    AlignmentStatus.NOT_STARTED: "#c9d2dc",
    AlignmentStatus.UNDER_STUDY: "#f0b429",
    AlignmentStatus.AGREED: "#8ab4e8",
    AlignmentStatus.AUTHORISED: "#4a90d9",
    AlignmentStatus.ISSUED: "#1570c0",
    AlignmentStatus.IMPLEMENTED: "#2e7d32",
    AlignmentStatus.NOT_APPLICABLE: "#eef2f7",
}


def state_labels() -> dict[str, str]:
    return {
        ON_TRACK: _("on track"),
        AT_RISK: _("at risk"),
        OVERDUE: _("overdue"),
        DONE: _("done"),
        PLANNED: _("planned"),
        SUSPENDED: _("suspended"),
    }


def state_filter(state: str, today: dt.date) -> dict[str, str]:
    """The ledger's filters that select the tasks of one dashboard state.

    Done and overdue are filters of their own; the other states are a stored status on a task
    that is not past due.
    """
    if state in (DONE, OVERDUE):
        return {"status": state}
    return {"status": state, "due_from": today.isoformat()}


@dataclass
class Cell:
    n: int
    url: str | None
    css: str = ""


def _named(row: Named) -> Named:
    """Tasks without a special group get a row of their own, named so."""
    if row.key is None:
        return Named(None, _("No special group"), _("No special group"), row.order)
    return row


def plain_name(row: Named) -> str:
    """A record's name as plain text for a chart: English where entered, else the native name."""
    row = _named(row)
    if (get_language() or "").startswith("en") and row.name_en:
        return row.name_en
    return in_script(row.name)


def _table(breakdown: Breakdown, param: str, states: list[str], today: dt.date) -> list[dict[str, Any]]:
    rows = []
    for row in breakdown.rows:
        counts = breakdown.counts[row.key]
        key = {param: row.key} if row.key is not None else None
        cells = [
            Cell(counts[s], links.tasks(**key, **state_filter(s, today)) if key else None, f"status-{s}")
            for s in states
        ]
        total = Cell(sum(counts.values()), links.tasks(**key) if key else None)
        rows.append({"obj": _named(row), "cells": cells, "total": total})
    return rows


def _stacked(breakdown: Breakdown, param: str, states: list[str], today: dt.date) -> dict[str, Any]:
    labels = state_labels()
    return {
        "kind": "stacked",
        "categories": [plain_name(row) for row in breakdown.rows],
        "series": [
            {
                "name": str(labels[s]),
                "color": STATE_COLOURS[s],
                "data": [
                    {
                        "value": breakdown.counts[row.key][s],
                        "url": links.tasks(**{param: row.key}, **state_filter(s, today))
                        if row.key is not None
                        else None,
                    }
                    for row in breakdown.rows
                ],
            }
            for s in states
        ],
    }


def _change_row(change: Change) -> dict[str, Any]:
    try:
        model = apps.get_model(change.model)
        what = capfirst(str(model._meta.verbose_name))
    except (LookupError, ValueError):
        model, what = None, change.model
    url = links.task(change.object_id) if change.model == "ledger.task" and change.action != "delete" else None
    return {
        "at": timezone.localtime(change.at),
        "who": change.actor_name or _("the system"),
        "action": change.get_action_display(),
        "action_key": change.action,
        "what": what,
        "object": in_script(change.object_repr),
        "url": url,
    }


def build(user: AbstractBaseUser | AnonymousUser, today: dt.date) -> dict[str, Any]:
    """Everything the dashboard shows for `user` on `today`."""
    labels = state_labels()
    numbers = task_numbers(user, today)
    # The four states always; planned and suspended only when some task is in them.
    states = [s for s in numbers.totals if s in MAIN_STATES or numbers.totals[s]]
    kpis = [
        {"label": _("Tasks"), "cell": Cell(numbers.total, links.tasks()), "key": "total"},
        *[
            {"label": labels[s], "cell": Cell(numbers.totals[s], links.tasks(**state_filter(s, today))), "key": s}
            for s in states
        ],
        {
            "label": _("Due in the next 30 days"),
            "cell": Cell(numbers.due_soon, links.tasks(due=DUE_SOON)),
            "key": "next30",
        },
    ]
    stages = projects_by_stage(user)
    jurisdictions, alignment = rule_items_by_jurisdiction(user)
    stage_labels = dict(Stage.choices)
    alignment_labels = dict(AlignmentStatus.choices)
    indicators = []
    for ind in latest_indicators(user, today):
        indicators.append(
            {
                "obj": ind,
                "url": links.indicator(ind.pk),
                "value": format_value(ind.obs_value, ind.obs_qualifier, ind.unit),
                "as_of": ind.obs_end,
                "target": format_value(ind.target_value, ind.target_qualifier, ind.unit)
                if ind.target_value is not None
                else "",
                "target_due": ind.target_due,
                "verdict": ind.verdict,
            }
        )
    charts = {
        "status": {
            "kind": "pie",
            "data": [
                {
                    "name": str(labels[s]),
                    "value": numbers.totals[s],
                    "url": links.tasks(**state_filter(s, today)),
                    "itemStyle": {"color": STATE_COLOURS[s]},
                }
                for s in states
            ],
        },
        "area": _stacked(numbers.by_area, "area", states, today),
        "group": _stacked(numbers.by_group, "special_group", states, today),
        "jurisdiction": _stacked(numbers.by_jurisdiction, "jurisdiction", states, today),
        "stage": {
            "kind": "bars",
            "categories": [str(stage_labels[s]) for s in stages],
            "series": [
                {
                    "name": _("Projects"),
                    "color": "#1570c0",
                    "data": [{"value": n, "url": links.projects(stage=s)} for s, n in stages.items()],
                }
            ],
        },
        "rules": {
            "kind": "stacked",
            "categories": [plain_name(j) for j in jurisdictions],
            "series": [
                {
                    "name": str(alignment_labels[status]),
                    "color": ALIGNMENT_COLOURS[AlignmentStatus(status)],
                    "data": [
                        {"value": alignment[j.key][status], "url": links.rule_items(j.key, status)}
                        for j in jurisdictions
                    ],
                }
                for status in AlignmentStatus.values
            ],
        },
    }
    return {
        "today": today,
        "states": [(s, labels[s]) for s in states],
        "kpis": kpis,
        "by_area": _table(numbers.by_area, "area", states, today),
        "by_group": _table(numbers.by_group, "special_group", states, today),
        "by_jurisdiction": _table(numbers.by_jurisdiction, "jurisdiction", states, today),
        "overdue": [
            {"task": t, "url": links.task(t.pk), "days": (today - t.due_date).days} for t in overdue_tasks(user, today)
        ],
        "overdue_all": Cell(numbers.totals[OVERDUE], links.tasks(status=OVERDUE)),
        "due_soon": [
            {"task": t, "url": links.task(t.pk), "days": (t.due_date - today).days} for t in due_soon_tasks(user, today)
        ],
        "due_soon_all": Cell(numbers.due_soon, links.tasks(due=DUE_SOON)),
        "indicators": indicators,
        "indicators_all": links.url("indicators:indicator_list"),
        "stages": [{"label": stage_labels[s], "cell": Cell(n, links.projects(stage=s))} for s, n in stages.items()],
        "projects_all": Cell(sum(stages.values()), links.projects()),
        "alignment_jurisdictions": jurisdictions,
        "alignment_rows": [
            {
                "label": alignment_labels[status],
                "cells": [Cell(alignment[j.key][status], links.rule_items(j.key, status)) for j in jurisdictions],
            }
            for status in AlignmentStatus.values
        ],
        "alignment_totals": [Cell(sum(alignment[j.key].values()), links.rule_items(j.key)) for j in jurisdictions],
        "changes": [_change_row(c) for c in recent_changes(user)],
        "charts": charts,
    }
