"""Who may create, update and delete what, through the one write path (`wanqu.core.services`).

MATRIX below is the rule book as a table: one row per target and action, one column per persona
(Y = allowed, . = refused). Every row is checked for every persona: a refused write raises
Forbidden, writes no Change row and leaves the record as it was; an allowed write happens and
leaves a Change row naming the persona.

The personas come from `wanqu.testing.make_world`: the office admin; the lead of special group 1;
the Guangzhou reporter (广州市人民政府, covering its sub-unit 广州市发展和改革委员会); the Hong Kong
counterpart (reporter of a HK bureau); a viewer; an outsider with no membership.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import models

from wanqu.core.errors import Forbidden
from wanqu.core.models import Change, Record
from wanqu.core.services import record_create, record_delete, record_restore, record_update, snapshot
from wanqu.indicators.models import Indicator, Observation
from wanqu.ledger.models import Milestone, Round, SupervisionNotice, Task, Update
from wanqu.org.models import Membership, Unit
from wanqu.plans.models import Area, Plan
from wanqu.registers.models import Instrument, JurisdictionStatus, PolicyIdea, Project, RuleItem
from wanqu.testing import World, make_task, make_unit, make_user

_n = itertools.count(1)

# --- small factories (system writes, actor=None) ----------------------------------------------


def _task(w: World, lead: str, group: str | None) -> Task:
    return make_task(getattr(w, lead), w.area, getattr(w, group) if group else None)


def _task_data(w: World, lead: str, group: str | None) -> dict[str, Any]:
    n = next(_n)
    return {
        "code": f"NEW-{n}",
        "title": f"新任务{n}",
        "area": w.area,
        "lead_unit": getattr(w, lead),
        "special_group": getattr(w, group) if group else None,
        "start_date": dt.date(2026, 1, 1),
        "due_date": dt.date(2026, 12, 31),
    }


def _milestone(w: World, lead: str, group: str | None) -> Milestone:
    task = _task(w, lead, group)
    return record_create(actor=None, model=Milestone, data={"task": task, "title": "中期", "due_date": "2026-06-30"})


def _round() -> Round:
    n = next(_n)
    return record_create(
        actor=None,
        model=Round,
        data={
            "name": f"2026年第{n}季度",
            "period_kind": "quarter",
            "period_start": "2026-01-01",
            "period_end": "2026-03-31",
            "due_date": "2026-04-10",
        },
    )


def _update_data(w: World, lead: str, group: str | None, unit: str) -> dict[str, Any]:
    return {"task": _task(w, lead, group), "round": _round(), "unit": getattr(w, unit), "progress_text": "推进中"}


def _update(w: World, lead: str, group: str | None, unit: str) -> Update:
    return record_create(actor=None, model=Update, data=_update_data(w, lead, group, unit))


def _project_data(w: World, lead: str) -> dict[str, Any]:
    n = next(_n)
    return {"code": f"p{n}", "name": f"重大项目{n}", "kind": "bridge", "lead_unit": getattr(w, lead)}


def _rule_item_data(w: World, lead: str) -> dict[str, Any]:
    n = next(_n)
    return {"code": f"r{n}", "name": f"规则衔接事项{n}", "domain": "finance", "lead_unit": getattr(w, lead)}


def _rule_item(w: World) -> RuleItem:
    return record_create(actor=None, model=RuleItem, data=_rule_item_data(w, "office"))


def _status_data(w: World, code: str) -> dict[str, Any]:
    return {"rule_item": _rule_item(w), "jurisdiction": w.j[code], "status": "under_study"}


def _instrument_data(w: World, code: str) -> dict[str, Any]:
    return {"rule_item": _rule_item(w), "jurisdiction": w.j[code], "title": f"文件{next(_n)}"}


def _idea_data(w: World, proposer: str) -> dict[str, Any]:
    n = next(_n)
    return {
        "code": f"i{n}",
        "title": f"政策建议{n}",
        "proposal": "建议……",
        "proposer": getattr(w, proposer),
        "proposed_on": "2026-02-01",
    }


def _observation_data(w: World, owner: str) -> dict[str, Any]:
    n = next(_n)
    indicator = record_create(
        actor=None,
        model=Indicator,
        data={
            "code": f"ind{n}",
            "name": f"指标{n}",
            "unit": "count",
            "aggregation": "sum",
            "direction": "up",
            "owner": getattr(w, owner),
        },
    )
    return {
        "indicator": indicator,
        "value": "10",
        "period_start": "2026-01-01",
        "period_end": "2026-03-31",
        "source": "统计局",
    }


def _unit_data(w: World) -> dict[str, Any]:
    n = next(_n)
    return {"code": f"unit{n}", "name": f"新单位{n}", "kind": "department", "jurisdiction": w.j["GD"]}


def _membership_data(w: World) -> dict[str, Any]:
    return {"user": make_user(f"someone{next(_n)}"), "unit": w.sz, "role": "reporter"}


def _plan_data(w: World) -> dict[str, Any]:
    n = next(_n)
    return {"code": f"plan{n}", "name": f"规划{n}", "kind": "measures", "status": "issued"}


def _area_data(w: World) -> dict[str, Any]:
    n = next(_n)
    return {"code": f"area{n}", "name": f"工作领域{n}", "order": 100 + n}


def _round_data(w: World) -> dict[str, Any]:
    return {
        "name": f"2027年第{next(_n)}期",
        "period_kind": "month",
        "period_start": "2027-01-01",
        "period_end": "2027-01-31",
        "due_date": "2027-02-05",
    }


def _notice_data(w: World) -> dict[str, Any]:
    return {
        "task": _task(w, "gz", None),
        "unit": w.gz,
        "kind": "supervision",
        "grade": "blue",
        "reason": "进度滞后",
        "issued_on": "2026-05-01",
        "reply_due": "2026-05-15",
    }


@dataclass(frozen=True)
class Target:
    """Something to write: how to make data for a new one, an existing one, and a change to it."""

    model: type[Record]
    new: Callable[[World], dict[str, Any]]
    change: Callable[[World], dict[str, Any]]
    existing: Callable[[World], Record] | None = None

    def make(self, w: World) -> Record:
        if self.existing is not None:
            return self.existing(w)
        return record_create(actor=None, model=self.model, data=self.new(w))


def _fixed(data: dict[str, Any]) -> Callable[[World], dict[str, Any]]:
    return lambda w: dict(data)


def _task_target(lead: str, group: str | None, change: dict[str, Any]) -> Target:
    return Target(Task, lambda w: _task_data(w, lead, group), _fixed(change), lambda w: _task(w, lead, group))


def _milestone_target(lead: str, group: str | None, change: dict[str, Any]) -> Target:
    return Target(
        Milestone,
        lambda w: {"task": _task(w, lead, group), "title": "验收", "due_date": "2026-09-30"},
        _fixed(change),
        lambda w: _milestone(w, lead, group),
    )


def _update_target(lead: str, group: str | None, unit: str, change: dict[str, Any] | None = None) -> Target:
    return Target(
        Update,
        lambda w: _update_data(w, lead, group, unit),
        _fixed(change or {"progress_text": "已完成过半", "percent": 55, "state": "submitted"}),
        lambda w: _update(w, lead, group, unit),
    )


ACCEPT = {"state": "accepted", "reviewed_at": dt.datetime(2026, 4, 20, 9, 0, tzinfo=dt.UTC)}


PROGRESS = {"progress": 40, "status": "on_track"}

TARGETS: dict[str, Target] = {
    # Tasks. "own unit" is Guangzhou, in group 2 so that group 1's lead has no say over it.
    "task led by own unit": _task_target("gz", "group2", PROGRESS),
    "task led by own unit: title": _task_target("gz", "group2", {"title": "改过的标题"}),
    "task led by own unit: due date": _task_target("gz", "group2", {"due_date": dt.date(2027, 6, 30)}),
    "task led by own unit: lead unit": _task_target("gz", "group2", {"lead_unit": "sz"}),
    "task led by a sub-unit": _task_target("gz_sub", "group2", PROGRESS),
    "task of group 1, led by Shenzhen": _task_target("sz", "group1", {"title": "小组改标题", "progress": 10}),
    "task of group 2, led by Shenzhen": _task_target("sz", "group2", PROGRESS),
    "task led by the HK bureau": _task_target("hk", None, PROGRESS),
    "task led by the HK bureau: title": _task_target("hk", None, {"title": "改过的标题"}),
    # Milestones
    "milestone of own-unit task: done on": _milestone_target("gz", "group2", {"done_on": "2026-06-20"}),
    "milestone of own-unit task: title": _milestone_target("gz", "group2", {"title": "改过的节点"}),
    "milestone of a group 1 task": _milestone_target("sz", "group1", {"title": "改过的节点"}),
    "milestone of Shenzhen's task: done on": _milestone_target("sz", "group2", {"done_on": "2026-06-20"}),
    # Updates (progress reports for a round)
    "update by own unit on own-unit task": _update_target("gz", "group2", "gz"),
    "update by Shenzhen on Shenzhen's task": _update_target("sz", "group2", "sz"),
    "update on a group 1 task": _update_target("sz", "group1", "sz"),
    "update by HK bureau on HK task": _update_target("hk", None, "hk"),
    "update by own unit on own-unit task: accept": _update_target("gz", "group2", "gz", ACCEPT),
    "update on a group 1 task: accept": _update_target("sz", "group1", "sz", ACCEPT),
    "update by HK bureau on HK task: accept": _update_target("hk", None, "hk", ACCEPT),
    # Registers
    "project led by own unit": Target(Project, lambda w: _project_data(w, "gz"), _fixed({"stage": "started"})),
    "project led by Shenzhen": Target(Project, lambda w: _project_data(w, "sz"), _fixed({"stage": "started"})),
    "rule item led by own unit": Target(RuleItem, lambda w: _rule_item_data(w, "gz"), _fixed({"description": "进展"})),
    "rule item led by the office": Target(
        RuleItem, lambda w: _rule_item_data(w, "office"), _fixed({"description": "进展"})
    ),
    "Guangdong status of a rule item": Target(
        JurisdictionStatus, lambda w: _status_data(w, "GD"), _fixed({"status": "agreed"})
    ),
    "Hong Kong status of a rule item": Target(
        JurisdictionStatus, lambda w: _status_data(w, "HK"), _fixed({"status": "agreed"})
    ),
    "Hong Kong instrument": Target(Instrument, lambda w: _instrument_data(w, "HK"), _fixed({"reference": "Cap. 1"})),
    "Guangdong instrument": Target(Instrument, lambda w: _instrument_data(w, "GD"), _fixed({"reference": "粤1号"})),
    "policy idea proposed by own unit": Target(
        PolicyIdea, lambda w: _idea_data(w, "gz"), _fixed({"proposal": "修改后的建议"})
    ),
    "policy idea proposed by Shenzhen": Target(
        PolicyIdea, lambda w: _idea_data(w, "sz"), _fixed({"proposal": "修改后的建议"})
    ),
    "observation of own unit's indicator": Target(
        Observation, lambda w: _observation_data(w, "gz"), _fixed({"value": "12"})
    ),
    "observation of Shenzhen's indicator": Target(
        Observation, lambda w: _observation_data(w, "sz"), _fixed({"value": "12"})
    ),
    # The programme's own structure: the office's alone.
    "unit": Target(Unit, _unit_data, _fixed({"name_en": "A unit"})),
    "membership": Target(Membership, _membership_data, _fixed({"role": "viewer"})),
    "plan": Target(Plan, _plan_data, _fixed({"summary": "摘要"})),
    "work area": Target(Area, _area_data, _fixed({"name_en": "Area"})),
    "reporting round": Target(Round, _round_data, _fixed({"state": "closed"})),
    "supervision notice": Target(SupervisionNotice, _notice_data, _fixed({"reply": "已整改"})),
}

PERSONAS = ("office_admin", "group_lead", "gz_reporter", "hk_counterpart", "viewer", "outsider")
Y, _ = True, False

# fmt: off
MATRIX: list[tuple[str, str, bool, bool, bool, bool, bool, bool]] = [
    # target                                        action    office  lead  gz  hk  viewer  outsider
    ("task led by own unit",                        "create", Y,      _,    _,  _,  _,      _),
    ("task led by own unit",                        "update", Y,      _,    Y,  _,  _,      _),
    ("task led by own unit",                        "delete", Y,      _,    _,  _,  _,      _),
    ("task led by own unit: title",                 "update", Y,      _,    _,  _,  _,      _),
    ("task led by own unit: due date",              "update", Y,      _,    _,  _,  _,      _),
    ("task led by own unit: lead unit",             "update", Y,      _,    _,  _,  _,      _),
    ("task led by a sub-unit",                      "update", Y,      _,    Y,  _,  _,      _),
    ("task of group 1, led by Shenzhen",            "create", Y,      Y,    _,  _,  _,      _),
    ("task of group 1, led by Shenzhen",            "update", Y,      Y,    _,  _,  _,      _),
    ("task of group 1, led by Shenzhen",            "delete", Y,      Y,    _,  _,  _,      _),
    ("task of group 2, led by Shenzhen",            "create", Y,      _,    _,  _,  _,      _),
    ("task of group 2, led by Shenzhen",            "update", Y,      _,    _,  _,  _,      _),
    ("task of group 2, led by Shenzhen",            "delete", Y,      _,    _,  _,  _,      _),
    ("task led by the HK bureau",                   "create", Y,      _,    _,  _,  _,      _),
    ("task led by the HK bureau",                   "update", Y,      _,    _,  Y,  _,      _),
    ("task led by the HK bureau",                   "delete", Y,      _,    _,  _,  _,      _),
    ("task led by the HK bureau: title",            "update", Y,      _,    _,  _,  _,      _),
    ("milestone of own-unit task: done on",         "create", Y,      _,    _,  _,  _,      _),
    ("milestone of own-unit task: done on",         "update", Y,      _,    Y,  _,  _,      _),
    ("milestone of own-unit task: done on",         "delete", Y,      _,    _,  _,  _,      _),
    ("milestone of own-unit task: title",           "update", Y,      _,    _,  _,  _,      _),
    ("milestone of a group 1 task",                 "create", Y,      Y,    _,  _,  _,      _),
    ("milestone of a group 1 task",                 "update", Y,      Y,    _,  _,  _,      _),
    ("milestone of a group 1 task",                 "delete", Y,      Y,    _,  _,  _,      _),
    ("milestone of Shenzhen's task: done on",       "update", Y,      _,    _,  _,  _,      _),
    ("update by own unit on own-unit task",         "create", Y,      _,    Y,  _,  _,      _),
    ("update by own unit on own-unit task",         "update", Y,      _,    Y,  _,  _,      _),
    ("update by own unit on own-unit task",         "delete", Y,      _,    Y,  _,  _,      _),
    ("update by Shenzhen on Shenzhen's task",       "create", Y,      _,    _,  _,  _,      _),
    ("update by Shenzhen on Shenzhen's task",       "update", Y,      _,    _,  _,  _,      _),
    ("update by Shenzhen on Shenzhen's task",       "delete", Y,      _,    _,  _,  _,      _),
    ("update on a group 1 task",                    "create", Y,      Y,    _,  _,  _,      _),
    ("update on a group 1 task",                    "update", Y,      Y,    _,  _,  _,      _),
    ("update on a group 1 task",                    "delete", Y,      Y,    _,  _,  _,      _),
    ("update by HK bureau on HK task",              "create", Y,      _,    _,  Y,  _,      _),
    ("update by HK bureau on HK task",              "update", Y,      _,    _,  Y,  _,      _),
    ("update by HK bureau on HK task",              "delete", Y,      _,    _,  Y,  _,      _),
    ("update by own unit on own-unit task: accept", "update", Y,      _,    _,  _,  _,      _),
    ("update on a group 1 task: accept",            "update", Y,      Y,    _,  _,  _,      _),
    ("update by HK bureau on HK task: accept",      "update", Y,      _,    _,  _,  _,      _),
    ("project led by own unit",                     "create", Y,      _,    _,  _,  _,      _),
    ("project led by own unit",                     "update", Y,      _,    Y,  _,  _,      _),
    ("project led by own unit",                     "delete", Y,      _,    _,  _,  _,      _),
    ("project led by Shenzhen",                     "create", Y,      _,    _,  _,  _,      _),
    ("project led by Shenzhen",                     "update", Y,      _,    _,  _,  _,      _),
    ("project led by Shenzhen",                     "delete", Y,      _,    _,  _,  _,      _),
    ("rule item led by own unit",                   "create", Y,      _,    _,  _,  _,      _),
    ("rule item led by own unit",                   "update", Y,      _,    Y,  _,  _,      _),
    ("rule item led by own unit",                   "delete", Y,      _,    _,  _,  _,      _),
    ("rule item led by the office",                 "create", Y,      _,    _,  _,  _,      _),
    ("rule item led by the office",                 "update", Y,      _,    _,  _,  _,      _),
    ("rule item led by the office",                 "delete", Y,      _,    _,  _,  _,      _),
    ("Guangdong status of a rule item",             "create", Y,      _,    _,  _,  _,      _),
    ("Guangdong status of a rule item",             "update", Y,      _,    _,  _,  _,      _),
    ("Guangdong status of a rule item",             "delete", Y,      _,    _,  _,  _,      _),
    ("Hong Kong status of a rule item",             "create", Y,      _,    _,  Y,  _,      _),
    ("Hong Kong status of a rule item",             "update", Y,      _,    _,  Y,  _,      _),
    ("Hong Kong status of a rule item",             "delete", Y,      _,    _,  _,  _,      _),
    ("Hong Kong instrument",                        "create", Y,      _,    _,  Y,  _,      _),
    ("Hong Kong instrument",                        "update", Y,      _,    _,  Y,  _,      _),
    ("Hong Kong instrument",                        "delete", Y,      _,    _,  _,  _,      _),
    ("Guangdong instrument",                        "create", Y,      _,    _,  _,  _,      _),
    ("Guangdong instrument",                        "update", Y,      _,    _,  _,  _,      _),
    ("Guangdong instrument",                        "delete", Y,      _,    _,  _,  _,      _),
    ("policy idea proposed by own unit",            "create", Y,      _,    Y,  _,  _,      _),
    ("policy idea proposed by own unit",            "update", Y,      _,    Y,  _,  _,      _),
    ("policy idea proposed by own unit",            "delete", Y,      _,    _,  _,  _,      _),
    ("policy idea proposed by Shenzhen",            "create", Y,      _,    _,  _,  _,      _),
    ("policy idea proposed by Shenzhen",            "update", Y,      _,    _,  _,  _,      _),
    ("policy idea proposed by Shenzhen",            "delete", Y,      _,    _,  _,  _,      _),
    ("observation of own unit's indicator",         "create", Y,      _,    Y,  _,  _,      _),
    ("observation of own unit's indicator",         "update", Y,      _,    Y,  _,  _,      _),
    ("observation of own unit's indicator",         "delete", Y,      _,    Y,  _,  _,      _),
    ("observation of Shenzhen's indicator",         "create", Y,      _,    _,  _,  _,      _),
    ("observation of Shenzhen's indicator",         "update", Y,      _,    _,  _,  _,      _),
    ("observation of Shenzhen's indicator",         "delete", Y,      _,    _,  _,  _,      _),
    ("unit",                                        "create", Y,      _,    _,  _,  _,      _),
    ("unit",                                        "update", Y,      _,    _,  _,  _,      _),
    ("unit",                                        "delete", Y,      _,    _,  _,  _,      _),
    ("membership",                                  "create", Y,      _,    _,  _,  _,      _),
    ("membership",                                  "update", Y,      _,    _,  _,  _,      _),
    ("membership",                                  "delete", Y,      _,    _,  _,  _,      _),
    ("plan",                                        "create", Y,      _,    _,  _,  _,      _),
    ("plan",                                        "update", Y,      _,    _,  _,  _,      _),
    ("plan",                                        "delete", Y,      _,    _,  _,  _,      _),
    ("work area",                                   "create", Y,      _,    _,  _,  _,      _),
    ("work area",                                   "update", Y,      _,    _,  _,  _,      _),
    ("work area",                                   "delete", Y,      _,    _,  _,  _,      _),
    ("reporting round",                             "create", Y,      _,    _,  _,  _,      _),
    ("reporting round",                             "update", Y,      _,    _,  _,  _,      _),
    ("reporting round",                             "delete", Y,      _,    _,  _,  _,      _),
    ("supervision notice",                          "create", Y,      _,    _,  _,  _,      _),
    ("supervision notice",                          "update", Y,      _,    Y,  _,  _,      _),  # its unit replies
    ("supervision notice",                          "delete", Y,      _,    _,  _,  _,      _),
]
# fmt: on

CASES = [
    pytest.param(persona, action, target, allowed, id=f"{persona}-{action}-{target}")
    for target, action, *answers in MATRIX
    for persona, allowed in zip(PERSONAS, answers, strict=True)
]


def test_matrix_covers_every_target_and_action_once() -> None:
    rows = [(target, action) for target, action, *_rest in MATRIX]
    assert len(rows) == len(set(rows))
    assert {target for target, _a in rows} == set(TARGETS)


def _resolve(w: World, data: dict[str, Any]) -> dict[str, Any]:
    """Unit names in a change (``"sz"``) stand for the world's units."""
    return {k: getattr(w, v) if k.endswith("unit") and isinstance(v, str) else v for k, v in data.items()}


