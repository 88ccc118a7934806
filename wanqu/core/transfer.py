"""The whole programme as one JSON file, and back: `wanqu export` and `wanqu import`.

An export holds every record of every Wanqu model with its id, the change log, and the users
the records refer to (their password hashes, never passwords). It is deterministic: the same
data gives the same bytes, so export → import → export reproduces the file exactly and two
exports can be compared with `diff`.

The file::

    {"format": "wanqu-export", "schema": 1, "exported_at": <time of the latest change>,
     "models": ["auth.user", "geo.jurisdiction", ...],    # dependency order, for readers
     "records": {"geo.city": [{"id": 1, "code": "440100", "jurisdiction": 1, ...}, ...], ...}}

Rows use the shape of the change log's snapshots: fields by name, relations as ids,
many-to-many as sorted id lists. `EXPORT_SCHEMA` is bumped whenever the models change in a
way that an older file no longer fits.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import os
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction
from django.db.models import Max

from wanqu.core.models import Change, Record
from wanqu.core.services import validate

EXPORT_FORMAT = "wanqu-export"
EXPORT_SCHEMA = 1
"""The shape of the records; bumped when the models change so that older files need care."""

USER_FIELDS = (
    "username",
    "first_name",
    "last_name",
    "email",
    "password",
    "is_active",
    "is_staff",
    "is_superuser",
    "date_joined",
)
"""What an export keeps of a user: enough to sign in again, nothing about sessions or permissions."""


class TransferError(Exception):
    """An export or import that cannot go ahead; the message says why, and nothing was changed."""


# --- which models, in which order -------------------------------------------------------------


def wanqu_models() -> list[type[models.Model]]:
    """Every concrete model of Wanqu's own apps (core, geo, org, plans, ledger, …), change log included."""
    found: list[type[models.Model]] = []
    for config in apps.get_app_configs():
        if config.name.startswith("wanqu."):
            found.extend(m for m in config.get_models() if m._meta.managed and not m._meta.proxy)
    return found


def export_models() -> list[type[models.Model]]:
    """The user model and the Wanqu models, each after the models its relations point to."""
    user_model = get_user_model()
    candidates = [user_model, *wanqu_models()]
    members = set(candidates)
    ordered: list[type[models.Model]] = []
    state: dict[type[models.Model], str] = {}

    def visit(model: type[models.Model]) -> None:
        if state.get(model) == "done":
            return
        if state.get(model) == "visiting":
            raise RuntimeError(f"The foreign keys of {model._meta.label_lower} form a cycle; export cannot order it.")
        state[model] = "visiting"
        if model is not user_model:
            for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
                target = field.related_model if field.is_relation else None
                if isinstance(target, type) and target in members and target is not model:
                    visit(target)
        state[model] = "done"
        ordered.append(model)

    for model in candidates:
        visit(model)
    return ordered


def _row_fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    """The concrete fields an export writes for `model` (for users, only `USER_FIELDS`)."""
    fields = list(model._meta.concrete_fields)
    if model is get_user_model():
        fields = [f for f in fields if f.primary_key or f.name in USER_FIELDS]
    return fields


def _m2m_fields(model: type[models.Model]) -> list[models.ManyToManyField[Any, Any]]:
    if model is get_user_model():
        return []  # groups and permissions are not part of the programme
    return [f for f in model._meta.many_to_many if isinstance(f, models.ManyToManyField)]


# --- export -----------------------------------------------------------------------------------


