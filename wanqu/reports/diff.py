"""What changed between two reports: their texts compared paragraph by paragraph."""

from __future__ import annotations

import difflib

from wanqu.reports.models import Report


def report_diff(old: Report, new: Report) -> list[tuple[str, str]]:
    """(kind, paragraph) pairs: " " kept, "-" only in the old report, "+" only in the new one."""
    a = [p for p in old.text.split("\n\n") if p.strip()]
    b = [p for p in new.text.split("\n\n") if p.strip()]
    lines: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            lines += [(" ", p) for p in a[i1:i2]]
            continue
        lines += [("-", p) for p in a[i1:i2]]
        lines += [("+", p) for p in b[j1:j2]]
    return lines
