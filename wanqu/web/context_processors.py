"""What every page's shell needs: the navigation, filtered to what the user may open."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from wanqu.org.permissions import scope_of

# (url name, label). Entries whose page does not exist yet are left out.
NAVIGATION = [
    ("dashboard:index", _("Dashboard")),
    ("ledger:task_list", _("Task ledger")),
    ("plans:plan_list", _("Plans")),
    ("registers:project_list", _("Projects")),
    ("registers:ruleitem_matrix", _("Bay Area Connect")),
    ("registers:idea_list", _("Policy reserve")),
    ("registers:platform_list", _("Platforms")),
    ("indicators:indicator_list", _("Indicators")),
    ("geo:map", _("Map")),
    ("rounds:round_list", _("Reporting rounds")),
    ("reports:report_list", _("Reports")),
    ("org:unit_list", _("Units")),
]


LANGUAGE_SWITCH = [("zh-hans", "简", "简体中文"), ("zh-hant", "繁", "繁體中文"), ("en", "EN", "English")]


def shell(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav": [], "wanqu_languages": LANGUAGE_SWITCH}
    nav = []
    for name, text in NAVIGATION:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        nav.append({"url": url, "label": text, "active": request.path.startswith(url) and url != "/"})
    scope = scope_of(user)
    return {"nav": nav, "is_office": scope.is_office, "wanqu_scope": scope, "wanqu_languages": LANGUAGE_SWITCH}
