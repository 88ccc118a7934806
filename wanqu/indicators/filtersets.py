"""The filters of the indicator list, read from the URL's GET parameters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wanqu.indicators.choices import Direction, MeasureUnit


class IndicatorFilter(forms.Form):
    unit = forms.ChoiceField(label=_("unit of measure"), required=False, choices=[("", _("all")), *MeasureUnit.choices])
    direction = forms.ChoiceField(label=_("direction"), required=False, choices=[("", _("all")), *Direction.choices])

    @staticmethod
    def apply(queryset: QuerySet[Any], data: dict[str, Any]) -> QuerySet[Any]:
        if data.get("unit"):
            queryset = queryset.filter(unit=data["unit"])
        if data.get("direction"):
            queryset = queryset.filter(direction=data["direction"])
        return queryset
