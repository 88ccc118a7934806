"""`wanqu demo`: migrate, load the Greater Bay Area demo programme, print the demo sign-ins."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from wanqu.demo.loader import load


class Command(BaseCommand):
    help = (
        "Migrate the database, load the Guangdong-Hong Kong-Macao Greater Bay Area demo programme "
        "and print the demo sign-ins. Loading again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-migrate", action="store_true", help="Do not run migrations first.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        result = load()
        if result.total:
            self.stdout.write(f"Loaded the Greater Bay Area demo programme: {result.total} records created.")
            for label, count in sorted(result.created.items()):
                self.stdout.write(f"  {label:<28} {count:>4}")
        else:
            self.stdout.write("The Greater Bay Area demo programme is already loaded; nothing changed.")
        self.stdout.write("")
        self.stdout.write("Demo sign-ins:")
        rows = [("username", "role", "unit", "password")]
        rows += [(s.username, s.role, s.unit, s.password) for s in result.sign_ins]
        widths = [max(_width(row[i]) for row in rows) for i in range(4)]
        for row in rows:
            self.stdout.write("  " + "  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip())


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
