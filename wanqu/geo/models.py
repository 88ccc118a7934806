"""Jurisdictions (Guangdong, Hong Kong, Macao, the State) and the 9 + 2 cities."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wanqu.core.choices import Currency
from wanqu.core.models import NamedRecord
from wanqu.geo.choices import LegalSystem, Script

# Official administrative-division code prefixes of each jurisdiction (GB/T 2260).
CODE_PREFIX = {"GD": "44", "HK": "81", "MO": "82"}


class Jurisdiction(NamedRecord):
    """A legal and administrative territory with its own legal system, currency and script."""

    code = models.CharField(_("code"), max_length=2, unique=True, validators=[RegexValidator(r"^[A-Z]{2}$")])
    legal_system = models.CharField(_("legal system"), max_length=20, choices=LegalSystem.choices)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    default_script = models.CharField(_("default script"), max_length=4, choices=Script.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("jurisdiction")
        verbose_name_plural = _("jurisdictions")
        ordering = ["order", "code"]

    @property
    def is_sar(self) -> bool:
        """Hong Kong and Macao: partners of the office, not subordinate units."""
        return self.code in {"HK", "MO"}


class City(NamedRecord):
    """A city of the Greater Bay Area, known by its official six-digit code (440100 广州)."""

    code = models.CharField(
        _("official code"),
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^\d{6}$", _("An official city code has six digits."))],
    )
    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name=_("jurisdiction"), on_delete=models.PROTECT, related_name="cities"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["order", "code"]
        constraints = [
            models.CheckConstraint(condition=models.Q(code__regex=r"^[0-9]{6}$"), name="city_code_six_digits")
        ]

    def clean(self) -> None:
        prefix = CODE_PREFIX.get(self.jurisdiction.code) if self.jurisdiction_id else None
        if prefix and not self.code.startswith(prefix):
            raise ValidationError(
                {"code": _("A city in %(j)s has a code starting %(p)s.") % {"j": self.jurisdiction, "p": prefix}}
            )


def city_by_code(code: str, *, field: str = "city") -> City:
    """The city with this official code, or a ValidationError naming the field."""
    city = City.objects.filter(code=str(code).strip()).first()
    if city is None:
        known = ", ".join(City.objects.values_list("code", flat=True))
        raise ValidationError(
            {field: _("Unknown city code %(code)s; the known codes are %(known)s.") % {"code": code, "known": known}}
        )
    return city
