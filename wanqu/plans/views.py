"""The plan pages: each plan with its coverage, and its clauses as a tree with their tasks."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from wanqu.ledger.models import Task
from wanqu.org.permissions import visible_to
from wanqu.plans.models import Plan
from wanqu.plans.querysets import Coverage, clause_tree, coverage_by_plan


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = visible_to(request.user, Plan.objects.select_related("issuer"))
    tasks = visible_to(request.user, Task.objects.all())
    coverage = coverage_by_plan(plans, tasks)
    rows = [{"plan": plan, "coverage": coverage.get(plan.pk, Coverage())} for plan in plans]
    return render(request, "plans/plan_list.html", {"rows": rows})


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(visible_to(request.user, Plan.objects.select_related("issuer")), pk=pk)
    roots, coverage = clause_tree(plan, visible_to(request.user, Task.objects.all()))
    return render(request, "plans/plan_detail.html", {"plan": plan, "roots": roots, "coverage": coverage})
