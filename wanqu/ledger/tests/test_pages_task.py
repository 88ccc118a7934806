"""A task's page and its edit form over HTTP, for each persona: rights, bad input, stale edits."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from wanqu.core.services import record_create, record_update
from wanqu.ledger.models import Milestone, Task
from wanqu.testing import PASSWORD, make_area, make_task

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    assert client.login(username=user.get_username(), password=PASSWORD)
    return client


@pytest.fixture
def task(world):
    task = make_task(world.gz, world.area, world.group1, code="GZ-7", title="南沙粤港深度合作", title_en="Nansha")
    record_create(
        actor=None, model=Milestone, data={"task": task, "title": "方案印发", "due_date": dt.date(2026, 6, 30)}
    )
    return Task.objects.get(pk=task.pk)


def detail(task):
    return reverse("ledger:task_detail", args=[task.pk])


def edit(task):
    return reverse("ledger:task_edit", args=[task.pk])


def progress_post(task, **changes):
    data = {
        "expected_version": task.version,
        "status": task.status,
        "progress": task.progress,
        "completed_on": "",
        "description": task.description,
    }
    data.update(changes)
    return data


def test_gz_reporter_reads_the_task_page_with_units_milestones_and_history(client, world, task):
    record_update(actor=world.group_lead, obj=task, data={"progress": 40}, expected_version=task.version)
    response = signed_in(client, world.gz_reporter).get(detail(task))
    html = response.content.decode()
    assert response.status_code == 200
    assert "南沙粤港深度合作" in html and "方案印发" in html and "广州市人民政府" in html
    # the history reads as words: the field's verbose name, the related unit by name, no ids
    history = response.context["history"]
    update = history[-1]
    assert update.actor_name == "group1"
    assert [(r.name, r.before, r.after) for r in update.rows] == [("progress", "0", "40")]
    created = history[0]
    lead = next(r for r in created.rows if r.name == "lead_unit")
    assert lead.after == "广州市人民政府"
    due = next(r for r in created.rows if r.name == "due_date")
    assert "2026" in due.after and due.after != "2026-12-31"  # formatted for the language
    assert f'href="{edit(task)}"' in html  # the lead unit's reporter may report progress


def test_history_shows_choice_labels_not_codes(client, world, task):
    record_update(actor=world.office_admin, obj=task, data={"status": "at_risk"}, expected_version=task.version)
    response = signed_in(client, world.viewer).get(detail(task), HTTP_ACCEPT_LANGUAGE="en")
    row = response.context["history"][-1].rows[0]
    assert (row.name, row.before, row.after) == ("status", "planned", "at risk")


def test_viewer_sees_no_edit_button_and_is_refused_the_form(client, world, task):
    c = signed_in(client, world.viewer)
    assert edit(task) not in c.get(detail(task)).content.decode()
    assert c.get(edit(task)).status_code == 403
    assert c.post(edit(task), progress_post(task, progress=90)).status_code == 403
    assert Task.objects.get(pk=task.pk).progress == 0


@pytest.mark.parametrize("persona", ["hk_counterpart", "outsider"])
def test_hidden_task_is_not_found_for_counterparts_and_outsiders(client, world, task, persona):
    c = signed_in(client, getattr(world, persona))
    assert c.get(detail(task)).status_code == 404
    assert c.get(edit(task)).status_code == 404
    assert c.post(edit(task), progress_post(task, progress=90)).status_code == 404


def test_missing_task_is_not_found(client, world):
    assert signed_in(client, world.office_admin).get(reverse("ledger:task_detail", args=[99999])).status_code == 404


def test_hk_counterpart_reads_a_shared_task(client, world, task):
    record_update(actor=None, obj=task, data={"is_shared": True}, expected_version=task.version)
    assert signed_in(client, world.hk_counterpart).get(detail(task)).status_code == 200


def test_reporter_gets_the_progress_form_only_and_saves_progress(client, world, task):
    c = signed_in(client, world.gz_reporter)
    response = c.get(edit(task))
    assert response.status_code == 200
    assert set(response.context["form"].fields) == {
        "expected_version",
        "status",
        "progress",
        "completed_on",
        "description",
    }
    assert not response.context["full"]
    response = c.post(edit(task), progress_post(task, progress=55, status="on_track"))
    assert response.status_code == 302
    stored = Task.objects.get(pk=task.pk)
    assert (stored.progress, stored.status, stored.version) == (55, "on_track", task.version + 1)


def test_reporter_cannot_change_the_definition_by_posting_it(client, world, task):
    c = signed_in(client, world.gz_reporter)
    c.post(edit(task), {**progress_post(task, progress=10), "title": "改名", "due_date": "2030-01-01"})
    stored = Task.objects.get(pk=task.pk)
    assert stored.title == "南沙粤港深度合作" and stored.due_date == dt.date(2026, 12, 31)
    assert stored.progress == 10


def _full_post(task, **changes):
    data = {
        "expected_version": task.version,
        "code": task.code,
        "title": task.title,
        "title_en": task.title_en,
        "area": task.area_id,
        "lead_unit": task.lead_unit_id,
        "special_group": task.special_group_id or "",
        "start_date": task.start_date.isoformat(),
        "due_date": task.due_date.isoformat(),
        "status": task.status,
        "progress": task.progress,
        "completed_on": "",
        "description": task.description,
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("persona", ["office_admin", "group_lead"])
def test_office_and_group_lead_edit_the_definition(client, world, task, persona):
    c = signed_in(client, getattr(world, persona))
    response = c.get(edit(task))
    assert response.context["full"]
    response = c.post(edit(task), _full_post(task, title="南沙深化面向世界的粤港澳全面合作", due_date="2027-06-30"))
    assert response.status_code == 302, response.context["form"].errors
    stored = Task.objects.get(pk=task.pk)
    assert stored.title == "南沙深化面向世界的粤港澳全面合作" and stored.due_date == dt.date(2027, 6, 30)


def test_group_lead_of_another_group_may_not_edit(client, world, task):
    other = make_task(world.sz, make_area("民生"), world.group2)
    assert signed_in(client, world.group_lead).get(edit(other)).status_code == 403


def test_missing_required_field_is_a_form_error_and_changes_nothing(client, world, task):
    c = signed_in(client, world.office_admin)
    response = c.post(edit(task), _full_post(task, title="", progress=30))
    assert response.status_code == 200
    assert "title" in response.context["form"].errors
    assert Task.objects.get(pk=task.pk).progress == 0


def test_bad_values_are_form_errors(client, world, task):
    c = signed_in(client, world.gz_reporter)
    response = c.post(edit(task), progress_post(task, progress=150))
    assert response.status_code == 200 and "progress" in response.context["form"].errors
    response = c.post(edit(task), progress_post(task, status="done"))  # done needs its completion date
    assert response.status_code == 200 and "completed_on" in response.context["form"].errors
    assert Task.objects.get(pk=task.pk).version == task.version


def test_stale_edit_shows_the_conflict_keeps_input_and_loses_nothing(client, world, task):
    loaded = task.version
    # the group lead saves first: a new title and progress 30
    record_update(
        actor=world.group_lead, obj=task, data={"progress": 30, "title_en": "Nansha zone"}, expected_version=loaded
    )
    c = signed_in(client, world.gz_reporter)
    response = c.post(
        edit(task), progress_post(task, expected_version=loaded, progress=45, description="已完成方案编制")
    )
    assert response.status_code == 409
    html = response.content.decode()
    conflict = response.context["conflict"]
    assert {row.name for row in conflict.rows} == {"progress", "title_en"}
    progress_row = next(r for r in conflict.rows if r.name == "progress")
    assert (progress_row.before, progress_row.after, progress_row.by) == ("0", "30", ["group1"])
    assert progress_row.also_mine
    form = response.context["form"]
    assert form["progress"].value() == "45"  # the user's input is kept
    assert form["description"].value() == "已完成方案编制"
    assert form["expected_version"].value() == str(loaded + 1)
    assert "group1" in html
    stored = Task.objects.get(pk=task.pk)
    assert (stored.progress, stored.description, stored.title_en) == (30, "", "Nansha zone")
    # saving again, having seen it, applies the user's change on top of the other's
    response = c.post(
        edit(task), progress_post(stored, expected_version=loaded + 1, progress=45, description="已完成方案编制")
    )
    assert response.status_code == 302
    stored = Task.objects.get(pk=task.pk)
    assert (stored.progress, stored.description, stored.title_en) == (45, "已完成方案编制", "Nansha zone")


def test_conflict_fills_in_the_other_persons_change_where_the_user_changed_nothing(client, world, task):
    loaded = task.version
    record_update(actor=world.group_lead, obj=task, data={"status": "at_risk"}, expected_version=loaded)
    c = signed_in(client, world.gz_reporter)
    response = c.post(edit(task), progress_post(task, expected_version=loaded, progress=20))
    assert response.status_code == 409
    form = response.context["form"]
    assert form["status"].value() == "at_risk"  # not the stale "planned" the user loaded
    assert form["progress"].value() == "20"


def test_task_page_costs_the_same_with_more_history(client, world, task, django_assert_max_num_queries):
    c = signed_in(client, world.office_admin)
    for n in range(1, 6):
        task = record_update(actor=world.group_lead, obj=task, data={"progress": n * 10}, expected_version=task.version)
    with django_assert_max_num_queries(25):
        assert c.get(detail(task)).status_code == 200


def test_admin_history_page_shows_the_readable_diff(client, world, task):
    world.office_admin.is_superuser = True
    world.office_admin.save()
    record_update(actor=world.group_lead, obj=task, data={"progress": 70}, expected_version=task.version)
    c = signed_in(client, world.office_admin)
    response = c.get(reverse("admin:ledger_task_history", args=[task.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "广州市人民政府" in html  # the lead unit by name, not its id
    assert "<code>lead_unit</code>" not in html
