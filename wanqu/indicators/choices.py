from django.db import models
from django.utils.translation import gettext_lazy as _


class Qualifier(models.TextChoices):
    """How a figure relates to the truth: "within 5 minutes" is ≤ 5, not 5."""

    EQ = "=", "="
    LT = "<", "<"
    LE = "≤", "≤"
    GT = ">", ">"
    GE = "≥", "≥"
    APPROX = "≈", "≈"


class MeasureUnit(models.TextChoices):
    COUNT = "count", _("count")
    MINUTE = "minute", _("minutes")
    CNY = "CNY", _("yuan (CNY)")
    HKD = "HKD", _("Hong Kong dollars")
    MOP = "MOP", _("patacas")
    PERCENT = "percent", _("per cent")
    PERSON = "person", _("people")
    KM = "km", _("kilometres")


class Aggregation(models.TextChoices):
    SUM = "sum", _("sum over scopes")
    LATEST = "latest", _("latest value")
    CUMULATIVE = "cumulative", _("cumulative total")
    MEAN = "mean", _("mean")
    MAX = "max", _("maximum")
    MIN = "min", _("minimum")


class Direction(models.TextChoices):
    UP = "up", _("higher is better")
    DOWN = "down", _("lower is better")
    NEUTRAL = "neutral", _("no direction")


class Scope(models.TextChoices):
    PROGRAMME = "programme", _("whole programme")
    JURISDICTION = "jurisdiction", _("jurisdiction")
    CITY = "city", _("city")
