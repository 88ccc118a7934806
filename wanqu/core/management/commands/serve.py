"""`wanqu serve`: the app on a real WSGI server (waitress), static files by WhiteNoise.

Not Django's runserver: no autoreload, no debug static serving; what it serves is what a
production install serves, on 127.0.0.1:WANQU_PORT unless told otherwise.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wanqu.core.database import pending_migrations


def _port(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise CommandError(f"--port must be an integer; got {raw!r}") from None
    if not 1 <= value <= 65535:
        raise CommandError(f"--port must be between 1 and 65535; got {value}")
    return value


class Command(BaseCommand):
    help = "Serve Wanqu with the waitress WSGI server; static files are served by WhiteNoise."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
        parser.add_argument("--port", default=None, help="port to listen on (default WANQU_PORT, else 8000)")
        parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="do not start the background worker (wanqu db_worker) beside the server",
        )
        parser.add_argument(
            "--no-collectstatic",
            action="store_true",
            help="do not run collectstatic before serving",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        host: str = options["host"]
        port = _port(options["port"]) if options["port"] is not None else int(settings.PORT)
        if options["threads"] < 1:
            raise CommandError("--threads must be at least 1")

        if not options["no_collectstatic"]:
            # Incremental: copies only files that changed since the last run.
            call_command("collectstatic", interactive=False, verbosity=0)

        pending = pending_migrations()
        if pending:
            self.stderr.write(
                self.style.WARNING(f"{pending} migration(s) not applied; run `wanqu migrate` (or `wanqu demo`) first.")
            )

        # Imported only now: WhiteNoise indexes STATIC_ROOT when the application is built.
        from waitress import serve

        from wanqu.wsgi import application

        worker = None
        if not options["no_worker"]:
            if not pending and _schedule_daily_job():
                self.stdout.write("The daily reminders job is queued for its next run.")
            worker = _start_worker()
        shown_host = f"[{host}]" if ":" in host else host
        self.stdout.write(f"Wanqu is serving on http://{shown_host}:{port}/ (back office: /admin/). Ctrl-C stops it.")
        if worker is not None:
            self.stdout.write(f"The background worker runs as process {worker.pid}.")
        self.stdout.flush()
        # A plain SIGTERM would skip the `finally` below and orphan the worker.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        try:
            serve(application, host=host, port=port, threads=options["threads"], ident="wanqu")
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=10)


def _schedule_daily_job() -> bool:
    """Queue the daily reminders and digest run unless one is already waiting (never two)."""
    from wanqu.ledger.tasks import schedule_daily

    return schedule_daily()


def _start_worker() -> subprocess.Popen[bytes]:
    """The database-backed task worker, as a child process that ends with the server."""
    return subprocess.Popen([sys.executable, "-m", "wanqu", "db_worker", "--queue-name", "*", "--interval", "2"])
