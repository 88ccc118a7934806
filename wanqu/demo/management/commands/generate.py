"""`wanqu generate --scale N`: a synthetic programme N times the demo's size, for measuring speed."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wanqu.demo.generate import MAX_SCALE, PER_SCALE, demo_loaded, generate
from wanqu.demo.loader import load


def _scale(value: str) -> int:
    try:
        scale = int(value)
    except (TypeError, ValueError):
        raise CommandError(f"--scale must be a whole number from 1 to {MAX_SCALE}, not “{value}”.") from None
    if not 1 <= scale <= MAX_SCALE:
        raise CommandError(f"--scale must be a whole number from 1 to {MAX_SCALE}, not {scale}.")
    return scale


class Command(BaseCommand):
    help = (
        "Add a synthetic programme on top of the demo, N times the demo's size, for measuring page "
        "speed: tasks with milestones and updates, city sub-units, projects with stages, rule items "
        "with statuses, observations. Loads the demo first if it is missing. Running again with the "
        "same N adds nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        # A string, so that a bad value gets our message rather than argparse's exit.
        parser.add_argument("--scale", required=True, help=f"how many times the demo's size (1 to {MAX_SCALE})")
        parser.add_argument("--no-migrate", action="store_true", help="Do not run migrations first.")

    def handle(self, *args: Any, **options: Any) -> None:
        scale = _scale(options["scale"])
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        if not demo_loaded():
            self.stdout.write("The demo programme is not loaded; loading it first.")
            loaded = load()
            self.stdout.write(f"  {loaded.total} demo records created.")
        result = generate(scale)
        if result.total:
            self.stdout.write(
                f"Generated a programme {scale}× the demo's size: {result.total} records created "
                f"in {result.seconds:.1f} s."
            )
            for label, count in sorted(result.created.items()):
                self.stdout.write(f"  {label:<28} {count:>7}")
        else:
            self.stdout.write(
                f"The programme is already {scale}× the demo's size "
                f"({(scale - 1) * PER_SCALE['tasks']} generated tasks); nothing changed "
                f"({result.seconds:.1f} s)."
            )
