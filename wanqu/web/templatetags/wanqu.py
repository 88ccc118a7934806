"""Showing record text in the interface's script and language.

Records keep the text their author typed. The Traditional interface shows Simplified text
converted to Traditional (Hong Kong standard), the Simplified interface the other way round.
The English interface shows a record's English name, and marks visibly where there is none.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wanqu.core.text import to_simplified, to_traditional

register = template.Library()


def in_script(text: str, language: str | None = None) -> str:
    """`text` in the script of `language` (the active one by default)."""
    language = language or get_language() or "zh-hans"
    if not text:
        return ""
    if language == "zh-hant":
        return to_traditional(text)
    if language == "zh-hans":
        return to_simplified(text)
    return text


@register.filter
def localtext(text: Any) -> str:
    """Record text in the active interface script."""
    return in_script(str(text or ""))


def _fields(obj: Any) -> tuple[str, str]:
    for field in ("name", "title"):
        if hasattr(obj, field):
            return str(getattr(obj, field) or ""), str(getattr(obj, f"{field}_en", "") or "")
    return str(obj), ""


@register.simple_tag
def label(obj: Any) -> SafeString:
    """A record's name for the active language; in English, a visible mark where none exists."""
    native, english = _fields(obj)
    if (get_language() or "").startswith("en"):
        if english:
            return format_html("{}", english)
        return format_html(
            '<span class="no-en" title="{}">{} <span class="no-en-mark">{}</span></span>',
            _("No English name has been entered for this record."),
            native,
            _("no English name"),
        )
    return format_html("{}", in_script(native))
