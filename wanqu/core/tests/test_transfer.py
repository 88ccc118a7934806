import json
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction

from wanqu.core.errors import Conflict
from wanqu.core.history import history_of
from wanqu.core.models import Change, ExchangeRate
from wanqu.core.services import record_create, record_delete, record_restore, record_update
from wanqu.core.transfer import EXPORT_SCHEMA, existing_records
from wanqu.geo.models import City
from wanqu.indicators.models import Indicator, Observation
from wanqu.ledger.models import Milestone, Round, Task, Update
from wanqu.plans.models import Clause, Plan
from wanqu.registers.models import JurisdictionStatus, Project, ProjectStage, RuleItem
from wanqu.testing import make_city, make_task, make_world

pytestmark = pytest.mark.django_db(transaction=True)


def build_programme():
    """A small programme touching every kind of field: trees, m2m, money, JSON, dates and times."""
    w = make_world()
    gz_city = make_city("440100", "广州", w.j["GD"], "Guangzhou")
    hk_city = make_city("810000", "香港", w.j["HK"], "Hong Kong")
    plan = record_create(
        actor=None,
        model=Plan,
        data={"code": "outline", "name": "粤港澳大湾区发展规划纲要", "kind": "outline", "status": "in_force"},
    )
    chapter = record_create(actor=None, model=Clause, data={"plan": plan, "ordinal": 1, "title": "规划背景"})
    section = record_create(
        actor=None, model=Clause, data={"plan": plan, "parent": chapter, "ordinal": 2, "title": "发展基础"}
    )
    project = record_create(
        actor=None,
        model=Project,
        data={
            "code": "hzmb",
            "name": "港珠澳大桥",
            "kind": "bridge",
            "investment_amount": "1269000000.50",
            "investment_currency": "CNY",
            "cities": [gz_city, hk_city],
            "geometry": {"type": "LineString", "coordinates": [[113.5, 22.2], [114.0, 22.3]]},
        },
    )
    record_create(
        actor=None, model=ProjectStage, data={"project": project, "stage": "started", "reached_on": "2009-12-15"}
    )
    rule = record_create(
        actor=None,
        model=RuleItem,
        data={"code": "cross-boundary-pay", "name": "跨境支付", "domain": "finance", "scope_cities": [gz_city]},
    )
    for code, status in (("GD", "issued"), ("HK", "agreed")):
        record_create(
            actor=None, model=JurisdictionStatus, data={"rule_item": rule, "jurisdiction": w.j[code], "status": status}
        )
    parent = make_task(
        w.gz, w.area, w.group1, supporting_units=[w.sz, w.hk], clauses=[section], projects=[project], rule_items=[rule]
    )
    # Created before its parent's id would sort it: import must still insert parents first.
    child = make_task(w.gz_sub, w.area, w.group1)
    record_update(actor=None, obj=parent, data={"parent": child}, expected_version=1)
    record_update(actor=w.office_admin, obj=child, data={"title": "跨境理财通"}, expected_version=1)
    record_create(actor=None, model=Milestone, data={"task": child, "title": "中期评估", "due_date": "2026-06-30"})
    round_ = record_create(
        actor=None,
        model=Round,
        data={
            "name": "2026年第一季度",
            "period_kind": "quarter",
            "period_start": "2026-01-01",
            "period_end": "2026-03-31",
            "due_date": "2026-04-10",
        },
    )
    record_create(
        actor=w.office_admin,
        model=Update,
        data={
            "task": child,
            "round": round_,
            "unit": w.gz_sub,
            "progress_text": "进展顺利",
            "state": "accepted",
            "reviewer": w.office_admin,
            "reviewed_at": "2026-04-12T09:30:15.123456+08:00",
        },
    )
    indicator = record_create(
        actor=None,
        model=Indicator,
        data={
            "code": "crossing-time",
            "name": "通关时间",
            "unit": "minute",
            "aggregation": "latest",
            "direction": "down",
        },
    )
    record_create(
        actor=None,
        model=Observation,
        data={
            "indicator": indicator,
            "qualifier": "≤",
            "value": "5",
            "period_start": "2025-01-01",
            "period_end": "2025-12-31",
            "source": "口岸办",
        },
    )
    record_create(
        actor=None, model=ExchangeRate, data={"currency": "HKD", "valid_from": "2026-01-01", "cny_per_unit": "0.912345"}
    )
    doomed = make_task(w.sz, w.area, w.group2)
    record_delete(actor=w.office_admin, obj=doomed, expected_version=1)
    return w, child


