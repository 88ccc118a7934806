"""Generated progress reports: the inputs they were built from, their text's hash, their files."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wanqu.core.models import Record
from wanqu.reports.choices import FileState, Format, Kind, Lang, ReportState


class Report(Record):
    """A progress report as of a time, in one language.

    Its inputs (the programme as the change log had it at `as_of`) are kept in `snapshot`, so
    the text can be rebuilt exactly; publishing freezes it and stores the SHA-256 of its text.
    """

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("template"), max_length=20, choices=Kind.choices, default=Kind.PROGRESS)
    lang = models.CharField(_("language"), max_length=8, choices=Lang.choices)
    as_of = models.DateTimeField(_("as of"))
    state = models.CharField(_("state"), max_length=12, choices=ReportState.choices, default=ReportState.DRAFT)
    edition = models.PositiveIntegerField(_("edition"), null=True, blank=True)
    snapshot = models.JSONField(_("inputs"), default=dict, blank=True)
    sha256 = models.CharField(_("SHA-256 of the text"), max_length=64, blank=True)
    text = models.TextField(_("text (Markdown)"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    owned_relations = ("files",)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-as_of", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state=ReportState.PUBLISHED) | ~models.Q(sha256=""),
                name="report_published_is_hashed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_lang_display()}, {self.as_of:%Y-%m-%d})"

    @property
    def is_published(self) -> bool:
        return self.state == ReportState.PUBLISHED


class ReportFile(Record):
    """One rendered format of a report, made by the background worker."""

    report = models.ForeignKey(Report, verbose_name=_("report"), on_delete=models.PROTECT, related_name="files")
    format = models.CharField(_("format"), max_length=8, choices=Format.choices)
    state = models.CharField(_("state"), max_length=12, choices=FileState.choices, default=FileState.PENDING)
    # The name in the default storage (MEDIA_ROOT/reports/…); a plain string so that the change
    # log's JSON snapshot can hold it, which a FileField's value cannot.
    path = models.CharField(_("stored file"), max_length=300, blank=True)
    size = models.PositiveIntegerField(_("size (bytes)"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("report file")
        verbose_name_plural = _("report files")
        ordering = ["report", "format"]
        constraints = [models.UniqueConstraint(fields=["report", "format"], name="report_file_once")]

    def __str__(self) -> str:
        return f"{self.report} · {self.format}"
