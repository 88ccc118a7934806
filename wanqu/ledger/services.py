"""The writes of reporting rounds, updates, supervision notices and change requests.

Each function is one step a person takes (open a round, submit an update, return it with a
reason, issue a 督办单 …). It locks what it changes, checks that the step makes sense in the
record's current state (with a message that says why not), and writes through
`wanqu.core.services`, so that permission, validation and the change row share one transaction.
Notifications for the people concerned are added in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wanqu.core.context import ensure_batch
from wanqu.core.errors import Conflict, Forbidden
from wanqu.core.services import Actor, _assign, record_create, record_delete, record_update, snapshot, validate
from wanqu.ledger.choices import (
    GRADE_ORDER,
    ChangeRequestState,
    NoticeGrade,
    NoticeKind,
    NoticeState,
    RoundState,
    TaskStatus,
    UpdateState,
)
from wanqu.ledger.evidence import checked_upload
from wanqu.ledger.models import (
    ChangeRequest,
    Evidence,
    NoticeEscalation,
    Round,
    RoundObligation,
    SupervisionNotice,
    Task,
    Update,
)
from wanqu.notifications.choices import Kind
from wanqu.notifications.services import notify
from wanqu.org.choices import Role
from wanqu.org.models import Membership, Unit
from wanqu.org.permissions import is_own_unit, may_review, scope_of

# What a reporter writes in an update; the rest is set by the steps below.
UPDATE_FIELDS = ("progress_text", "problems", "next_steps", "status", "percent")
# A task's definition: changed by the office, or through a change request it approves.
DEFINITION_FIELDS = ("title", "title_en", "lead_unit", "start_date", "due_date")


# --- rounds ----------------------------------------------------------------------------------


def default_obligations() -> list[tuple[Task, Unit]]:
    """Every open task's lead unit owes an update on it."""
    tasks = Task.objects.exclude(status__in=[TaskStatus.DONE, TaskStatus.SUSPENDED]).select_related("lead_unit")
    return [(task, task.lead_unit) for task in tasks.order_by("code")]


def round_open(
    *,
    actor: Actor,
    name: str,
    period_kind: str,
    period_start: dt.date,
    period_end: dt.date,
    due_date: dt.date,
    obligations: Iterable[tuple[Task, Unit]] | None = None,
) -> Round:
    """Open a round for a period, with who owes what (by default every open task's lead unit)."""
    with ensure_batch("round"), transaction.atomic():
        rnd = record_create(
            actor=actor,
            model=Round,
            data={
                "name": name,
                "period_kind": period_kind,
                "period_start": period_start,
                "period_end": period_end,
                "due_date": due_date,
                "state": RoundState.OPEN,
            },
        )
        for task, unit in default_obligations() if obligations is None else obligations:
            record_create(actor=actor, model=RoundObligation, data={"round": rnd, "task": task, "unit": unit})
    return rnd


def round_obligation_add(*, actor: Actor, round: Round, task: Task, unit: Unit) -> RoundObligation:
    """Make one more unit owe an update on a task in an open round."""
    if round.state != RoundState.OPEN:
        raise ValidationError(
            _("The round “%(round)s” is closed; who owes what can no longer change.") % {"round": round}
        )
    if RoundObligation.objects.filter(round=round, task=task, unit=unit).exists():
        raise ValidationError(_("%(unit)s already owes an update on %(task)s.") % {"unit": unit, "task": task.code})
    return record_create(actor=actor, model=RoundObligation, data={"round": round, "task": task, "unit": unit})


def round_obligation_remove(*, actor: Actor, obligation: RoundObligation) -> None:
    """Release a unit from an update it owed (its update, if any, stays)."""
    if obligation.round.state != RoundState.OPEN:
        raise ValidationError(
            _("The round “%(round)s” is closed; who owes what can no longer change.") % {"round": obligation.round}
        )
    record_delete(actor=actor, obj=obligation, expected_version=obligation.version)


def round_close(*, actor: Actor, round: Round, expected_version: int) -> Round:
    """Close a round: its updates are locked for reporters from now on."""
    with transaction.atomic():
        current = _locked(Round, round.pk, expected_version)
        if current.state == RoundState.CLOSED:
            raise ValidationError(_("The round “%(round)s” is already closed.") % {"round": current})
        return record_update(
            actor=actor, obj=current, data={"state": RoundState.CLOSED}, expected_version=expected_version
        )


# --- updates ---------------------------------------------------------------------------------


