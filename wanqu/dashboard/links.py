"""Where each number leads: the filtered list behind it.

The lists belong to other apps (the ledger, the registers, the indicators). A link is built only
when its page exists, so the dashboard works, without those links, before they do.
"""

from __future__ import annotations

from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode


def url(name: str, *, args: list[Any] | None = None, params: dict[str, Any] | None = None) -> str | None:
    """The page `name` with the given GET filters, or None when that page does not exist (yet)."""
    try:
        base = reverse(name, args=args)
    except NoReverseMatch:
        return None
    query = {key: value for key, value in (params or {}).items() if value not in (None, "")}
    return f"{base}?{urlencode(query)}" if query else base


def tasks(**filters: Any) -> str | None:
    """The task ledger filtered: area=<pk>, status=on_track|at_risk|overdue|done, special_group=<pk>,
    jurisdiction=<code>, due=overdue|next30."""
    return url("ledger:task_list", params=filters)


def task(pk: int) -> str | None:
    return url("ledger:task_detail", args=[pk])


def projects(stage: str = "") -> str | None:
    return url("registers:project_list", params={"stage": stage})


def rule_items(jurisdiction: str = "", status: str = "") -> str | None:
    return url("registers:ruleitem_matrix", params={"jurisdiction": jurisdiction, "status": status})


def indicator(pk: int) -> str | None:
    return url("indicators:indicator_detail", args=[pk]) or url("indicators:indicator_list")
