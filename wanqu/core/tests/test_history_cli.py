import datetime as dt
import json
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from wanqu.core.history import history_of
from wanqu.core.models import Change
from wanqu.core.services import record_create, record_delete, record_update
from wanqu.ledger.models import Milestone, Task
from wanqu.testing import make_task

SHANGHAI = ZoneInfo("Asia/Shanghai")


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def renamed_task(world):
    """A task created on 1 January and renamed on 30 June 2026 (Beijing time)."""
    task = make_task(world.gz, world.area, world.group1, title="旧标题")
    record_update(actor=world.office_admin, obj=task, data={"title": "新标题"}, expected_version=1)
    create, update = history_of(Task, task.pk)
    Change.objects.filter(pk=create.pk).update(at=dt.datetime(2026, 1, 1, 9, 0, tzinfo=SHANGHAI))
    Change.objects.filter(pk=update.pk).update(at=dt.datetime(2026, 6, 30, 12, 0, tzinfo=SHANGHAI))
    return task


def test_history_lists_each_change_with_actor_version_and_changed_fields(renamed_task):
    out = run("history", "ledger.task", str(renamed_task.pk))
    lines = out.splitlines()
    assert "新标题" in lines[0]
    assert lines[1].startswith("2026-01-01 09:00:00  system  create  v1")
    assert lines[2].startswith("2026-06-30 12:00:00  office  update  v2")
    assert 'title: "旧标题" → "新标题"' in lines[2] and "version" not in lines[2]


def test_history_at_a_time_before_a_rename_shows_the_old_title(renamed_task):
    before = json.loads(run("history", "ledger.task", str(renamed_task.pk), "--at", "2026-06-30 11:59"))
    after = json.loads(run("history", "ledger.task", str(renamed_task.pk), "--at", "2026-06-30 12:00"))
    assert before["title"] == "旧标题" and before["version"] == 1
    assert after["title"] == "新标题" and after["version"] == 2


def test_history_at_a_date_means_the_end_of_that_day(renamed_task):
    state = json.loads(run("history", "ledger.task", str(renamed_task.pk), "--at", "2026-06-30"))
    assert state["title"] == "新标题"


def test_history_at_a_time_before_the_record_existed_is_an_error(renamed_task):
    with pytest.raises(CommandError, match="did not exist at 2025-12-31 12:00"):
        run("history", "ledger.task", str(renamed_task.pk), "--at", "2025-12-31 12:00")


def test_history_of_a_record_that_never_existed_is_an_error(world):
    with pytest.raises(CommandError, match="never existed"):
        run("history", "ledger.task", "424242")


def test_history_of_an_unknown_model_names_the_known_ones(world):
    with pytest.raises(CommandError, match=r"Unknown model “ledger\.tsak”.*ledger\.task"):
        run("history", "ledger.tsak", "1")
    with pytest.raises(CommandError, match=r"Unknown model “core\.change”"):
        run("history", "core.change", "1")


def test_history_with_a_time_it_cannot_read_says_how_to_write_it(renamed_task):
    for bad in ("30/06/2026", "2026-13-01 12:00", "yesterday"):
        with pytest.raises(CommandError, match=r"Cannot read the time .* write it as"):
            run("history", "ledger.task", str(renamed_task.pk), "--at", bad)


def test_restore_brings_back_a_deleted_task_with_its_milestones(world):
    task = make_task(world.gz, world.area, world.group1)
    milestone = record_create(
        actor=None, model=Milestone, data={"task": task, "title": "中期", "due_date": "2026-06-30"}
    )
    record_delete(actor=world.office_admin, obj=task, expected_version=1)
    out = run("restore", "ledger.task", str(task.pk))
    restored = Task.objects.get(pk=task.pk)
    assert restored.title == task.title and restored.milestones.get().pk == milestone.pk
    assert f"Restored ledger.task #{task.pk}" in out and f"ledger.milestone #{milestone.pk}" in out
    last = history_of(Task, task.pk).last()
    assert last.action == "restore" and last.actor_name == "system"
    assert Change.objects.filter(batch_id=last.batch_id, action="restore").count() == 2


def test_restore_of_a_record_that_is_not_deleted_is_an_error(world):
    task = make_task(world.gz, world.area, world.group1)
    count = Change.objects.count()
    with pytest.raises(CommandError, match=rf"Cannot restore ledger\.task #{task.pk}: "):
        run("restore", "ledger.task", str(task.pk))
    with pytest.raises(CommandError, match=r"Cannot restore ledger\.task #424242: "):
        run("restore", "ledger.task", "424242")
    assert Change.objects.count() == count