def update_save_draft(
    *,
    actor: Actor,
    round: Round,
    task: Task,
    data: Mapping[str, Any],
    unit: Unit | None = None,
    expected_version: int | None = None,
) -> Update:
    """Write (or revise) the update a unit owes on a task in a round, without submitting it."""
    unit = unit or task.lead_unit
    fields = _update_fields(data)
    with ensure_batch("update"), transaction.atomic():
        existing = Update.objects.select_for_update().filter(task=task, round=round, unit=unit).first()
        if existing is None:
            _check_owed(round, task, unit)
            if round.state != RoundState.OPEN:
                raise ValidationError(_locked_message(round))
            return record_create(
                actor=actor,
                model=Update,
                data={"task": task, "round": round, "unit": unit, "state": UpdateState.DRAFT, **fields},
            )
        version = existing.version if expected_version is None else expected_version
        _check_version(existing, version)
        _check_editable(existing)
        return record_update(actor=actor, obj=existing, data=fields, expected_version=version)


def update_submit(
    *, actor: Actor, update: Update, expected_version: int, data: Mapping[str, Any] | None = None
) -> Update:
    """Submit a draft or a returned update for review. Submitting twice at once gives one submission."""
    with ensure_batch("update"), transaction.atomic():
        current = _locked(Update, update.pk, expected_version)
        if current.state in {UpdateState.SUBMITTED, UpdateState.ACCEPTED}:
            raise ValidationError(
                _("This update was already submitted (it is %(state)s); nothing was changed.")
                % {"state": current.get_state_display()}
            )
        _check_editable(current)
        fields = _update_fields(data or {})
        narrative = fields.get("progress_text", current.progress_text)
        if not str(narrative).strip():
            raise ValidationError({"progress_text": _("Describe the progress before submitting.")})
        now = timezone.now()
        saved = record_update(
            actor=actor,
            obj=current,
            data={
                **fields,
                "state": UpdateState.SUBMITTED,
                "submitted_at": now,
                "first_submitted_at": current.first_submitted_at or now,
            },
            expected_version=expected_version,
        )
        notify(
            users=reviewers_of(saved),
            kind=Kind.SUBMITTED,
            params=_update_params(saved),
            url=f"/rounds/updates/{saved.pk}/",
        )
    return saved


def update_accept(*, actor: Actor, update: Update, expected_version: int) -> Update:
    """Accept a submitted update (审核通过)."""
    with ensure_batch("review"), transaction.atomic():
        current = _locked(Update, update.pk, expected_version)
        _check_reviewer(actor, current)
        if current.state != UpdateState.SUBMITTED:
            raise ValidationError(
                _("Only a submitted update can be accepted; this one is %(state)s.")
                % {"state": current.get_state_display()}
            )
        saved = record_update(
            actor=actor,
            obj=current,
            data={
                "state": UpdateState.ACCEPTED,
                "reviewer": _user_pk(actor),
                "reviewed_at": timezone.now(),
                "unlocked": False,
            },
            expected_version=expected_version,
        )
        notify(users=reporters_of(saved.unit), kind=Kind.ACCEPTED, params=_update_params(saved), url=_url(saved))
    return saved


