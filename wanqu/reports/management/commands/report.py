"""`wanqu report`: the progress report as of a time, in one language and format, to a file."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.dateparse import parse_date

from wanqu.core.management.commands.history import TIME_HELP, parse_time
from wanqu.reports.builder import LANGS, build, collect
from wanqu.reports.rendering import FORMATS, TEXT_FORMATS, render
from wanqu.reports.services import check_as_of, check_format, check_lang, report_create, report_publish


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it: never a partial file."""
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise CommandError(f"Cannot write {path}: the folder {directory} does not exist.")
    if path.is_dir():
        raise CommandError(f"Cannot write {path}: it is a folder.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise CommandError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise CommandError(f"Cannot write {path}: {exc.strerror or exc}.") from None


class Command(BaseCommand):
    help = (
        "Write the progress report as the records stood at a time (default: now), in zh-hans, "
        "zh-hant or en, as docx, pdf, html or md. -o - writes md or html to standard output. "
        "--publish also stores it as a published (frozen, hashed) report."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-of", dest="as_of", help=f"the time the report shows: {TIME_HELP}; default now")
        parser.add_argument("--lang", default="zh-hans", help=f"one of {', '.join(LANGS)} (default zh-hans)")
        parser.add_argument("--format", dest="fmt", help=f"one of {', '.join(FORMATS)} (default: from -o, else md)")
        parser.add_argument("-o", "--output", default="-", help="the file to write, or - for standard output")
        parser.add_argument("--title", default="", help="a title other than the template's")
        parser.add_argument("--publish", action="store_true", help="store it as a published report too")

    def handle(self, *args: Any, **options: Any) -> None:
        output: str = options["output"]
        fmt: str = options["fmt"] or (Path(output).suffix.lstrip(".").lower() if output != "-" else "md")
        lang: str = options["lang"]
        try:
            check_lang(lang)
            check_format(fmt)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        if output == "-" and fmt not in TEXT_FORMATS:
            raise CommandError(f"A {fmt} file is binary: give a file name with -o (only md and html go to -).")
        as_of = self._as_of(options["as_of"])
        try:
            check_as_of(as_of)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        if options["publish"]:
            try:
                report = report_create(actor=None, as_of=as_of, lang=lang, title=options["title"])
                report = report_publish(actor=None, report=report, expected_version=report.version)
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from None
            snapshot = report.snapshot
        else:
            snapshot = collect(as_of)
        data = render(build(snapshot, lang=lang, title=options["title"]), fmt)
        if output == "-":
            sys.stdout.flush()
            self.stdout.write(data.decode(), ending="")
            return
        path = Path(output)
        write_atomically(path, data)
        self.stderr.write(f"Wrote {path} ({fmt}, {lang}, as of {timezone.localtime(as_of):%Y-%m-%d %H:%M:%S}).")
        if options["publish"]:
            self.stderr.write(f"Published report #{report.pk}, edition {report.edition}, SHA-256 {report.sha256}.")

    def _as_of(self, text: str | None) -> Any:
        now = timezone.now()
        if not text:
            return now
        # Today's date alone means "today so far", not the end of the day (still to come).
        if parse_date(text.strip()) == timezone.localdate(now):
            return now
        return parse_time(text)
