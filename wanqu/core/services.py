"""The one write path. Every create, update, delete and restore of a domain record comes here.

Each function checks permission, validates, writes, and records a `Change` row with the
record before and after, all in one transaction. A stale edit (the caller's version is not the
stored one) raises `Conflict` and writes nothing. Bad input raises `ValidationError` naming
the field. Apps add their own `<entity>_<verb>` functions on top where a write needs more.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wanqu.core.choices import Action
from wanqu.core.context import current_batch_id, ensure_batch
from wanqu.core.errors import Conflict, Forbidden
from wanqu.core.models import Change, NamedRecord, Record
from wanqu.core.text import normalise

R = TypeVar("R", bound=Record)
Actor = AbstractBaseUser | AnonymousUser | None
"""Who writes. None is the system itself: the demo loader, an import, a migration."""

_NOT_SETTABLE = {"id", "version", "name_key"}
_VERBS: dict[str, Any] = {
    Action.CREATE: gettext_lazy("create"),
    Action.UPDATE: gettext_lazy("change"),
    Action.DELETE: gettext_lazy("delete"),
    Action.RESTORE: gettext_lazy("restore"),
}


def label_of(model: type[models.Model] | models.Model) -> str:
    return model._meta.label_lower


def snapshot(obj: models.Model, m2m: Mapping[str, list[int]] | None = None) -> dict[str, Any]:
    """The record as JSON: concrete fields by name (relations as ids), many-to-many as id lists."""
    data: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        data[field.name] = field.value_from_object(obj)
    for field in obj._meta.many_to_many:
        if m2m is not None and field.name in m2m:
            data[field.name] = sorted(m2m[field.name])
        elif obj.pk is None:
            data[field.name] = []
        else:
            data[field.name] = sorted(getattr(obj, field.name).values_list("pk", flat=True))
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def record_create(*, actor: Actor, model: type[R], data: Mapping[str, Any]) -> R:
    """Create a record of `model` from field values (relations as objects or ids)."""
    with transaction.atomic():
        obj = model()
        m2m = _assign(obj, data)
        check_permission(actor, obj, Action.CREATE, set(data))
        validate(obj)
        obj.save()
        for name, ids in m2m.items():
            getattr(obj, name).set(ids)
        _log(actor, Action.CREATE, obj, before=None, after=snapshot(obj, m2m))
    return obj


def record_update(*, actor: Actor, obj: R, data: Mapping[str, Any], expected_version: int) -> R:
    """Change some fields of a record that the caller read at `expected_version`.

    Returns the stored record. Nothing is written, and no version spent, if nothing changed.
    """
    model = type(obj)
    with transaction.atomic():
        current = _lock(model, obj.pk, expected_version)
        original = copy.copy(current)
        before = snapshot(current)
        m2m = _assign(current, data)
        after = snapshot(current, m2m)
        # Rights are judged on what really changes: resending an unchanged title is no edit of it.
        changed = {k for k in after if k != "version" and after[k] != before.get(k)}
        if not _can(actor, original, Action.UPDATE, changed):
            raise Forbidden(_("You may not change %(obj)s.") % {"obj": _describe(current)})
        check_permission(actor, current, Action.UPDATE, changed)
        if not changed:
            return current
        validate(current)
        after = snapshot(current, m2m)  # validation derives fields (name keys, clause paths)
        current.version = expected_version + 1
        current.save()
        for name, ids in m2m.items():
            getattr(current, name).set(ids)
        after["version"] = current.version
        _log(actor, Action.UPDATE, current, before=before, after=after)
    return current


def record_delete(*, actor: Actor, obj: Record, expected_version: int) -> None:
    """Delete a record and the children it owns; refuse while other records still refer to it."""
    with ensure_batch("delete"), transaction.atomic():
        current = _lock(type(obj), obj.pk, expected_version)
        check_permission(actor, current, Action.DELETE, set())
        for relation in current.owned_relations:
            for child in list(getattr(current, relation).all()):
                record_delete(actor=actor, obj=child, expected_version=child.version)
        _refuse_if_referenced(current)
        before = snapshot(current)
        current.delete()
        _log(actor, Action.DELETE, current, before=before, after=None, pk=before["id"])


def record_restore(*, actor: Actor, model: type[R], pk: int) -> R:
    """Bring back a deleted record, with the children deleted in the same batch."""
    label = label_of(model)
    last = Change.objects.filter(model=label, object_id=pk).order_by("-at", "-id").first()
    if last is None:
        raise ValidationError(
            _("There has never been a %(model)s #%(pk)s.") % {"model": model._meta.verbose_name, "pk": pk}
        )
    if last.action != Action.DELETE:
        raise ValidationError(
            _("%(model)s #%(pk)s is not a deleted record; there is nothing to restore.")
            % {"model": model._meta.verbose_name, "pk": pk}
        )
    with ensure_batch("restore"), transaction.atomic():
        batch = Change.objects.filter(batch_id=last.batch_id, action=Action.DELETE)
        restored: R | None = None
        # The parent's delete was logged after its children's: restore in reverse order.
        for change in batch.order_by("-id"):
            child_model = _model_for(change.model)
            if child_model.objects.filter(pk=change.object_id).exists():
                continue
            obj = _rebuild(actor, child_model, change)
            if change.model == label and change.object_id == pk:
                restored = obj  # type: ignore[assignment]
    assert restored is not None
    return restored


# --- the steps -------------------------------------------------------------------------------


def _lock(model: type[R], pk: Any, expected_version: int) -> R:
    try:
        current = model._default_manager.select_for_update().get(pk=pk)
    except model.DoesNotExist:
        raise ValidationError(
            _("%(model)s #%(pk)s does not exist (it may have been deleted).")
            % {"model": model._meta.verbose_name, "pk": pk}
        ) from None
    if current.version != expected_version:
        raise Conflict(label=_describe(current), expected=expected_version, current=snapshot(current))
    return current


def _assign(obj: models.Model, data: Mapping[str, Any]) -> dict[str, list[int]]:
    """Set field values on `obj`; return the many-to-many values to set after saving."""
    errors: dict[str, str] = {}
    m2m: dict[str, list[int]] = {}
    for name, value in data.items():
        try:
            field = obj._meta.get_field(name)
        except FieldDoesNotExist:
            errors[name] = _("There is no field “%(name)s”.") % {"name": name}
            continue
        if name in _NOT_SETTABLE or field.auto_created or not getattr(field, "editable", False):
            errors[name] = _("“%(name)s” is set by the system, not by hand.") % {"name": name}
        elif field.many_to_many:
            try:
                ids = sorted({_related_pk(field, v) for v in value or []})
            except ValidationError as exc:
                errors[name] = " ".join(exc.messages)
                continue
            assert field.related_model is not None and not isinstance(field.related_model, str)
            found = field.related_model._default_manager.filter(pk__in=ids).count()
            if found != len(ids):
                errors[name] = _("Some of the chosen records do not exist.")
            m2m[name] = ids
        elif field.many_to_one or field.one_to_one:
            if value is None or isinstance(value, models.Model):
                setattr(obj, name, value)
            else:
                try:
                    setattr(obj, field.attname, _related_pk(field, value))  # type: ignore[union-attr]
                except ValidationError as exc:
                    errors[name] = " ".join(exc.messages)
        else:
            try:
                setattr(obj, name, field.to_python(value))  # type: ignore[union-attr]
            except ValidationError as exc:
                errors[name] = " ".join(exc.messages)
    if errors:
        raise ValidationError(errors)
    return m2m


def _related_pk(field: Any, value: Any) -> int:
    """A related record given as an object, an id, or its code ("440100" for 广州)."""
    if isinstance(value, models.Model):
        return int(value.pk)
    if isinstance(value, int):
        return value
    related = field.related_model
    if any(f.name == "code" for f in related._meta.fields):
        pk = related._default_manager.filter(code=str(value).strip()).values_list("pk", flat=True).first()
        if pk is None:
            raise ValidationError(
                _("Unknown %(what)s code %(code)s.") % {"what": related._meta.verbose_name, "code": value}
            )
        return int(pk)
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError(_("“%(value)s” is not a valid reference.") % {"value": value}) from None


def check_version(model: type[models.Model], pk: Any, expected_version: int) -> None:
    """Raise Conflict if the stored record is no longer at `expected_version` (forms call it early)."""
    current = model._default_manager.filter(pk=pk).first()
    if current is not None and current.version != expected_version:  # type: ignore[attr-defined]
        raise Conflict(label=_describe(current), expected=expected_version, current=snapshot(current))


def validate(obj: models.Model) -> None:
    """Field, model and uniqueness checks; a name may not repeat in the other script."""
    if isinstance(obj, NamedRecord):
        obj.name_key = normalise(obj.name)
        twin = type(obj)._default_manager.filter(name_key=obj.name_key).exclude(pk=obj.pk).first()
        if obj.name_key and twin is not None:
            raise ValidationError(
                {
                    "name": _(
                        "“%(name)s” is already taken by “%(twin)s”; names are compared across "
                        "Simplified and Traditional script."
                    )
                    % {"name": obj.name, "twin": twin.name}
                }
            )
    obj.full_clean(exclude=["name_key"] if isinstance(obj, NamedRecord) else None)


def _can(actor: Actor, obj: models.Model, action: str, fields: set[str]) -> bool:
    if actor is None:
        return True
    from wanqu.org.permissions import can_write

    return can_write(actor, obj, action=action, fields=fields)


def check_permission(actor: Actor, obj: models.Model, action: str, fields: set[str]) -> None:
    """Raise Forbidden unless `actor` may write `obj` in this state (forms call it early)."""
    try:
        allowed = _can(actor, obj, action, fields)
    except ObjectDoesNotExist:
        # The rule needs a relation the data left out (a milestone without its task):
        # that is bad input, so name the missing field instead of failing with a 500.
        validate(obj)
        raise
    if not allowed:
        raise Forbidden(
            _("You may not %(action)s %(obj)s.") % {"action": _VERBS.get(action, action), "obj": _describe(obj)}
        )


def _refuse_if_referenced(obj: models.Model) -> None:
    users: list[str] = []
    for rel in obj._meta.related_objects:
        accessor = rel.get_accessor_name()
        if accessor is None or rel.related_model is Change:
            continue
        related = getattr(obj, accessor, None)
        if related is None:
            continue
        if hasattr(related, "all"):
            for item in related.all()[:3]:
                users.append(f"{item._meta.verbose_name} “{item}”")
        else:
            users.append(f"{related._meta.verbose_name} “{related}”")
    if users:
        raise ValidationError(
            _("%(obj)s cannot be deleted while other records refer to it: %(users)s.")
            % {"obj": _describe(obj), "users": "; ".join(users)}
        )


def _rebuild(actor: Actor, model: type[R], change: Change) -> R:
    state = dict(change.before or {})
    obj = model()
    m2m: dict[str, list[int]] = {}
    for field in model._meta.concrete_fields:
        if field.name in state:
            setattr(obj, field.attname, field.to_python(state[field.name]))
    for field in model._meta.many_to_many:
        m2m[field.name] = list(state.get(field.name, []))
    obj.version = int(state.get("version", 0)) + 1
    check_permission(actor, obj, Action.RESTORE, set())
    validate(obj)
    obj.save(force_insert=True)
    for name, ids in m2m.items():
        target = model._meta.get_field(name).related_model
        assert target is not None and not isinstance(target, str)
        if target._default_manager.filter(pk__in=ids).count() != len(ids):
            raise ValidationError({name: _("Some records it referred to no longer exist.")})
        getattr(obj, name).set(ids)
    _log(actor, Action.RESTORE, obj, before=None, after=snapshot(obj))
    return obj


def _log(
    actor: Actor,
    action: str,
    obj: models.Model,
    *,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    pk: int | None = None,
) -> Change:
    user = actor if actor is not None and actor.is_authenticated else None
    return Change.objects.create(
        at=timezone.now(),
        actor_id=user.pk if user is not None else None,
        actor_name=user.get_username() if user is not None else "system",
        batch_id=current_batch_id(),
        action=action,
        model=label_of(obj),
        object_id=pk if pk is not None else obj.pk,
        object_repr=str(obj)[:300],
        version=(after or before or {}).get("version", 0),
        before=before,
        after=after,
    )


def _describe(obj: models.Model) -> str:
    return f"{obj._meta.verbose_name} “{obj}”"


def _model_for(label: str) -> type[Any]:
    from django.apps import apps

    return apps.get_model(label)


def records_of(models_: Iterable[type[models.Model]]) -> list[type[models.Model]]:
    """Only the versioned domain models among `models_`."""
    return [m for m in models_ if issubclass(m, Record)]
