"""The back office: Django admin, with every save routed through the one write path.

Forms run the same checks early (permission, version, validation) so that a refused save
comes back as a form error with the user's input kept. The change log replaces admin's own log.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import NestedObjects, quote
from django.core.exceptions import ValidationError
from django.db import models, router
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wanqu.core import services
from wanqu.core.errors import Conflict, Forbidden
from wanqu.core.history import history_of, readable_changes
from wanqu.core.models import Change, ExchangeRate, Record
from wanqu.org.permissions import can_write, scope_of, visible_to

admin.site.site_header = _("Wanqu back office")
admin.site.site_title = _("Wanqu")
admin.site.index_title = _("Greater Bay Area programme office")


class RecordForm(forms.ModelForm):
    """A model form that carries the version the user loaded, to refuse stale edits."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    request: HttpRequest

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["expected_version"].initial = self.instance.version

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.instance.pk is not None and data.get("expected_version") is not None:
            try:
                services.check_version(type(self.instance), self.instance.pk, data["expected_version"])
            except Conflict as exc:
                raise ValidationError(str(exc)) from None
        return data

    def _post_clean(self) -> None:
        super()._post_clean()  # type: ignore[misc]  # Django's private hook, not in the stubs
        if self.errors:
            return
        action = "update" if self.instance.pk is not None else "create"
        try:
            services.check_permission(self.request.user, self.instance, action, set(self.changed_data))
            services.validate(self.instance)
        except Forbidden as exc:
            self.add_error(None, str(exc))
        except ValidationError as exc:
            self.add_error(None, exc)


