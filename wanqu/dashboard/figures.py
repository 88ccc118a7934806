"""A stand-in for `wanqu.indicators.formatting.format_value`, used only where that module is missing.

It keeps the one promise the dashboard needs: a qualified figure is never shown bare.
"""

from __future__ import annotations

from decimal import Decimal


def format_value(
    value: Decimal | int | float | str | None, qualifier: str, unit: str, language: str | None = None
) -> str:
    if value is None:
        return "—"
    number = f"{Decimal(str(value)).normalize():f}"
    symbol = "" if qualifier in ("", "=") else f"{qualifier} "
    return f"{symbol}{number} {unit}".strip()
