"""Reads of the registers that add up many rows: the rule-item matrix's counts and deficits."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet

from wanqu.registers.choices import AlignmentStatus, RuleDomain
from wanqu.registers.models import JurisdictionStatus

MATRIX_JURISDICTIONS = ("GD", "HK", "MO")
# A rule item is in effect in a jurisdiction once its instrument is issued or it is implemented there.
IN_EFFECT = frozenset({AlignmentStatus.ISSUED, AlignmentStatus.IMPLEMENTED})


@dataclass
class Deficit:
    """Of the items that involve a jurisdiction (a status other than "not applicable"),
    how many are not yet in effect there (issued or implemented)."""

    involved: int = 0
    pending: int = 0

    @property
    def percent(self) -> int | None:
        return round(100 * self.pending / self.involved) if self.involved else None

    def add(self, status: str, n: int) -> None:
        if status == AlignmentStatus.NOT_APPLICABLE:
            return
        self.involved += n
        if status not in IN_EFFECT:
            self.pending += n


@dataclass
class MatrixSummary:
    """Counts per status and deficits per jurisdiction and per domain, over a set of rule items."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # jurisdiction → status → n
    by_jurisdiction: dict[str, Deficit] = field(default_factory=dict)
    by_domain: dict[str, dict[str, Deficit]] = field(default_factory=dict)  # domain → jurisdiction|"all"
    total: Deficit = field(default_factory=Deficit)

    def status_rows(self) -> list[dict[str, Any]]:
        """One row per status: its label and the count in each jurisdiction."""
        return [
            {
                "status": value,
                "label": label,
                "counts": [(j, self.counts[j].get(value, 0)) for j in MATRIX_JURISDICTIONS],
            }
            for value, label in AlignmentStatus.choices
        ]

    def domain_rows(self) -> list[dict[str, Any]]:
        labels = dict(RuleDomain.choices)
        return [
            {
                "domain": domain,
                "label": labels.get(domain, domain),
                "cells": [cells.get(j, Deficit()) for j in MATRIX_JURISDICTIONS],
                "all": cells["all"],
            }
            for domain, cells in sorted(self.by_domain.items(), key=lambda kv: list(labels).index(kv[0]))
        ]


def matrix_summary(items: QuerySet[Any]) -> MatrixSummary:
    """The matrix's figures for `items` (already filtered to what the user sees), in one query."""
    summary = MatrixSummary(
        counts={j: {} for j in MATRIX_JURISDICTIONS},
        by_jurisdiction={j: Deficit() for j in MATRIX_JURISDICTIONS},
    )
    rows = (
        JurisdictionStatus.objects.filter(
            rule_item__in=items.order_by().values("pk"), jurisdiction__code__in=MATRIX_JURISDICTIONS
        )
        .values_list("jurisdiction__code", "rule_item__domain", "status")
        .annotate(n=Count("id"))
        .order_by()
    )
    for code, domain, status, n in rows:
        summary.counts[code][status] = summary.counts[code].get(status, 0) + n
        summary.by_jurisdiction[code].add(status, n)
        cells = summary.by_domain.setdefault(domain, {"all": Deficit()})
        cells.setdefault(code, Deficit()).add(status, n)
        cells["all"].add(status, n)
        summary.total.add(status, n)
    return summary
