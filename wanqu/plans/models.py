"""Plan documents as trees of numbered clauses, and the programme's ordered work areas."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wanqu.core.models import NamedRecord, Record
from wanqu.org.models import CODE_VALIDATOR, Unit
from wanqu.plans.choices import PlanKind, PlanStatus
from wanqu.plans.numbering import clause_number

MAX_DEPTH = 6


class Plan(NamedRecord):
    """A plan document: the Outline, implementation opinions, an action plan, measures …"""

    code = models.CharField(_("code"), max_length=60, unique=True, validators=[CODE_VALIDATOR])
    kind = models.CharField(_("kind"), max_length=20, choices=PlanKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=PlanStatus.choices)
    issuer = models.ForeignKey(
        Unit, verbose_name=_("issuer"), null=True, blank=True, on_delete=models.PROTECT, related_name="plans"
    )
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)

    owned_relations = ("clauses",)

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["issued_on", "code"]


class Clause(Record):
    """A numbered clause of a plan; clauses nest (chapter → section → item …)."""

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="clauses")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent clause"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    level = models.PositiveSmallIntegerField(
        _("level"), validators=[MinValueValidator(1), MaxValueValidator(MAX_DEPTH)], editable=False, default=1
    )
    ordinal = models.PositiveSmallIntegerField(_("ordinal"), validators=[MinValueValidator(1)])
    path = models.CharField(_("path"), max_length=40, editable=False)
    title = models.CharField(_("title"), max_length=300)
    title_en = models.CharField(_("English title"), max_length=400, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        ordering = ["plan", "path"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "path"], name="clause_path_unique"),
            models.CheckConstraint(condition=models.Q(ordinal__gte=1), name="clause_ordinal_positive"),
            models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=MAX_DEPTH), name="clause_level_range"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def number(self) -> str:
        return clause_number(self.level, self.ordinal)

    def clean(self) -> None:
        """Derive level and path from the parent; a clause stays inside its plan's tree."""
        if self.parent_id is None:
            self.level, prefix = 1, ""
        else:
            parent = self.parent
            assert parent is not None
            if parent.plan_id != self.plan_id:
                raise ValidationError({"parent": _("The parent clause belongs to another plan.")})
            if self.pk is not None and (parent.pk == self.pk or parent.path.startswith(self.path + ".")):
                raise ValidationError({"parent": _("A clause cannot sit under itself.")})
            if parent.level >= MAX_DEPTH:
                raise ValidationError({"parent": _("Clauses nest at most six levels deep.")})
            self.level, prefix = parent.level + 1, parent.path + "."
        self.path = f"{prefix}{self.ordinal or 0:03d}"


class Area(NamedRecord):
    """A work area of the programme; report sections follow their order."""

    code = models.CharField(_("code"), max_length=60, unique=True, validators=[CODE_VALIDATOR])
    order = models.PositiveSmallIntegerField(_("order"), unique=True)

    class Meta:
        verbose_name = _("work area")
        verbose_name_plural = _("work areas")
        ordering = ["order"]
