from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanKind(models.TextChoices):
    OUTLINE = "outline", _("outline development plan")
    OPINIONS = "opinions", _("implementation opinions")
    ACTION_PLAN = "action_plan", _("action plan")
    MEASURES = "measures", _("measures")
    SPECIAL_PLAN = "special_plan", _("special plan")


class PlanStatus(models.TextChoices):
    DRAFTING = "drafting", _("drafting")
    ISSUED = "issued", _("issued")
    IN_FORCE = "in_force", _("in force")
    EXPIRED = "expired", _("expired")
