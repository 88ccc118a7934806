"""Which interface language a request gets.

A signed-in user's saved choice wins; then the choice kept in the session; on a first visit the
browser's Accept-Language decides: zh-HK, zh-MO and zh-TW (and zh-Hant) give Traditional,
zh-CN, zh-SG and other Chinese give Simplified, anything else English.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

SESSION_KEY = "wanqu_language"
LANGUAGES = ("zh-hans", "zh-hant", "en")
_TRADITIONAL = ("zh-hk", "zh-mo", "zh-tw", "zh-hant")


def from_accept_language(header: str) -> str:
    """The interface language for an Accept-Language header."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag:
            ranked.append((-quality, index, tag.strip().lower().replace("_", "-")))
    for _, _, tag in sorted(ranked):
        if tag.startswith(_TRADITIONAL):
            return "zh-hant"
        if tag == "zh" or tag.startswith("zh-"):
            return "zh-hans"
        if tag != "*":
            return "en"
    return "en"


def language_for(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        saved = getattr(getattr(user, "preference", None), "language", None)
        if saved in LANGUAGES:
            return saved
    chosen = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if chosen in LANGUAGES:
        return str(chosen)
    return from_accept_language(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))


class LanguageMiddleware:
    """Activate the request's language (replaces Django's LocaleMiddleware)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = language_for(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", language)
        return response