def update_return(*, actor: Actor, update: Update, expected_version: int, reason: str) -> Update:
    """Return a submitted update to its unit (退回); the reason is required and shown to the reporter."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"return_reason": _("Say why the update is returned: the reporter needs the reason.")})
    with ensure_batch("review"), transaction.atomic():
        current = _locked(Update, update.pk, expected_version)
        _check_reviewer(actor, current)
        if current.state != UpdateState.SUBMITTED:
            raise ValidationError(
                _("Only a submitted update can be returned; this one is %(state)s.")
                % {"state": current.get_state_display()}
            )
        saved = record_update(
            actor=actor,
            obj=current,
            data={
                "state": UpdateState.RETURNED,
                "return_reason": reason,
                "reviewer": _user_pk(actor),
                "reviewed_at": timezone.now(),
            },
            expected_version=expected_version,
        )
        notify(
            users=reporters_of(saved.unit),
            kind=Kind.RETURNED,
            params={**_update_params(saved), "reason": reason},
            url=_url(saved),
        )
    return saved


def update_reopen(*, actor: Actor, update: Update, expected_version: int, reason: str) -> Update:
    """Unlock one update of a closed round so its unit can revise it (the office only, with a reason)."""
    reason = (reason or "").strip()
    if actor is not None and not scope_of(actor).is_office:
        raise Forbidden(_("Only the programme office can reopen a locked update."))
    if not reason:
        raise ValidationError({"reopen_reason": _("Say why the update is reopened.")})
    with ensure_batch("review"), transaction.atomic():
        current = _locked(Update, update.pk, expected_version)
        if current.round.state != RoundState.CLOSED:
            raise ValidationError(_("Only updates of a closed round are locked; this round is still open."))
        if current.unlocked:
            raise ValidationError(_("This update is already reopened."))
        data: dict[str, Any] = {"unlocked": True, "reopen_reason": reason}
        if current.state in {UpdateState.SUBMITTED, UpdateState.ACCEPTED}:
            data.update(state=UpdateState.RETURNED, return_reason=reason)
        saved = record_update(actor=actor, obj=current, data=data, expected_version=expected_version)
        notify(
            users=reporters_of(saved.unit),
            kind=Kind.REOPENED,
            params={**_update_params(saved), "reason": reason},
            url=_url(saved),
        )
    return saved


def evidence_add(*, actor: Actor, update: Update, upload: Any) -> Evidence:
    """Attach a file to an update: size and type checked by content, stored under its SHA-256."""
    checked = checked_upload(upload)
    with ensure_batch("update"), transaction.atomic():
        current = Update.objects.select_for_update().get(pk=update.pk)
        _check_editable(current)
        if current.evidence.filter(sha256=checked.sha256).exists():
            raise ValidationError({"file": _("This file is already attached to the update.")})
        return record_create(
            actor=actor,
            model=Evidence,
            data={
                "update": current,
                "stored_as": checked.store(),
                "name": checked.name,
                "content_type": checked.content_type,
                "size": checked.size,
                "sha256": checked.sha256,
            },
        )


def evidence_remove(*, actor: Actor, evidence: Evidence) -> None:
    """Take a file off an update that may still be revised (the stored file stays, for the history)."""
    with ensure_batch("update"), transaction.atomic():
        _check_editable(evidence.update)
        record_delete(actor=actor, obj=evidence, expected_version=evidence.version)


# --- supervision notices (督办单) and consultation follow-ups (沟通跟进) -------------------------


def notice_issue(
    *,
    actor: Actor,
    task: Task,
    reason: str,
    reply_due: dt.date,
    unit: Unit | None = None,
    grade: str = "",
    kind: str | None = None,
    round: Round | None = None,
    issued_on: dt.date | None = None,
) -> SupervisionNotice:
    """Issue a 督办单 to a Guangdong-side unit, or a consultation follow-up to a HK/Macao partner.

    Without a `kind`, the unit's jurisdiction decides; a 督办单 addressed to a SAR unit is refused.
    """
    unit = unit or task.lead_unit
    if kind is None:
        kind = NoticeKind.CONSULTATION if unit.jurisdiction.is_sar else NoticeKind.SUPERVISION
    issued_on = issued_on or timezone.localdate()
    with ensure_batch("notice"), transaction.atomic():
        notice = record_create(
            actor=actor,
            model=SupervisionNotice,
            data={
                "task": task,
                "unit": unit,
                "kind": kind,
                "grade": grade if kind == NoticeKind.SUPERVISION else "",
                "reason": reason,
                "issued_on": issued_on,
                "reply_due": reply_due,
                "round": round,
                "state": NoticeState.OPEN,
            },
        )
        record_create(
            actor=actor,
            model=NoticeEscalation,
            data={
                "notice": notice,
                "at": timezone.now(),
                "from_grade": "",
                "to_grade": notice.grade,
                "reason": reason,
                "reply_due": reply_due,
            },
        )
        notify(
            users=reporters_of(unit),
            kind=Kind.NOTICE if kind == NoticeKind.SUPERVISION else Kind.CONSULTATION,
            params=_notice_params(notice),
            url=f"/rounds/notices/{notice.pk}/",
        )
    return notice


def notice_escalate(
    *, actor: Actor, notice: SupervisionNotice, expected_version: int, reason: str, reply_due: dt.date, grade: str = ""
) -> SupervisionNotice:
    """Raise a 督办单 to a higher grade (blue → yellow → red), or follow a consultation up again."""
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Say why the notice is escalated.")})
    with ensure_batch("notice"), transaction.atomic():
        current = _locked(SupervisionNotice, notice.pk, expected_version)
        if current.state != NoticeState.OPEN:
            raise ValidationError(_("This notice is closed; issue a new one instead."))
        data: dict[str, Any] = {"reply_due": reply_due}
        if current.kind == NoticeKind.SUPERVISION:
            if grade not in NoticeGrade.values or GRADE_ORDER[grade] <= GRADE_ORDER[current.grade]:
                raise ValidationError({"grade": _("Escalate to a higher grade than the notice has now.")})
            data["grade"] = grade
        saved = record_update(actor=actor, obj=current, data=data, expected_version=expected_version)
        record_create(
            actor=actor,
            model=NoticeEscalation,
            data={
                "notice": saved,
                "at": timezone.now(),
                "from_grade": current.grade if current.kind == NoticeKind.SUPERVISION else "",
                "to_grade": saved.grade,
                "reason": reason,
                "reply_due": reply_due,
            },
        )
        notify(
            users=reporters_of(saved.unit),
            kind=Kind.ESCALATED if saved.kind == NoticeKind.SUPERVISION else Kind.CONSULTATION,
            params={**_notice_params(saved), "reason": reason},
            url=f"/rounds/notices/{saved.pk}/",
        )
    return saved


def notice_reply(*, actor: Actor, notice: SupervisionNotice, expected_version: int, reply: str) -> SupervisionNotice:
    """The addressed unit replies; the reply closes the notice."""
    reply = (reply or "").strip()
    if not reply:
        raise ValidationError({"reply": _("Write the reply before sending it.")})
    with ensure_batch("notice"), transaction.atomic():
        current = _locked(SupervisionNotice, notice.pk, expected_version)
        if current.state != NoticeState.OPEN:
            raise ValidationError(_("This notice was already answered and is closed."))
        saved = record_update(
            actor=actor,
            obj=current,
            data={"reply": reply, "replied_on": timezone.localdate(), "state": NoticeState.CLOSED},
            expected_version=expected_version,
        )
        notify(
            users=office_users(),
            kind=Kind.REPLIED,
            params=_notice_params(saved),
            url=f"/rounds/notices/{saved.pk}/",
        )
    return saved


# --- change requests -------------------------------------------------------------------------


def change_request_create(*, actor: Actor, task: Task, changes: Mapping[str, Any], reason: str) -> ChangeRequest:
    """A lead unit asks the office to change its task's definition (title, owner, dates)."""
    unknown = sorted(set(changes) - set(DEFINITION_FIELDS))
    if unknown or not changes:
        raise ValidationError(
            {"changes": _("A change request may change only: %(fields)s.") % {"fields": ", ".join(DEFINITION_FIELDS)}}
        )
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Say why the task should change.")})
    # Validate the change as the office would make it, without writing it.
    trial = Task.objects.get(pk=task.pk)
    _assign(trial, changes)
    validate(trial)
    clean = {k: v for k, v in snapshot(trial).items() if k in changes}
    with ensure_batch("change-request"), transaction.atomic():
        request = record_create(
            actor=actor,
            model=ChangeRequest,
            data={"task": task, "unit": task.lead_unit, "changes": clean, "reason": reason.strip()},
        )
        notify(
            users=office_users(),
            kind=Kind.CHANGE_REQUEST,
            params={"task": task.code, "unit": str(task.lead_unit)},
            url=f"/rounds/change-requests/{request.pk}/",
        )
    return request


