"""The back office over HTTP: the admin's own forms, posted as a browser posts them.

Each test reads the form from the page (so that field names and the hidden expected_version
come from what the user is shown), changes what a person would change, and posts it back.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client

from wanqu.core.models import Change
from wanqu.core.services import record_create, record_delete, snapshot
from wanqu.ledger.models import Milestone, Task
from wanqu.org.models import Unit
from wanqu.registers.models import JurisdictionStatus, Project, RuleItem
from wanqu.testing import PASSWORD, World, make_task

# --- reading a form off the page -------------------------------------------------------------


class _FormReader(HTMLParser):
    """Collect the values of the admin's change form (id ending in ``_form``) as a browser would post them."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, Any] = {}
        self._in_form = False
        self._select: str | None = None
        self._multiple = False
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("id", "").endswith("_form"):
            self._in_form = True
        if not self._in_form:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in {"submit", "button", "file"}:
            if a.get("type") == "checkbox":
                if "checked" in a:
                    self.data[name] = "on"
            else:
                self.data[name] = a.get("value", "")
        elif tag == "select" and name:
            self._select, self._multiple = name, "multiple" in a
            self.data[name] = [] if self._multiple else ""
        elif tag == "option" and self._select and "selected" in a:
            if self._multiple:
                self.data[self._select].append(a.get("value", ""))
            else:
                self.data[self._select] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_form = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.data[self._textarea] += data.lstrip("\n") if not self.data[self._textarea] else data


def form_of(client: Client, url: str) -> dict[str, Any]:
    """GET the page and return its change form's values, ready to edit and post back."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    reader = _FormReader()
    reader.feed(response.content.decode())
    reader.data.pop("csrfmiddlewaretoken", None)
    assert reader.data, f"no change form on {url}"
    return reader.data


def browser(user: Any) -> Client:
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def task_url(task: Task, view: str = "change") -> str:
    return f"/admin/ledger/task/{task.pk}/{view}/"


def errors_of(response: Any) -> str:
    """The form's error messages, all fields and non-field errors together."""
    form = response.context["adminform"].form
    return " ".join(str(m) for messages in form.errors.values() for m in messages)


def messages_of(response: Any) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# --- the office uses the forms -------------------------------------------------------------------


def test_office_adds_a_task_through_the_admin_form(world: World) -> None:
    client = browser(world.office_admin)
    data = form_of(client, "/admin/ledger/task/add/")
    assert "expected_version" in data and "title" in data
    data.update(
        code="GBA-2026-001",
        title="推进港澳居民在粤就业便利化",
        area=str(world.area.pk),
        lead_unit=str(world.gz.pk),
        special_group=str(world.group1.pk),
        supporting_units=[str(world.sz.pk), str(world.hk.pk)],
        start_date="2026-01-01",
        due_date="2026-12-31",
        status="planned",
        progress="0",
    )
    response = client.post("/admin/ledger/task/add/", data)
    assert response.status_code == 302, errors_of(response)
    task = Task.objects.get(code="GBA-2026-001")
    assert task.title == "推进港澳居民在粤就业便利化" and task.lead_unit == world.gz
    assert set(task.supporting_units.all()) == {world.sz, world.hk}
    change = Change.objects.get(model="ledger.task", object_id=task.pk)
    assert (change.action, change.actor_name) == ("create", "office")
    assert sorted(change.after["supporting_units"]) == sorted([world.sz.pk, world.hk.pk])


def test_office_changes_a_task_through_the_admin_form(world: World) -> None:
    task = make_task(world.gz, world.area, world.group1)
    client = browser(world.office_admin)
    data = form_of(client, task_url(task))
    assert data["expected_version"] == "1"
    data.update(title="推动跨境通办", due_date="2027-06-30")
    response = client.post(task_url(task), data)
    assert response.status_code == 302, errors_of(response)
    stored = Task.objects.get(pk=task.pk)
    assert (stored.title, stored.due_date, stored.version) == ("推动跨境通办", dt.date(2027, 6, 30), 2)
    change = Change.objects.filter(model="ledger.task", object_id=task.pk).latest("id")
    assert (change.action, change.actor_name) == ("update", "office")
    assert set(change.changed_fields) == {"title", "due_date", "version", "search_key"}  # the key follows the title


