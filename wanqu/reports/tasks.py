"""Rendering in the background worker (`wanqu db_worker`, which `wanqu serve` starts).

The worker renders a report's pending files one format at a time, so the page can show how
far it has got: files done out of files asked for.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django_tasks import task

from wanqu.core.context import batch
from wanqu.core.services import record_update
from wanqu.reports.choices import FileState
from wanqu.reports.models import Report, ReportFile
from wanqu.reports.rendering import render
from wanqu.reports.services import document_of

SUFFIX = {"docx": "docx", "pdf": "pdf", "html": "html", "md": "md"}


def file_name(report: Report, fmt: str) -> str:
    return f"reports/report-{report.pk}-{report.lang}-{report.as_of:%Y%m%d}-v{report.version}.{SUFFIX[fmt]}"


def render_pending(report_id: int) -> int:
    """Render every pending file of a report; returns how many were made."""
    report = Report.objects.get(pk=report_id)
    doc = document_of(report)
    made = 0
    with batch("render"):
        for item in ReportFile.objects.filter(report=report, state=FileState.PENDING).order_by("id"):
            try:
                data = render(doc, item.format)
            except Exception as exc:  # a failed format is reported on the page, the others still render
                record_update(
                    actor=None,
                    obj=item,
                    data={"state": FileState.FAILED, "error": f"{type(exc).__name__}: {exc}"[:2000]},
                    expected_version=item.version,
                )
                continue
            name = default_storage.save(file_name(report, item.format), ContentFile(data))
            record_update(
                actor=None,
                obj=item,
                data={"state": FileState.DONE, "path": name, "size": len(data), "error": ""},
                expected_version=item.version,
            )
            made += 1
    return made


@task()
def render_report_files(report_id: int) -> int:
    return render_pending(report_id)