def change_request_approve(
    *, actor: Actor, request: ChangeRequest, expected_version: int, note: str = ""
) -> ChangeRequest:
    """The office approves a change request: the task changes, and both writes are logged together."""
    return _change_request_decide(actor, request, expected_version, ChangeRequestState.APPROVED, note)


def change_request_reject(*, actor: Actor, request: ChangeRequest, expected_version: int, note: str) -> ChangeRequest:
    """The office turns a change request down, saying why."""
    if not (note or "").strip():
        raise ValidationError({"decision_note": _("Say why the change request is rejected.")})
    return _change_request_decide(actor, request, expected_version, ChangeRequestState.REJECTED, note)


def _change_request_decide(
    actor: Actor, request: ChangeRequest, expected_version: int, state: str, note: str
) -> ChangeRequest:
    if actor is not None and not scope_of(actor).is_office:
        raise Forbidden(_("Only the programme office decides change requests."))
    with ensure_batch("change-request"), transaction.atomic():
        current = _locked(ChangeRequest, request.pk, expected_version)
        if current.state != ChangeRequestState.PENDING:
            raise ValidationError(_("This change request was already decided."))
        if state == ChangeRequestState.APPROVED:
            task = current.task
            record_update(actor=actor, obj=task, data=current.changes, expected_version=task.version)
        saved = record_update(
            actor=actor,
            obj=current,
            data={
                "state": state,
                "decided_by": _user_pk(actor),
                "decided_at": timezone.now(),
                "decision_note": (note or "").strip(),
            },
            expected_version=expected_version,
        )
        notify(
            users=reporters_of(saved.unit),
            kind=Kind.CHANGE_DECIDED,
            params={"task": saved.task.code, "state": state},
            url=f"/rounds/change-requests/{saved.pk}/",
        )
    return saved