def _stored(obj: models.Model) -> dict[str, Any] | None:
    found = type(obj)._default_manager.filter(pk=obj.pk).first()
    return snapshot(found) if found is not None else None


@pytest.mark.parametrize(("persona", "action", "target", "allowed"), [c for c in CASES if c.values[3]])
def test_persona_makes_an_allowed_write_and_the_change_log_names_them(
    world: World, persona: str, action: str, target: str, allowed: bool
) -> None:
    actor = getattr(world, persona)
    spec = TARGETS[target]
    if action == "create":
        data = spec.new(world)
        obj = record_create(actor=actor, model=spec.model, data=data)
        assert spec.model.objects.filter(pk=obj.pk).exists()
    else:
        obj = spec.make(world)
        if action == "update":
            change = _resolve(world, spec.change(world))
            record_update(actor=actor, obj=obj, data=change, expected_version=obj.version)
            stored = spec.model.objects.get(pk=obj.pk)
            assert stored.version == obj.version + 1
            after = snapshot(stored)
            for name in change:
                assert after[name] != snapshot(obj)[name], name
        else:
            record_delete(actor=actor, obj=obj, expected_version=obj.version)
            assert not spec.model.objects.filter(pk=obj.pk).exists()
    last = Change.objects.filter(model=spec.model._meta.label_lower, object_id=obj.pk).latest("id")
    assert (last.action, last.actor_id, last.actor_name) == (action, actor.pk, actor.get_username())