def _encode(value: Any) -> Any:
    """A field value as JSON, exactly: full-precision times in UTC, decimals as strings."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _through(field: models.ManyToManyField[Any, Any]) -> type[models.Model]:
    through = field.remote_field.through
    assert isinstance(through, type), f"{field} has no resolved through model"
    return through


def _m2m_map(field: models.ManyToManyField[Any, Any]) -> dict[Any, list[Any]]:
    """Owner id → sorted target ids for one many-to-many field, read in one query."""
    through = _through(field)
    source, target = field.m2m_column_name(), field.m2m_reverse_name()
    found: dict[Any, list[Any]] = defaultdict(list)
    for owner, other in through._default_manager.values_list(source, target):
        found[owner].append(other)
    return {owner: sorted(ids) for owner, ids in found.items()}


def _rows(model: type[models.Model], queryset: models.QuerySet[Any]) -> list[dict[str, Any]]:
    fields = _row_fields(model)
    m2m = {f.name: _m2m_map(f) for f in _m2m_fields(model)}
    rows: list[dict[str, Any]] = []
    for obj in queryset.order_by("pk"):
        row = {("id" if f.primary_key else f.name): _encode(f.value_from_object(obj)) for f in fields}
        for name, by_owner in m2m.items():
            row[name] = by_owner.get(obj.pk, [])
        rows.append(row)
    return rows


def _referenced_user_ids(domain: Iterable[type[models.Model]]) -> set[Any]:
    user_model = get_user_model()
    ids: set[Any] = set()
    for model in domain:
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is user_model:
                ids.update(
                    model._default_manager.exclude(**{field.attname: None}).values_list(field.attname, flat=True)
                )
        for m2m in _m2m_fields(model):
            if m2m.related_model is user_model:
                ids.update(model._default_manager.exclude(**{m2m.name: None}).values_list(m2m.name, flat=True))
    return ids


def export_data() -> dict[str, Any]:
    """The whole programme as a JSON-ready dictionary, read in one consistent snapshot."""
    user_model = get_user_model()
    ordered = export_models()
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            # One snapshot for all the queries below, so that a write meanwhile cannot tear the file.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        domain = [m for m in ordered if m is not user_model]
        user_ids = _referenced_user_ids(domain)
        records: dict[str, list[dict[str, Any]]] = {}
        for model in ordered:
            queryset = model._default_manager.all()
            if model is user_model:
                queryset = queryset.filter(pk__in=user_ids)
            records[model._meta.label_lower] = _rows(model, queryset)
        latest = Change.objects.aggregate(latest=Max("at"))["latest"]
    return {
        "format": EXPORT_FORMAT,
        "schema": EXPORT_SCHEMA,
        # Derived from the data, not the clock: the same programme exports to the same bytes.
        "exported_at": _encode(latest),
        "models": [m._meta.label_lower for m in ordered],
        "records": records,
    }


def dumps(data: Mapping[str, Any]) -> str:
    """The canonical text of an export: sorted keys, one-space indent, a trailing newline."""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` whole or not at all: a temporary file beside it, then a rename."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise TransferError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        # mkstemp makes the file private (0600); give it the mode a plain open() would have.
        os.chmod(temp_name, 0o666 & ~_umask())
        os.replace(temp_name, path)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise TransferError(f"Cannot write {path}: {exc.strerror or exc}.") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --- import -----------------------------------------------------------------------------------


def parse_export(text: str, *, source: str) -> dict[str, list[dict[str, Any]]]:
    """Check that `text` is a Wanqu export this Wanqu can read; return its records by model label."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TransferError(f"{source} is not a JSON file ({exc.msg} at line {exc.lineno}).") from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise TransferError(f'{source} is not a Wanqu export (its "format" is not "{EXPORT_FORMAT}").')
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise TransferError(f"{source} has no valid schema number (found {schema!r}).")
    if schema > EXPORT_SCHEMA:
        raise TransferError(
            f"This export was made by a newer Wanqu (schema {schema}); this Wanqu reads schema ≤ {EXPORT_SCHEMA}. "
            "Upgrade Wanqu, then import it again."
        )
    records = data.get("records")
    if not isinstance(records, dict) or not all(isinstance(rows, list) for rows in records.values()):
        raise TransferError(f'{source} has no "records" object of lists.')
    known = {m._meta.label_lower for m in export_models()}
    unknown = sorted(set(records) - known)
    if unknown:
        raise TransferError(f"{source} holds records of models this Wanqu does not know: {', '.join(unknown)}.")
    for label, rows in records.items():
        for row in rows:
            if not isinstance(row, dict) or "id" not in row:
                raise TransferError(f'{source}: every {label} record must be an object with an "id".')
    return records


def existing_records() -> list[str]:
    """Which Wanqu models already hold records, as "label (count)"; empty for an empty database."""
    found = []
    for model in wanqu_models():
        count = model._default_manager.count()
        if count:
            found.append(f"{model._meta.label_lower} ({count})")
    return found


