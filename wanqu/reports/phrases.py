"""The report's own words in Simplified Chinese and English, and how figures are written.

The Traditional report is the Simplified one converted (see `document.to_hant`); English has
its own templates, not a translation of the Chinese sentences.
"""

from __future__ import annotations

from decimal import Decimal

ZH_DIGITS = "零一二三四五六七八九"
EN_ORDINALS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]

DEFAULT_TITLE = {
    "zh-hans": "广东省推进粤港澳大湾区建设工作情况",
    "zh-hant": "廣東省推進粵港澳大灣區建設工作情況",
    "en": "Guangdong's Work on Advancing the Guangdong-Hong Kong-Macao Greater Bay Area",
}

# Stages a paragraph reports, most advanced first, with the words for "X reached this stage".
STAGE_ORDER = ["in_operation", "opened", "completed", "under_construction", "started", "preparatory"]
STAGE_ZH = {
    "in_operation": "正式投入运行",
    "opened": "正式通车",
    "completed": "建成",
    "under_construction": "加快建设",
    "started": "开工建设",
    "preparatory": "开展前期工作",
}
STAGE_EN = {
    "in_operation": "In operation",
    "opened": "Opened to traffic",
    "completed": "Completed",
    "under_construction": "Construction accelerated",
    "started": "Construction started",
    "preparatory": "Preparatory work under way",
}

# A rule item's furthest status in any jurisdiction, the ones a progress report states.
RULE_ORDER = ["implemented", "issued", "authorised"]
RULE_ZH = {"implemented": "落地实施", "issued": "印发实施", "authorised": "获得授权实施"}
RULE_EN = {"implemented": "In effect", "issued": "Issued", "authorised": "Authorised"}

PLAN_ZH = {"in_force": "贯彻落实", "issued": "出台", "drafting": "编制"}
PLAN_EN = {"in_force": "In force", "issued": "Issued", "drafting": "Being drafted"}

# Chinese counts need a measure word; it follows from what is counted.
_CLASSIFIERS = [("批次", "批"), ("实验室", "家"), ("项目", "个"), ("企业", "家"), ("平台", "个")]


def zh_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (for 一是 and （一）)."""
    if n < 10:
        return ZH_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else ZH_DIGITS[tens]) + "十" + (ZH_DIGITS[ones] if ones else "")


def en_ordinal(n: int) -> str:
    return EN_ORDINALS[n - 1] if n <= len(EN_ORDINALS) else f"{n}."


def roman(n: int) -> str:
    return ROMAN[n - 1] if n <= len(ROMAN) else str(n)


def _plain(value: Decimal) -> str:
    value = value.normalize()
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def classifier(indicator_name: str) -> str:
    for word, measure in _CLASSIFIERS:
        if word in indicator_name:
            return measure
    return "项"


def zh_quantity(value: Decimal, unit: str, indicator_name: str) -> str:
    """14200000000 CNY → 142亿元; 5 minute → 5分钟; 10 count of laboratories → 10家."""
    money = {"CNY": "元", "HKD": "港元", "MOP": "澳门元"}
    if unit in money:
        for magnitude, word in ((Decimal(10) ** 12, "万亿"), (Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
            if abs(value) >= magnitude:
                return f"{_plain(value / magnitude)}{word}{money[unit]}"
        return f"{_plain(value)}{money[unit]}"
    suffix = {"minute": "分钟", "percent": "%", "person": "人", "km": "公里"}.get(unit)
    return f"{_plain(value)}{suffix if suffix is not None else classifier(indicator_name)}"


def en_quantity(value: Decimal, unit: str) -> str:
    """14200000000 CNY → 14.2 billion yuan; 5 minute → 5 minutes."""
    money = {"CNY": "yuan", "HKD": "Hong Kong dollars", "MOP": "patacas"}
    if unit in money:
        for magnitude, word in (
            (Decimal(10) ** 12, "trillion"),
            (Decimal(10) ** 9, "billion"),
            (Decimal(10) ** 6, "million"),
        ):
            if abs(value) >= magnitude:
                return f"{_plain(value / magnitude)} {word} {money[unit]}"
        return f"{_plain(value)} {money[unit]}"
    if unit == "minute":
        return f"{_plain(value)} minute" + ("" if value == 1 else "s")
    suffix = {"percent": "%", "person": " people", "km": " km"}.get(unit, "")
    return f"{_plain(value)}{suffix}"


def zh_measure(qualifier: str, quantity: str, *, down: bool, cumulative: bool) -> tuple[str, str, str]:
    """(words before the figure, the figure with its qualifier, words after)."""
    if qualifier == "≤":
        return ("缩短至" if down else "控制在", f"{quantity}以内", "")
    if qualifier == "<":
        return ("低于", quantity, "")
    if qualifier == ">":
        return ("超过", quantity, "")
    if qualifier == "≥":
        return ("达到", f"{quantity}以上", "")
    if qualifier == "≈":
        return ("约", quantity, "")
    return ("累计达" if cumulative else "达到", quantity, "")


def en_measure(qualifier: str, quantity: str, *, down: bool, cumulative: bool) -> tuple[str, str, str]:
    if qualifier == "≤":
        return (": cut to " if down else ": kept ", f"within {quantity}", "")
    words = {"<": "below ", ">": "over ", "≥": "at least ", "≈": "about "}.get(qualifier, "")
    return (": ", f"{words}{quantity}", " in total" if cumulative and qualifier == "=" else "")


def en_join(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
