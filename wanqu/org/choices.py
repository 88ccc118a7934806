from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    LEADING_GROUP = "leading_group", _("leading group")
    OFFICE = "office", _("GBA Office")
    SPECIAL_GROUP = "special_group", _("special group")
    DEPARTMENT = "department", _("provincial department")
    CITY_GOVERNMENT = "city_government", _("city government")
    SAR_BUREAU = "sar_bureau", _("SAR government bureau")
    STATE_BODY = "state_body", _("state body")
    INSTITUTION = "institution", _("institution")


class Role(models.TextChoices):
    OFFICE_ADMIN = "office_admin", _("office admin")
    GROUP_LEAD = "group_lead", _("special group lead")
    REPORTER = "reporter", _("unit reporter")
    VIEWER = "viewer", _("viewer")
