from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalSystem(models.TextChoices):
    MAINLAND = "mainland", _("Mainland socialist legal system")
    COMMON_LAW = "common_law", _("Common law (Hong Kong)")
    MACAO_CIVIL_LAW = "macao_civil", _("Civil law (Macao)")


class Script(models.TextChoices):
    SIMPLIFIED = "hans", _("Simplified Chinese")
    TRADITIONAL = "hant", _("Traditional Chinese")
