"""The report pages: the list with editions, a report with its preview and downloads, publish,
background rendering with its progress, and the diff between two reports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wanqu.core.errors import Conflict, Forbidden
from wanqu.core.management.commands.history import parse_time
from wanqu.org.permissions import scope_of
from wanqu.reports.builder import LANGS
from wanqu.reports.choices import FileState, Lang
from wanqu.reports.diff import report_diff
from wanqu.reports.querysets import get_report_for_user, reports_visible_to
from wanqu.reports.render_html import render_fragment
from wanqu.reports.rendering import CONTENT_TYPES, FORMATS
from wanqu.reports.rendering import render as render_format
from wanqu.reports.services import document_of, report_create, report_publish, report_request_files


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    is_office = scope_of(request.user).is_office
    if request.method == "POST":
        if not is_office:
            raise Http404
        try:
            text = request.POST.get("as_of", "").strip()
            as_of = timezone.now() if not text else parse_time(text)
            report = report_create(actor=request.user, as_of=as_of, lang=request.POST.get("lang", ""))
        except (ValidationError, Forbidden) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        except Exception as exc:  # parse_time raises CommandError on an unreadable time
            messages.error(request, str(exc))
        else:
            return redirect("reports:report_detail", pk=report.pk)
    reports = reports_visible_to(request.user).select_related("created_by").defer("snapshot", "text")
    return render(
        request, "reports/report_list.html", {"reports": reports, "is_office": is_office, "langs": Lang.choices}
    )


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk)
    files = {f.format: f for f in report.files.all()}
    others = reports_visible_to(request.user).filter(lang=report.lang).exclude(pk=report.pk).defer("snapshot", "text")
    context = {
        "report": report,
        "preview": render_fragment(document_of(report)),
        "files": [(fmt, files.get(fmt)) for fmt in FORMATS],
        "others": others[:20],
        "is_office": scope_of(request.user).is_office,
        **_progress(report),
    }
    return render(request, "reports/report_detail.html", context)


def _progress(report: object) -> dict[str, object]:
    files = list(report.files.all())  # type: ignore[attr-defined]
    done = sum(1 for f in files if f.state != FileState.PENDING)
    return {"progress_done": done, "progress_total": len(files), "rendering": done < len(files)}


@login_required
def report_progress(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk)
    files = {f.format: f for f in report.files.all()}
    context = {"report": report, "files": [(fmt, files.get(fmt)) for fmt in FORMATS], **_progress(report)}
    return render(request, "reports/_files.html", context)


@login_required
@require_POST
def report_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk)
    try:
        version = int(request.POST.get("version", report.version))
        report_publish(actor=request.user, report=report, expected_version=version)
        messages.success(request, _("The report is published: its text and inputs are frozen."))
    except (ValidationError, Forbidden, Conflict, ValueError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    return redirect("reports:report_detail", pk=pk)


@login_required
@require_POST
def report_render_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk)
    try:
        report_request_files(actor=request.user, report=report)
        messages.success(request, _("The files are being made in the background."))
    except (ValidationError, Forbidden) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    return redirect("reports:report_detail", pk=pk)


@login_required
def report_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse | FileResponse:
    report = get_report_for_user(request.user, pk)
    if fmt not in FORMATS:
        raise Http404
    name = f"wanqu-report-{report.lang}-{timezone.localtime(report.as_of):%Y%m%d}.{fmt}"
    stored = report.files.filter(format=fmt, state=FileState.DONE).first()
    if stored is not None and stored.path and default_storage.exists(stored.path):
        stream = default_storage.open(stored.path, "rb")
        return FileResponse(stream, as_attachment=True, filename=name, content_type=CONTENT_TYPES[fmt])
    if fmt in ("md", "html"):  # quick to make on the spot
        response = HttpResponse(render_format(document_of(report), fmt), content_type=CONTENT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    raise Http404


@login_required
def report_diff_view(request: HttpRequest) -> HttpResponse:
    try:
        old = get_report_for_user(request.user, int(request.GET.get("a", "")))
        new = get_report_for_user(request.user, int(request.GET.get("b", "")))
    except ValueError:
        raise Http404 from None
    lines = report_diff(old, new)
    changed = sum(1 for kind, _text in lines if kind != " ")
    return render(request, "reports/report_diff.html", {"old": old, "new": new, "lines": lines, "changed": changed})


__all__ = ["LANGS"]
