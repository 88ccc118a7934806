"""Who may see and change what. Rights follow the unit tree.

- Office admins change everything.
- A special-group lead changes the tasks of their group (and their milestones and updates).
- A unit reporter changes only the tasks their unit (or a sub-unit) leads, and updates to them;
  on a task they change its progress, not its definition.
- Hong Kong and Macao counterparts are reporters of SAR units: they see what is shared with them
  and change only their own records, including their jurisdiction's column of rule items.
- Viewers read.
- Reviewing an update (accept, return) is the office's or the task's group lead's, never for an
  update of a unit the reviewer belongs to; once a round is closed its updates are locked for
  reporters until the office reopens one.
- A unit replies to the supervision notices addressed to it, and asks for a change of a task's
  definition through a change request that the office decides.

`can_write` is called by the one write path (`wanqu.core.services`); `visible_to` filters reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.db.models import Q, QuerySet

from wanqu.ledger.choices import RoundState, UpdateState
from wanqu.org.choices import Role
from wanqu.org.models import Membership, Unit

# The task fields a reporter may set: progress, not definition (title, owner, dates).
REPORTER_TASK_FIELDS = frozenset({"status", "progress", "completed_on", "description"})
# The fields of a progress update that its reviewer sets, never its reporter.
REVIEW_FIELDS = frozenset({"reviewer", "reviewed_at", "return_reason", "unlocked", "reopen_reason"})
# The fields of a supervision notice its addressee fills in: the reply closes it.
REPLY_FIELDS = frozenset({"reply", "replied_on", "state"})
SAR_CODES = frozenset({"HK", "MO"})


@dataclass(frozen=True)
class Scope:
    """What one user's memberships add up to."""

    is_office: bool
    group_ids: frozenset[int]
    reporter_unit_ids: frozenset[int]  # their units and all sub-units
    jurisdiction_codes: frozenset[str]
    is_member: bool
    user_id: int | None = None
    unit_ids: frozenset[int] = frozenset()  # the units of all their memberships, whatever the role

    @property
    def is_counterpart(self) -> bool:
        """Every unit they belong to is a Hong Kong or Macao one."""
        return bool(self.jurisdiction_codes) and self.jurisdiction_codes <= SAR_CODES


def scope_of(user: AbstractBaseUser | AnonymousUser) -> Scope:
    """The user's rights, computed once per user object."""
    cached = getattr(user, "_wanqu_scope", None)
    if cached is not None:
        return cached
    if not user.is_authenticated:
        scope = Scope(False, frozenset(), frozenset(), frozenset(), False)
    else:
        rows = list(
            Membership.objects.filter(user_id=user.pk).values_list("role", "unit_id", "unit__jurisdiction__code")
        )
        reporter_roots = {unit for role, unit, _ in rows if role == Role.REPORTER}
        scope = Scope(
            is_office=bool(getattr(user, "is_superuser", False)) or any(r == Role.OFFICE_ADMIN for r, _, _ in rows),
            group_ids=frozenset(unit for role, unit, _ in rows if role == Role.GROUP_LEAD),
            reporter_unit_ids=frozenset(_with_descendants(reporter_roots)),
            jurisdiction_codes=frozenset(code for _, _, code in rows),
            is_member=bool(rows),
            user_id=user.pk,
            unit_ids=frozenset(unit for _, unit, _ in rows),
        )
    user._wanqu_scope = scope  # type: ignore[union-attr]
    return scope


def _with_descendants(roots: set[int]) -> set[int]:
    if not roots:
        return set()
    children: dict[int | None, list[int]] = {}
    for pk, parent in Unit.objects.values_list("pk", "parent_id"):
        children.setdefault(parent, []).append(pk)
    found, stack = set(roots), list(roots)
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def can_write(user: AbstractBaseUser | AnonymousUser, obj: models.Model, *, action: str, fields: set[str]) -> bool:
    """May `user` create, update, delete or restore `obj` (in the state it would be saved in)?"""
    scope = scope_of(user)
    if scope.is_office:
        return True
    if not scope.is_member:
        return False
    rule = _RULES.get(obj._meta.label_lower)
    return bool(rule and rule(scope, obj, action, fields))