@pytest.mark.parametrize(("persona", "action", "target", "allowed"), [c for c in CASES if not c.values[3]])
def test_persona_is_refused_a_forbidden_write_and_nothing_changes(
    world: World, persona: str, action: str, target: str, allowed: bool
) -> None:
    actor = getattr(world, persona)
    spec = TARGETS[target]
    if action == "create":
        data = spec.new(world)
        count, changes = spec.model.objects.count(), Change.objects.count()
        with pytest.raises(Forbidden):
            record_create(actor=actor, model=spec.model, data=data)
        assert spec.model.objects.count() == count
    else:
        obj = spec.make(world)
        before, changes = _stored(obj), Change.objects.count()
        with pytest.raises(Forbidden):
            if action == "update":
                change = _resolve(world, spec.change(world))
                record_update(actor=actor, obj=obj, data=change, expected_version=obj.version)
            else:
                record_delete(actor=actor, obj=obj, expected_version=obj.version)
        assert _stored(obj) == before
    assert Change.objects.count() == changes


# --- rules that a single row cannot show -------------------------------------------------------


def test_group_lead_cannot_move_their_task_into_another_group(world: World) -> None:
    task = make_task(world.sz, world.area, world.group1)
    with pytest.raises(Forbidden):
        record_update(actor=world.group_lead, obj=task, data={"special_group": world.group2}, expected_version=1)
    assert Task.objects.get(pk=task.pk).special_group_id == world.group1.pk