def test_office_deletes_a_task_with_its_milestones_through_the_admin(world: World) -> None:
    task = make_task(world.gz, world.area, world.group1)
    milestone = record_create(
        actor=None, model=Milestone, data={"task": task, "title": "中期评估", "due_date": "2026-06-30"}
    )
    client = browser(world.office_admin)
    confirm = client.get(task_url(task, "delete"))
    assert confirm.status_code == 200
    # The milestone goes with the task, and the page says so instead of refusing the delete.
    assert confirm.context["protected"] == []
    assert "中期评估" in str(confirm.context["deleted_objects"])
    response = client.post(task_url(task, "delete"), {"post": "yes"})
    assert response.status_code == 302
    assert not Task.objects.filter(pk=task.pk).exists()
    assert not Milestone.objects.filter(pk=milestone.pk).exists()
    deletes = Change.objects.filter(action="delete", actor_name="office")
    assert {(c.model, c.object_id) for c in deletes} == {("ledger.task", task.pk), ("ledger.milestone", milestone.pk)}
    assert len({c.batch_id for c in deletes}) == 1


# --- a reporter changes progress, not definition --------------------------------------------------


def test_reporter_changes_progress_of_their_task_but_not_its_definition(world: World) -> None:
    task = make_task(world.gz, world.area, world.group2)
    client = browser(world.gz_reporter)
    data = form_of(client, task_url(task))
    assert "progress" in data and "status" in data
    assert "title" not in data and "due_date" not in data and "lead_unit" not in data
    data.update(progress="60", status="on_track", title="改掉标题", due_date="2030-01-01", lead_unit=str(world.sz.pk))
    response = client.post(task_url(task), data)
    assert response.status_code == 302, errors_of(response)
    stored = Task.objects.get(pk=task.pk)
    assert (stored.progress, stored.status) == (60, "on_track")
    assert (stored.title, stored.due_date, stored.lead_unit_id) == (task.title, task.due_date, world.gz.pk)
    change = Change.objects.filter(model="ledger.task", object_id=task.pk).latest("id")
    assert change.actor_name == "gz-reporter"
    assert set(change.changed_fields) == {"progress", "status", "version"}


def test_reporter_cannot_change_another_units_task_over_http(world: World) -> None:
    task = make_task(world.sz, world.area, world.group2)
    client = browser(world.gz_reporter)
    page = client.get(task_url(task))
    # Guangdong-side members read the whole ledger, so the page shows, read-only.
    assert page.status_code == 200
    assert 'name="progress"' not in page.content.decode() and 'name="_save"' not in page.content.decode()
    before, changes = snapshot(task), Change.objects.count()
    response = client.post(task_url(task), {"progress": "90", "status": "at_risk", "expected_version": "1"})
    assert response.status_code == 403
    assert snapshot(Task.objects.get(pk=task.pk)) == before
    assert Change.objects.count() == changes


def test_reporter_cannot_add_or_delete_a_task_over_http(world: World) -> None:
    task = make_task(world.gz, world.area, world.group2)
    client = browser(world.gz_reporter)
    assert client.get("/admin/ledger/task/add/").status_code == 403
    assert client.post(task_url(task, "delete"), {"post": "yes"}).status_code == 403
    assert Task.objects.filter(pk=task.pk).exists()


def test_group_lead_cannot_add_a_task_to_another_group_over_http(world: World) -> None:
    client = browser(world.group_lead)
    data = form_of(client, "/admin/ledger/task/add/")
    data.update(
        code="G2-1",
        title="别组任务",
        area=str(world.area.pk),
        lead_unit=str(world.sz.pk),
        special_group=str(world.group2.pk),
        start_date="2026-01-01",
        due_date="2026-12-31",
    )
    response = client.post("/admin/ledger/task/add/", data)
    assert response.status_code == 200
    assert "You may not create" in errors_of(response)
    assert not Task.objects.filter(code="G2-1").exists()


# --- what a Hong Kong counterpart sees -----------------------------------------------------------