def import_data(records: Mapping[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Restore an export into an empty database, exactly: the same ids, versions and change log.

    This is the bulk-restore path, and the one place that writes records without going through
    `wanqu.core.services.record_create`: an export is a snapshot, so every record comes back with
    its own id, version and history instead of as a new version 1. It still validates every
    record as the write path does (`validate`: field, model, uniqueness and constraint checks,
    script-folded names), and refuses the whole file at the first record that fails.

    It writes no Change rows of its own: the change log is imported verbatim, and it already
    records how every record came to be. Adding "created by import" rows would make every
    record's history start twice and break export → import → export giving the same bytes.

    All or nothing: one transaction. Returns the number of records imported per model label.
    """
    ordered = export_models()
    counts: dict[str, int] = {}
    pending_m2m: list[tuple[type[models.Model], Any, models.ManyToManyField[Any, Any], list[Any]]] = []
    with transaction.atomic():
        if existing := existing_records():
            raise TransferError(
                "The database is not empty: it already holds "
                + ", ".join(existing)
                + ". Import into a new database (run `wanqu migrate` on it first)."
            )
        for model in ordered:
            label = model._meta.label_lower
            rows = _parents_first(model, records.get(label, []))
            for row in rows:
                obj, m2m = _build(model, row)
                _check_user_clash(obj)
                _validate_row(label, row["id"], obj)
                try:
                    obj.save(force_insert=True)
                except DatabaseError as exc:
                    raise TransferError(f"{label} #{row['id']} could not be stored: {exc}") from None
                pending_m2m.extend((model, obj.pk, field, ids) for field, ids in m2m)
            counts[label] = len(rows)
        _set_many_to_many(pending_m2m)
        _reset_sequences(ordered)
    return counts


def _build(
    model: type[models.Model], row: Mapping[str, Any]
) -> tuple[models.Model, list[tuple[models.ManyToManyField[Any, Any], list[Any]]]]:
    label = model._meta.label_lower
    fields = {("id" if f.primary_key else f.name): f for f in _row_fields(model)}
    m2m_fields = {f.name: f for f in _m2m_fields(model)}
    unknown = sorted(set(row) - set(fields) - set(m2m_fields))
    if unknown:
        raise TransferError(f"{label} #{row['id']}: unknown field “{unknown[0]}”.")
    obj = model()
    for key, field in fields.items():
        if key not in row:
            continue  # left at its default; validation below says if that is not good enough
        try:
            setattr(obj, field.attname, None if row[key] is None else field.to_python(row[key]))
        except ValidationError as exc:
            raise TransferError(f"{label} #{row['id']}, field {key}: {' '.join(exc.messages)}") from None
    m2m: list[tuple[models.ManyToManyField[Any, Any], list[Any]]] = []
    for name, m2m_field in m2m_fields.items():
        ids = row.get(name, [])
        if not isinstance(ids, list):
            raise TransferError(f"{label} #{row['id']}, field {name}: expected a list of ids.")
        m2m.append((m2m_field, ids))
    return obj, m2m


def _validate_row(label: str, pk: Any, obj: models.Model) -> None:
    try:
        validate(obj)
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            problems = "; ".join(f"field {name}: {' '.join(msgs)}" for name, msgs in exc.message_dict.items())
        else:
            problems = " ".join(exc.messages)
        raise TransferError(f"{label} #{pk} is not valid: {problems}") from None


def _check_user_clash(obj: models.Model) -> None:
    """Users are not part of the emptiness check; one already here with the same id or name clashes."""
    user_model = get_user_model()
    if not isinstance(obj, user_model):
        return
    username = obj.get_username()
    clash = user_model._default_manager.filter(models.Q(pk=obj.pk) | models.Q(username=username)).first()
    if clash is not None:
        raise TransferError(
            f"auth.user #{obj.pk} “{username}” clashes with the existing user #{clash.pk} “{clash.get_username()}”."
        )


def _parents_first(model: type[models.Model], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows by id, except that a row referring to another row of the same model comes after it."""
    self_refs = [
        f.name for f in model._meta.concrete_fields if f.is_relation and f.related_model is model and f.name != "id"
    ]
    by_id = {row["id"]: row for row in rows}
    if len(by_id) != len(rows):
        raise TransferError(f"{model._meta.label_lower}: the same id appears twice.")
    ordered_ids = sorted(by_id, key=lambda pk: (str(type(pk)), pk))
    if not self_refs:
        return [by_id[pk] for pk in ordered_ids]
    result: list[dict[str, Any]] = []
    state: dict[Any, str] = {}  # "waiting" while on the stack below, "done" once placed
    for start in ordered_ids:
        # An explicit stack, not recursion: trees can be deeper than Python's recursion limit.
        stack = [start]
        while stack:
            pk = stack[-1]
            if state.get(pk) == "done":
                stack.pop()
                continue
            state[pk] = "waiting"
            parents = [by_id[pk].get(name) for name in self_refs]
            pending = [p for p in parents if p in by_id and state.get(p) != "done"]
            if any(state.get(p) == "waiting" for p in pending):
                raise TransferError(f"{model._meta.label_lower} #{pk}: its parents form a cycle.")
            if pending:
                stack.append(pending[0])
                continue
            state[pk] = "done"
            result.append(by_id[pk])
            stack.pop()
    return result


def _set_many_to_many(
    pending: list[tuple[type[models.Model], Any, models.ManyToManyField[Any, Any], list[Any]]],
) -> None:
    known: dict[type[models.Model], set[Any]] = {}
    links: dict[models.ManyToManyField[Any, Any], list[models.Model]] = defaultdict(list)
    for model, pk, field, ids in pending:
        target = field.related_model
        assert isinstance(target, type) and target._meta.pk is not None
        try:
            ids = [target._meta.pk.to_python(i) for i in ids]
        except ValidationError as exc:
            raise TransferError(
                f"{model._meta.label_lower} #{pk}, field {field.name}: {' '.join(exc.messages)}"
            ) from None
        if target not in known:
            known[target] = set(target._default_manager.values_list("pk", flat=True))
        missing = sorted(set(ids) - known[target], key=str)
        if missing:
            raise TransferError(
                f"{model._meta.label_lower} #{pk}, field {field.name}: refers to "
                f"{target._meta.label_lower} #{missing[0]}, which is not in the export."
            )
        through = _through(field)
        source, other = field.m2m_field_name(), field.m2m_reverse_field_name()
        links[field].extend(through(**{f"{source}_id": pk, f"{other}_id": i}) for i in sorted(set(ids)))
    for field, objs in links.items():
        _through(field)._default_manager.bulk_create(objs, batch_size=500)


def _reset_sequences(imported: list[type[models.Model]]) -> None:
    """Rows came in with their own ids: move the database's id counters past them.

    Past the ids of deleted records too, as the original database's counters were: a new record
    must never take the id of a deleted one, whose history (and restore) the change log keeps.
    """
    if connection.vendor not in {"postgresql", "sqlite"}:
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), imported):
                cursor.execute(sql)
        return
    logged = dict(Change.objects.values("model").annotate(highest=Max("object_id")).values_list("model", "highest"))
    with connection.cursor() as cursor:
        for model in imported:
            pk = model._meta.pk
            if not isinstance(pk, models.AutoField):
                continue
            stored = model._default_manager.aggregate(highest=Max("pk"))["highest"] or 0
            highest = max(stored, logged.get(model._meta.label_lower) or 0)
            if highest == 0:
                continue
            table = model._meta.db_table
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, %s), %s, true)",
                    [connection.ops.quote_name(table), pk.column, highest],
                )
            else:  # SQLite's AUTOINCREMENT keeps its counter in sqlite_sequence
                cursor.execute("UPDATE sqlite_sequence SET seq = MAX(seq, %s) WHERE name = %s", [highest, table])
                if cursor.rowcount == 0:
                    cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, highest])


def record_model(label: str) -> type[Record]:
    """The versioned Wanqu model named by an app label such as "ledger.task", or TransferError."""
    known = sorted(m._meta.label_lower for m in wanqu_models() if issubclass(m, Record))
    try:
        model = apps.get_model(label.strip().lower())
    except (LookupError, ValueError):
        model = None
    if model is None or not issubclass(model, Record) or model._meta.label_lower not in known:
        raise TransferError(f"Unknown model “{label}”. Name it by its label, one of: {', '.join(known)}.")
    return model