def test_group_lead_cannot_pull_another_groups_task_into_their_group(world: World) -> None:
    task = make_task(world.sz, world.area, world.group2)
    with pytest.raises(Forbidden):
        record_update(actor=world.group_lead, obj=task, data={"special_group": world.group1}, expected_version=1)
    assert Task.objects.get(pk=task.pk).special_group_id == world.group2.pk


def test_reporter_cannot_edit_another_units_task_even_one_shared_with_them(world: World) -> None:
    task = make_task(world.sz, world.area, world.group2, is_shared=True)
    record_update(actor=None, obj=task, data={"supporting_units": [world.gz, world.hk]}, expected_version=1)
    for persona in (world.gz_reporter, world.hk_counterpart):
        with pytest.raises(Forbidden):
            record_update(actor=persona, obj=task, data={"progress": 70}, expected_version=2)
    assert Task.objects.get(pk=task.pk).progress == 0


def test_reporter_cannot_report_for_their_unit_on_another_units_task(world: World) -> None:
    data = _update_data(world, "sz", "group2", "gz")
    with pytest.raises(Forbidden):
        record_create(actor=world.gz_reporter, model=Update, data=data)
    assert not Update.objects.exists()


def test_reporter_cannot_report_in_another_units_name_on_their_own_task(world: World) -> None:
    data = _update_data(world, "gz", "group2", "sz")
    with pytest.raises(Forbidden):
        record_create(actor=world.gz_reporter, model=Update, data=data)
    assert not Update.objects.exists()


