"""Errors that the write path raises. Bad input is Django's ValidationError, naming the field."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _


class Forbidden(Exception):
    """The actor may not make this change."""


class Conflict(Exception):
    """The record changed since the actor read it; nothing was written."""

    def __init__(self, *, label: str, expected: int | None, current: dict[str, Any]) -> None:
        self.expected = expected
        self.current = current
        self.current_version = current.get("version")
        super().__init__(
            _(
                "%(label)s was changed by someone else (you edited version %(expected)s, "
                "it is now version %(current)s); nothing was saved. Reload it and apply your change again."
            )
            % {"label": label, "expected": expected, "current": self.current_version}
        )