def export_text(tmp_path, name):
    path = tmp_path / name
    call_command("export", str(path))
    return path.read_bytes()


def test_export_import_export_gives_identical_bytes(tmp_path):
    build_programme()
    first = export_text(tmp_path, "first.json")
    call_command("flush", interactive=False)
    assert existing_records() == []
    call_command("import", str(tmp_path / "first.json"))
    second = export_text(tmp_path, "second.json")
    assert second == first
    data = json.loads(first)
    assert data["format"] == "wanqu-export" and data["schema"] == EXPORT_SCHEMA
    records = data["records"]
    assert len(records["ledger.task"]) == 2 and len(records["core.change"]) == Change.objects.count()
    assert {u["username"] for u in records["auth.user"]} >= {"office", "gz-reporter"}
    assert all("password" in u and "last_login" not in u for u in records["auth.user"])
    assert data["models"].index("auth.user") < data["models"].index("org.membership")
    assert data["models"].index("registers.ruleitem") < data["models"].index("ledger.task")


def test_import_restores_ids_money_many_to_many_and_trees(tmp_path):
    _, child = build_programme()
    parent = Task.objects.get(parent=child)
    export_text(tmp_path, "programme.json")
    call_command("flush", interactive=False)
    call_command("import", str(tmp_path / "programme.json"))
    restored = Task.objects.get(pk=parent.pk)
    assert restored.parent_id == child.pk
    assert sorted(restored.supporting_units.values_list("code", flat=True)) == sorted(
        parent.supporting_units.values_list("code", flat=True)
    )
    assert Clause.objects.get(title="发展基础").parent.title == "规划背景"
    project = Project.objects.get(code="hzmb")
    assert project.investment_amount == Decimal("1269000000.50") and project.investment_currency == "CNY"
    assert project.cities.count() == 2 and project.geometry["type"] == "LineString"
    assert RuleItem.objects.get(code="cross-boundary-pay").statuses.count() == 2
    assert Update.objects.get().reviewer.username == "office"
    assert Observation.objects.get().qualifier == "≤"
    assert get_user_model().objects.get(username="office").check_password("test-password-1")


def test_after_import_history_and_versions_survive_and_a_stale_edit_is_refused(tmp_path):
    _, child = build_programme()
    changes_before = list(history_of(Task, child.pk).values_list("action", "version", "actor_name"))
    export_text(tmp_path, "programme.json")
    call_command("flush", interactive=False)
    call_command("import", str(tmp_path / "programme.json"))
    task = Task.objects.get(pk=child.pk)
    assert task.version == 2 and task.title == "跨境理财通"
    assert list(history_of(Task, child.pk).values_list("action", "version", "actor_name")) == changes_before
    with pytest.raises(Conflict):
        record_update(actor=None, obj=task, data={"title": "旧版本的修改"}, expected_version=1)
    record_update(actor=None, obj=task, data={"title": "新标题"}, expected_version=2)
    assert Task.objects.get(pk=child.pk).version == 3


def test_after_import_new_records_get_fresh_ids_and_deleted_records_can_be_restored(tmp_path):
    build_programme()
    doomed_pk = Change.objects.get(action="delete", model="ledger.task").object_id
    export_text(tmp_path, "programme.json")
    call_command("flush", interactive=False)
    call_command("import", str(tmp_path / "programme.json"))
    highest = max(Task.objects.values_list("pk", flat=True))
    fresh = make_task(Task.objects.first().lead_unit, Task.objects.first().area)
    assert fresh.pk > max(highest, doomed_pk)
    assert record_restore(actor=None, model=Task, pk=doomed_pk).pk == doomed_pk


def test_export_to_standard_output_is_the_same_as_to_a_file(tmp_path):
    build_programme()
    out = StringIO()
    call_command("export", "-", stdout=out)
    assert out.getvalue().encode() == export_text(tmp_path, "file.json")


