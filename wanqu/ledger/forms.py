"""The task edit forms, and what a stale edit needs: the state the user loaded, the three-way merge.

Forms validate shape; `record_update` decides and writes. A form carries the version it was
loaded at, and only the fields the user really changed (against that version) are sent, so a
save never writes back stale values of fields the user did not touch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.http import HttpRequest

from wanqu.core.errors import Conflict
from wanqu.core.history import FieldChange, ReadableChange, history_of, readable_changes, readable_diff
from wanqu.core.services import snapshot
from wanqu.ledger.filtersets import display_name
from wanqu.ledger.models import Task
from wanqu.org.choices import UnitKind
from wanqu.org.permissions import REPORTER_TASK_FIELDS, can_write, visible_to

User = AbstractBaseUser | AnonymousUser
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NamedChoiceMixin:
    def label_from_instance(self, obj: Any) -> str:
        return display_name(obj)


class NamedChoice(NamedChoiceMixin, forms.ModelChoiceField):
    pass


class NamedMultipleChoice(NamedChoiceMixin, forms.ModelMultipleChoiceField):
    pass


class VersionedTaskForm(forms.ModelForm):
    """A task form that carries the version it was loaded at."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["expected_version"].initial = self.instance.version
        for name, form_field in self.fields.items():
            queryset = getattr(form_field, "queryset", None)
            if queryset is not None:
                form_field.queryset = visible_to(user, queryset)  # type: ignore[attr-defined]
            if name == "special_group":
                form_field.queryset = form_field.queryset.filter(kind=UnitKind.SPECIAL_GROUP)  # type: ignore[attr-defined]


class TaskForm(VersionedTaskForm):
    """The whole definition and progress: for the office and the task's special-group lead."""

    class Meta:
        model = Task
        fields = [
            "code",
            "title",
            "title_en",
            "area",
            "lead_unit",
            "supporting_units",
            "special_group",
            "start_date",
            "due_date",
            "status",
            "progress",
            "completed_on",
            "description",
            "is_shared",
            "clauses",
            "projects",
            "rule_items",
            "platforms",
        ]
        field_classes = {
            "area": NamedChoice,
            "lead_unit": NamedChoice,
            "special_group": NamedChoice,
            "supporting_units": NamedMultipleChoice,
            "projects": NamedMultipleChoice,
            "rule_items": NamedMultipleChoice,
            "platforms": NamedMultipleChoice,
        }
        widgets = {
            "start_date": DATE,
            "due_date": DATE,
            "completed_on": DATE,
            "description": forms.Textarea(attrs={"rows": 4}),
        }


class ProgressForm(VersionedTaskForm):
    """Progress only: what a reporter of the lead unit may change; the definition stays read-only."""

    class Meta:
        model = Task
        fields = sorted(REPORTER_TASK_FIELDS, key=["status", "progress", "completed_on", "description"].index)
        widgets = {"completed_on": DATE, "description": forms.Textarea(attrs={"rows": 4})}


def form_class_for(user: User, task: Task) -> type[VersionedTaskForm] | None:
    """The form this user may use on this task, or None if they may not edit it."""
    if can_write(user, task, action="update", fields=set(TaskForm.Meta.fields)):
        return TaskForm
    if can_write(user, task, action="update", fields=set(REPORTER_TASK_FIELDS)):
        return ProgressForm
    return None


def state_at_version(task: Task, version: int) -> dict[str, Any]:
    """The task as the change log stored it at `version`; the stored task if the log has no such row."""
    after = (
        history_of(Task, task.pk).filter(version=version, after__isnull=False).values_list("after", flat=True).last()
    )
    if after is not None:
        return dict(after)
    return snapshot(Task.objects.get(pk=task.pk))


def _as_stored(model_field: Any, value: Any) -> Any:
    """A form value in the shape of a change-log snapshot, to compare the two."""
    if model_field.many_to_many:
        return sorted(obj.pk for obj in value or [])
    if isinstance(value, models.Model):
        return value.pk
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def submitted_changes(form: VersionedTaskForm, loaded_version: int) -> dict[str, Any]:
    """The fields whose submitted value differs from what the user loaded."""
    loaded = state_at_version(form.instance, loaded_version)
    data = {}
    for name in form.fields:
        if name == "expected_version":
            continue
        value = form.cleaned_data.get(name)
        many = Task._meta.get_field(name).many_to_many
        if _as_stored(Task._meta.get_field(name), value) != loaded.get(name):
            data[name] = list(value or []) if many else value
    return data


@dataclass
class ConflictReport:
    """What someone else changed since the user loaded the task, and who."""

    loaded_version: int
    current_version: int
    rows: list[FieldChange]  # loaded → now stored, per field the other person changed
    theirs: set[str]
    mine: set[str]
    changes: list[ReadableChange] = field(default_factory=list)

    @property
    def overlap(self) -> set[str]:
        return self.theirs & self.mine

    @classmethod
    def build(cls, task: Task, loaded_version: int, exc: Conflict, mine: set[str]) -> ConflictReport:
        loaded = state_at_version(task, loaded_version)
        current = exc.current
        rows = readable_diff(Task, loaded, current)
        changes = readable_changes(Task, history_of(Task, task.pk).filter(version__gt=loaded_version))
        who: dict[str, list[str]] = {}
        for change in changes:
            for row in change.rows:
                names = who.setdefault(row.name, [])
                if change.actor_name not in names:
                    names.append(change.actor_name)
        for row in rows:
            row.by = who.get(row.name, [])
            row.also_mine = row.name in mine
        return cls(
            loaded_version=loaded_version,
            current_version=int(current.get("version") or 0),
            rows=rows,
            theirs={row.name for row in rows},
            mine=mine,
            changes=changes,
        )


def merge_after_conflict(
    form_class: type[VersionedTaskForm], request: HttpRequest, task: Task, conflict: ConflictReport
) -> VersionedTaskForm:
    """The user's input kept; the other person's changes filled in where the user changed nothing.

    The form now carries the stored version, so saving it again applies the user's changes on
    top of the other person's, after the user has seen them.
    """
    fresh = Task.objects.get(pk=task.pk)
    stored = form_class(instance=fresh, user=request.user)
    data = request.POST.copy()
    for name in conflict.theirs - conflict.mine:
        if name not in stored.fields:
            continue
        value = stored[name].value()
        if isinstance(stored.fields[name].widget, forms.CheckboxInput):
            if value:
                data[name] = "on"
            else:
                data.pop(name, None)
        elif isinstance(value, list | tuple):
            data.setlist(name, [str(v) for v in value])
        else:
            data[name] = "" if value is None else (value.isoformat() if hasattr(value, "isoformat") else str(value))
    data["expected_version"] = str(fresh.version)
    return form_class(data, instance=fresh, user=request.user)
