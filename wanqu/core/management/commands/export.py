"""`wanqu export FILE.json`: the whole programme, change log included, as one JSON file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wanqu.core.transfer import TransferError, dumps, export_data, write_atomically


class Command(BaseCommand):
    help = (
        "Write every Wanqu record, the change log and the users they refer to into one JSON file "
        "that `wanqu import` restores. The same data always gives the same bytes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="where to write the export; - for standard output")

    def handle(self, *args: Any, **options: Any) -> None:
        data = export_data()
        text = dumps(data)
        if options["file"] == "-":
            self.stdout.write(text, ending="")
            return
        path = Path(options["file"])
        try:
            write_atomically(path, text)
        except TransferError as exc:
            raise CommandError(str(exc)) from None
        total = sum(len(rows) for rows in data["records"].values())
        self.stdout.write(f"Exported {total} records of {len(data['records'])} models to {path}.")