def test_export_to_an_unwritable_place_fails_clearly_and_leaves_no_file(tmp_path):
    make_world()
    target = tmp_path / "missing-dir" / "out.json"
    with pytest.raises(CommandError, match="Cannot write"):
        call_command("export", str(target))
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def _refused(path, match):
    counts = (Change.objects.count(), get_user_model().objects.count(), existing_records())
    with pytest.raises(CommandError, match=match) as info:
        call_command("import", str(path))
    assert (Change.objects.count(), get_user_model().objects.count(), existing_records()) == counts
    return str(info.value)


def test_import_of_a_file_that_is_not_json_is_refused(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text("台账 2026\n", encoding="utf-8")
    _refused(path, "is not a JSON file")
    path.write_bytes(b"\xff\xfe\x00garbage")
    _refused(path, "is not a JSON file")


def test_import_of_json_that_is_not_a_wanqu_export_is_refused(tmp_path):
    path = tmp_path / "other.json"
    path.write_text(json.dumps([{"model": "ledger.task", "pk": 1, "fields": {}}]), encoding="utf-8")
    _refused(path, "is not a Wanqu export")
    path.write_text(json.dumps({"format": "something-else", "schema": 1, "records": {}}), encoding="utf-8")
    _refused(path, "is not a Wanqu export")


def test_import_of_an_export_from_a_newer_wanqu_is_refused(tmp_path):
    path = tmp_path / "future.json"
    path.write_text(json.dumps({"format": "wanqu-export", "schema": EXPORT_SCHEMA + 1, "records": {}}))
    message = _refused(path, "newer Wanqu")
    assert f"schema {EXPORT_SCHEMA + 1}" in message and f"schema ≤ {EXPORT_SCHEMA}" in message


def test_import_of_a_missing_file_is_refused(tmp_path):
    _refused(tmp_path / "nowhere.json", "Cannot read")


def test_import_into_a_database_that_is_not_empty_is_refused(tmp_path):
    build_programme()
    export_text(tmp_path, "programme.json")
    tasks = Task.objects.count()
    message = _refused(tmp_path / "programme.json", "not empty")
    assert "ledger.task" in message and Task.objects.count() == tasks


def test_an_invalid_record_refuses_the_whole_import_naming_model_id_and_field(tmp_path):
    build_programme()
    export_text(tmp_path, "programme.json")
    data = json.loads((tmp_path / "programme.json").read_text(encoding="utf-8"))
    bad = data["records"]["ledger.task"][-1]
    bad["due_date"] = "2025-01-01"
    (tmp_path / "bad.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    call_command("flush", interactive=False)
    message = _refused(tmp_path / "bad.json", "not valid")
    assert f"ledger.task #{bad['id']}" in message and "due_date" in message
    assert get_user_model().objects.count() == 0 and City.objects.count() == 0


def test_a_many_to_many_id_missing_from_the_file_refuses_the_import(tmp_path):
    build_programme()
    export_text(tmp_path, "programme.json")
    data = json.loads((tmp_path / "programme.json").read_text(encoding="utf-8"))
    task = next(t for t in data["records"]["ledger.task"] if t["supporting_units"])
    task["supporting_units"].append(9999)
    (tmp_path / "bad.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    call_command("flush", interactive=False)
    message = _refused(tmp_path / "bad.json", "not in the export")
    assert f"ledger.task #{task['id']}, field supporting_units" in message
    assert existing_records() == []


def test_export_inside_a_running_transaction_gives_the_same_bytes(tmp_path):
    build_programme()
    outside = export_text(tmp_path, "outside.json")
    out = StringIO()
    with transaction.atomic():
        Task.objects.count()  # a query first: the export must not try to change the isolation level
        call_command("export", "-", stdout=out)
    assert out.getvalue().encode() == outside


def test_a_record_with_a_field_this_wanqu_does_not_know_refuses_the_import(tmp_path):
    build_programme()
    export_text(tmp_path, "programme.json")
    data = json.loads((tmp_path / "programme.json").read_text(encoding="utf-8"))
    city = data["records"]["geo.city"][0]
    city["population"] = 18_000_000
    (tmp_path / "bad.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    call_command("flush", interactive=False)
    message = _refused(tmp_path / "bad.json", "unknown field")
    assert f"geo.city #{city['id']}" in message and "population" in message
