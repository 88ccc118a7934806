"""Filtering the task ledger: one filterset for the HTML list, its .xlsx download and the API.

Every parameter lives in the URL. An unknown value (area=999, status=bogus) makes the filterset
invalid; callers then show the errors and no rows, never the unfiltered ledger.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wanqu.core.text import normalise, to_simplified, to_traditional
from wanqu.geo.models import City, Jurisdiction
from wanqu.ledger.choices import TaskStatus
from wanqu.ledger.models import Task
from wanqu.org.choices import UnitKind
from wanqu.org.models import Unit
from wanqu.plans.models import Area

OVERDUE = "overdue"
STATUS_CHOICES = [*TaskStatus.choices, (OVERDUE, _("overdue"))]
DUE_WINDOWS = [(OVERDUE, _("overdue")), ("30", _("due in the next 30 days")), ("90", _("due in the next 90 days"))]


def display_name(obj: Any) -> str:
    """A record's name in the active language, as plain text (for choice lists and downloads)."""
    name = str(getattr(obj, "name", None) or getattr(obj, "title", None) or obj)
    english = str(getattr(obj, "name_en", None) or getattr(obj, "title_en", None) or "")
    language = get_language() or ""
    if language.startswith("en"):
        return english or name
    return to_traditional(name) if language == "zh-hant" else to_simplified(name)


class NamedModelChoiceField(forms.ModelChoiceField):
    """A choice list that names each record in the interface's language."""

    def label_from_instance(self, obj: Any) -> str:
        return display_name(obj)


class NamedChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = NamedModelChoiceField


def today() -> dt.date:
    return timezone.localdate()


def overdue_q(on: dt.date) -> Q:
    """Not done and due before `on`: "overdue" is derived, never stored."""
    return ~Q(status=TaskStatus.DONE) & Q(due_date__lt=on)


class TaskFilterSet(django_filters.FilterSet):
    """The ledger's filters: area, group, lead unit, its jurisdiction and city, status, due, text."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    area = NamedChoiceFilter(label=_("Work area"), queryset=Area.objects.order_by("order"))
    special_group = NamedChoiceFilter(
        label=_("Special group"), queryset=Unit.objects.filter(kind=UnitKind.SPECIAL_GROUP).order_by("order", "code")
    )
    lead_unit = NamedChoiceFilter(
        label=_("Lead unit"),
        queryset=Unit.objects.filter(pk__in=Task.objects.values("lead_unit")).order_by("order", "code"),
    )
    jurisdiction = NamedChoiceFilter(
        label=_("Jurisdiction"), field_name="lead_unit__jurisdiction", queryset=Jurisdiction.objects.order_by("order")
    )
    city = NamedChoiceFilter(label=_("City"), field_name="lead_unit__city", queryset=City.objects.order_by("code"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=STATUS_CHOICES, method="filter_status")
    due = django_filters.ChoiceFilter(label=_("Due"), choices=DUE_WINDOWS, method="filter_due")
    due_from = django_filters.DateFilter(
        label=_("Due from"), field_name="due_date", lookup_expr="gte", widget=forms.DateInput(attrs={"type": "date"})
    )
    due_to = django_filters.DateFilter(
        label=_("Due by"), field_name="due_date", lookup_expr="lte", widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = django_filters.OrderingFilter(
        label=_("Sort"),
        fields=(
            ("code", "code"),
            ("title", "title"),
            ("area__order", "area"),
            ("lead_unit__name_key", "lead_unit"),
            ("due_date", "due_date"),
            ("status", "status"),
            ("progress", "progress"),
        ),
    )

    class Meta:
        model = Task
        fields: list[str] = []

    def filter_text(self, queryset: QuerySet[Task], name: str, value: str) -> QuerySet[Task]:
        """Every word must appear in the normalised code, titles or description (橫琴 finds 横琴)."""
        for word in normalise(value).split():
            queryset = queryset.filter(search_key__contains=word)
        return queryset

    def filter_status(self, queryset: QuerySet[Task], name: str, value: str) -> QuerySet[Task]:
        if value == OVERDUE:
            return queryset.filter(overdue_q(today()))
        return queryset.filter(status=value)

    def filter_due(self, queryset: QuerySet[Task], name: str, value: str) -> QuerySet[Task]:
        on = today()
        if value == OVERDUE:
            return queryset.filter(overdue_q(on))
        days = int(value)
        return queryset.exclude(status=TaskStatus.DONE).filter(
            due_date__gte=on, due_date__lte=on + dt.timedelta(days=days)
        )

    def filter_queryset(self, queryset: QuerySet[Task]) -> QuerySet[Task]:
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("sort"):
            queryset = queryset.order_by("area__order", "code")
        return queryset.order_by(*queryset.query.order_by, "pk")

    def error_messages(self) -> list[str]:
        """The form's errors as sentences that name the filter."""
        found = []
        for name, errors in self.form.errors.items():
            label = self.form.fields[name].label if name in self.form.fields else ""
            for error in errors:
                found.append(f"{label}: {error}" if label else str(error))
        return found
