"""The pieces every domain model shares, and the change log that records every write."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wanqu.core.choices import Action, Currency


class Record(models.Model):
    """A domain record: versioned, so that a stale edit is refused instead of overwriting.

    Writes go through `wanqu.core.services`; `owned_relations` names the children that are
    deleted and restored together with the record.
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    owned_relations: tuple[str, ...] = ()

    class Meta:
        abstract = True


class NamedRecord(Record):
    """A record with a name that must be unique across scripts (橫琴 = 横琴)."""

    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=300, blank=True)
    name_key = models.CharField(_("name key"), max_length=200, unique=True, editable=False)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name


class Change(models.Model):
    """One create, update, delete or restore of one record: who, when, before and after."""

    at = models.DateTimeField(_("time"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("actor name"), max_length=150, blank=True)
    batch_id = models.CharField(_("request or batch id"), max_length=64, db_index=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    model = models.CharField(_("model"), max_length=100)
    object_id = models.BigIntegerField(_("object id"))
    object_repr = models.CharField(_("object"), max_length=300)
    version = models.PositiveIntegerField(_("version"))
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)

    class Meta:
        verbose_name = _("change")
        verbose_name_plural = _("change log")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["model", "object_id", "at"])]

    def __str__(self) -> str:
        when = timezone.localtime(self.at)
        return f"{when:%Y-%m-%d %H:%M} {self.actor_name} {self.get_action_display()} {self.object_repr}"

    @property
    def changed_fields(self) -> dict[str, tuple[Any, Any]]:
        """Field → (before, after) for the fields this change altered."""
        before, after = self.before or {}, self.after or {}
        keys = sorted(set(before) | set(after))
        return {k: (before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)}


class ExchangeRate(Record):
    """How many yuan one unit of a currency was worth from a date on; used for totals."""

    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    valid_from = models.DateField(_("valid from"))
    cny_per_unit = models.DecimalField(
        _("CNY per unit"),
        max_digits=12,
        decimal_places=6,
        validators=[MinValueValidator(Decimal("0.000001"))],
    )
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "valid_from"], name="rate_once_per_day"),
            models.CheckConstraint(condition=models.Q(cny_per_unit__gt=0), name="rate_positive"),
            models.CheckConstraint(
                condition=models.Q(currency__in=[Currency.HKD, Currency.MOP]), name="rate_known_currency"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.currency} {self.cny_per_unit} ({self.valid_from})"

    def clean(self) -> None:
        if self.currency == Currency.CNY:
            raise ValidationError({"currency": _("Rates are kept for HKD and MOP; the yuan is the base.")})
