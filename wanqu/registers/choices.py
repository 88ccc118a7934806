from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectKind(models.TextChoices):
    BRIDGE = "bridge", _("bridge")
    RAILWAY = "railway", _("railway")
    ROAD = "road", _("road or tunnel")
    PORT = "port", _("port of entry")
    SEAPORT = "seaport", _("seaport")
    AIRPORT = "airport", _("airport")
    SCIENCE_FACILITY = "science_facility", _("science facility")
    LABORATORY = "laboratory", _("laboratory")
    CAMPUS = "campus", _("university campus")
    FUND = "fund", _("fund")
    OTHER = "other", _("other")


class Stage(models.TextChoices):
    """A project's stages, in order."""

    PLANNED = "planned", _("planned")
    PREPARATORY = "preparatory", _("preparatory work")
    STARTED = "started", _("construction started")
    UNDER_CONSTRUCTION = "under_construction", _("under construction")
    COMPLETED = "completed", _("completed")
    OPENED = "opened", _("opened to traffic")
    IN_OPERATION = "in_operation", _("in operation")


class RuleDomain(models.TextChoices):
    FOOD_SAFETY = "food_safety", _("food safety")
    TRANSPORT = "transport", _("transport")
    TELECOMS = "telecoms", _("telecommunications")
    SOCIAL_SECURITY = "social_security", _("social security")
    TAX = "tax", _("tax")
    FINANCE = "finance", _("finance")
    HEALTH = "health", _("health")
    QUALIFICATIONS = "qualifications", _("qualifications")
    CUSTOMS = "customs", _("customs and clearance")
    EMPLOYMENT = "employment", _("employment")
    SCIENCE = "science", _("science and technology")
    GOVERNANCE = "governance", _("governance")


class AlignmentStatus(models.TextChoices):
    """Where a rule item stands in one jurisdiction."""

    NOT_STARTED = "not_started", _("not started")
    UNDER_STUDY = "under_study", _("under study")
    AGREED = "agreed", _("agreed")
    AUTHORISED = "authorised", _("authorised")
    ISSUED = "issued", _("issued")
    IMPLEMENTED = "implemented", _("implemented")
    NOT_APPLICABLE = "not_applicable", _("not applicable")


class IdeaState(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ASSESSING = "assessing", _("under assessment")
    ADOPTED = "adopted", _("adopted")
    SHELVED = "shelved", _("shelved")


class PlatformLevel(models.TextChoices):
    NATIONAL = "national", _("major cooperation platform")
    FREE_TRADE = "free_trade", _("free trade zone")
    CHARACTERISTIC = "characteristic", _("characteristic platform")
    PARK = "park", _("industrial park")
