"""Reminders before an update is due, chases (催办) after, and reply reminders for open notices.

Guangdong-side units are chased; Hong Kong and Macao partners get a courteous follow-up instead.
Each message carries a key, so running the job twice on one day sends nothing twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from wanqu.ledger.choices import NoticeState, RoundState, UpdateState
from wanqu.ledger.completeness import lines_of
from wanqu.ledger.models import Round, SupervisionNotice
from wanqu.ledger.services import reporters_of
from wanqu.notifications.choices import Kind
from wanqu.notifications.models import Notification
from wanqu.notifications.services import notify

REMIND_DAYS_BEFORE = 3  # a reminder goes out this many days before the due date
CHASE_EVERY_DAYS = 7  # a late update is chased on the first day after its due date, then weekly
NOTICE_REMIND_DAYS_BEFORE = 2


@dataclass
class Reminder:
    """One message that the job would send: what, to whom, why."""

    kind: str
    recipients: list[Any]
    params: dict[str, Any]
    url: str
    key: str
    why: str

    @property
    def text(self) -> str:
        return Notification(kind=self.kind, params=self.params).text


def due_reminders(today: dt.date | None = None) -> list[Reminder]:
    """Everything the daily job should send today, whether or not it was sent already."""
    today = today or timezone.localdate()
    found: list[Reminder] = []
    for line in lines_of(Round.objects.filter(state=RoundState.OPEN)):
        update = line.update
        if update is not None and update.state in {UpdateState.SUBMITTED, UpdateState.ACCEPTED}:
            continue
        ob = line.obligation
        days_left = (line.due - today).days
        params = {"task": ob.task.code, "round": ob.round.name, "unit": str(ob.unit), "due": line.due.isoformat()}
        url = f"/rounds/{ob.round_id}/owe/"
        if 0 <= days_left <= REMIND_DAYS_BEFORE:
            found.append(
                Reminder(
                    Kind.REMINDER,
                    reporters_of(ob.unit),
                    params,
                    url,
                    f"remind:{ob.pk}",
                    f"due in {days_left} day(s), not submitted",
                )
            )
        elif days_left < 0:
            late = -days_left
            if (late - 1) % CHASE_EVERY_DAYS:
                continue
            kind = Kind.FOLLOW_UP if ob.unit.jurisdiction.is_sar else Kind.CHASE
            found.append(
                Reminder(
                    kind,
                    reporters_of(ob.unit),
                    params,
                    url,
                    f"{kind}:{ob.pk}:{late}",
                    f"{late} day(s) late, not submitted",
                )
            )
    notices = SupervisionNotice.objects.filter(state=NoticeState.OPEN).select_related("task", "unit")
    for notice in notices:
        days_left = (notice.reply_due - today).days
        if days_left == NOTICE_REMIND_DAYS_BEFORE or (days_left < 0 and (-days_left - 1) % CHASE_EVERY_DAYS == 0):
            found.append(
                Reminder(
                    Kind.NOTICE_DUE,
                    reporters_of(notice.unit),
                    {"task": notice.task.code, "due": notice.reply_due.isoformat()},
                    f"/rounds/notices/{notice.pk}/",
                    f"notice-due:{notice.pk}:{days_left}",
                    f"notice reply due in {days_left} day(s)"
                    if days_left >= 0
                    else f"notice reply {-days_left} day(s) late",
                )
            )
    return found


def reminders_send(today: dt.date | None = None) -> int:
    """Send today's reminders into the inboxes; returns how many notifications were added."""
    return sum(
        notify(users=r.recipients, kind=r.kind, params=r.params, url=r.url, key=r.key) for r in due_reminders(today)
    )