def test_hk_counterpart_task_list_does_not_list_a_guangzhou_only_task(world: World) -> None:
    gz_only = make_task(world.gz, world.area, world.group1, title="广州独有任务")
    shared = make_task(world.gz, world.area, world.group1, title="共享任务", is_shared=True)
    hk_led = make_task(world.hk, world.area, title="香港牽頭任務")
    response = browser(world.hk_counterpart).get("/admin/ledger/task/")
    assert response.status_code == 200
    listed = {t.pk for t in response.context["cl"].result_list}
    assert listed == {shared.pk, hk_led.pk}
    assert gz_only.title not in response.content.decode()


@pytest.mark.parametrize("view", ["change", "history", "delete"])
def test_hk_counterpart_is_told_a_guangzhou_only_task_does_not_exist(world: World, view: str) -> None:
    gz_only = make_task(world.gz, world.area, world.group1, title="广州独有任务")
    client = browser(world.hk_counterpart)
    response = client.get(task_url(gz_only, view))
    # Django asks for delete permission before looking the record up: a 403 for any id, so
    # it tells nothing either.
    assert response.status_code in ({302, 404, 403} if view == "delete" else {302, 404})
    assert gz_only.title not in response.content.decode()
    if response.status_code == 302:
        followed = client.get(response["Location"])
        assert any("doesn’t exist" in m for m in messages_of(followed))
        assert gz_only.title not in followed.content.decode()


def test_hk_counterpart_changes_progress_of_a_hk_task(world: World) -> None:
    task = make_task(world.hk, world.area)
    client = browser(world.hk_counterpart)
    data = form_of(client, task_url(task))
    data.update(progress="35")
    response = client.post(task_url(task), data)
    assert response.status_code == 302, errors_of(response)
    assert Task.objects.get(pk=task.pk).progress == 35


def test_hk_counterpart_adds_the_hong_kong_status_of_a_rule_item_but_not_guangdongs(world: World) -> None:
    item = record_create(actor=None, model=RuleItem, data={"code": "r1", "name": "跨境理财通", "domain": "finance"})
    client = browser(world.hk_counterpart)
    url = "/admin/registers/jurisdictionstatus/add/"
    data = form_of(client, url)
    data.update(rule_item=str(item.pk), jurisdiction=str(world.j["GD"].pk), status="agreed")
    refused = client.post(url, data)
    assert refused.status_code == 200 and "You may not create" in errors_of(refused)
    assert not JurisdictionStatus.objects.exists()
    data.update(jurisdiction=str(world.j["HK"].pk))
    response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)
    row = JurisdictionStatus.objects.get()
    assert (row.jurisdiction.code, row.status) == ("HK", "agreed")


# --- stale edits ---------------------------------------------------------------------------------


def test_a_stale_edit_shows_the_conflict_and_keeps_the_first_change(world: World) -> None:
    task = make_task(world.gz, world.area, world.group1)
    first, second = browser(world.office_admin), browser(world.group_lead)
    data_1, data_2 = form_of(first, task_url(task)), form_of(second, task_url(task))
    assert data_1["expected_version"] == data_2["expected_version"] == "1"
    data_1.update(title="第一人的标题")
    assert first.post(task_url(task), data_1).status_code == 302
    data_2.update(title="第二人的标题")
    response = second.post(task_url(task), data_2)
    assert response.status_code == 200
    assert "changed by someone else" in errors_of(response)
    assert "第二人的标题" in response.content.decode()  # the user's input is kept to apply again
    stored = Task.objects.get(pk=task.pk)
    assert (stored.title, stored.version) == ("第一人的标题", 2)
    assert Change.objects.filter(model="ledger.task", object_id=task.pk, action="update").count() == 1


# --- bad input: a form error naming the problem, a 200, and nothing changed --------------------------


def _refused(client: Client, url: str, data: dict[str, Any], expected: str) -> None:
    changes = Change.objects.count()
    response = client.post(url, data)
    assert response.status_code == 200
    assert expected in errors_of(response)
    assert Change.objects.count() == changes


def test_task_due_before_start_is_a_form_error(world: World) -> None:
    task = make_task(world.gz, world.area, world.group1)
    client = browser(world.office_admin)
    data = form_of(client, task_url(task))
    data.update(start_date="2026-06-01", due_date="2026-05-01")
    _refused(client, task_url(task), data, "The due date cannot be before the start date.")
    assert snapshot(Task.objects.get(pk=task.pk)) == snapshot(task)


