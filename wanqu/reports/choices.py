from django.db import models
from django.utils.translation import gettext_lazy as _


class Lang(models.TextChoices):
    """The report's language: Simplified, Traditional (Hong Kong usage) or English."""

    HANS = "zh-hans", "简体中文"
    HANT = "zh-hant", "繁體中文"
    EN = "en", "English"


class Format(models.TextChoices):
    DOCX = "docx", "Word (.docx)"
    PDF = "pdf", "PDF"
    HTML = "html", "HTML"
    MD = "md", "Markdown"


class Kind(models.TextChoices):
    PROGRESS = "progress", _("progress report")


class ReportState(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class FileState(models.TextChoices):
    PENDING = "pending", _("waiting to be rendered")
    DONE = "done", _("rendered")
    FAILED = "failed", _("failed")
