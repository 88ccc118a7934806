"""The dashboard: one screen for leadership, every number a link to the list behind it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from wanqu.dashboard import board
from wanqu.org.permissions import scope_of


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Tasks by state, area, group and jurisdiction; what is late or due; indicators; registers."""
    scope = scope_of(request.user)
    if not (scope.is_office or scope.is_member):
        return render(request, "dashboard/index.html", {"board": None})
    return render(request, "dashboard/index.html", {"board": board.build(request.user, timezone.localdate())})
