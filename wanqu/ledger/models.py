"""The task ledger (台账): tasks with milestones, reporting rounds, updates and supervision."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wanqu.core.models import Record
from wanqu.core.text import normalise
from wanqu.ledger.choices import (
    ChangeRequestState,
    NoticeGrade,
    NoticeKind,
    NoticeState,
    PeriodKind,
    RoundState,
    TaskStatus,
    UpdateState,
)
from wanqu.org.choices import UnitKind
from wanqu.org.models import Unit
from wanqu.plans.models import Area, Clause
from wanqu.registers.models import Platform, Project, RuleItem

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class Task(Record):
    """The unit of delivery: one lead unit, supporting units, a special group, dates, status."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=300)
    title_en = models.CharField(_("English title"), max_length=400, blank=True)
    description = models.TextField(_("description"), blank=True)
    area = models.ForeignKey(Area, verbose_name=_("work area"), on_delete=models.PROTECT, related_name="tasks")
    parent = models.ForeignKey(
        "self", verbose_name=_("parent task"), null=True, blank=True, on_delete=models.PROTECT, related_name="subtasks"
    )
    clauses = models.ManyToManyField(Clause, verbose_name=_("clauses implemented"), blank=True, related_name="tasks")
    lead_unit = models.ForeignKey(Unit, verbose_name=_("lead unit"), on_delete=models.PROTECT, related_name="led_tasks")
    supporting_units = models.ManyToManyField(
        Unit, verbose_name=_("supporting units"), blank=True, related_name="supported_tasks"
    )
    special_group = models.ForeignKey(
        Unit,
        verbose_name=_("special group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="group_tasks",
        limit_choices_to={"kind": UnitKind.SPECIAL_GROUP},
    )
    platforms = models.ManyToManyField(Platform, verbose_name=_("platforms"), blank=True, related_name="tasks")
    projects = models.ManyToManyField(Project, verbose_name=_("related projects"), blank=True, related_name="tasks")
    rule_items = models.ManyToManyField(
        RuleItem, verbose_name=_("related rule items"), blank=True, related_name="tasks"
    )
    start_date = models.DateField(_("start date"))
    due_date = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.PLANNED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0, validators=PERCENT)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    is_shared = models.BooleanField(
        _("shared with Hong Kong and Macao"),
        default=False,
        help_text=_("Shared tasks are visible to Hong Kong and Macao counterparts."),
    )
    # Free-text search compares normalised text (橫琴 finds 横琴, case-folded): derived in clean().
    search_key = models.TextField(_("search key"), blank=True, default="", editable=False)

    owned_relations = ("milestones",)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["area__order", "code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(due_date__gte=models.F("start_date")), name="task_due_after_start"
            ),
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="task_progress_percent"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def clean(self) -> None:
        self.search_key = self.make_search_key()
        if self.start_date and self.due_date and self.due_date < self.start_date:
            raise ValidationError({"due_date": _("The due date cannot be before the start date.")})
        if self.special_group is not None and self.special_group.kind != UnitKind.SPECIAL_GROUP:
            raise ValidationError({"special_group": _("Choose one of the special groups.")})
        if self.pk is not None and self.parent_id is not None:
            node: Task | None = self.parent
            while node is not None:
                if node.pk == self.pk:
                    raise ValidationError({"parent": _("A task cannot be its own sub-task.")})
                node = node.parent
        if self.status == TaskStatus.DONE and self.completed_on is None:
            raise ValidationError({"completed_on": _("A done task needs its completion date.")})

    def is_overdue(self, today: dt.date) -> bool:
        return self.status != TaskStatus.DONE and self.due_date < today

    def make_search_key(self) -> str:
        """The normalised text that free-text search matches: code, titles and description."""
        return normalise(" ".join([self.code or "", self.title or "", self.title_en or "", self.description or ""]))


