"""The daily job, run by the database-backed worker (`wanqu db_worker`, started by `wanqu serve`).

It sends the day's reminders and chases into the inboxes, e-mails each user's digest, and
enqueues itself for the next morning, so one enqueued run keeps the schedule going.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django_tasks import task

DAILY_AT = dt.time(8, 0)  # local time (Asia/Shanghai)


@task()
def daily_reminders(today: str | None = None, reschedule: bool = True) -> dict[str, Any]:
    from wanqu.ledger.reminders import reminders_send
    from wanqu.notifications.services import digest_send

    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    added = reminders_send(day)
    mailed = digest_send(today=day)
    if reschedule:
        schedule_daily(force=True)
    return {"day": day.isoformat(), "notifications": added, "digests": len(mailed)}


def next_run(now: dt.datetime | None = None) -> dt.datetime:
    now = timezone.localtime(now or timezone.now())
    at = now.replace(hour=DAILY_AT.hour, minute=DAILY_AT.minute, second=0, microsecond=0)
    return at if at > now else at + dt.timedelta(days=1)


def schedule_daily(*, force: bool = False) -> bool:
    """Make sure the next daily run is waiting in the queue; returns whether one was enqueued."""
    from django_tasks_db.models import DBTaskResult

    if not force:
        waiting = DBTaskResult.objects.filter(task_path=daily_reminders.module_path, status="READY")
        if waiting.exists():
            return False
    daily_reminders.using(run_after=next_run()).enqueue()
    return True
