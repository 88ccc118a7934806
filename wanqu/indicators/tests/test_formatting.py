from decimal import Decimal

import pytest
from django.utils import translation

from wanqu.indicators.formatting import figure, format_number, format_value


@pytest.mark.parametrize(
    ("value", "qualifier", "unit", "language", "text"),
    [
        ("5", "≤", "minute", "zh-hans", "≤ 5 分钟"),
        ("5", "≤", "minute", "zh-hant", "≤ 5 分鐘"),
        ("5", "≤", "minute", "en", "within 5 minutes"),
        ("5.0000", "=", "minute", "en", "5 minutes"),
        ("1", "=", "minute", "en", "1 minute"),
        (Decimal(14_200_000_000), "=", "CNY", "zh-hans", "142亿元"),
        (Decimal(14_200_000_000), "=", "CNY", "zh-hant", "142億元"),
        (Decimal(14_200_000_000), "=", "CNY", "en", "14.2 billion yuan"),
        (100_000_000, ">", "CNY", "zh-hans", "> 1亿元"),
        (100_000_000, ">", "CNY", "en", "over 100 million yuan"),
        ("30", "≥", "percent", "zh-hans", "≥ 30%"),
        ("30", "≥", "percent", "en", "at least 30%"),
        ("25000", "≈", "person", "zh-hans", "≈ 2.5万人"),
        ("25000", "≈", "person", "en", "about 25,000 people"),
        ("10", "=", "count", "zh-hans", "10"),
        ("10", "<", "count", "en", "under 10"),
        ("62.5", "≤", "km", "en", "within 62.5 km"),
        ("3", "≤", "MOP", "zh-hant", "≤ 3 澳門元"),
    ],
)
def test_figures_keep_their_qualifier_in_every_language(value, qualifier, unit, language, text):
    assert format_value(value, qualifier, unit, language) == text


def test_a_qualified_figure_is_never_shown_bare():
    for language in ("zh-hans", "zh-hant", "en"):
        assert format_value(5, "≤", "minute", language) != format_value(5, "=", "minute", language)


def test_the_active_language_is_the_default(db):
    with translation.override("zh-hant"):
        assert format_value(5, "≤", "minute") == "≤ 5 分鐘"
    with translation.override("en"):
        assert format_value(5, "≤", "minute") == "within 5 minutes"


def test_no_figure_is_a_dash_and_parts_are_kept_apart():
    assert format_value(None, "=", "count", "en") == "—"
    part = figure(5, "≤", "minute", "en")
    assert (part.qualifier, part.qualifier_name, part.number) == ("≤", "at most (≤)", "5")
    assert format_number("1234567.891", "en") == "1.23 million"
    assert format_number("12345", "en") == "12,345"
