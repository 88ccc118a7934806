"""Reading the change log: a record's history, and what it looked like at a given time."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.db.models import QuerySet

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
