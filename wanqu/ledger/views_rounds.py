"""Pages of reporting rounds, updates and their review, supervision notices, the inbox, the league table.

Views read through `visible_to` and write through `wanqu.ledger.services`; a refused step comes
back as a message on the same page and changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wanqu.core.errors import Conflict, Forbidden
from wanqu.ledger import services
from wanqu.ledger.choices import NoticeGrade, NoticeKind, NoticeState, PeriodKind, UpdateState
from wanqu.ledger.completeness import league_table, owed_by, round_completeness
from wanqu.ledger.evidence import max_bytes
from wanqu.ledger.models import (
    ChangeRequest,
    Evidence,
    Round,
    RoundObligation,
    SupervisionNotice,
    Task,
    Update,
)
from wanqu.notifications.models import Notification
from wanqu.notifications.services import notification_mark_read
from wanqu.org.permissions import may_review, scope_of, visible_to

REFUSED = (ValidationError, Forbidden, Conflict)


def _say(request: HttpRequest, exc: Exception) -> None:
    """A refused step, said plainly on the page."""
    if isinstance(exc, ValidationError):
        for text in exc.messages:
            messages.error(request, text)
    else:
        messages.error(request, str(exc))


def _attempt(request: HttpRequest, step: Callable[[], Any], done: str) -> bool:
    try:
        step()
    except REFUSED as exc:
        _say(request, exc)
        return False
    messages.success(request, done)
    return True


def _version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


def _date(raw: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(raw or "")
    except ValueError:
        return None


def _visible(model: type[Any], request: HttpRequest, pk: int) -> Any:
    """The record if the user may see it; "not found" and "not yours" look the same."""
    return get_object_or_404(visible_to(request.user, model._default_manager.all()), pk=pk)


# --- rounds ----------------------------------------------------------------------------------


@login_required
def round_list(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request.user)
    if request.method == "POST":
        start, end, due = (_date(request.POST.get(k)) for k in ("period_start", "period_end", "due_date"))
        if None in (start, end, due):
            messages.error(request, _("Give the period's start and end and the due date as dates."))
        elif _attempt(
            request,
            lambda: services.round_open(
                actor=request.user,
                name=request.POST.get("name", "").strip(),
                period_kind=request.POST.get("period_kind", ""),
                period_start=start,  # type: ignore[arg-type]
                period_end=end,  # type: ignore[arg-type]
                due_date=due,  # type: ignore[arg-type]
            ),
            _("The round is open."),
        ):
            return HttpResponseRedirect(reverse("rounds:round_list"))
    rounds = list(visible_to(request.user, Round.objects.all()))
    return render(
        request,
        "ledger/rounds/round_list.html",
        {"rounds": rounds, "can_open": scope.is_office, "period_kinds": PeriodKind.choices, "form": request.POST},
    )


@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = _visible(Round, request, pk)
    total, units = round_completeness(rnd)
    visible_tasks = set(visible_to(request.user, Task.objects.all()).values_list("pk", flat=True))
    for tally in units:
        tally.lines = [line for line in tally.lines if line.obligation.task_id in visible_tasks]
    units = [t for t in units if t.lines]
    return render(
        request,
        "ledger/rounds/round_detail.html",
        {
            "round": rnd,
            "total": total,
            "units": units,
            "is_office": scope_of(request.user).is_office,
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def round_close(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = _visible(Round, request, pk)
    _attempt(
        request,
        lambda: services.round_close(actor=request.user, round=rnd, expected_version=_version(request)),
        _("The round is closed; its updates are locked."),
    )
    return HttpResponseRedirect(reverse("rounds:round_detail", args=[rnd.pk]))


@login_required
@require_POST
def obligation_notice(request: HttpRequest, pk: int) -> HttpResponse:
    """Issue a notice about one missing or late update: a 督办单, or a follow-up for a SAR partner."""
    ob = _visible(RoundObligation, request, pk)
    reply_due = _date(request.POST.get("reply_due")) or timezone.localdate() + dt.timedelta(days=5)
    _attempt(
        request,
        lambda: services.notice_issue(
            actor=request.user,
            task=ob.task,
            unit=ob.unit,
            grade=request.POST.get("grade", NoticeGrade.RED),
            reason=request.POST.get("reason", "").strip()
            or _("The update on %(task)s for %(round)s was not submitted by %(due)s.")
            % {"task": ob.task.code, "round": ob.round, "due": ob.round.due_date},
            reply_due=reply_due,
            round=ob.round,
        ),
        _("The notice is issued."),
    )
    return HttpResponseRedirect(reverse("rounds:round_detail", args=[ob.round_id]))


@login_required
def league(request: HttpRequest) -> HttpResponse:
    rounds = list(visible_to(request.user, Round.objects.all()))
    visible = set(visible_to(request.user, Task.objects.all()).values_list("pk", flat=True))
    units, jurisdictions = league_table(rounds, task_ids=visible)
    return render(
        request, "ledger/rounds/league.html", {"units": units, "jurisdictions": jurisdictions, "rounds": rounds}
    )


# --- what I owe, the update form -------------------------------------------------------------


@login_required
def owe(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request.user)
    lines = owed_by(scope.reporter_unit_ids)
    return render(request, "ledger/rounds/owe.html", {"lines": lines, "today": timezone.localdate()})


@login_required
def update_edit(request: HttpRequest, round_pk: int, task_pk: int) -> HttpResponse:
    """The reporter's form: write, save a draft, attach evidence, submit."""
    rnd = _visible(Round, request, round_pk)
    task = _visible(Task, request, task_pk)
    unit_id = request.GET.get("unit") or request.POST.get("unit")
    obligations = RoundObligation.objects.filter(round=rnd, task=task).select_related("unit")
    ob = obligations.filter(unit_id=unit_id).first() if unit_id else obligations.first()
    scope = scope_of(request.user)
    if ob is None or not (scope.is_office or ob.unit_id in scope.reporter_unit_ids):
        raise Http404  # only the unit that owes the update (or the office) writes it
    update = Update.objects.filter(round=rnd, task=task, unit=ob.unit).first()
    if request.method == "POST":
        if _post_update(request, rnd, task, ob, update):
            update = Update.objects.get(round=rnd, task=task, unit=ob.unit)
            return HttpResponseRedirect(reverse("rounds:update_detail", args=[update.pk]))
    data = request.POST if request.method == "POST" else None
    return render(
        request,
        "ledger/rounds/update_form.html",
        {
            "round": rnd,
            "task": task,
            "obligation": ob,
            "update": update,
            "data": data,
            "statuses": Task._meta.get_field("status").choices,
            "max_mb": max_bytes() // (1024 * 1024),
        },
    )


