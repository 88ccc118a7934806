"""The filters of the registers' list pages, read from the URL's GET parameters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wanqu.geo.models import City
from wanqu.registers.choices import AlignmentStatus, IdeaState, PlatformLevel, ProjectKind, RuleDomain, Stage
from wanqu.web.templatetags.wanqu import in_script

JURISDICTION_CODES = ("GD", "HK", "MO")


def _blank(choices: Any) -> list[tuple[str, Any]]:
    return [("", _("all")), *choices]


class CityField(forms.ChoiceField):
    """A city by its official code; the choices are read once per form."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, label=_("city"), **kwargs)
        self.choices = [("", _("all"))]

    def load(self) -> None:
        rows = City.objects.values_list("code", "name", "name_en")
        english = (get_language() or "").startswith("en")
        self.choices = _blank((code, (name_en or name) if english else in_script(name)) for code, name, name_en in rows)


class ProjectFilter(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), required=False, choices=_blank(ProjectKind.choices))
    stage = forms.ChoiceField(label=_("stage"), required=False, choices=_blank(Stage.choices))
    city = CityField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        city = self.fields["city"]
        assert isinstance(city, CityField)
        city.load()

    @staticmethod
    def apply(queryset: QuerySet[Any], data: dict[str, Any]) -> QuerySet[Any]:
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("stage"):
            queryset = queryset.filter(stage=data["stage"])
        if data.get("city"):
            queryset = queryset.filter(cities__code=data["city"]).distinct()
        return queryset


class RuleItemFilter(forms.Form):
    domain = forms.ChoiceField(label=_("domain"), required=False, choices=_blank(RuleDomain.choices))
    jurisdiction = forms.ChoiceField(
        label=_("jurisdiction"),
        required=False,
        choices=_blank([("GD", _("Guangdong")), ("HK", _("Hong Kong")), ("MO", _("Macao"))]),
    )
    status = forms.ChoiceField(label=_("status"), required=False, choices=_blank(AlignmentStatus.choices))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") and not data.get("jurisdiction"):
            raise forms.ValidationError(_("Choose the jurisdiction whose status you filter by."))
        return data

    @staticmethod
    def apply(queryset: QuerySet[Any], data: dict[str, Any]) -> QuerySet[Any]:
        if data.get("domain"):
            queryset = queryset.filter(domain=data["domain"])
        if data.get("jurisdiction") and data.get("status"):
            queryset = queryset.filter(
                statuses__jurisdiction__code=data["jurisdiction"], statuses__status=data["status"]
            )
        elif data.get("jurisdiction"):
            queryset = queryset.filter(statuses__jurisdiction__code=data["jurisdiction"])
        return queryset


class IdeaFilter(forms.Form):
    state = forms.ChoiceField(label=_("state"), required=False, choices=_blank(IdeaState.choices))

    @staticmethod
    def apply(queryset: QuerySet[Any], data: dict[str, Any]) -> QuerySet[Any]:
        return queryset.filter(state=data["state"]) if data.get("state") else queryset


class PlatformFilter(forms.Form):
    level = forms.ChoiceField(label=_("level"), required=False, choices=_blank(PlatformLevel.choices))

    @staticmethod
    def apply(queryset: QuerySet[Any], data: dict[str, Any]) -> QuerySet[Any]:
        return queryset.filter(level=data["level"]) if data.get("level") else queryset
