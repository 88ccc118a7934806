from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from wanqu.indicators.quantities import Quantity, parse_quantity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5分钟以内", Quantity(Decimal(5), "minute", "≤")),
        ("142亿元", Quantity(Decimal(14_200_000_000), "CNY", "=")),
        ("超过1亿元", Quantity(Decimal(100_000_000), "CNY", ">")),
        ("10家", Quantity(Decimal(10), "count", "=")),
        ("3批", Quantity(Decimal(3), "count", "=")),
        ("约2.5万人", Quantity(Decimal(25_000), "person", "≈")),
        ("不少于30%", Quantity(Decimal(30), "percent", "≥")),
        ("1.2万亿元", Quantity(Decimal(1_200_000_000_000), "CNY", "=")),
    ],
)
def test_report_quantities_parse_into_value_unit_and_qualifier(text, expected):
    assert parse_quantity(text) == expected


def test_text_that_is_not_a_quantity_is_refused():
    with pytest.raises(ValidationError):
        parse_quantity("很多")
