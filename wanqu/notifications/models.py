"""The in-app inbox: one row per message to one user; the daily digest e-mails the new ones.

Messages are stored as a kind and parameters, not as text, so that each reader sees them in the
language they chose. They are not domain records: the change log keeps the writes that caused
them, and a notification is never edited except to mark it read or e-mailed.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from wanqu.ledger.choices import ChangeRequestState, NoticeGrade
from wanqu.notifications.choices import TEXTS, Kind


class Notification(models.Model):
    """A message in one user's inbox."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    key = models.CharField(
        _("deduplication key"),
        max_length=200,
        blank=True,
        help_text=_("The same reminder is not sent twice: one notification per user and key."),
    )
    created_at = models.DateTimeField(_("created at"), db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"], condition=~models.Q(key=""), name="notification_once_per_key"
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        """The message in the active language."""
        template = TEXTS.get(self.kind)
        if template is None:
            return self.kind
        params: dict[str, Any] = dict(self.params or {})
        # Choice codes are translated at reading time, like the text around them.
        if params.get("grade") in NoticeGrade.values:
            params["grade"] = NoticeGrade(params["grade"]).label
        if params.get("state") in ChangeRequestState.values:
            params["state"] = ChangeRequestState(params["state"]).label
        try:
            return _g(str(template)) % params
        except (KeyError, TypeError, ValueError):
            return str(template)
