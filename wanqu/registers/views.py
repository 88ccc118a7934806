"""The registers' pages: projects, the rule-item matrix (湾区通), the policy reserve, platforms.

Every read goes through `visible_to`; a record the user may not see is a 404, like one that
does not exist. List pages cost a fixed number of queries whatever their length.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from wanqu.geo.models import Jurisdiction
from wanqu.ledger.models import Task
from wanqu.org.permissions import visible_to
from wanqu.registers.choices import Stage
from wanqu.registers.filtersets import IdeaFilter, PlatformFilter, ProjectFilter, RuleItemFilter
from wanqu.registers.models import Instrument, JurisdictionStatus, Platform, PolicyIdea, Project, RuleItem
from wanqu.registers.querysets import IN_EFFECT, MATRIX_JURISDICTIONS, matrix_summary
from wanqu.web.listing import list_page

MINIMAP = "geo/_minimap.html"


def _tasks(request: HttpRequest, **lookup: Any) -> list[Task]:
    """The tasks the user may see that match `lookup`, with what a task row shows."""
    queryset = Task.objects.filter(**lookup).select_related("lead_unit", "area").order_by("code")
    return list(visible_to(request.user, queryset))


def _has_minimap() -> bool:
    """The map's reusable include, once the map is there."""
    try:
        get_template(MINIMAP)
    except TemplateDoesNotExist:
        return False
    return True


@login_required
def project_list(request: HttpRequest) -> HttpResponse:
    queryset = visible_to(request.user, Project.objects.select_related("lead_unit").prefetch_related("cities"))
    listing = list_page(
        request.GET,
        ProjectFilter,
        queryset,
        sorts={
            "code": ("code",),
            "name": ("name_key", "code"),
            "kind": ("kind", "code"),
            "stage": ("stage", "code"),
            "investment": ("investment_amount", "code"),
        },
        default_sort="code",
        apply=ProjectFilter.apply,
    )
    return render(request, "registers/project_list.html", {"listing": listing})


@login_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(
        visible_to(request.user, Project.objects.select_related("lead_unit", "platform")), pk=pk
    )
    reached = {s.stage: s for s in project.stages.all()}
    order = list(Stage.values)
    current = order.index(project.stage) if project.stage in order else -1
    timeline = [
        {
            "stage": value,
            "label": label,
            "entry": reached.get(value),
            "current": value == project.stage,
            "passed": index <= current or value in reached,
        }
        for index, (value, label) in enumerate(Stage.choices)
    ]
    context = {
        "project": project,
        "timeline": timeline,
        "cities": list(project.cities.all()),
        "tasks": _tasks(request, projects=project),
        "has_minimap": _has_minimap(),
    }
    return render(request, "registers/project_detail.html", context)


@login_required
def ruleitem_matrix(request: HttpRequest) -> HttpResponse:
    statuses = JurisdictionStatus.objects.filter(jurisdiction__code__in=MATRIX_JURISDICTIONS).select_related(
        "jurisdiction"
    )
    queryset = visible_to(request.user, RuleItem.objects.prefetch_related(Prefetch("statuses", queryset=statuses)))
    listing = list_page(
        request.GET,
        RuleItemFilter,
        queryset,
        sorts={"code": ("code",), "name": ("name_key", "code"), "domain": ("domain", "code")},
        default_sort="domain",
        apply=RuleItemFilter.apply,
        page_size=100,
    )
    for item in listing.rows:
        by_code = {s.jurisdiction.code: s for s in item.statuses.all()}
        item.cells = [(code, by_code.get(code)) for code in MATRIX_JURISDICTIONS]
    jurisdictions = {j.code: j for j in Jurisdiction.objects.filter(code__in=MATRIX_JURISDICTIONS)}
    context = {
        "listing": listing,
        "summary": matrix_summary(listing.queryset),
        "jurisdictions": [jurisdictions.get(code) for code in MATRIX_JURISDICTIONS],
        "codes": MATRIX_JURISDICTIONS,
        "in_effect": sorted(IN_EFFECT),
    }
    return render(request, "registers/ruleitem_matrix.html", context)


@login_required
def ruleitem_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(visible_to(request.user, RuleItem.objects.select_related("lead_unit")), pk=pk)
    context = {
        "item": item,
        "statuses": list(item.statuses.select_related("jurisdiction").order_by("jurisdiction__order")),
        "instruments": list(
            Instrument.objects.filter(rule_item=item)
            .select_related("jurisdiction")
            .order_by("jurisdiction__order", "issued_on")
        ),
        "cities": list(item.scope_cities.all()),
        "ideas": list(visible_to(request.user, item.ideas.select_related("proposer"))),
        "tasks": _tasks(request, rule_items=item),
    }
    return render(request, "registers/ruleitem_detail.html", context)


@login_required
def idea_list(request: HttpRequest) -> HttpResponse:
    queryset = visible_to(request.user, PolicyIdea.objects.select_related("proposer", "rule_item"))
    listing = list_page(
        request.GET,
        IdeaFilter,
        queryset,
        sorts={"proposed_on": ("proposed_on", "code"), "code": ("code",), "state": ("state", "code")},
        default_sort="-proposed_on",
        apply=IdeaFilter.apply,
    )
    return render(request, "registers/idea_list.html", {"listing": listing})


@login_required
def idea_detail(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_object_or_404(
        visible_to(request.user, PolicyIdea.objects.select_related("proposer", "rule_item")), pk=pk
    )
    return render(request, "registers/idea_detail.html", {"idea": idea})


@login_required
def platform_list(request: HttpRequest) -> HttpResponse:
    queryset = visible_to(
        request.user,
        Platform.objects.select_related("city", "managing_unit").annotate(
            project_count=Count("projects", distinct=True)
        ),
    )
    listing = list_page(
        request.GET,
        PlatformFilter,
        queryset,
        sorts={"code": ("code",), "name": ("name_key", "code"), "level": ("level", "code")},
        default_sort="code",
        apply=PlatformFilter.apply,
    )
    # Task counts follow what the user may see of the ledger: one grouped query for the page.
    pks = [p.pk for p in listing.rows]
    counts = (
        dict(
            visible_to(request.user, Task.objects.filter(platforms__in=pks))
            .values_list("platforms")
            .annotate(n=Count("pk", distinct=True))
            .order_by()
        )
        if pks
        else {}
    )
    for platform in listing.rows:
        platform.task_count = counts.get(platform.pk, 0)
    return render(request, "registers/platform_list.html", {"listing": listing})


@login_required
def platform_detail(request: HttpRequest, pk: int) -> HttpResponse:
    platform = get_object_or_404(
        visible_to(request.user, Platform.objects.select_related("city", "managing_unit")), pk=pk
    )
    context = {
        "platform": platform,
        "projects": list(visible_to(request.user, platform.projects.order_by("code"))),
        "tasks": _tasks(request, platforms=platform),
        "has_minimap": _has_minimap(),
    }
    return render(request, "registers/platform_detail.html", context)