def test_counterpart_cannot_hand_a_rule_status_row_to_another_jurisdiction(world: World) -> None:
    row = record_create(actor=None, model=JurisdictionStatus, data=_status_data(world, "HK"))
    with pytest.raises(Forbidden):
        record_update(actor=world.hk_counterpart, obj=row, data={"jurisdiction": world.j["MO"]}, expected_version=1)
    assert JurisdictionStatus.objects.get(pk=row.pk).jurisdiction_id == world.j["HK"].pk


def test_macao_counterpart_cannot_change_the_hong_kong_column(world: World) -> None:
    macao = make_user("mo-counterpart", world.mo)
    row = record_create(actor=None, model=JurisdictionStatus, data=_status_data(world, "HK"))
    with pytest.raises(Forbidden):
        record_update(actor=macao, obj=row, data={"status": "agreed"}, expected_version=1)
    assert JurisdictionStatus.objects.get(pk=row.pk).status == "under_study"


def test_reporter_rights_reach_sub_units_created_under_their_unit(world: World) -> None:
    deeper = make_unit("广州市发展改革委员会综合处", "department", world.j["GD"], world.gz_sub)
    task = make_task(deeper, world.area)
    record_update(actor=world.gz_reporter, obj=task, data={"progress": 30}, expected_version=1)
    assert Task.objects.get(pk=task.pk).progress == 30


