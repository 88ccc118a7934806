"""Sending notifications: into the inbox at once, by e-mail once a day as a digest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wanqu.notifications.models import Notification


def notify(*, users: Iterable[Any], kind: str, params: dict[str, Any], url: str = "", key: str = "") -> int:
    """Put a message in each user's inbox; with a `key`, a user who already has it gets no second one.

    Returns how many were added.
    """
    now = timezone.now()
    added = 0
    for user in {u.pk: u for u in users}.values():
        if key and Notification.objects.filter(user=user, key=key).exists():
            continue
        try:
            with transaction.atomic():
                Notification.objects.create(
                    user=user, kind=kind, params=_plain(params), url=url, key=key, created_at=now
                )
        except IntegrityError:  # a concurrent run added the same keyed message first
            continue
        added += 1
    return added


def notification_mark_read(*, user: Any, ids: Iterable[int] | None = None) -> int:
    """Mark some (or all) of the user's unread notifications read; returns how many."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())


def digest_send(*, today: dt.date | None = None, dry_run: bool = False) -> list[tuple[Any, int]]:
    """E-mail each user one digest of the notifications not e-mailed yet; returns (user, count).

    Users without an e-mail address keep theirs in the inbox only.
    """
    sent: list[tuple[Any, int]] = []
    pending = Notification.objects.filter(emailed_at__isnull=True).exclude(user__email="")
    user_ids = sorted(set(pending.values_list("user_id", flat=True)))
    for user in get_user_model().objects.filter(pk__in=user_ids).order_by("username"):
        items = list(pending.filter(user=user).order_by("created_at", "id"))
        if not items:
            continue
        sent.append((user, len(items)))
        if dry_run:
            continue
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Wanqu: %(count)s new notifications") % {"count": len(items)}
            lines = [f"- {n.text}" for n in items]
            body = "\n".join([_("Your notifications since the last digest:"), "", *lines, ""])
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        Notification.objects.filter(pk__in=[n.pk for n in items]).update(emailed_at=timezone.now())
    return sent


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    return {
        k: (v.isoformat() if isinstance(v, dt.date) else str(v) if not isinstance(v, int) else v)
        for k, v in params.items()
    }
