"""`wanqu history MODEL PK [--at TIME]`: a record's change history, or the record at a past time."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from wanqu.core.history import history_of, state_as_of
from wanqu.core.models import Change
from wanqu.core.transfer import TransferError, record_model

TIME_HELP = "“2026-06-30 12:00”, “2026-06-30T12:00:00+08:00” or “2026-06-30” (the end of that day)"


def parse_time(text: str) -> dt.datetime:
    """A time as people write it; without a zone it is in the project's time zone."""
    value = text.strip()
    try:
        # The date alone first: parse_datetime would read "2026-06-30" as its midnight.
        day = parse_date(value)
        moment = None if day is not None else parse_datetime(value)
    except ValueError:  # well-formed but impossible, e.g. month 13
        moment = day = None
    if moment is None and day is not None:
        moment = dt.datetime.combine(day, dt.time.max)
    if moment is None:
        raise CommandError(f"Cannot read the time “{text}”; write it as {TIME_HELP}.")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= 80 else text[:77] + "…"


def describe_change(change: Change) -> str:
    """One line: time, actor, action, version and, for an update, what changed."""
    head = (
        f"{timezone.localtime(change.at):%Y-%m-%d %H:%M:%S}  {change.actor_name or 'system'}  "
        f"{change.action}  v{change.version}"
    )
    if change.action != "update":
        return head
    fields = {k: v for k, v in change.changed_fields.items() if k != "version"}
    changes = "; ".join(f"{name}: {_show(old)} → {_show(new)}" for name, (old, new) in fields.items())
    return f"{head}  {changes}" if changes else head


class Command(BaseCommand):
    help = (
        "Print the history of one record (time, actor, action, version, changed fields), or with "
        "--at the record as it stood at that time, as JSON. MODEL is a label such as ledger.task."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("model", help="the model label, e.g. ledger.task or registers.project")
        parser.add_argument("pk", type=int, help="the record's id")
        parser.add_argument("--at", help=f"show the record as it was at this time: {TIME_HELP}")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            model = record_model(options["model"])
        except TransferError as exc:
            raise CommandError(str(exc)) from None
        pk: int = options["pk"]
        label = model._meta.label_lower
        changes = list(history_of(model, pk))
        if options["at"] is not None:
            at = parse_time(options["at"])
            state = state_as_of(model, pk, at)
            if state is None:
                when = f"{timezone.localtime(at):%Y-%m-%d %H:%M:%S %Z}"
                if not changes:
                    raise CommandError(f"{label} #{pk} has no history: it never existed.")
                raise CommandError(
                    f"{label} #{pk} did not exist at {when} (its history runs from "
                    f"{timezone.localtime(changes[0].at):%Y-%m-%d %H:%M:%S})."
                )
            self.stdout.write(json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True))
            return
        if not changes:
            raise CommandError(f"{label} #{pk} has no history: it never existed.")
        self.stdout.write(f"{label} #{pk} “{changes[-1].object_repr}”")
        for change in changes:
            self.stdout.write(describe_change(change))