def test_a_unit_made_its_own_ancestor_is_a_form_error(world: World) -> None:
    client = browser(world.office_admin)
    url = f"/admin/org/unit/{world.gz.pk}/change/"
    data = form_of(client, url)
    data.update(parent=str(world.gz_sub.pk))
    _refused(client, url, data, "A unit cannot sit under itself or under one of its own sub-units.")
    assert Unit.objects.get(pk=world.gz.pk).parent_id is None


def _project_form(client: Client, **values: str) -> dict[str, Any]:
    data = form_of(client, "/admin/registers/project/add/")
    data.update(code="hzmb", name="港珠澳大桥", kind="bridge", stage="planned", **values)
    return data


def test_a_project_with_a_negative_investment_is_a_form_error(world: World) -> None:
    client = browser(world.office_admin)
    data = _project_form(client, investment_amount="-100", investment_currency="CNY")
    _refused(client, "/admin/registers/project/add/", data, "greater than or equal to 0")
    assert not Project.objects.exists()


def test_a_project_in_us_dollars_is_a_form_error(world: World) -> None:
    client = browser(world.office_admin)
    data = _project_form(client, investment_amount="100", investment_currency="USD")
    _refused(client, "/admin/registers/project/add/", data, "USD is not one of the available choices")
    assert not Project.objects.exists()


def test_a_unit_name_already_taken_in_the_other_script_is_a_form_error(world: World) -> None:
    record_create(
        actor=None,
        model=Unit,
        data={
            "code": "hengqin",
            "name": "横琴粤澳深度合作区执行委员会",
            "kind": "department",
            "jurisdiction": world.j["GD"],
        },
    )
    client = browser(world.office_admin)
    data = form_of(client, "/admin/org/unit/add/")
    data.update(
        code="hengqin-2",
        name="橫琴粵澳深度合作區執行委員會",
        kind="department",
        jurisdiction=str(world.j["GD"].pk),
        order="0",
    )
    _refused(client, "/admin/org/unit/add/", data, "is already taken by “横琴粤澳深度合作区执行委员会”")
    assert not Unit.objects.filter(code="hengqin-2").exists()


# --- history and restore -------------------------------------------------------------------------


def test_the_history_page_lists_who_changed_what(world: World) -> None:
    task = make_task(world.gz, world.area, world.group2, title="原来的标题")
    client = browser(world.office_admin)
    data = form_of(client, task_url(task))
    data.update(title="新的标题")
    assert client.post(task_url(task), data).status_code == 302
    reporter = browser(world.gz_reporter)
    data = form_of(reporter, task_url(task))
    data.update(progress="45")
    assert reporter.post(task_url(task), data).status_code == 302
    page = client.get(task_url(task, "history"))
    assert page.status_code == 200
    rows = [(c.actor_name, c.action) for c in page.context["changes"]]
    assert rows == [("system", "create"), ("office", "update"), ("gz-reporter", "update")]
    html = page.content.decode()
    assert "<del>原来的标题</del> → <ins>新的标题</ins>" in html
    # a readable diff: the field's verbose name, not its code name
    assert "<del>0</del> → <ins>45</ins>" in html and "<code>progress</code>" not in html
    assert "gz-reporter" in html


def test_the_change_log_restore_action_brings_back_a_deleted_task(world: World) -> None:
    task = make_task(world.gz, world.area, world.group1, title="被误删的任务")
    record_create(actor=None, model=Milestone, data={"task": task, "title": "节点", "due_date": "2026-06-30"})
    record_delete(actor=world.office_admin, obj=task, expected_version=1)
    deletion = Change.objects.get(model="ledger.task", object_id=task.pk, action="delete")
    client = browser(world.office_admin)
    response = client.post(
        "/admin/core/change/", {"action": "restore", "_selected_action": [str(deletion.pk)], "index": "0"}, follow=True
    )
    assert response.status_code == 200
    assert any("Restored" in m for m in messages_of(response))
    restored = Task.objects.get(pk=task.pk)
    assert restored.title == "被误删的任务" and restored.milestones.count() == 1
    last = Change.objects.filter(model="ledger.task", object_id=task.pk).latest("id")
    assert (last.action, last.actor_name) == ("restore", "office")


