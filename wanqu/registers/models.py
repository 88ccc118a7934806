"""The registers: major projects, rule-alignment items (湾区通), policy ideas and platforms."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wanqu.core.models import NamedRecord, Record
from wanqu.core.money import money_constraints, money_fields
from wanqu.geo.models import City, Jurisdiction
from wanqu.org.models import CODE_VALIDATOR, Unit
from wanqu.registers.choices import (
    AlignmentStatus,
    IdeaState,
    PlatformLevel,
    ProjectKind,
    RuleDomain,
    Stage,
)


def validate_geometry(value: Any) -> None:
    """A GeoJSON geometry object (Point, LineString, Polygon or their Multi- forms)."""
    kinds = {"Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon"}
    if value in (None, {}):
        return
    if not isinstance(value, dict) or value.get("type") not in kinds or "coordinates" not in value:
        raise ValidationError(_("Give a GeoJSON geometry with a type and coordinates."))


class Platform(NamedRecord):
    """A cooperation zone or park: Nansha, Qianhai, Hengqin, Hetao …"""

    code = models.CharField(_("code"), max_length=60, unique=True, validators=[CODE_VALIDATOR])
    level = models.CharField(_("level"), max_length=20, choices=PlatformLevel.choices)
    city = models.ForeignKey(
        City, verbose_name=_("city"), null=True, blank=True, on_delete=models.PROTECT, related_name="platforms"
    )
    managing_unit = models.ForeignKey(
        Unit, verbose_name=_("managing unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="platforms"
    )
    geometry = models.JSONField(_("geometry"), null=True, blank=True, validators=[validate_geometry])
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("cooperation platform")
        verbose_name_plural = _("cooperation platforms")
        ordering = ["code"]


class Project(NamedRecord):
    """A major project with its kind, cities, investment and dated stage history."""

    code = models.CharField(_("code"), max_length=60, unique=True, validators=[CODE_VALIDATOR])
    kind = models.CharField(_("kind"), max_length=20, choices=ProjectKind.choices)
    stage = models.CharField(_("current stage"), max_length=20, choices=Stage.choices, default=Stage.PLANNED)
    cities = models.ManyToManyField(City, verbose_name=_("cities"), blank=True, related_name="projects")
    lead_unit = models.ForeignKey(
        Unit, verbose_name=_("lead unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="projects"
    )
    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), null=True, blank=True, on_delete=models.PROTECT, related_name="projects"
    )
    investment_amount, investment_currency = money_fields(_("investment"))
    geometry = models.JSONField(_("geometry"), null=True, blank=True, validators=[validate_geometry])
    description = models.TextField(_("description"), blank=True)

    owned_relations = ("stages",)

    class Meta:
        verbose_name = _("major project")
        verbose_name_plural = _("major projects")
        ordering = ["code"]
        constraints = money_constraints("investment", "project")

    def clean(self) -> None:
        if (self.investment_amount is None) != (not self.investment_currency):
            raise ValidationError(
                {"investment_currency": _("Give the investment as an amount together with its currency.")}
            )


class ProjectStage(Record):
    """The date a project reached a stage."""

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="stages")
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    reached_on = models.DateField(_("reached on"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("project stage")
        verbose_name_plural = _("project stages")
        ordering = ["project", "reached_on"]
        constraints = [models.UniqueConstraint(fields=["project", "stage"], name="project_stage_once")]

    def __str__(self) -> str:
        return f"{self.project} · {self.get_stage_display()} · {self.reached_on}"


class RuleItem(NamedRecord):
    """A rule-alignment item between the jurisdictions, with a status in each."""

    code = models.CharField(_("code"), max_length=60, unique=True, validators=[CODE_VALIDATOR])
    domain = models.CharField(_("domain"), max_length=30, choices=RuleDomain.choices)
    lead_unit = models.ForeignKey(
        Unit, verbose_name=_("lead unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="rule_items"
    )
    effective_on = models.DateField(_("effective date"), null=True, blank=True)
    scope_cities = models.ManyToManyField(
        City, verbose_name=_("cities where it applies"), blank=True, related_name="rule_items"
    )
    description = models.TextField(_("description"), blank=True)

    owned_relations = ("statuses", "instruments")

    class Meta:
        verbose_name = _("rule-alignment item")
        verbose_name_plural = _("rule-alignment items")
        ordering = ["code"]


class JurisdictionStatus(Record):
    """The position and status of a rule item in one jurisdiction."""

    rule_item = models.ForeignKey(
        RuleItem, verbose_name=_("rule-alignment item"), on_delete=models.PROTECT, related_name="statuses"
    )
    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name=_("jurisdiction"), on_delete=models.PROTECT, related_name="rule_statuses"
    )
    status = models.CharField(_("status"), max_length=20, choices=AlignmentStatus.choices)
    position = models.TextField(_("position"), blank=True)
    since = models.DateField(_("since"), null=True, blank=True)

    class Meta:
        verbose_name = _("status in a jurisdiction")
        verbose_name_plural = _("statuses in jurisdictions")
        ordering = ["rule_item", "jurisdiction__order"]
        constraints = [models.UniqueConstraint(fields=["rule_item", "jurisdiction"], name="rule_status_once")]

    def __str__(self) -> str:
        return f"{self.rule_item} · {self.jurisdiction} · {self.get_status_display()}"


class Instrument(Record):
    """A law, regulation or policy document on one side that gives effect to a rule item."""

    rule_item = models.ForeignKey(
        RuleItem, verbose_name=_("rule-alignment item"), on_delete=models.PROTECT, related_name="instruments"
    )
    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name=_("jurisdiction"), on_delete=models.PROTECT, related_name="instruments"
    )
    title = models.CharField(_("title"), max_length=300)
    reference = models.CharField(_("document number"), max_length=100, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)

    class Meta:
        verbose_name = _("legal instrument")
        verbose_name_plural = _("legal instruments")
        ordering = ["rule_item", "issued_on"]

    def __str__(self) -> str:
        return self.title


class PolicyIdea(Record):
    """An entry of the policy innovation reserve (政策创新储备库)."""

    code = models.CharField(_("code"), max_length=60, unique=True, validators=[CODE_VALIDATOR])
    title = models.CharField(_("title"), max_length=300)
    title_en = models.CharField(_("English title"), max_length=400, blank=True)
    proposal = models.TextField(_("proposal"))
    proposer = models.ForeignKey(
        Unit, verbose_name=_("proposer"), on_delete=models.PROTECT, related_name="policy_ideas"
    )
    proposed_on = models.DateField(_("proposed on"))
    assessment = models.TextField(_("assessment"), blank=True)
    state = models.CharField(_("state"), max_length=20, choices=IdeaState.choices, default=IdeaState.PROPOSED)
    rule_item = models.ForeignKey(
        RuleItem, verbose_name=_("adopted as"), null=True, blank=True, on_delete=models.PROTECT, related_name="ideas"
    )

    class Meta:
        verbose_name = _("policy idea")
        verbose_name_plural = _("policy innovation reserve")
        ordering = ["-proposed_on", "code"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state=IdeaState.ADOPTED) | models.Q(rule_item__isnull=False),
                name="idea_adopted_has_rule_item",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.state == IdeaState.ADOPTED and self.rule_item_id is None:
            raise ValidationError({"rule_item": _("An adopted idea names the rule item it became.")})