class RecordAdmin(admin.ModelAdmin):
    """Admin for a versioned record: reads through `visible_to`, writes through the services."""

    form = RecordForm

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form_class = super().get_form(request, obj, change=change, **kwargs)

        class BoundRecordForm(form_class):  # type: ignore[valid-type, misc]
            pass

        BoundRecordForm.request = request
        return BoundRecordForm

    def get_queryset(self, request: HttpRequest) -> Any:
        return visible_to(request.user, super().get_queryset(request))

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        """Offer only the records the user may see: a choice list must not show hidden tasks."""
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and field.queryset is not None:
            field.queryset = visible_to(request.user, field.queryset)
        return field

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and field.queryset is not None:
            field.queryset = visible_to(request.user, field.queryset)
        return field

    def has_module_permission(self, request: HttpRequest) -> bool:
        scope = scope_of(request.user)
        return scope.is_office or scope.is_member

    has_view_permission = lambda self, request, obj=None: self.has_module_permission(request)  # noqa: E731

    def has_add_permission(self, request: HttpRequest) -> bool:
        return scope_of(request.user).is_office or self.model._meta.label_lower in _member_creatable(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is None:
            return self.has_module_permission(request)
        return can_write(request.user, obj, action="update", fields=set())

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is None:
            return scope_of(request.user).is_office
        return can_write(request.user, obj, action="delete", fields=set())

    def get_actions(self, request: HttpRequest) -> Any:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # bulk delete would bypass the one write path
        return actions

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        names = {f.name for f in obj._meta.get_fields()}
        fields = form.changed_data if change else list(form.cleaned_data)
        data = {k: form.cleaned_data[k] for k in fields if k in names and k in form.cleaned_data}
        if change:
            version = form.cleaned_data.get("expected_version") or obj.version
            saved = services.record_update(actor=request.user, obj=obj, data=data, expected_version=version)
        else:
            saved = services.record_create(actor=request.user, model=type(obj), data=data)
        obj.pk, obj.version = saved.pk, saved.version

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """Many-to-many values were written by save_model, inside the same change."""

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        services.record_delete(actor=request.user, obj=obj, expected_version=obj.version)

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> Any:
        """Preview a delete as the write path makes it: the children a record owns go with it.

        Django's own preview counts a task's milestones (held by a PROTECT key) as blocking the
        delete and refuses it; `record_delete` deletes them with the task, so they are listed as
        deleted, and only other records that refer to it block it.
        """
        objs = list(objs)
        if not objs:
            return [], {}, set(), []
        collector = _OwnedAwareCollector(using=router.db_for_write(objs[0]._meta.model), origin=objs)
        collector.collect(objs)
        perms_needed: set[str] = set()

        def describe(obj: Any) -> Any:
            opts = obj._meta
            if not self.admin_site.is_registered(type(obj)):
                return f"{capfirst(opts.verbose_name)}: {obj}"
            if not self.admin_site.get_model_admin(type(obj)).has_delete_permission(request, obj):
                perms_needed.add(opts.verbose_name)
            url = reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change", args=[quote(obj.pk)])
            return format_html('{}: <a href="{}">{}</a>', capfirst(opts.verbose_name), url, obj)

        to_delete = collector.nested(describe)
        protected = [describe(obj) for obj in collector.protected]
        # The stubs key model_objs by label; Django keys it by model class.
        model_objs: dict[Any, Any] = collector.model_objs
        counts = {model._meta.verbose_name_plural: len(found) for model, found in model_objs.items()}
        return to_delete, counts, perms_needed, protected

    def changeform_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return super().changeform_view(request, *args, **kwargs)
        except (Conflict, Forbidden, ValidationError) as exc:
            # A race between the form's early checks and the write: nothing was written.
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
            return HttpResponseRedirect(request.get_full_path())

    def delete_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return super().delete_view(request, *args, **kwargs)
        except (Conflict, Forbidden, ValidationError) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
            return HttpResponseRedirect(request.get_full_path())

    def history_view(self, request: HttpRequest, object_id: str, extra_context: Any = None) -> HttpResponse:
        obj = self.get_object(request, object_id)
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)  # type: ignore[attr-defined]
        context = {
            **self.admin_site.each_context(request),
            "title": _("History of %(obj)s") % {"obj": obj},
            "object": obj,
            "opts": self.opts,
            "changes": readable_changes(type(obj), history_of(type(obj), obj.pk).select_related("actor")),
        }
        return render(request, "admin/core/history.html", context)

    # The change log is the one history; admin's own LogEntry stays empty.
    def log_addition(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        return None

    # log_deletions: log_deletion is deprecated in Django 5.1.
    log_change = log_deletions = log_addition  # type: ignore[assignment]


class _OwnedAwareCollector(NestedObjects):
    """Collect a record's owned children (`Record.owned_relations`) as deleted with it, not as protecting it."""

    def collect(  # type: ignore[override]
        self, objs: Any, source: Any = None, source_attr: str | None = None, **kwargs: Any
    ) -> Any:
        result = super().collect(objs, source=source, source_attr=source_attr, **kwargs)
        for obj in objs:
            for relation in getattr(obj, "owned_relations", ()):
                children = list(getattr(obj, relation).all())
                if children:
                    self.collect(children, source=type(obj), source_attr=obj._meta.get_field(relation).field.name)
                    self.protected.difference_update(children)
        return result


def _member_creatable(request: HttpRequest) -> set[str]:
    scope = scope_of(request.user)
    labels: set[str] = set()
    if scope.group_ids:
        labels |= {"ledger.task", "ledger.milestone", "ledger.update"}
    if scope.reporter_unit_ids:
        labels |= {"ledger.update", "registers.policyidea", "indicators.observation"}
        if scope.is_counterpart:
            labels |= {"registers.instrument", "registers.jurisdictionstatus"}
    return labels


@admin.register(Change)
class ChangeAdmin(admin.ModelAdmin):
    """The change log: read-only, with restore for deleted records."""

    list_display = ["at", "actor_name", "action", "model", "object_id", "object_repr", "version"]
    list_filter = ["action", "model"]
    search_fields = ["object_repr", "actor_name", "batch_id"]
    date_hierarchy = "at"
    actions = ["restore"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return scope_of(request.user).is_office

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return scope_of(request.user).is_office

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description=_("Restore the selected deleted records"), permissions=["view"])
    def restore(self, request: HttpRequest, queryset: Any) -> None:
        from django.apps import apps

        for change in queryset.filter(action="delete"):
            model: type[models.Model] = apps.get_model(change.model)
            try:
                services.record_restore(actor=request.user, model=model, pk=change.object_id)  # type: ignore[type-var]
            except (ValidationError, Forbidden) as exc:
                messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
            else:
                messages.success(request, _("Restored %(obj)s.") % {"obj": change.object_repr})


@admin.register(ExchangeRate)
class ExchangeRateAdmin(RecordAdmin):
    list_display = ["currency", "valid_from", "cny_per_unit", "source"]


def register(model: type[Record], **options: Any) -> None:
    """Register a record model with the back office, with list columns and search."""
    attrs = {"list_display": options.get("list_display", ["__str__"]), **options}
    admin.site.register(model, type(f"{model.__name__}Admin", (RecordAdmin,), attrs))
