"""The shell of the web interface: home, sign-in and the language switch."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from wanqu.core.services import record_create, record_update
from wanqu.org.permissions import scope_of
from wanqu.web.language import LANGUAGES, SESSION_KEY
from wanqu.web.models import Preference


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The landing page after sign-in: what a unit owes for its reporters, the dashboard for the rest."""
    scope = scope_of(request.user)
    if scope.reporter_unit_ids and not (scope.is_office or scope.group_ids):
        return redirect("rounds:owe")
    return redirect("dashboard:index")


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; remembered for the user, or for the session before sign-in."""
    language = request.POST.get("language", "")
    target = request.POST.get("next") or request.META.get("HTTP_REFERER") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    if language not in LANGUAGES:
        return HttpResponseRedirect(target)
    request.session[SESSION_KEY] = language
    user = request.user
    if user.is_authenticated:
        saved = Preference.objects.filter(user=user).first()
        if saved is None:
            record_create(actor=user, model=Preference, data={"user": user, "language": language})
        elif saved.language != language:
            record_update(actor=user, obj=saved, data={"language": language}, expected_version=saved.version)
    return HttpResponseRedirect(target)
