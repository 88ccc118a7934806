"""What each persona may read: `wanqu.org.permissions.visible_to`.

Guangdong-side members and viewers read the whole programme. Hong Kong and Macao counterparts
read what is shared with them: tasks marked shared or involving a unit of their jurisdiction
(with those tasks' milestones and updates), and the notices addressed to them. Outsiders and
anonymous visitors read nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from wanqu.core.services import record_create, record_update
from wanqu.ledger.models import Milestone, Round, SupervisionNotice, Task, Update
from wanqu.org.models import Membership, Unit
from wanqu.org.permissions import visible_to
from wanqu.registers.models import Project
from wanqu.testing import World, make_task, make_user


class Ledger:
    """Tasks of every kind of sharing, with a milestone, an update and a notice each."""

    def __init__(self, w: World) -> None:
        self.gz_only = make_task(w.gz, w.area, w.group1)
        self.gz_shared = make_task(w.gz, w.area, w.group1, is_shared=True)
        self.hk_led = make_task(w.hk, w.area)
        self.hk_supports = make_task(w.sz, w.area, w.group2)
        record_update(actor=None, obj=self.hk_supports, data={"supporting_units": [w.hk, w.gz]}, expected_version=1)
        self.mo_led = make_task(w.mo, w.area)
        self.round = record_create(
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
        self.milestones = {t.pk: self._milestone(t) for t in self.tasks}
        self.updates = {t.pk: self._update(t, t.lead_unit) for t in self.tasks}
        self.notice_to_gz = self._notice(self.gz_shared, w.gz, "supervision", "yellow")
        self.notice_to_hk = self._notice(self.hk_led, w.hk, "consultation", "")
        self.notice_to_mo = self._notice(self.mo_led, w.mo, "consultation", "")

    @property
    def tasks(self) -> list[Task]:
        return [self.gz_only, self.gz_shared, self.hk_led, self.hk_supports, self.mo_led]

    def _milestone(self, task: Task) -> Milestone:
        return record_create(
            actor=None, model=Milestone, data={"task": task, "title": "中期", "due_date": "2026-06-30"}
        )

    def _update(self, task: Task, unit: Unit) -> Update:
        # Submitted: a draft is private to its unit (tested below).
        return record_create(
            actor=None,
            model=Update,
            data={"task": task, "round": self.round, "unit": unit, "state": "submitted", "progress_text": "进展"},
        )

    def _notice(self, task: Task, unit: Unit, kind: str, grade: str) -> SupervisionNotice:
        data: dict[str, Any] = {
            "task": task,
            "unit": unit,
            "kind": kind,
            "grade": grade,
            "reason": "进度滞后",
            "issued_on": dt.date(2026, 5, 1),
            "reply_due": dt.date(2026, 5, 15),
        }
        return record_create(actor=None, model=SupervisionNotice, data=data)


@pytest.fixture
def ledger(world: World) -> Ledger:
    return Ledger(world)


def _pks(user: Any, model: type[Any]) -> set[int]:
    return set(visible_to(user, model.objects.all()).values_list("pk", flat=True))


def test_hk_counterpart_sees_shared_tasks_and_tasks_involving_hk_units(world: World, ledger: Ledger) -> None:
    seen = _pks(world.hk_counterpart, Task)
    assert {ledger.gz_shared.pk, ledger.hk_led.pk, ledger.hk_supports.pk} <= seen


def test_hk_counterpart_does_not_see_a_guangzhou_only_task(world: World, ledger: Ledger) -> None:
    assert ledger.gz_only.pk not in _pks(world.hk_counterpart, Task)


def test_hk_counterpart_does_not_see_a_macao_task_that_is_not_shared(world: World, ledger: Ledger) -> None:
    assert ledger.mo_led.pk not in _pks(world.hk_counterpart, Task)


def test_macao_counterpart_sees_macao_and_shared_tasks_but_not_hong_kongs(world: World, ledger: Ledger) -> None:
    macao = make_user("mo-counterpart", world.mo)
    assert _pks(macao, Task) == {ledger.gz_shared.pk, ledger.mo_led.pk}


def test_hk_counterpart_sees_milestones_and_updates_only_of_tasks_they_see(world: World, ledger: Ledger) -> None:
    visible = {ledger.gz_shared.pk, ledger.hk_led.pk, ledger.hk_supports.pk}
    assert _pks(world.hk_counterpart, Milestone) == {ledger.milestones[pk].pk for pk in visible}
    assert _pks(world.hk_counterpart, Update) == {ledger.updates[pk].pk for pk in visible}


def test_hk_counterpart_sees_only_the_notices_addressed_to_them(world: World, ledger: Ledger) -> None:
    # The notice to Guangzhou is on a task they can see; it is still not theirs to read.
    assert _pks(world.hk_counterpart, SupervisionNotice) == {ledger.notice_to_hk.pk}


def test_a_task_with_two_hk_supporting_units_is_listed_once(world: World, ledger: Ledger) -> None:
    second = record_create(
        actor=None,
        model=Unit,
        data={"code": "hk-2", "name": "香港運輸及物流局", "kind": "sar_bureau", "jurisdiction": world.j["HK"]},
    )
    task = ledger.hk_supports
    record_update(actor=None, obj=task, data={"supporting_units": [world.hk, second]}, expected_version=2)
    rows = list(visible_to(world.hk_counterpart, Task.objects.all()).values_list("pk", flat=True))
    assert rows.count(task.pk) == 1
    assert len(rows) == len(set(rows)) == 3


@pytest.mark.parametrize("model", [Task, Milestone, Update, SupervisionNotice, Unit, Project])
def test_outsider_sees_nothing(world: World, ledger: Ledger, model: type[Any]) -> None:
    record_create(actor=None, model=Project, data={"code": "p1", "name": "港珠澳大桥", "kind": "bridge"})
    assert model.objects.exists()
    assert _pks(world.outsider, model) == set()


def test_anonymous_visitor_sees_nothing(world: World, ledger: Ledger) -> None:
    assert _pks(AnonymousUser(), Task) == set()
    assert _pks(AnonymousUser(), SupervisionNotice) == set()


@pytest.mark.parametrize("persona", ["viewer", "gz_reporter", "group_lead", "office_admin"])
@pytest.mark.parametrize("model", [Task, Milestone, Update, SupervisionNotice])
def test_guangdong_side_members_and_viewers_see_the_whole_ledger(
    world: World, ledger: Ledger, persona: str, model: type[Any]
) -> None:
    everything = set(model.objects.values_list("pk", flat=True))
    assert len(everything) >= 3
    assert _pks(getattr(world, persona), model) == everything


def test_a_member_of_both_a_guangdong_and_a_hk_unit_reads_the_whole_ledger(world: World, ledger: Ledger) -> None:
    both = make_user("both-sides", world.hk)
    record_create(actor=None, model=Membership, data={"user": both, "unit": world.sz, "role": "viewer"})
    assert _pks(both, Task) == {t.pk for t in ledger.tasks}


def test_counterparts_task_list_costs_one_query(world: World, ledger: Ledger, django_assert_num_queries: Any) -> None:
    user = world.hk_counterpart
    visible_to(user, Task.objects.none())  # work out the user's rights once
    with django_assert_num_queries(1):
        list(visible_to(user, Task.objects.all()))


def test_a_draft_update_is_seen_only_by_its_own_unit_and_the_office(world):
    from wanqu.testing import make_task

    task = make_task(world.gz, world.area, world.group1)
    rnd = record_create(
        actor=None,
        model=Round,
        data={
            "name": "草稿轮次",
            "period_kind": "quarter",
            "period_start": "2026-07-01",
            "period_end": "2026-09-30",
            "due_date": "2026-10-10",
        },
    )
    draft = record_create(actor=None, model=Update, data={"task": task, "round": rnd, "unit": world.gz})
    assert _pks(world.gz_reporter, Update) == {draft.pk}
    assert _pks(world.office_admin, Update) == {draft.pk}
    for outsider_to_the_draft in (world.viewer, world.group_lead, world.hk_counterpart):
        assert _pks(outsider_to_the_draft, Update) == set()
