"""Clause numbers in Chinese official style: 第一章 / 第一节 / 一、/（一）/ 1. /（1）."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (enough for clause numbers)."""
    if n <= 0:
        raise ValueError("clause numbers start at 1")
    if n < 10:
        return _DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        return _DIGITS[hundreds] + "百"
    tail = chinese_numeral(rest)
    if rest < 10:
        return _DIGITS[hundreds] + "百零" + tail
    if rest < 20:
        tail = "一" + tail
    return _DIGITS[hundreds] + "百" + tail


def clause_number(level: int, ordinal: int) -> str:
    """The label of the `ordinal`-th clause at `level` (1 = chapter)."""
    cn = chinese_numeral(ordinal)
    labels = {
        1: f"第{cn}章",
        2: f"第{cn}节",
        3: f"{cn}、",
        4: f"（{cn}）",
        5: f"{ordinal}.",
    }
    return labels.get(level, f"（{ordinal}）")
