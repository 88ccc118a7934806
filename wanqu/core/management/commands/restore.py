"""`wanqu restore MODEL PK`: bring back a deleted record, with what was deleted together with it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wanqu.core.context import batch
from wanqu.core.errors import Forbidden
from wanqu.core.models import Change
from wanqu.core.services import record_restore
from wanqu.core.transfer import TransferError, record_model


class Command(BaseCommand):
    help = (
        "Restore a deleted record (and the children deleted with it) from the change log, as the "
        "system. MODEL is a label such as ledger.task."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("model", help="the model label, e.g. ledger.task")
        parser.add_argument("pk", type=int, help="the deleted record's id")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            model = record_model(options["model"])
        except TransferError as exc:
            raise CommandError(str(exc)) from None
        pk: int = options["pk"]
        label = model._meta.label_lower
        try:
            with batch("restore") as batch_id:
                obj = record_restore(actor=None, model=model, pk=pk)
        except ValidationError as exc:
            raise CommandError(f"Cannot restore {label} #{pk}: {' '.join(exc.messages)}") from None
        except Forbidden as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Restored {label} #{pk} “{obj}” as version {obj.version}.")
        others = Change.objects.filter(batch_id=batch_id).exclude(model=label, object_id=pk).order_by("id")
        for change in others:
            self.stdout.write(f"  with {change.model} #{change.object_id} “{change.object_repr}”")