# --- who is told -----------------------------------------------------------------------------


def reporters_of(unit: Unit) -> list[Any]:
    """The reporters of a unit, and of the units above it (whose rights cover it)."""
    chain = [unit.pk, *(u.pk for u in unit.ancestors())]
    ids = Membership.objects.filter(unit_id__in=chain, role=Role.REPORTER).values_list("user_id", flat=True)
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("username"))


def office_users() -> list[Any]:
    ids = Membership.objects.filter(role=Role.OFFICE_ADMIN).values_list("user_id", flat=True)
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("username"))


def reviewers_of(update: Update) -> list[Any]:
    """The office and the task's group lead, less anyone of the update's own unit."""
    q = Q(role=Role.OFFICE_ADMIN)
    if update.task.special_group_id:
        q |= Q(role=Role.GROUP_LEAD, unit_id=update.task.special_group_id)
    ids = Membership.objects.filter(q).values_list("user_id", flat=True)
    users = get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("username")
    return [u for u in users if not is_own_unit(u, update.unit_id)]


# --- checks ----------------------------------------------------------------------------------


def _locked(model: type[Any], pk: Any, expected_version: int) -> Any:
    """The stored record, locked for this transaction, at the version the caller read."""
    current = model._default_manager.select_for_update().filter(pk=pk).first()
    if current is None:
        raise ValidationError(_("This record no longer exists."))
    _check_version(current, expected_version)
    return current


def _check_version(current: Any, expected_version: int) -> None:
    if current.version != expected_version:
        raise Conflict(
            label=f"{current._meta.verbose_name} “{current}”", expected=expected_version, current=snapshot(current)
        )


def _check_owed(round: Round, task: Task, unit: Unit) -> None:
    if not RoundObligation.objects.filter(round=round, task=task, unit=unit).exists():
        raise ValidationError(
            _("%(unit)s owes no update on %(task)s in %(round)s.") % {"unit": unit, "task": task.code, "round": round}
        )


def _locked_message(round: Round) -> str:
    return _("The round “%(round)s” is closed and its updates are locked; ask the office to reopen this one.") % {
        "round": round
    }


def _check_editable(update: Update) -> None:
    if update.is_locked:
        raise ValidationError(_locked_message(update.round))
    if update.state == UpdateState.SUBMITTED:
        raise ValidationError(_("This update is submitted and awaits review; it cannot be changed now."))
    if update.state == UpdateState.ACCEPTED:
        raise ValidationError(_("This update was accepted; it cannot be changed."))


def _check_reviewer(actor: Actor, update: Update) -> None:
    if actor is None:
        return
    if is_own_unit(actor, update.unit_id):
        raise Forbidden(_("You may not review an update of your own unit; another reviewer must do it."))
    if not may_review(actor, update):
        raise Forbidden(_("Reviewing updates is for the programme office and the task's special group lead."))


def _update_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(data) - set(UPDATE_FIELDS))
    if unknown:
        raise ValidationError({unknown[0]: _("This field is not part of an update a unit writes.")})
    return dict(data)


def _user_pk(actor: Actor) -> Any:
    return actor.pk if actor is not None and actor.is_authenticated else None


def _url(update: Update) -> str:
    return f"/rounds/updates/{update.pk}/"


def _update_params(update: Update) -> dict[str, Any]:
    return {
        "task": update.task.code,
        "round": update.round.name,
        "unit": str(update.unit),
        "due": update.round.due_date.isoformat(),
    }


def _notice_params(notice: SupervisionNotice) -> dict[str, Any]:
    return {
        "task": notice.task.code,
        "unit": str(notice.unit),
        "grade": notice.grade,
        "reason": notice.reason,
        "due": notice.reply_due.isoformat(),
    }