def test_reporter_of_a_sub_unit_cannot_change_the_parent_units_task(world: World) -> None:
    sub_reporter = make_user("gz-sub-reporter", world.gz_sub)
    task = make_task(world.gz, world.area)
    with pytest.raises(Forbidden):
        record_update(actor=sub_reporter, obj=task, data={"progress": 30}, expected_version=1)
    assert Task.objects.get(pk=task.pk).progress == 0


def test_only_the_office_and_the_tasks_group_lead_restore_a_deleted_task(world: World) -> None:
    task = make_task(world.gz, world.area, world.group1)
    record_delete(actor=world.office_admin, obj=task, expected_version=1)
    for persona in (world.gz_reporter, world.hk_counterpart, world.viewer, world.outsider):
        with pytest.raises(Forbidden):
            record_restore(actor=persona, model=Task, pk=task.pk)
        assert not Task.objects.filter(pk=task.pk).exists()
    record_restore(actor=world.group_lead, model=Task, pk=task.pk)
    assert Task.objects.filter(pk=task.pk).exists()


def test_an_incomplete_record_from_a_reporter_is_a_validation_error_naming_the_field(world: World) -> None:
    count = Change.objects.count()
    with pytest.raises(ValidationError) as info:
        record_create(actor=world.gz_reporter, model=Milestone, data={"title": "中期", "due_date": "2026-06-30"})
    assert "task" in info.value.message_dict
    assert Change.objects.count() == count


