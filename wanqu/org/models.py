"""Organisations as a tree (leading group, office, special groups, departments, bureaus) and
the people in them with their roles."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wanqu.core.models import NamedRecord, Record
from wanqu.geo.models import City, Jurisdiction
from wanqu.org.choices import Role, UnitKind

CODE_VALIDATOR = RegexValidator(r"^[a-z0-9][a-z0-9-]*$", _("Use lower-case letters, digits and hyphens."))


class Unit(NamedRecord):
    """An organisation in the programme: each has a kind, a jurisdiction and a parent."""

    code = models.CharField(_("code"), max_length=60, unique=True, validators=[CODE_VALIDATOR])
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name=_("jurisdiction"), on_delete=models.PROTECT, related_name="units"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    city = models.ForeignKey(
        City, verbose_name=_("city"), null=True, blank=True, on_delete=models.PROTECT, related_name="units"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["order", "code"]
        constraints = [models.CheckConstraint(condition=~models.Q(parent=models.F("id")), name="unit_not_own_parent")]

    def clean(self) -> None:
        if self.parent_id is None:
            return
        seen: set[int] = set()
        node: Unit | None = self.parent
        while node is not None:
            if self.pk is not None and node.pk == self.pk:
                raise ValidationError(
                    {"parent": _("A unit cannot sit under itself or under one of its own sub-units.")}
                )
            if node.pk in seen:
                break
            seen.add(node.pk)
            node = node.parent

    def ancestors(self) -> list[Unit]:
        chain: list[Unit] = []
        node = self.parent
        while node is not None and node not in chain:
            chain.append(node)
            node = node.parent
        return chain


class Membership(Record):
    """A user's role in a unit. Rights follow the unit tree: a role covers its sub-units too."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["unit__order", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.unit} · {self.get_role_display()}"

    def clean(self) -> None:
        if self.role == Role.OFFICE_ADMIN and self.unit_id and self.unit.kind != UnitKind.OFFICE:
            raise ValidationError({"role": _("Office admins belong to the GBA Office.")})
        if self.role == Role.GROUP_LEAD and self.unit_id and self.unit.kind != UnitKind.SPECIAL_GROUP:
            raise ValidationError({"role": _("A group lead belongs to a special group.")})