def _task_rule(scope: Scope, task: Any, action: str, fields: set[str]) -> bool:
    if task.special_group_id in scope.group_ids:
        return True
    if task.lead_unit_id in scope.reporter_unit_ids:
        return action == "update" and fields <= REPORTER_TASK_FIELDS
    return False


def _milestone_rule(scope: Scope, milestone: Any, action: str, fields: set[str]) -> bool:
    task = milestone.task
    if task.special_group_id in scope.group_ids:
        return True
    return task.lead_unit_id in scope.reporter_unit_ids and action == "update" and fields <= {"done_on"}


def _update_rule(scope: Scope, update: Any, action: str, fields: set[str]) -> bool:
    if update.task.special_group_id in scope.group_ids:
        return True
    if not (update.unit_id in scope.reporter_unit_ids and update.task.lead_unit_id in scope.reporter_unit_ids):
        return False
    if update.round.state == RoundState.CLOSED and not update.unlocked:
        return False  # closing a round locks its updates until the office reopens one
    # A reporter drafts, submits and resubmits; reviewing (accepting, returning with a reason) is
    # the office's or the group lead's. The rule sees the update before and after the change, so
    # "accepted" on either side of a state change refuses it, while returned → submitted passes.
    if action == "create":  # a new record names every field: judge the values, not the names
        reviewed = update.reviewer_id or update.reviewed_at or update.return_reason
        return not reviewed and update.state in {UpdateState.DRAFT, UpdateState.SUBMITTED}
    if fields & REVIEW_FIELDS:
        return False
    return "state" not in fields or update.state != UpdateState.ACCEPTED


def _evidence_rule(scope: Scope, evidence: Any, action: str, fields: set[str]) -> bool:
    """Evidence goes with an update that its unit may still revise."""
    update = evidence.update
    if update.task.special_group_id in scope.group_ids:
        return True
    if update.unit_id not in scope.reporter_unit_ids or action not in {"create", "delete"}:
        return False
    return update.state in {UpdateState.DRAFT, UpdateState.RETURNED} and (
        update.round.state != RoundState.CLOSED or update.unlocked
    )


def _notice_rule(scope: Scope, notice: Any, action: str, fields: set[str]) -> bool:
    """The unit a notice is addressed to replies to it; issuing and grading are the office's."""
    return notice.unit_id in scope.reporter_unit_ids and action == "update" and fields <= REPLY_FIELDS


def _change_request_rule(scope: Scope, request: Any, action: str, fields: set[str]) -> bool:
    """A lead unit asks for a change of its task's definition; the office decides."""
    return (
        action == "create"
        and request.unit_id in scope.reporter_unit_ids
        and request.task.lead_unit_id in scope.reporter_unit_ids
        and request.state == "pending"
        and not request.decided_by_id
    )


def may_review(user: AbstractBaseUser | AnonymousUser, update: Any) -> bool:
    """The office or the task's group lead reviews an update, never one of their own unit's."""
    scope = scope_of(user)
    if not (scope.is_office or update.task.special_group_id in scope.group_ids):
        return False
    return not is_own_unit(user, update.unit_id)


def is_own_unit(user: AbstractBaseUser | AnonymousUser, unit_id: int) -> bool:
    """Does the user belong (in any role) to this unit or to a unit above it?"""
    scope = scope_of(user)
    if not scope.unit_ids:
        return False
    node: Unit | None = Unit.objects.filter(pk=unit_id).first()
    seen: set[int] = set()
    while node is not None and node.pk not in seen:
        if node.pk in scope.unit_ids:
            return True
        seen.add(node.pk)
        node = node.parent
    return False


