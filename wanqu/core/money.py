"""Money is an amount with a currency, never a bare number; totals convert with the rate table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _

from wanqu.core.choices import Currency


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if self.currency not in Currency.values:
            raise ValidationError(
                {"currency": _("Unknown currency %(c)s: use CNY, HKD or MOP.") % {"c": self.currency}}
            )
        if self.amount < 0:
            raise ValidationError({"amount": _("An amount cannot be negative.")})

    def __str__(self) -> str:
        return f"{self.amount:,} {self.currency}"


def _label(template: Promise, label: str | Promise) -> str:
    return str(template) % {"label": label}


def money_fields(label: str | Promise) -> tuple[models.DecimalField, models.CharField]:
    """An amount field and a currency field, to be unpacked into two model attributes."""
    # Lazy: the names are translated when shown, not once at import in whatever language is active.
    amount: models.DecimalField = models.DecimalField(
        lazy(_label, str)(_("%(label)s amount"), label),
        max_digits=20,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    currency: models.CharField = models.CharField(
        lazy(_label, str)(_("%(label)s currency"), label),
        max_length=3,
        choices=Currency.choices,
        blank=True,
    )
    return amount, currency


def money_constraints(prefix: str, model: str) -> list[models.BaseConstraint]:
    """The database's own guard: no negative amount, a known currency, and both or neither."""
    amount, currency = f"{prefix}_amount", f"{prefix}_currency"
    return [
        models.CheckConstraint(
            condition=models.Q(**{f"{amount}__gte": 0}) | models.Q(**{f"{amount}__isnull": True}),
            name=f"{model}_{prefix}_not_negative",
        ),
        models.CheckConstraint(
            condition=models.Q(**{f"{currency}__in": [*Currency.values, ""]}),
            name=f"{model}_{prefix}_known_currency",
        ),
        models.CheckConstraint(
            condition=(models.Q(**{f"{amount}__isnull": True}) & models.Q(**{currency: ""}))
            | (models.Q(**{f"{amount}__isnull": False}) & ~models.Q(**{currency: ""})),
            name=f"{model}_{prefix}_amount_has_currency",
        ),
    ]


def rate_on(currency: str, on: dt.date) -> Decimal:
    """CNY per unit of `currency` on a date, from the latest rate in force then."""
    from wanqu.core.models import ExchangeRate

    if currency == Currency.CNY:
        return Decimal(1)
    rate = (
        ExchangeRate.objects.filter(currency=currency, valid_from__lte=on)
        .order_by("-valid_from")
        .values_list("cny_per_unit", flat=True)
        .first()
    )
    if rate is None:
        raise ValidationError(_("No exchange rate for %(c)s on or before %(d)s.") % {"c": currency, "d": on})
    return rate


def total(amounts: Iterable[Money], *, on: dt.date, currency: str = Currency.CNY) -> Money:
    """Sum amounts in several currencies, converted with the rates in force on `on`."""
    in_cny = sum((m.amount * rate_on(m.currency, on) for m in amounts), Decimal(0))
    return Money((in_cny / rate_on(currency, on)).quantize(Decimal("0.01")), currency)