def test_a_user_with_no_membership_is_refused_even_for_a_complete_record(world: World) -> None:
    with pytest.raises(Forbidden):
        record_create(actor=world.outsider, model=Task, data=_task_data(world, "gz", None))
    assert not Task.objects.filter(title__startswith="新任务").exists()


def test_a_group_lead_removing_a_milestones_task_gets_a_validation_error_naming_the_field(world: World) -> None:
    milestone = _milestone(world, "sz", "group1")
    with pytest.raises(ValidationError) as info:
        record_update(actor=world.group_lead, obj=milestone, data={"task": None}, expected_version=1)
    assert "task" in info.value.message_dict
    assert Milestone.objects.get(pk=milestone.pk).task_id is not None


def test_reporter_resubmits_an_update_the_office_returned(world: World) -> None:
    update = _update(world, "gz", "group2", "gz")
    record_update(
        actor=world.office_admin,
        obj=update,
        data={"state": "returned", "return_reason": "请补充佐证材料"},
        expected_version=1,
    )
    record_update(
        actor=world.gz_reporter,
        obj=update,
        data={"progress_text": "已补充材料", "state": "submitted"},
        expected_version=2,
    )
    assert Update.objects.get(pk=update.pk).state == "submitted"


def test_reporter_cannot_reopen_an_accepted_update(world: World) -> None:
    update = _update(world, "gz", "group2", "gz")
    record_update(actor=world.office_admin, obj=update, data={"state": "accepted"}, expected_version=1)
    with pytest.raises(Forbidden):
        record_update(actor=world.gz_reporter, obj=update, data={"state": "draft"}, expected_version=2)
    assert Update.objects.get(pk=update.pk).state == "accepted"


def test_reporter_cannot_create_an_update_already_accepted(world: World) -> None:
    data = {**_update_data(world, "gz", "group2", "gz"), "state": "accepted"}
    with pytest.raises(Forbidden):
        record_create(actor=world.gz_reporter, model=Update, data=data)
    assert not Update.objects.exists()