def test_only_the_office_reads_the_change_log(world: World) -> None:
    make_task(world.gz, world.area, world.group1)
    for persona in (world.group_lead, world.gz_reporter, world.hk_counterpart, world.viewer, world.outsider):
        assert browser(persona).get("/admin/core/change/").status_code == 403


# --- outsiders -----------------------------------------------------------------------------------


def test_outsider_gets_no_data_from_the_back_office(world: World) -> None:
    task = make_task(world.gz, world.area, world.group1, title="内部任务")
    client = Client(headers={"accept-language": "en"})
    assert client.login(username="outsider", password=PASSWORD)
    index = client.get("/admin/")
    assert index.status_code == 200
    assert index.context["app_list"] == []
    assert "内部任务" not in index.content.decode()
    assert client.get("/admin/ledger/task/").status_code == 403
    assert client.get(task_url(task)).status_code in {302, 403, 404}
    assert client.get(task_url(task), follow=True).content.decode().count("内部任务") == 0


def test_anonymous_visitor_is_sent_to_the_login_page(world: World) -> None:
    task = make_task(world.gz, world.area, world.group1)
    response = Client().get(task_url(task))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_task_that_updates_refer_to_cannot_be_deleted_and_the_page_says_why(world: World) -> None:
    from wanqu.ledger.models import Round, Update

    task = make_task(world.gz, world.area, world.group1)
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
    update = record_create(actor=None, model=Update, data={"task": task, "round": round_, "unit": world.gz})
    client = browser(world.office_admin)
    confirm = client.get(task_url(task, "delete"))
    assert confirm.status_code == 200
    assert str(update) in " ".join(str(p) for p in confirm.context["protected"])
    changes = Change.objects.count()
    client.post(task_url(task, "delete"), {"post": "yes"})
    assert Task.objects.filter(pk=task.pk).exists() and Change.objects.count() == changes


def test_hk_counterparts_forms_offer_only_the_tasks_they_may_see(world: World) -> None:
    gz_only = make_task(world.gz, world.area, world.group1, title="广州独有任务")
    hk_led = make_task(world.hk, world.area, title="香港牽頭任務")
    client = browser(world.hk_counterpart)
    page = client.get("/admin/ledger/update/add/")
    assert page.status_code == 200
    choices = {str(value) for value, _label in page.context["adminform"].form.fields["task"].choices if value}
    assert choices == {str(hk_led.pk)}
    assert gz_only.title not in page.content.decode()
    data = form_of(client, "/admin/ledger/update/add/")
    changes = Change.objects.count()
    response = client.post("/admin/ledger/update/add/", {**data, "task": str(gz_only.pk), "unit": str(world.hk.pk)})
    assert response.status_code == 200 and "task" in response.context["adminform"].form.errors
    assert Change.objects.count() == changes


def _round() -> Any:
    from wanqu.ledger.models import Round

    return record_create(
        actor=None,
        model=Round,
        data={
            "name": "2026年第二季度",
            "period_kind": "quarter",
            "period_start": "2026-04-01",
            "period_end": "2026-06-30",
            "due_date": "2026-07-10",
        },
    )


def test_reporter_adds_an_update_on_their_task_but_cannot_accept_it(world: World) -> None:
    from wanqu.ledger.models import Update

    task, round_ = make_task(world.gz, world.area, world.group2), _round()
    client = browser(world.gz_reporter)
    url = "/admin/ledger/update/add/"
    data = form_of(client, url)
    data.update(
        task=str(task.pk), round=str(round_.pk), unit=str(world.gz.pk), progress_text="已完成立项", percent="20"
    )
    response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)
    update = Update.objects.get(task=task)
    assert (update.progress_text, update.state) == ("已完成立项", "draft")
    change_url = f"/admin/ledger/update/{update.pk}/change/"
    data = form_of(client, change_url)
    data.update(state="accepted")
    response = client.post(change_url, data)
    assert response.status_code == 200 and "You may not change" in errors_of(response)
    assert Update.objects.get(pk=update.pk).state == "draft"
