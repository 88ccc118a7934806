import pytest
from django.core.exceptions import ValidationError

from wanqu.core.errors import Conflict, Forbidden
from wanqu.core.history import history_of
from wanqu.core.models import Change
from wanqu.core.services import record_delete, record_restore, record_update
from wanqu.ledger.models import Task
from wanqu.testing import make_task


def test_update_writes_change_with_before_and_after(world):
    task = make_task(world.gz, world.area, world.group1)
    record_update(actor=world.office_admin, obj=task, data={"title": "新标题"}, expected_version=1)
    change = history_of(Task, task.pk).last()
    assert change.action == "update"
    assert change.before["title"] != "新标题" and change.after["title"] == "新标题"
    assert change.actor_name == "office" and change.version == 2


def test_stale_edit_is_refused_and_nothing_is_overwritten(world):
    task = make_task(world.gz, world.area, world.group1)
    record_update(actor=world.office_admin, obj=task, data={"title": "甲"}, expected_version=1)
    with pytest.raises(Conflict):
        record_update(actor=world.group_lead, obj=task, data={"title": "乙"}, expected_version=1)
    assert Task.objects.get(pk=task.pk).title == "甲"


def test_task_due_before_start_is_refused_naming_the_field(world):
    task = make_task(world.gz, world.area, world.group1)
    count = Change.objects.count()
    with pytest.raises(ValidationError) as info:
        record_update(actor=world.office_admin, obj=task, data={"due_date": "2025-01-01"}, expected_version=1)
    assert "due_date" in info.value.message_dict
    assert Change.objects.count() == count


def test_reporter_cannot_edit_another_units_task(world):
    task = make_task(world.sz, world.area, world.group2)
    with pytest.raises(Forbidden):
        record_update(actor=world.gz_reporter, obj=task, data={"progress": 50}, expected_version=1)


def test_deleted_task_is_restored_with_its_milestones(world):
    from wanqu.core.services import record_create
    from wanqu.ledger.models import Milestone

    task = make_task(world.gz, world.area, world.group1)
    record_create(actor=None, model=Milestone, data={"task": task, "title": "中期", "due_date": "2026-06-30"})
    record_delete(actor=world.office_admin, obj=task, expected_version=1)
    assert not Task.objects.filter(pk=task.pk).exists()
    restored = record_restore(actor=world.office_admin, model=Task, pk=task.pk)
    assert restored.title == task.title and restored.milestones.count() == 1


def test_resending_unchanged_definition_fields_is_not_an_edit_of_them(world):
    task = make_task(world.gz, world.area, world.group1)
    data = {"title": task.title, "due_date": task.due_date, "lead_unit": task.lead_unit_id, "progress": 40}
    saved = record_update(actor=world.gz_reporter, obj=task, data=data, expected_version=1)
    assert saved.progress == 40 and saved.version == 2
    with pytest.raises(Forbidden):
        record_update(actor=world.gz_reporter, obj=saved, data={**data, "title": "改名"}, expected_version=2)


def test_saving_without_a_change_spends_no_version_and_logs_nothing(world):
    task = make_task(world.gz, world.area, world.group1)
    count = Change.objects.count()
    saved = record_update(actor=world.office_admin, obj=task, data={"title": task.title}, expected_version=1)
    assert saved.version == 1 and Change.objects.count() == count