def _post_update(request: HttpRequest, rnd: Round, task: Task, ob: RoundObligation, update: Update | None) -> bool:
    # Judge the upload's size before reading the body: a 100 MB file is refused unread.
    if int(request.META.get("CONTENT_LENGTH") or 0) > max_bytes() + 1024 * 1024:
        messages.error(
            request,
            _("The upload is too large; files may be at most %(mb)s MB. Nothing was saved.")
            % {"mb": max_bytes() // (1024 * 1024)},
        )
        return False
    fields = {k: request.POST.get(k, "") for k in ("progress_text", "problems", "next_steps", "status")}
    fields["percent"] = request.POST.get("percent") or "0"
    try:
        with transaction.atomic():
            saved = services.update_save_draft(
                actor=request.user,
                round=rnd,
                task=task,
                unit=ob.unit,
                data=fields,
                expected_version=(_version(request) if "version" in request.POST else update.version)
                if update is not None
                else None,
            )
            for upload in request.FILES.getlist("evidence"):
                services.evidence_add(actor=request.user, update=saved, upload=upload)
            if request.POST.get("action") == "submit":
                saved = Update.objects.get(pk=saved.pk)
                services.update_submit(actor=request.user, update=saved, expected_version=saved.version)
    except REFUSED as exc:
        _say(request, exc)
        return False
    messages.success(
        request, _("Submitted for review.") if request.POST.get("action") == "submit" else _("Draft saved.")
    )
    return True


@login_required
def update_detail(request: HttpRequest, pk: int) -> HttpResponse:
    update = _visible(Update, request, pk)
    scope = scope_of(request.user)
    return render(
        request,
        "ledger/rounds/update_detail.html",
        {
            "update": update,
            "evidence": update.evidence.all(),
            "can_review": update.state == UpdateState.SUBMITTED and may_review(request.user, update),
            "can_edit": update.is_editable and update.unit_id in scope.reporter_unit_ids,
            "can_reopen": scope.is_office and update.is_locked,
        },
    )


@login_required
@require_POST
def update_review(request: HttpRequest, pk: int) -> HttpResponse:
    update = _visible(Update, request, pk)
    action = request.POST.get("action")
    version = _version(request)
    if action == "accept":
        _attempt(
            request,
            lambda: services.update_accept(actor=request.user, update=update, expected_version=version),
            _("Accepted."),
        )
    elif action == "return":
        _attempt(
            request,
            lambda: services.update_return(
                actor=request.user, update=update, expected_version=version, reason=request.POST.get("reason", "")
            ),
            _("Returned to the unit with your reason."),
        )
    elif action == "reopen":
        _attempt(
            request,
            lambda: services.update_reopen(
                actor=request.user, update=update, expected_version=version, reason=request.POST.get("reason", "")
            ),
            _("Reopened: the unit can revise and resubmit it."),
        )
    return HttpResponseRedirect(reverse("rounds:update_detail", args=[update.pk]))


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    submitted = (
        visible_to(request.user, Update.objects.filter(state=UpdateState.SUBMITTED))
        .select_related("round", "task", "unit", "task__special_group")
        .order_by("submitted_at")
    )
    updates = [u for u in submitted if may_review(request.user, u)]
    change_requests = (
        ChangeRequest.objects.filter(state="pending").select_related("task", "unit").order_by("pk")
        if scope_of(request.user).is_office
        else ChangeRequest.objects.none()
    )
    return render(request, "ledger/rounds/review.html", {"updates": updates, "change_requests": change_requests})


@login_required
def evidence_file(request: HttpRequest, pk: int) -> FileResponse:
    evidence = _visible(Evidence, request, pk)
    return FileResponse(evidence.open(), as_attachment=True, filename=evidence.name, content_type=evidence.content_type)


# --- notices ---------------------------------------------------------------------------------


def _notices(request: HttpRequest) -> Any:
    notices = visible_to(request.user, SupervisionNotice.objects.all()).select_related("task", "unit")
    state = request.GET.get("state")
    if state in NoticeState.values:
        notices = notices.filter(state=state)
    kind = request.GET.get("kind")
    if kind in NoticeKind.values:
        notices = notices.filter(kind=kind)
    return notices.order_by("-issued_on", "-id")


@login_required
def notice_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "ledger/rounds/notice_list.html",
        {
            "notices": _notices(request),
            "states": NoticeState.choices,
            "kinds": NoticeKind.choices,
            "query": request.GET,
        },
    )


