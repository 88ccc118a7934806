"""Chinese quantities as data: 142亿元 → 14,200,000,000 CNY; 5分钟以内 → ≤ 5 minutes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wanqu.indicators.choices import MeasureUnit, Qualifier

_MAGNITUDE = {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}
_UNITS = {
    "元": MeasureUnit.CNY,
    "人民币": MeasureUnit.CNY,
    "港元": MeasureUnit.HKD,
    "澳门元": MeasureUnit.MOP,
    "分钟": MeasureUnit.MINUTE,
    "家": MeasureUnit.COUNT,
    "个": MeasureUnit.COUNT,
    "项": MeasureUnit.COUNT,
    "批": MeasureUnit.COUNT,
    "人": MeasureUnit.PERSON,
    "公里": MeasureUnit.KM,
    "%": MeasureUnit.PERCENT,
}
_BEFORE = {
    "超过": Qualifier.GT,
    "逾": Qualifier.GT,
    "不少于": Qualifier.GE,
    "至少": Qualifier.GE,
    "约": Qualifier.APPROX,
    "近": Qualifier.APPROX,
}
_AFTER = {
    "以内": Qualifier.LE,
    "以下": Qualifier.LE,
    "以上": Qualifier.GE,
    "左右": Qualifier.APPROX,
    "多": Qualifier.GT,
}
_PATTERN = re.compile(
    r"^(?P<before>超过|逾|不少于|至少|约|近)?(?P<number>\d+(?:\.\d+)?)"
    r"(?P<magnitude>万亿|万|亿)?(?P<unit>澳门元|港元|人民币|元|分钟|家|个|项|批|人|公里|%)?"
    r"(?P<after>以内|以下|以上|左右|多)?$"
)


@dataclass(frozen=True)
class Quantity:
    value: Decimal
    unit: str
    qualifier: str


def parse_quantity(text: str) -> Quantity:
    """Read a quantity as the report writes it; a bare number counts things."""
    match = _PATTERN.match(text.strip().replace(",", ""))
    if match is None:
        raise ValidationError(_("“%(text)s” is not a quantity Wanqu can read.") % {"text": text})
    value = Decimal(match["number"]) * _MAGNITUDE[match["magnitude"] or ""]
    qualifier = _BEFORE.get(match["before"] or "") or _AFTER.get(match["after"] or "") or Qualifier.EQ
    unit = _UNITS.get(match["unit"] or "", MeasureUnit.COUNT)
    return Quantity(value.normalize() if value == value.to_integral() else value, str(unit), str(qualifier))
