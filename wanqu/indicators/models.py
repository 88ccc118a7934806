"""Indicators, their targets and observations, each figure with an honest qualifier."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wanqu.core.models import NamedRecord, Record
from wanqu.geo.models import City, Jurisdiction
from wanqu.indicators.choices import Aggregation, Direction, MeasureUnit, Qualifier, Scope
from wanqu.org.models import CODE_VALIDATOR, Unit
from wanqu.plans.models import Area


class Indicator(NamedRecord):
    """A measure of the programme, with its unit, how it aggregates and which way is better."""

    code = models.CharField(_("code"), max_length=60, unique=True, validators=[CODE_VALIDATOR])
    unit = models.CharField(_("unit of measure"), max_length=10, choices=MeasureUnit.choices)
    aggregation = models.CharField(_("aggregation"), max_length=12, choices=Aggregation.choices)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    area = models.ForeignKey(
        Area, verbose_name=_("work area"), null=True, blank=True, on_delete=models.PROTECT, related_name="indicators"
    )
    owner = models.ForeignKey(
        Unit,
        verbose_name=_("responsible unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    description = models.TextField(_("description"), blank=True)

    owned_relations = ("targets", "observations")

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["code"]


class ScopedValue(Record):
    """A value for a scope (the programme, a jurisdiction or a city), with its qualifier."""

    scope = models.CharField(_("scope"), max_length=12, choices=Scope.choices, default=Scope.PROGRAMME)
    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name=_("jurisdiction"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    city = models.ForeignKey(
        City, verbose_name=_("city"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    qualifier = models.CharField(_("qualifier"), max_length=1, choices=Qualifier.choices, default=Qualifier.EQ)
    value = models.DecimalField(_("value"), max_digits=24, decimal_places=4)

    class Meta:
        abstract = True

    def clean(self) -> None:
        needs = {Scope.PROGRAMME: (False, False), Scope.JURISDICTION: (True, False), Scope.CITY: (False, True)}
        want_j, want_c = needs.get(Scope(self.scope), (False, False)) if self.scope in Scope.values else (False, False)
        if want_j != (self.jurisdiction_id is not None):
            raise ValidationError({"jurisdiction": _("Name the jurisdiction only for a jurisdiction scope.")})
        if want_c != (self.city_id is not None):
            raise ValidationError({"city": _("Name the city only for a city scope.")})


def _scope_constraints(prefix: str) -> list[models.BaseConstraint]:
    return [
        models.CheckConstraint(
            condition=(
                models.Q(scope=Scope.PROGRAMME, jurisdiction__isnull=True, city__isnull=True)
                | models.Q(scope=Scope.JURISDICTION, jurisdiction__isnull=False, city__isnull=True)
                | models.Q(scope=Scope.CITY, jurisdiction__isnull=True, city__isnull=False)
            ),
            name=f"{prefix}_scope_consistent",
        ),
        models.CheckConstraint(condition=models.Q(qualifier__in=Qualifier.values), name=f"{prefix}_known_qualifier"),
    ]


class Target(ScopedValue):
    """What an indicator should reach by a date."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="targets"
    )
    due_on = models.DateField(_("due on"))

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["indicator", "due_on"]
        constraints = _scope_constraints("target")

    def __str__(self) -> str:
        return f"{self.indicator} {self.qualifier} {self.value.normalize():f} ({self.due_on})"


class Observation(ScopedValue):
    """A measured value for a period and scope, with its qualifier and source."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="observations"
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    source = models.CharField(_("source"), max_length=300)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["indicator", "period_end"]
        constraints = [
            *_scope_constraints("observation"),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="observation_period_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.qualifier} {self.value.normalize():f} ({self.period_end})"

    def clean(self) -> None:
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})
