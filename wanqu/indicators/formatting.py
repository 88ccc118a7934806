"""An indicator figure as people read it, qualifier included: "≤ 5 分钟", "within 5 minutes".

A qualified figure is never shown bare: "within 5 minutes" (≤ 5) is not "5 minutes", and
"over 100 million yuan" (> 1e8) is not "100 million yuan". Pages, the dashboard, the chart
tooltips and the generated reports all format figures here, so they agree.

The words live in tables below rather than in the gettext catalogues on purpose: a figure's
grammar differs by language (万/亿 against million/billion, a symbol before a Chinese figure
against a word before an English one), and reports format in a language other than the
request's, so the language is an argument, not the active one.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import get_language

from wanqu.indicators.choices import MeasureUnit, Qualifier

# The unit after a figure, per script. A count has no unit word.
_UNITS: dict[str, dict[str, str]] = {
    "zh-hans": {
        MeasureUnit.COUNT: "",
        MeasureUnit.MINUTE: "分钟",
        MeasureUnit.CNY: "元",
        MeasureUnit.HKD: "港元",
        MeasureUnit.MOP: "澳门元",
        MeasureUnit.PERCENT: "%",
        MeasureUnit.PERSON: "人",
        MeasureUnit.KM: "公里",
    },
    "zh-hant": {
        MeasureUnit.COUNT: "",
        MeasureUnit.MINUTE: "分鐘",
        MeasureUnit.CNY: "元",
        MeasureUnit.HKD: "港元",
        MeasureUnit.MOP: "澳門元",
        MeasureUnit.PERCENT: "%",
        MeasureUnit.PERSON: "人",
        MeasureUnit.KM: "公里",
    },
    "en": {
        MeasureUnit.COUNT: "",
        MeasureUnit.MINUTE: "minutes",
        MeasureUnit.CNY: "yuan",
        MeasureUnit.HKD: "Hong Kong dollars",
        MeasureUnit.MOP: "patacas",
        MeasureUnit.PERCENT: "%",
        MeasureUnit.PERSON: "people",
        MeasureUnit.KM: "km",
    },
}
_SINGULAR_EN = {MeasureUnit.MINUTE: "minute", MeasureUnit.PERSON: "person", MeasureUnit.HKD: "Hong Kong dollar"}

# English words before a figure; "within" reads right for time and distance, "at most" elsewhere.
_WORDS_EN = {
    Qualifier.EQ: "",
    Qualifier.LT: "under",
    Qualifier.LE: "at most",
    Qualifier.GT: "over",
    Qualifier.GE: "at least",
    Qualifier.APPROX: "about",
}
_WITHIN_UNITS = {MeasureUnit.MINUTE, MeasureUnit.KM}

# How the qualifier reads in a chart's tooltip or a table's title attribute.
_QUALIFIER_NAMES: dict[str, dict[str, str]] = {
    "zh-hans": {"=": "", "<": "小于", "≤": "以内（≤）", ">": "超过（>）", "≥": "不少于（≥）", "≈": "约（≈）"},
    "zh-hant": {"=": "", "<": "小於", "≤": "以內（≤）", ">": "超過（>）", "≥": "不少於（≥）", "≈": "約（≈）"},
    "en": {"=": "", "<": "under (<)", "≤": "at most (≤)", ">": "over (>)", "≥": "at least (≥)", "≈": "about (≈)"},
}

_ZH_MAGNITUDES = {
    "zh-hans": ((10**12, "万亿"), (10**8, "亿"), (10**4, "万")),
    "zh-hant": ((10**12, "萬億"), (10**8, "億"), (10**4, "萬")),
}
_EN_MAGNITUDES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


@dataclass(frozen=True)
class Figure:
    """A formatted figure, with the parts a chart or a table needs apart."""

    text: str  # the whole figure: "≤ 5 分钟", "within 5 minutes"
    number: str  # the number with its magnitude: "142亿", "14.2 billion"
    unit: str  # the unit word: "元", "yuan"
    qualifier: str  # the symbol: "≤", or "" for an exact figure
    qualifier_name: str  # the qualifier in words: "以内（≤）", "at most (≤)", or ""


def script_of(language: str | None) -> str:
    """ "zh-hans", "zh-hant" or "en" for a language code (the active one by default)."""
    code = (language or get_language() or "zh-hans").lower()
    if code in {"zh-hant", "zh-hk", "zh-mo", "zh-tw"} or code.startswith("zh-hant"):
        return "zh-hant"
    if code.startswith("zh"):
        return "zh-hans"
    return "en"


def _plain(value: Decimal, places: int = 2) -> str:
    """A decimal without trailing zeros, rounded to `places` fractional digits."""
    rounded = value.quantize(Decimal(1).scaleb(-places)) if value != value.to_integral() else value
    return f"{rounded.normalize():f}"


def format_number(value: Decimal | int | float | str, language: str | None = None) -> str:
    """A number with the language's magnitudes: 14200000000 → 142亿 / 14.2 billion."""
    script = script_of(language)
    number = Decimal(str(value))
    size = abs(number)
    if script == "en":
        for magnitude, word in _EN_MAGNITUDES:
            if size >= magnitude:
                return f"{_plain(number / magnitude)} {word}"
        whole, _, fraction = _plain(number).partition(".")
        grouped = f"{int(whole):,}" if whole not in {"-0", ""} else whole
        return grouped + (f".{fraction}" if fraction else "")
    for magnitude, word in _ZH_MAGNITUDES[script]:
        if size >= magnitude:
            return f"{_plain(number / magnitude, 4)}{word}"
    return _plain(number)


