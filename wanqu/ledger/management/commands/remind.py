"""`wanqu remind`: send today's reminders, chases and digests now; `--dry-run` only lists them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from wanqu.ledger.reminders import due_reminders, reminders_send
from wanqu.notifications.models import Notification
from wanqu.notifications.services import digest_send


class Command(BaseCommand):
    help = "Send the reminders, chases (催办) and follow-ups due today, and the e-mail digests."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="list what would be sent, to whom and why")
        parser.add_argument("--today", help="the day to judge by, YYYY-MM-DD (default: today)")
        parser.add_argument("--schedule", action="store_true", help="also queue the daily job for the worker")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = dt.date.fromisoformat(options["today"]) if options["today"] else timezone.localdate()
        except ValueError:
            raise CommandError(f"--today must be a date like 2026-04-10; got {options['today']!r}") from None
        reminders = due_reminders(today)
        for r in reminders:
            to = ", ".join(u.get_username() for u in r.recipients) or "(no reporter signed up)"
            sent = all(Notification.objects.filter(user=u, key=r.key).exists() for u in r.recipients)
            mark = " [already sent]" if sent and r.recipients else ""
            self.stdout.write(f"{r.kind}\tto: {to}\twhy: {r.why}{mark}\n\t{r.text}")
        if options["dry_run"]:
            for user, count in digest_send(today=today, dry_run=True):
                self.stdout.write(f"digest\tto: {user.get_username()} <{user.email}>\twhy: {count} new notification(s)")
            self.stdout.write(f"Dry run: {len(reminders)} reminder(s) listed; nothing was sent.")
            return
        added = reminders_send(today)
        mailed = digest_send(today=today)
        self.stdout.write(f"Sent {added} notification(s) and {len(mailed)} digest e-mail(s).")
        if options["schedule"]:
            from wanqu.ledger.tasks import schedule_daily

            queued = schedule_daily()
            self.stdout.write("Queued the daily job." if queued else "The daily job is already queued.")
