"""The task ledger's pages: the filtered list (and its .xlsx), a task's page and its edit form.

Reads go through `visible_to`; a task the user may not see is a 404, like one that does not
exist. Writes go through `wanqu.core.services.record_update`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from wanqu.core.errors import Conflict, Forbidden
from wanqu.core.history import history_of, readable_changes
from wanqu.core.services import record_update
from wanqu.ledger import exports
from wanqu.ledger.filtersets import TaskFilterSet, today
from wanqu.ledger.forms import ConflictReport, TaskForm, form_class_for, merge_after_conflict, submitted_changes
from wanqu.ledger.models import Milestone, Task, Update
from wanqu.org.permissions import can_write, scope_of, visible_to

PAGE_SIZE = 50


def ledger_queryset(request: HttpRequest) -> QuerySet[Task]:
    """The tasks the user may see, with what a ledger row shows joined in (a fixed query count)."""
    return visible_to(request.user, Task.objects.all()).select_related(
        "area", "lead_unit", "lead_unit__jurisdiction", "special_group"
    )


def _filtered(request: HttpRequest) -> tuple[TaskFilterSet, QuerySet[Task], list[str]]:
    filterset = TaskFilterSet(request.GET or None, queryset=ledger_queryset(request))
    if filterset.is_bound and not filterset.is_valid():
        # Unknown values: say so and show nothing, rather than the unfiltered ledger.
        return filterset, Task.objects.none(), filterset.error_messages()
    return filterset, filterset.qs, []


@login_required
@vary_on_headers("HX-Request")
def task_list(request: HttpRequest) -> HttpResponse:
    """The ledger: filters, sortable columns, pages; htmx swaps only the results."""
    filterset, tasks, notices = _filtered(request)
    paginator = Paginator(tasks, PAGE_SIZE)
    raw_page = request.GET.get("page", "1")
    try:
        number = int(raw_page)
    except ValueError:
        number = 1
        notices.append(_("“%(page)s” is not a page number; showing the first page.") % {"page": raw_page})
    if number < 1:
        number = 1
    if number > paginator.num_pages:
        notices.append(
            _("There is no page %(page)s; showing the last page, %(last)s.")
            % {"page": number, "last": paginator.num_pages}
        )
        number = paginator.num_pages
    page = paginator.page(number)
    rows = list(page.object_list)
    on = today()
    for task in rows:
        task.overdue = task.is_overdue(on)  # type: ignore[attr-defined]
    query = request.GET.copy()
    query.pop("page", None)
    sort_query = query.copy()
    sort_query.pop("sort", None)
    context = {
        "filterset": filterset,
        "page": page,
        "tasks": rows,
        "notices": notices,
        "query": query.urlencode(),
        "sort_query": sort_query.urlencode(),
        "current_sort": request.GET.get("sort", ""),
        "columns": _columns(),
    }
    template = "ledger/_task_results.html" if request.headers.get("HX-Request") else "ledger/task_list.html"
    return render(request, template, context)


def _columns() -> list[tuple[str, str]]:
    return [
        ("code", _("Code")),
        ("title", _("Task")),
        ("area", _("Work area")),
        ("lead_unit", _("Lead unit")),
        ("", _("Special group")),
        ("due_date", _("Due date")),
        ("status", _("Status")),
        ("progress", _("Progress")),
    ]


@login_required
def task_export(request: HttpRequest) -> HttpResponse:
    """The filtered ledger as an .xlsx workbook, every matching row, in the list's order."""
    filterset, tasks, notices = _filtered(request)
    if notices:
        return render(request, "ledger/task_list.html", _error_context(filterset, notices), status=400)
    rows = tasks.prefetch_related("supporting_units")
    response = HttpResponse(exports.tasks_workbook(rows, today()), content_type=exports.XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(today())}"'
    return response


def _error_context(filterset: TaskFilterSet, notices: list[str]) -> dict[str, Any]:
    paginator = Paginator(Task.objects.none(), PAGE_SIZE)
    return {
        "filterset": filterset,
        "page": paginator.page(1),
        "tasks": [],
        "notices": notices,
        "today": today(),
        "query": "",
        "sort_query": "",
        "current_sort": "",
        "columns": _columns(),
    }


def get_task_for_user(request: HttpRequest, pk: int) -> Task:
    """The one way a page fetches a task: hidden and missing look the same (404)."""
    return get_object_or_404(
        visible_to(request.user, Task.objects.all()).select_related(
            "area", "lead_unit", "lead_unit__jurisdiction", "lead_unit__city", "special_group", "parent"
        ),
        pk=pk,
    )


def _register_link(name: str, pk: int) -> str:
    try:
        return reverse(name, args=[pk])
    except NoReverseMatch:
        return ""


@login_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A task with its clauses, units, milestones, updates, related records and history."""
    task = get_task_for_user(request, pk)
    clauses = task.clauses.select_related("plan")
    updates = visible_to(request.user, Update.objects.filter(task=task)).select_related("round", "unit")
    subtasks = visible_to(request.user, task.subtasks.all()).select_related("lead_unit")
    projects = [(p, _register_link("registers:project_detail", p.pk)) for p in task.projects.all()]
    rule_items = [(r, _register_link("registers:ruleitem_detail", r.pk)) for r in task.rule_items.all()]
    context = {
        "task": task,
        "overdue": task.is_overdue(today()),
        "clauses": clauses,
        "supporting_units": task.supporting_units.all(),
        "platforms": task.platforms.all(),
        "milestones": Milestone.objects.filter(task=task).order_by("due_date", "pk"),
        "updates": updates.order_by("-round__period_start", "-pk"),
        "projects": projects,
        "rule_items": rule_items,
        "subtasks": subtasks,
        "history": readable_changes(Task, history_of(Task, task.pk).select_related("actor")),
        "can_edit": can_write(request.user, task, action="update", fields=set()),
        # The lead unit's reporter asks the office to change the definition (issue 4, item 7).
        "can_request_change": not scope_of(request.user).is_office
        and task.lead_unit_id in scope_of(request.user).reporter_unit_ids,
    }
    return render(request, "ledger/task_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a task: the whole definition for the office and the group lead, progress for reporters."""
    task = get_task_for_user(request, pk)
    form_class = form_class_for(request.user, task)
    if form_class is None:
        raise PermissionDenied
    conflict: ConflictReport | None = None
    if request.method == "POST":
        form = form_class(request.POST, instance=task, user=request.user)
        if form.is_valid():
            loaded_version = form.cleaned_data["expected_version"]
            data = submitted_changes(form, loaded_version)
            if not data:
                messages.info(request, _("Nothing was changed."))
                return HttpResponseRedirect(reverse("ledger:task_detail", args=[task.pk]))
            try:
                record_update(actor=request.user, obj=task, data=data, expected_version=loaded_version)
            except Conflict as exc:
                conflict = ConflictReport.build(task, loaded_version, exc, set(data))
                form = merge_after_conflict(form_class, request, task, conflict)
            except Forbidden as exc:
                form.add_error(None, str(exc))
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("The task was saved."))
                return HttpResponseRedirect(reverse("ledger:task_detail", args=[task.pk]))
    else:
        form = form_class(instance=task, user=request.user)
    context = {"task": task, "form": form, "conflict": conflict, "full": form_class is TaskForm}
    return render(request, "ledger/task_edit.html", context, status=409 if conflict else 200)


def _add_errors(form: Any, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error)
    else:
        form.add_error(None, exc)