def _own_unit(attr: str, actions: frozenset[str]) -> Any:
    """A reporter keeps the register entries of their unit, for the given actions only."""

    def rule(scope: Scope, obj: Any, action: str, fields: set[str]) -> bool:
        return getattr(obj, attr) in scope.reporter_unit_ids and action in actions

    return rule


# Projects, rule items and platforms are entered by the office; their lead unit keeps them current.
# Policy ideas are proposed by units, so a reporter may also create one in their unit's name.
_KEEP = frozenset({"update"})
_PROPOSE = frozenset({"create", "update"})


def _own_jurisdiction(scope: Scope, obj: Any, action: str, fields: set[str]) -> bool:
    """A counterpart keeps their own jurisdiction's column of the rule-item matrix."""
    return (
        scope.is_counterpart
        and bool(scope.reporter_unit_ids)
        and obj.jurisdiction.code in scope.jurisdiction_codes
        and action != "delete"
    )


def _own_indicator(scope: Scope, obs: Any, action: str, fields: set[str]) -> bool:
    return obs.indicator.owner_id in scope.reporter_unit_ids


def _own_preference(scope: Scope, pref: Any, action: str, fields: set[str]) -> bool:
    return pref.user_id == scope.user_id and action != "delete"


_RULES = {
    "web.preference": _own_preference,
    "ledger.task": _task_rule,
    "ledger.milestone": _milestone_rule,
    "ledger.update": _update_rule,
    "ledger.evidence": _evidence_rule,
    "ledger.supervisionnotice": _notice_rule,
    "ledger.changerequest": _change_request_rule,
    "registers.project": _own_unit("lead_unit_id", _KEEP),
    "registers.ruleitem": _own_unit("lead_unit_id", _KEEP),
    "registers.platform": _own_unit("managing_unit_id", _KEEP),
    "registers.policyidea": _own_unit("proposer_id", _PROPOSE),
    "registers.jurisdictionstatus": _own_jurisdiction,
    "registers.instrument": _own_jurisdiction,
    "indicators.observation": _own_indicator,
}


def visible_to(user: AbstractBaseUser | AnonymousUser, queryset: QuerySet[Any]) -> QuerySet[Any]:
    """Only the rows of `queryset` that `user` may see. Outsiders see nothing."""
    scope = scope_of(user)
    if scope.is_office:
        return queryset
    if not scope.is_member:
        return queryset.none()
    label = queryset.model._meta.label_lower
    # A draft is the unit's own workspace until it is submitted.
    if label == "ledger.update":
        queryset = queryset.exclude(Q(state="draft") & ~Q(unit_id__in=scope.reporter_unit_ids))
    if label == "ledger.evidence":
        queryset = queryset.exclude(Q(update__state="draft") & ~Q(update__unit_id__in=scope.reporter_unit_ids))
    if not scope.is_counterpart:
        return queryset  # Guangdong-side members and viewers read the whole programme.
    shared = _shared_task_q(scope)
    if label == "ledger.task":
        return queryset.filter(pk__in=_task_ids(shared))
    if label in {"ledger.milestone", "ledger.update", "ledger.roundobligation", "ledger.changerequest"}:
        return queryset.filter(task_id__in=_task_ids(shared))
    if label == "ledger.evidence":
        return queryset.filter(update__task_id__in=_task_ids(shared))
    if label == "ledger.supervisionnotice":
        return queryset.filter(unit_id__in=scope.reporter_unit_ids)
    if label == "ledger.noticeescalation":
        return queryset.filter(notice__unit_id__in=scope.reporter_unit_ids)
    return queryset


def _shared_task_q(scope: Scope) -> Q:
    codes = list(scope.jurisdiction_codes)
    return (
        Q(is_shared=True)
        | Q(lead_unit__jurisdiction__code__in=codes)
        | Q(supporting_units__jurisdiction__code__in=codes)
    )


def _task_ids(shared: Q) -> QuerySet[Any]:
    from wanqu.ledger.models import Task

    return Task.objects.filter(shared).values("pk")