@login_required
def notice_export(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="notices.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 CSV correctly only with the byte-order mark
    writer = csv.writer(response)
    writer.writerow(
        [
            _("task"),
            _("addressed to"),
            _("kind"),
            _("grade"),
            _("reason"),
            _("issued on"),
            _("reply due"),
            _("state"),
            _("replied on"),
            _("reply"),
            _("escalations"),
        ]
    )
    for n in _notices(request).prefetch_related("escalations"):
        writer.writerow(
            [
                n.task.code,
                n.unit,
                n.get_kind_display(),
                n.get_grade_display(),
                n.reason,
                n.issued_on,
                n.reply_due,
                n.get_state_display(),
                n.replied_on or "",
                n.reply,
                len(n.escalations.all()),
            ]
        )
    return response


@login_required
def notice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _visible(SupervisionNotice, request, pk)
    scope = scope_of(request.user)
    if request.method == "POST":
        version = _version(request)
        if request.POST.get("action") == "reply":
            _attempt(
                request,
                lambda: services.notice_reply(
                    actor=request.user, notice=notice, expected_version=version, reply=request.POST.get("reply", "")
                ),
                _("Your reply is sent; the notice is closed."),
            )
        elif request.POST.get("action") == "escalate":
            reply_due = _date(request.POST.get("reply_due")) or timezone.localdate() + dt.timedelta(days=5)
            _attempt(
                request,
                lambda: services.notice_escalate(
                    actor=request.user,
                    notice=notice,
                    expected_version=version,
                    grade=request.POST.get("grade", ""),
                    reason=request.POST.get("reason", ""),
                    reply_due=reply_due,
                ),
                _("The notice is escalated."),
            )
        return HttpResponseRedirect(reverse("rounds:notice_detail", args=[notice.pk]))
    return render(
        request,
        "ledger/rounds/notice_detail.html",
        {
            "notice": notice,
            "escalations": notice.escalations.all(),
            "can_reply": notice.state == NoticeState.OPEN and notice.unit_id in scope.reporter_unit_ids,
            "can_escalate": notice.state == NoticeState.OPEN and scope.is_office,
            "grades": NoticeGrade.choices,
        },
    )


# --- change requests -------------------------------------------------------------------------


@login_required
def change_request_new(request: HttpRequest, task_pk: int) -> HttpResponse:
    task = _visible(Task, request, task_pk)
    if request.method == "POST":
        changes = {k: request.POST[k] for k in services.DEFINITION_FIELDS if request.POST.get(k, "").strip()}
        created: list[ChangeRequest] = []
        if _attempt(
            request,
            lambda: created.append(
                services.change_request_create(
                    actor=request.user, task=task, changes=changes, reason=request.POST.get("reason", "")
                )
            ),
            _("Your change request is sent to the office."),
        ):
            return HttpResponseRedirect(reverse("rounds:change_request_detail", args=[created[0].pk]))
    return render(request, "ledger/rounds/change_request_form.html", {"task": task, "data": request.POST})


@login_required
def change_request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cr = _visible(ChangeRequest, request, pk)
    if request.method == "POST":
        version, note = _version(request), request.POST.get("note", "")
        if request.POST.get("action") == "approve":
            _attempt(
                request,
                lambda: services.change_request_approve(
                    actor=request.user, request=cr, expected_version=version, note=note
                ),
                _("Approved: the task is changed."),
            )
        else:
            _attempt(
                request,
                lambda: services.change_request_reject(
                    actor=request.user, request=cr, expected_version=version, note=note
                ),
                _("Rejected."),
            )
        return HttpResponseRedirect(reverse("rounds:change_request_detail", args=[cr.pk]))
    return render(
        request,
        "ledger/rounds/change_request_detail.html",
        {"cr": cr, "can_decide": scope_of(request.user).is_office and cr.state == "pending"},
    )


# --- inbox -----------------------------------------------------------------------------------


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        notification_mark_read(user=request.user)
        return HttpResponseRedirect(reverse("rounds:inbox"))
    items = Notification.objects.filter(user=request.user)[:200]  # type: ignore[misc]
    return render(request, "ledger/rounds/inbox.html", {"items": items})
