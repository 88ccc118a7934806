"""What every list page does with its URL: filter, sort and paginate, with a clear word for bad input.

A filter form validates the GET parameters. A value that does not exist (an unknown kind, a
city code nobody has) gives a message and an empty list, never a server error and never a
silently unfiltered list. A page past the end shows the last page with a message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _

PAGE_SIZE = 50


@dataclass
class ListPage:
    """One page of a filtered, sorted list, and what the template needs to draw it."""

    form: forms.Form
    page: Page[Any]
    rows: list[Any]
    total: int
    sort: str
    queryset: QuerySet[Any]  # the whole filtered, sorted list, for figures over more than one page
    problems: list[str] = field(default_factory=list)
    querystring: str = ""  # the filters and sort without the page, for pagination links
    filter_querystring: str = ""  # the filters without sort or page, for sort links


def _form_problems(form: forms.Form) -> list[str]:
    problems: list[str] = []
    for name, errors in form.errors.items():
        if name not in form.fields:  # a problem of the whole form, not of one field
            problems.extend(str(error) for error in errors)
            continue
        label, value = form.fields[name].label, form.data.get(name, "")
        for error in errors:
            problems.append(_("%(field)s “%(value)s”: %(error)s") % {"field": label, "value": value, "error": error})
    return problems


def list_page(
    params: QueryDict,
    form_class: type[forms.Form],
    queryset: QuerySet[Any],
    *,
    sorts: dict[str, tuple[str, ...]],
    default_sort: str,
    apply: Any,
    page_size: int = PAGE_SIZE,
    form_kwargs: dict[str, Any] | None = None,
) -> ListPage:
    """Filter `queryset` by `form_class` on `params` (through `apply(queryset, cleaned_data)`),
    sort it by one of `sorts` (key → order_by fields; "-key" reverses) and cut one page."""
    form = form_class(params or None, **(form_kwargs or {}))
    problems: list[str] = []
    if form.is_bound and not form.is_valid():
        problems = _form_problems(form)
        queryset = queryset.none()
    elif form.is_bound:
        queryset = apply(queryset, form.cleaned_data)

    sort = params.get("sort", default_sort)
    key = sort.removeprefix("-")
    if key not in sorts:
        problems.append(_("Unknown sort order “%(sort)s”; the list is sorted by its default.") % {"sort": sort})
        sort, key = default_sort, default_sort.removeprefix("-")
    order = sorts[key]
    if sort.startswith("-"):
        order = tuple(f[1:] if f.startswith("-") else f"-{f}" for f in order)
    queryset = queryset.order_by(*order)

    paginator = Paginator(queryset, page_size, allow_empty_first_page=True)
    raw = params.get("page", "1")
    try:
        number = int(raw)
        if number < 1:
            raise ValueError
    except ValueError:
        problems.append(_("“%(page)s” is not a page number; showing the first page.") % {"page": raw})
        number = 1
    if number > paginator.num_pages:
        problems.append(
            _("There is no page %(page)s; the list has %(count)s page(s). Showing the last one.")
            % {"page": number, "count": paginator.num_pages}
        )
        number = paginator.num_pages
    page = paginator.page(number)

    rest = params.copy()
    rest.pop("page", None)
    filters = rest.copy()
    filters.pop("sort", None)
    return ListPage(
        form=form,
        page=page,
        rows=list(page.object_list),
        total=paginator.count,
        sort=sort,
        queryset=queryset,
        problems=problems,
        querystring=rest.urlencode(),
        filter_querystring=filters.urlencode(),
    )
