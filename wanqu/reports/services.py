"""Writing reports: create one as of a time, publish (freeze) it, have its files rendered.

Every write goes through `wanqu.core.services`, so each has its change row and its permission
check (only the office writes reports).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wanqu.core.history import first_change_at
from wanqu.core.services import Actor, check_permission, record_create, record_update
from wanqu.reports.builder import LANGS, build, collect
from wanqu.reports.choices import FileState, ReportState
from wanqu.reports.document import Document
from wanqu.reports.models import Report, ReportFile
from wanqu.reports.render_md import render_md
from wanqu.reports.rendering import FORMATS


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def check_as_of(at: dt.datetime) -> None:
    """A report can be made for any time from the programme's first record up to now."""
    now = timezone.now()
    if at > now:
        raise ValidationError(
            {"as_of": _("%(at)s is in the future; a report shows what was recorded, up to now.") % {"at": _show(at)}}
        )
    began = first_change_at()
    if began is None:
        raise ValidationError({"as_of": _("Nothing has been recorded yet, so there is nothing to report.")})
    if at < began:
        raise ValidationError(
            {
                "as_of": _("%(at)s is before the programme began: its first record dates from %(began)s.")
                % {"at": _show(at), "began": _show(began)}
            }
        )


def check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValidationError(
            {
                "lang": _("Unknown language “%(lang)s”; choose one of %(langs)s.")
                % {"lang": lang, "langs": ", ".join(LANGS)}
            }
        )


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValidationError(
            {
                "format": _("Unknown format “%(fmt)s”; choose one of %(formats)s.")
                % {"fmt": fmt, "formats": ", ".join(FORMATS)}
            }
        )


def _show(at: dt.datetime) -> str:
    return f"{timezone.localtime(at):%Y-%m-%d %H:%M:%S}"


def document_of(report: Report) -> Document:
    """The report's text, rebuilt from its own snapshot."""
    return build(report.snapshot, lang=report.lang, title=report.title)


def report_create(*, actor: Actor, as_of: dt.datetime, lang: str, title: str = "") -> Report:
    """A draft report: the programme as the change log had it at `as_of`, kept as its inputs."""
    check_lang(lang)
    check_as_of(as_of)
    snapshot = collect(as_of)
    doc = build(snapshot, lang=lang, title=title)
    text = render_md(doc)
    return record_create(
        actor=actor,
        model=Report,
        data={
            "title": doc.title,
            "lang": lang,
            "as_of": as_of,
            "snapshot": snapshot,
            "text": text,
            "sha256": sha256_of(text),
            "created_by": actor if actor is not None and actor.is_authenticated else None,
        },
    )


def report_publish(*, actor: Actor, report: Report, expected_version: int) -> Report:
    """Freeze a draft: it keeps its inputs and the SHA-256 of its text, and gets its edition number."""
    if report.is_published:
        raise ValidationError(_("This report is already published; a published report does not change."))
    text = render_md(document_of(report))
    with transaction.atomic():
        editions = Report.objects.filter(kind=report.kind, lang=report.lang, state=ReportState.PUBLISHED)
        return record_update(
            actor=actor,
            obj=report,
            data={
                "state": ReportState.PUBLISHED,
                "text": text,
                "sha256": sha256_of(text),
                "published_at": timezone.now(),
                "edition": editions.count() + 1,
            },
            expected_version=expected_version,
        )


def report_request_files(*, actor: Actor, report: Report, formats: Iterable[str] = FORMATS) -> list[ReportFile]:
    """Ask the background worker for the report's files; a file already made is made again."""
    check_permission(actor, report, "update", {"files"})
    wanted = list(dict.fromkeys(formats))
    for fmt in wanted:
        check_format(fmt)
    files: list[ReportFile] = []
    with transaction.atomic():
        for fmt in wanted:
            existing = ReportFile.objects.filter(report=report, format=fmt).first()
            if existing is None:
                files.append(record_create(actor=actor, model=ReportFile, data={"report": report, "format": fmt}))
            else:
                files.append(
                    record_update(
                        actor=actor,
                        obj=existing,
                        data={"state": FileState.PENDING, "error": ""},
                        expected_version=existing.version,
                    )
                )
        from wanqu.reports.tasks import render_report_files

        transaction.on_commit(lambda: render_report_files.enqueue(report.pk))
    return files
