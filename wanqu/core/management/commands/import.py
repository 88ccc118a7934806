"""`wanqu import FILE.json`: restore an export into an empty database, all or nothing.

The module is named after the command; Django loads it with importlib, so `import` being a
Python keyword does not matter.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wanqu.core.database import pending_migrations
from wanqu.core.transfer import TransferError, import_data, parse_export


class Command(BaseCommand):
    help = (
        "Restore a `wanqu export` file into an empty, migrated database: the same records with the "
        "same ids, versions and change log. Every record is validated; any problem changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the export to read; - for standard input")

    def handle(self, *args: Any, **options: Any) -> None:
        name = options["file"]
        if pending_migrations():
            raise CommandError("The database is not set up yet: run `wanqu migrate` first. Nothing was imported.")
        try:
            if name == "-":
                source, text = "standard input", sys.stdin.read()
            else:
                source, text = name, Path(name).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise CommandError(f"{name} is not a JSON file (it is not UTF-8 text).") from None
        except OSError as exc:
            raise CommandError(f"Cannot read {name}: {exc.strerror or exc}.") from None
        try:
            counts = import_data(parse_export(text, source=source))
        except TransferError as exc:
            raise CommandError(f"{exc} Nothing was imported.") from None
        total = sum(counts.values())
        self.stdout.write(f"Imported {total} records of {sum(1 for n in counts.values() if n)} models from {source}.")
