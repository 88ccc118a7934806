"""Reading the change log: a record's history, and what it looked like at a given time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext

from wanqu.core.choices import Action
from wanqu.core.models import Change


def history_of(model: type[models.Model], pk: int) -> QuerySet[Change]:
    """Every change of one record, oldest first."""
    return Change.objects.filter(model=model._meta.label_lower, object_id=pk).order_by("at", "id")


def state_as_of(model: type[models.Model], pk: int, at: dt.datetime) -> dict[str, Any] | None:
    """The record as it stood at `at`, or None if it did not exist then."""
    last = history_of(model, pk).filter(at__lte=at).order_by("-at", "-id").first()
    if last is None or last.action == Action.DELETE:
        return None
    return last.after


def programme_as_of(at: dt.datetime, labels: Iterable[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every record as it stood at `at`, by model label, each list ordered by id.

    Built from the change log alone, so the answer for a past time never changes however the
    records change later: the latest change per (model, object id) at or before `at`, with the
    deleted ones left out. One query: a window function picks each record's latest change.
    """
    changes = Change.objects.filter(at__lte=at)
    if labels is not None:
        changes = changes.filter(model__in=list(labels))
    latest = (
        changes.annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("model"), F("object_id")],
                order_by=[F("at").desc(), F("id").desc()],
            )
        )
        .filter(rank=1)
        .order_by("model", "object_id")
        .values_list("model", "action", "after")
    )
    state: dict[str, list[dict[str, Any]]] = {label: [] for label in labels or ()}
    for label, action, after in latest:
        if action == Action.DELETE or after is None:
            continue
        state.setdefault(label, []).append(after)
    return state


def first_change_at() -> dt.datetime | None:
    """When the programme's change log begins: nothing existed before this time."""
    return Change.objects.order_by("at", "id").values_list("at", flat=True).first()


# --- a readable diff: what a person sees on a history page ------------------------------------

# Derived or bookkeeping columns: never shown as a change someone made.
_HIDDEN_FIELDS = {"id", "version", "name_key", "search_key"}


@dataclass
class FieldChange:
    """One field of one change, ready to show: its verbose name, and before/after as text."""

    name: str
    label: str
    before: str
    after: str
    by: list[str] = field(default_factory=list)
    also_mine: bool = False


@dataclass
class ReadableChange:
    """One change-log row with its field changes in words."""

    change: Change
    rows: list[FieldChange]

    @property
    def at(self) -> dt.datetime:
        return self.change.at

    @property
    def actor_name(self) -> str:
        return self.change.actor_name

    @property
    def action(self) -> str:
        return self.change.action

    @property
    def action_label(self) -> str:
        return str(self.change.get_action_display())

    @property
    def version(self) -> int:
        return self.change.version


def readable_changes(model: type[models.Model], changes: Iterable[Change]) -> list[ReadableChange]:
    """Changes of records of `model`, each as field verbose names with before/after in words.

    Related records are named (one query per related model, however many changes), choices show
    their labels, dates are formatted for the active language. A create lists what was set.
    """
    changes = list(changes)
    names = _related_names(model, [c.before or {} for c in changes] + [c.after or {} for c in changes])
    result = []
    for change in changes:
        before = change.before or {}
        after = change.after or {}
        if change.before is None:  # created or restored: only what was given a value
            before = {k: None for k in after}
            after = {k: v for k, v in after.items() if v not in (None, "", [], False)}
        result.append(ReadableChange(change=change, rows=_diff(model, before, after, names)))
    return result


def readable_diff(model: type[models.Model], before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    """The fields that differ between two snapshots of a record, in words."""
    return _diff(model, before, after, _related_names(model, [before, after]))


def _shown_fields(model: type[models.Model]) -> list[Any]:
    return [
        f
        for f in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if f.name not in _HIDDEN_FIELDS and getattr(f, "editable", True)
    ]


def _diff(
    model: type[models.Model],
    before: dict[str, Any],
    after: dict[str, Any],
    names: dict[tuple[type[models.Model], Any], str],
) -> list[FieldChange]:
    rows = []
    for f in _shown_fields(model):
        if f.name not in before and f.name not in after:
            continue
        old, new = before.get(f.name), after.get(f.name)
        if old == new:
            continue
        rows.append(
            FieldChange(
                name=f.name,
                label=capfirst(str(f.verbose_name)),
                before=_as_text(f, old, names),
                after=_as_text(f, new, names),
            )
        )
    return rows


def _related_names(
    model: type[models.Model], states: list[dict[str, Any]]
) -> dict[tuple[type[models.Model], Any], str]:
    """The names of every record the states refer to, one query per related model."""
    wanted: dict[type[models.Model], set[Any]] = {}
    for f in _shown_fields(model):
        target = f.related_model
        if target is None or isinstance(target, str):
            continue
        for state in states:
            value = state.get(f.name)
            if value in (None, "", []):
                continue
            wanted.setdefault(target, set()).update(value if isinstance(value, list) else [value])
    names: dict[tuple[type[models.Model], Any], str] = {}
    for target, pks in wanted.items():
        for obj in target._default_manager.filter(pk__in=pks):
            names[(target, obj.pk)] = _name(obj)
    return names


def _name(obj: models.Model) -> str:
    """A record's name in the active language: the English name in English, else the script's."""
    from wanqu.core.text import to_simplified, to_traditional

    if isinstance(obj, AbstractBaseUser):
        return obj.get_username()
    language = get_language() or ""
    text = str(getattr(obj, "name", None) or getattr(obj, "title", None) or obj)
    if language.startswith("en"):
        text = str(getattr(obj, "name_en", None) or getattr(obj, "title_en", None) or text)
    else:
        text = to_traditional(text) if language == "zh-hant" else to_simplified(text)
    if hasattr(obj, "title") and getattr(obj, "code", None):  # tasks: their code says most
        text = f"{getattr(obj, 'code', '')} {text}"
    return text


def _as_text(f: Any, value: Any, names: dict[tuple[type[models.Model], Any], str]) -> str:
    if value is None or value == "" or value == []:
        return "—"
    target = f.related_model
    if target is not None and not isinstance(target, str):
        ids = value if isinstance(value, list) else [value]
        missing = gettext("(deleted #%(pk)s)")
        return "; ".join(names.get((target, pk)) or missing % {"pk": pk} for pk in ids)
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(f, models.BooleanField):
        return gettext("yes") if value else gettext("no")
    if isinstance(f, models.DateTimeField):
        try:
            return formats.date_format(timezone.localtime(f.to_python(value)), "DATETIME_FORMAT")
        except (TypeError, ValueError, ValidationError):
            return str(value)
    if isinstance(f, models.DateField):
        try:
            return formats.date_format(f.to_python(value), "DATE_FORMAT")
        except (TypeError, ValueError, ValidationError):
            return str(value)
    return str(value)