def unit_word(unit: str, language: str | None = None, *, value: Decimal | None = None) -> str:
    """The unit after a figure in the language; "" for a count."""
    script = script_of(language)
    word = _UNITS[script].get(unit, unit)
    if script == "en" and value is not None and abs(value) == 1:
        word = _SINGULAR_EN.get(unit, word)  # type: ignore[call-overload]
    return word


def qualifier_name(qualifier: str, language: str | None = None) -> str:
    """The qualifier in words, for tooltips: "at most (≤)"; "" for an exact figure."""
    return _QUALIFIER_NAMES[script_of(language)].get(qualifier or "=", qualifier)


def figure(value: Decimal | int | float | str, qualifier: str, unit: str, language: str | None = None) -> Figure:
    """The parts of a figure; `format_value` joins them."""
    script = script_of(language)
    amount = Decimal(str(value))
    qualifier = qualifier if qualifier in Qualifier.values else Qualifier.EQ
    number = format_number(amount, script)
    word = unit_word(unit, script, value=amount)
    symbol = "" if qualifier == Qualifier.EQ else qualifier
    if script == "en":
        lead = "within" if qualifier == Qualifier.LE and unit in _WITHIN_UNITS else _WORDS_EN[Qualifier(qualifier)]
        tail = word if unit == MeasureUnit.PERCENT else (f" {word}" if word else "")
        text = f"{lead} {number}{tail}".strip()
    else:
        # "≤ 5 分钟", "> 1亿元", "≥ 30%": the symbol stands before the figure, never dropped.
        # A magnitude character joins its unit (142亿元); a bare number is spaced from it (5 分钟).
        if not word:
            body = number
        elif word == "%" or not number[-1].isdigit():
            body = number + word
        else:
            body = f"{number} {word}"
        text = f"{symbol} {body}" if symbol else body
    return Figure(text, number, word, symbol, qualifier_name(qualifier, script))


def format_value(
    value: Decimal | int | float | str | None, qualifier: str, unit: str, language: str | None = None
) -> str:
    """A figure as text, qualifier first: ("5", "≤", "minute", "en") → "within 5 minutes",
    ("5", "≤", "minute", "zh-hans") → "≤ 5 分钟", (14200000000, "=", "CNY", "zh-hans") → "142亿元".

    `None` gives "—" (no figure). `language` defaults to the active one."""
    if value is None:
        return "—"
    return figure(value, qualifier, unit, language).text