class Milestone(Record):
    """A dated checkpoint of a task."""

    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.PROTECT, related_name="milestones")
    title = models.CharField(_("title"), max_length=300)
    title_en = models.CharField(_("English title"), max_length=400, blank=True)
    due_date = models.DateField(_("due date"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["task", "due_date"]

    def __str__(self) -> str:
        return self.title


class Round(Record):
    """A reporting period in which named units owe updates on their tasks."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    period_kind = models.CharField(_("period"), max_length=20, choices=PeriodKind.choices)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    due_date = models.DateField(_("due date"))
    state = models.CharField(_("state"), max_length=20, choices=RoundState.choices, default=RoundState.OPEN)

    owned_relations = ("obligations",)

    class Meta:
        verbose_name = _("reporting round")
        verbose_name_plural = _("reporting rounds")
        ordering = ["-period_end"]
        constraints = [
            models.UniqueConstraint(fields=["period_kind", "period_start"], name="round_once_per_period"),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="round_period_order"
            ),
            models.CheckConstraint(
                condition=models.Q(due_date__gte=models.F("period_start")), name="round_due_in_period"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})
        if self.period_start and self.due_date and self.due_date < self.period_start:
            raise ValidationError({"due_date": _("The due date cannot be before the period starts.")})


class Update(Record):
    """A unit's progress on a task for one round: draft → submitted → returned / accepted."""

    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.PROTECT, related_name="updates")
    round = models.ForeignKey(Round, verbose_name=_("round"), on_delete=models.PROTECT, related_name="updates")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="updates")
    progress_text = models.TextField(_("progress and results"), blank=True)
    problems = models.TextField(_("problems needing coordination"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    status = models.CharField(_("task status"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.ON_TRACK)
    percent = models.PositiveSmallIntegerField(_("percent complete"), default=0, validators=PERCENT)
    state = models.CharField(_("state"), max_length=20, choices=UpdateState.choices, default=UpdateState.DRAFT)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    return_reason = models.TextField(_("reason for return"), blank=True)
    first_submitted_at = models.DateTimeField(
        _("first submitted at"), null=True, blank=True, help_text=_("Judges whether the update came on time.")
    )
    unlocked = models.BooleanField(
        _("reopened by the office"),
        default=False,
        help_text=_("A reopened update of a closed round can be revised and submitted again."),
    )
    reopen_reason = models.TextField(_("reason for reopening"), blank=True)

    owned_relations = ("evidence",)

    class Meta:
        verbose_name = _("update")
        verbose_name_plural = _("updates")
        ordering = ["round", "task"]
        constraints = [
            models.UniqueConstraint(fields=["task", "round", "unit"], name="update_once_per_round"),
            models.CheckConstraint(condition=models.Q(percent__lte=100), name="update_percent"),
            models.CheckConstraint(
                condition=~models.Q(state=UpdateState.RETURNED) | ~models.Q(return_reason=""),
                name="update_return_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round} · {self.task.code} · {self.unit}"

    def clean(self) -> None:
        if self.state == UpdateState.RETURNED and not self.return_reason.strip():
            raise ValidationError({"return_reason": _("A returned update needs a reason.")})

    @property
    def is_locked(self) -> bool:
        """Closing a round locks its updates, until the office reopens one."""
        return self.round.state == RoundState.CLOSED and not self.unlocked

    @property
    def is_editable(self) -> bool:
        return self.state in {UpdateState.DRAFT, UpdateState.RETURNED} and not self.is_locked


class SupervisionNotice(Record):
    """A 督办单 to a Guangdong-side lead unit, or a consultation follow-up to a SAR partner."""

    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.PROTECT, related_name="notices")
    unit = models.ForeignKey(Unit, verbose_name=_("addressed to"), on_delete=models.PROTECT, related_name="notices")
    kind = models.CharField(_("kind"), max_length=20, choices=NoticeKind.choices, default=NoticeKind.SUPERVISION)
    grade = models.CharField(_("grade"), max_length=10, choices=NoticeGrade.choices, blank=True)
    reason = models.TextField(_("reason"))
    issued_on = models.DateField(_("issued on"))
    reply_due = models.DateField(_("reply due"))
    reply = models.TextField(_("reply"), blank=True)
    replied_on = models.DateField(_("replied on"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=NoticeState.choices, default=NoticeState.OPEN)
    round = models.ForeignKey(
        Round,
        verbose_name=_("round"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notices",
        help_text=_("The reporting round whose missing or poor update led to the notice, if any."),
    )

    owned_relations = ("escalations",)

    class Meta:
        verbose_name = _("supervision notice")
        verbose_name_plural = _("supervision notices")
        ordering = ["-issued_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reply_due__gte=models.F("issued_on")), name="notice_reply_after_issue"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.task.code} · {self.unit}"

    def clean(self) -> None:
        if not self.unit_id:
            return
        if self.kind == NoticeKind.SUPERVISION:
            if self.unit.jurisdiction.is_sar:
                raise ValidationError(
                    {
                        "unit": _(
                            "Hong Kong and Macao units are partners: "
                            "send a consultation follow-up, not a supervision notice."
                        )
                    }
                )
            if not self.grade:
                raise ValidationError({"grade": _("A supervision notice is graded blue, yellow or red.")})
        else:
            if not self.unit.jurisdiction.is_sar:
                raise ValidationError(
                    {
                        "kind": _(
                            "A consultation follow-up goes to a Hong Kong or Macao partner; "
                            "a Guangdong unit gets a supervision notice."
                        )
                    }
                )
            if self.grade:
                raise ValidationError({"grade": _("A consultation follow-up carries no grade.")})
        if self.issued_on and self.reply_due and self.reply_due < self.issued_on:
            raise ValidationError({"reply_due": _("The reply cannot be due before the notice is issued.")})


class RoundObligation(Record):
    """One unit owes an update on one task in one round (by default, each open task's lead unit)."""

    round = models.ForeignKey(Round, verbose_name=_("round"), on_delete=models.PROTECT, related_name="obligations")
    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.PROTECT, related_name="obligations")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="obligations")

    class Meta:
        verbose_name = _("reporting obligation")
        verbose_name_plural = _("reporting obligations")
        ordering = ["round", "unit__order", "task__code"]
        constraints = [models.UniqueConstraint(fields=["round", "task", "unit"], name="obligation_once")]

    def __str__(self) -> str:
        return f"{self.round} · {self.task.code} · {self.unit}"


def evidence_path(sha256: str, filename: str) -> str:
    """Files are stored under their checksum: the same file uploaded twice is stored once."""
    ext = re.sub(r"[^a-z0-9.]", "", ("." + filename.rsplit(".", 1)[-1].lower()) if "." in filename else "")
    return f"evidence/{sha256[:2]}/{sha256}{ext}"


class Evidence(Record):
    """A file attached to an update: type checked by content, stored with its SHA-256 checksum."""

    update = models.ForeignKey(Update, verbose_name=_("update"), on_delete=models.PROTECT, related_name="evidence")
    # The path in the default storage, not a FileField: the change log keeps plain JSON values.
    stored_as = models.CharField(_("stored as"), max_length=200)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["update", "name"]

    def __str__(self) -> str:
        return self.name

    def open(self) -> Any:
        from django.core.files.storage import default_storage

        return default_storage.open(self.stored_as, "rb")


class NoticeEscalation(Record):
    """One step of a notice's history: issued, raised to a higher grade, or followed up again."""

    notice = models.ForeignKey(
        SupervisionNotice, verbose_name=_("notice"), on_delete=models.PROTECT, related_name="escalations"
    )
    at = models.DateTimeField(_("time"))
    from_grade = models.CharField(_("from grade"), max_length=10, choices=NoticeGrade.choices, blank=True)
    to_grade = models.CharField(_("to grade"), max_length=10, choices=NoticeGrade.choices, blank=True)
    reason = models.TextField(_("reason"))
    reply_due = models.DateField(_("reply due"))

    class Meta:
        verbose_name = _("escalation")
        verbose_name_plural = _("escalation history")
        ordering = ["notice", "at", "id"]

    def __str__(self) -> str:
        return f"{self.notice} · {self.at:%Y-%m-%d}"


class ChangeRequest(Record):
    """A lead unit asks the office to change a task's definition (title, owner, dates)."""

    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.PROTECT, related_name="change_requests")
    unit = models.ForeignKey(
        Unit, verbose_name=_("requested by"), on_delete=models.PROTECT, related_name="change_requests"
    )
    changes = models.JSONField(_("requested changes"))
    reason = models.TextField(_("reason"))
    state = models.CharField(
        _("state"), max_length=20, choices=ChangeRequestState.choices, default=ChangeRequestState.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)

    class Meta:
        verbose_name = _("change request")
        verbose_name_plural = _("change requests")
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.task.code} · {self.unit}"

    def clean(self) -> None:
        if self.state == ChangeRequestState.REJECTED and not self.decision_note.strip():
            raise ValidationError({"decision_note": _("A rejected change request needs a reason.")})
