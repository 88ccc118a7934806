"""Load the GBA demo programme through the one write path.

Every record is looked up by its natural key first (a code, a username, a task and round …)
and created only when missing, so loading twice creates nothing and logs nothing the second
time. All writes go through `wanqu.core.services.record_create` with the system as actor.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone

from wanqu.core.context import batch
from wanqu.core.models import ExchangeRate
from wanqu.core.services import record_create
from wanqu.demo.data import indicators as indicator_data
from wanqu.demo.data import ledger as ledger_data
from wanqu.demo.data import org as org_data
from wanqu.demo.data import plans as plan_data
from wanqu.demo.data import registers as register_data
from wanqu.demo.data import rounds as round_data
from wanqu.geo.models import City, Jurisdiction
from wanqu.indicators.models import Indicator, Observation, Target
from wanqu.indicators.quantities import parse_quantity
from wanqu.ledger.models import Milestone, Round, RoundObligation, SupervisionNotice, Task, Update
from wanqu.org.models import Membership, Unit
from wanqu.plans.models import Area, Clause, Plan
from wanqu.registers.models import (
    Instrument,
    JurisdictionStatus,
    Platform,
    PolicyIdea,
    Project,
    ProjectStage,
    RuleItem,
)

M = TypeVar("M", bound=models.Model)


@dataclass
class SignIn:
    username: str
    role: str
    unit: str
    password: str


@dataclass
class Result:
    """What one load did: records created per model, and the sign-ins to print."""

    created: Counter[str] = field(default_factory=Counter)
    sign_ins: list[SignIn] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.created.values())


def load(today: dt.date | None = None) -> Result:
    """Load the programme, dated relative to `today`; one batch, one transaction."""
    loader = Loader(today or dt.date.today())
    with batch("demo"), transaction.atomic():
        loader.run()
    return loader.result


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _quarter(day: dt.date) -> tuple[dt.date, dt.date, int]:
    q = (day.month - 1) // 3
    start = dt.date(day.year, 3 * q + 1, 1)
    nxt = dt.date(day.year + (q == 3), (3 * q + 3) % 12 + 1, 1)
    return start, nxt - dt.timedelta(days=1), q + 1


class Loader:
    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.result = Result()
        self.j: dict[str, Jurisdiction] = {}
        self.cities: dict[str, City] = {}
        self.units: dict[str, Unit] = {}
        self.users: dict[str, Any] = {}
        self.plans: dict[str, Plan] = {}
        self.clauses: dict[str, Clause] = {}
        self.areas: dict[str, Area] = {}
        self.platforms: dict[str, Platform] = {}
        self.projects: dict[str, Project] = {}
        self.rule_items: dict[str, RuleItem] = {}
        self.indicators: dict[str, Indicator] = {}
        self.tasks: dict[str, Task] = {}
        self.rounds: dict[str, Round] = {}

    # --- helpers ---------------------------------------------------------------------------

    def day(self, offset: int) -> dt.date:
        return self.today + dt.timedelta(days=offset)

    def ensure(self, model: type[M], key: Mapping[str, Any], data: Mapping[str, Any] | None = None) -> M:
        """The record with these key fields, created with `data` as well if it is missing."""
        found = model._default_manager.filter(**key).first()
        if found is not None:
            return found
        obj = record_create(actor=None, model=model, data={**key, **(data or {})})  # type: ignore[type-var]
        self.result.created[model._meta.label] += 1
        return obj  # type: ignore[return-value]

    def cities_for(self, value: Any) -> list[City]:
        if value == register_data.MAINLAND:
            return [self.cities[c] for c in org_data.MAINLAND_CITIES]
        return [self.cities[c] for c in value or []]

    # --- the steps -------------------------------------------------------------------------

    def run(self) -> None:
        self.load_geo()
        self.load_units()
        self.load_users()
        self.load_rates()
        self.load_plans()
        self.load_areas()
        self.load_platforms()
        self.load_projects()
        self.load_rule_items()
        self.load_policy_ideas()
        self.load_indicators()
        self.load_tasks()
        self.load_rounds()
        self.load_notices()

    def load_geo(self) -> None:
        for order, (code, name, name_en, legal, currency, script) in enumerate(org_data.JURISDICTIONS):
            self.j[code] = self.ensure(
                Jurisdiction,
                {"code": code},
                {
                    "name": name,
                    "name_en": name_en,
                    "legal_system": legal,
                    "currency": currency,
                    "default_script": script,
                    "order": order,
                },
            )
        for order, (code, name, name_en, j) in enumerate(org_data.CITIES, start=1):
            self.cities[code] = self.ensure(
                City, {"code": code}, {"name": name, "name_en": name_en, "jurisdiction": self.j[j], "order": order}
            )

    def load_units(self) -> None:
        for order, (code, name, name_en, kind, j, parent, city) in enumerate(org_data.UNITS, start=1):
            self.units[code] = self.ensure(
                Unit,
                {"code": code},
                {
                    "name": name,
                    "name_en": name_en,
                    "kind": kind,
                    "jurisdiction": self.j[j],
                    "parent": self.units[parent] if parent else None,
                    "city": self.cities[city] if city else None,
                    "order": order,
                },
            )

    def load_users(self) -> None:
        user_model = get_user_model()
        for username, role, unit_code, first_name in org_data.USERS:
            user = user_model._default_manager.filter(username=username).first()
            if user is None:
                user = user_model.objects.create_user(  # type: ignore[attr-defined]
                    username=username, password=org_data.PASSWORD, is_staff=True, first_name=first_name
                )
                self.result.created["auth.User"] += 1
            self.users[username] = user
            unit = self.units[unit_code]
            self.ensure(Membership, {"user": user, "unit": unit, "role": role})
            self.result.sign_ins.append(SignIn(username, role, unit.name, org_data.PASSWORD))

    def load_rates(self) -> None:
        for currency, valid_from, rate in org_data.EXCHANGE_RATES:
            self.ensure(
                ExchangeRate,
                {"currency": currency, "valid_from": _date(valid_from)},
                {"cny_per_unit": Decimal(rate), "source": org_data.RATE_SOURCE},
            )

    def load_plans(self) -> None:
        for spec in plan_data.PLANS:
            plan = self.ensure(
                Plan,
                {"code": spec["code"]},
                {
                    "name": spec["name"],
                    "name_en": spec["name_en"],
                    "kind": spec["kind"],
                    "status": spec["status"],
                    "issuer": self.units[spec["issuer"]] if spec["issuer"] else None,
                    "issued_on": _date(spec["issued_on"]),
                    "summary": spec["summary"],
                },
            )
            self.plans[spec["code"]] = plan
            self._load_clauses(plan, None, spec["clauses"], spec["code"] + ":")

    def _load_clauses(self, plan: Plan, parent: Clause | None, specs: list[Any], prefix: str) -> None:
        for ordinal, (title, title_en, children) in enumerate(specs, start=1):
            clause = self.ensure(
                Clause,
                {"plan": plan, "parent": parent, "ordinal": ordinal},
                {"title": title, "title_en": title_en},
            )
            ref = f"{prefix}{ordinal}"
            self.clauses[ref] = clause
            self._load_clauses(plan, clause, children, ref + ".")

    def load_areas(self) -> None:
        for order, (code, name, name_en) in enumerate(plan_data.AREAS, start=1):
            self.areas[code] = self.ensure(Area, {"code": code}, {"name": name, "name_en": name_en, "order": order})

    def load_platforms(self) -> None:
        for spec in register_data.PLATFORMS:
            self.platforms[spec["code"]] = self.ensure(
                Platform,
                {"code": spec["code"]},
                {
                    "name": spec["name"],
                    "name_en": spec["name_en"],
                    "level": spec["level"],
                    "city": self.cities[spec["city"]] if spec["city"] else None,
                    "managing_unit": self.units[spec["managing_unit"]],
                    "geometry": spec["geometry"],
                    "description": spec["description"],
                },
            )

    def load_projects(self) -> None:
        for spec in register_data.PROJECTS:
            amount, currency = spec.get("investment", (None, ""))
            project = self.ensure(
                Project,
                {"code": spec["code"]},
                {
                    "name": spec["name"],
                    "name_en": spec["name_en"],
                    "kind": spec["kind"],
                    "stage": spec["stages"][-1][0],
                    "cities": self.cities_for(spec["cities"]),
                    "lead_unit": self.units[spec["lead_unit"]],
                    "platform": self.platforms[spec["platform"]] if spec.get("platform") else None,
                    "investment_amount": Decimal(amount) if amount else None,
                    "investment_currency": currency,
                    "geometry": spec["geometry"],
                },
            )
            self.projects[spec["code"]] = project
            for stage, reached_on, note in spec["stages"]:
                self.ensure(
                    ProjectStage, {"project": project, "stage": stage}, {"reached_on": _date(reached_on), "note": note}
                )

    def load_rule_items(self) -> None:
        for spec in register_data.RULE_ITEMS:
            item = self.ensure(
                RuleItem,
                {"code": spec["code"]},
                {
                    "name": spec["name"],
                    "name_en": spec["name_en"],
                    "domain": spec["domain"],
                    "lead_unit": self.units[spec["lead_unit"]],
                    "effective_on": _date(spec.get("effective_on")),
                    "scope_cities": self.cities_for(spec.get("scope_cities")),
                },
            )
            self.rule_items[spec["code"]] = item
            for j, (status, position, since) in spec["statuses"].items():
                self.ensure(
                    JurisdictionStatus,
                    {"rule_item": item, "jurisdiction": self.j[j]},
                    {"status": status, "position": position, "since": _date(since)},
                )
            for j, title, reference, issued_on in spec.get("instruments", []):
                self.ensure(
                    Instrument,
                    {"rule_item": item, "jurisdiction": self.j[j], "title": title},
                    {"reference": reference, "issued_on": _date(issued_on)},
                )

    def load_policy_ideas(self) -> None:
        for spec in register_data.POLICY_IDEAS:
            self.ensure(
                PolicyIdea,
                {"code": spec["code"]},
                {
                    "title": spec["title"],
                    "title_en": spec["title_en"],
                    "proposal": spec["proposal"],
                    "proposer": self.units[spec["proposer"]],
                    "proposed_on": _date(spec["proposed_on"]),
                    "assessment": spec.get("assessment", ""),
                    "state": spec["state"],
                    "rule_item": self.rule_items[spec["rule_item"]] if spec.get("rule_item") else None,
                },
            )

    def load_indicators(self) -> None:
        start, end = (_date(d) for d in indicator_data.PERIOD)
        year_end = dt.date(self.today.year, 12, 31)
        for spec in indicator_data.INDICATORS:
            indicator = self.ensure(
                Indicator,
                {"code": spec["code"]},
                {
                    "name": spec["name"],
                    "name_en": spec["name_en"],
                    "unit": spec["unit"],
                    "aggregation": spec["aggregation"],
                    "direction": spec["direction"],
                    "area": self.areas[spec["area"]],
                    "owner": self.units[spec["owner"]],
                },
            )
            self.indicators[spec["code"]] = indicator
            for wording, note in spec["observations"]:
                q = parse_quantity(wording)
                assert q.unit == indicator.unit, f"{wording} is in {q.unit}, not {indicator.unit}"
                self.ensure(
                    Observation,
                    {"indicator": indicator, "scope": "programme", "period_start": start, "period_end": end},
                    {
                        "qualifier": q.qualifier,
                        "value": q.value,
                        "source": indicator_data.SOURCE,
                        "note": note,
                    },
                )
            for wording, due in spec["targets"]:
                q = parse_quantity(wording)
                assert q.unit == indicator.unit, f"{wording} is in {q.unit}, not {indicator.unit}"
                self.ensure(
                    Target,
                    {
                        "indicator": indicator,
                        "scope": "programme",
                        "due_on": year_end if due == "year-end" else _date(due),
                    },
                    {"qualifier": q.qualifier, "value": q.value},
                )

    # --- the ledger --------------------------------------------------------------------------

    def load_tasks(self) -> None:
        for spec in ledger_data.TASKS:
            profile = ledger_data.PROFILES[spec["profile"]]
            parent = self.tasks[f"GBA-2-{spec['parent']}"] if spec.get("parent") else None
            task = self.ensure(
                Task,
                {"code": spec["code"]},
                {
                    "title": spec["title"],
                    "title_en": spec["title_en"],
                    "area": self.areas[spec["area"]],
                    "parent": parent,
                    "lead_unit": self.units[spec["lead"]],
                    "supporting_units": [self.units[u] for u in spec.get("support", [])],
                    "special_group": self.units[spec["group"]],
                    "clauses": [self.clauses[c] for c in spec.get("clauses", [])],
                    "platforms": [self.platforms[p] for p in spec.get("platforms", [])],
                    "projects": [self.projects[p] for p in spec.get("projects", [])],
                    "rule_items": [self.rule_items[r] for r in spec.get("rules", [])],
                    "start_date": self.day(profile["start"]),
                    "due_date": self.day(profile["due"]),
                    "status": profile["status"],
                    "progress": profile["progress"],
                    "completed_on": self.day(profile["completed"]) if "completed" in profile else None,
                    "is_shared": spec.get("shared", False),
                },
            )
            self.tasks[spec["code"]] = task
            self._load_milestones(task, spec, profile)

    def _load_milestones(self, task: Task, spec: dict[str, Any], profile: dict[str, Any]) -> None:
        if "milestones" in spec:
            for title, title_en, due, done in spec["milestones"]:
                self.ensure(
                    Milestone,
                    {"task": task, "title": title},
                    {
                        "title_en": title_en,
                        "due_date": self.day(due),
                        "done_on": self.day(done) if done is not None else None,
                    },
                )
            return
        start, due = profile["start"], profile["due"]
        status = profile["status"]
        points = {"plan": start + 30, "mid": (start + due) // 2, "due": due}
        for title, title_en, where in ledger_data.GENERIC_MILESTONES:
            at = points[where]
            if where == "due":
                done = profile.get("completed")
            elif where == "plan":
                done = at - 3 if at - 3 < 0 else None
            else:
                done = at - 5 if at - 5 < 0 and status in {"done", "on_track"} else None
            self.ensure(
                Milestone,
                {"task": task, "title": title},
                {
                    "title_en": title_en,
                    "due_date": self.day(at),
                    "done_on": self.day(done) if done is not None else None,
                },
            )

    def load_rounds(self) -> None:
        start, end, quarter = _quarter(self.today)
        prev_start, prev_end, prev_quarter = _quarter(start - dt.timedelta(days=1))
        closed = self.ensure(
            Round,
            {"name": f"{prev_start.year}年第{prev_quarter}季度进展报送"},
            {
                "period_kind": "quarter",
                "period_start": prev_start,
                "period_end": prev_end,
                "due_date": prev_end + dt.timedelta(days=10),
                "state": "closed",
            },
        )
        current = self.ensure(
            Round,
            {"name": f"{start.year}年第{quarter}季度进展报送"},
            {
                "period_kind": "quarter",
                "period_start": start,
                "period_end": end,
                "due_date": self.day(5),
                "state": "open",
            },
        )
        reviewer = self.users["office"]
        now = timezone.now()
        for code in round_data.CLOSED_UPDATES:
            task = self.tasks[code]
            reported = timezone.make_aware(dt.datetime.combine(prev_end, dt.time(10)))
            self.ensure(
                Update,
                {"task": task, "round": closed, "unit": task.lead_unit},
                {
                    "progress_text": f"{task.title}：本季度按计划推进，阶段性目标基本完成。",
                    "next_steps": "按照工作方案继续推进。",
                    "status": "on_track" if task.status == "done" else task.status,
                    "percent": max(task.progress - 15, 0),
                    "state": "accepted",
                    "submitted_at": reported,
                    "first_submitted_at": reported,
                    "reviewed_at": reported + dt.timedelta(days=3),
                    "reviewer": reviewer,
                },
            )
        for code, (state, progress, problems, next_steps, reason) in round_data.OPEN_UPDATES.items():
            task = self.tasks[code]
            submitted = now - dt.timedelta(days=3) if state != "draft" else None
            reviewed = now - dt.timedelta(days=1) if state in {"returned", "accepted"} else None
            self.ensure(
                Update,
                {"task": task, "round": current, "unit": task.lead_unit},
                {
                    "progress_text": progress,
                    "problems": problems,
                    "next_steps": next_steps,
                    "status": task.status,
                    "percent": task.progress,
                    "state": state,
                    "submitted_at": submitted,
                    "first_submitted_at": submitted,
                    "reviewed_at": reviewed,
                    "reviewer": reviewer if reviewed else None,
                    "return_reason": reason,
                },
            )

        self._load_obligations(closed, round_data.CLOSED_UPDATES)
        self._load_obligations(current, list(round_data.OPEN_UPDATES))

    def _load_obligations(self, rnd: Round, reported: list[str]) -> None:
        """Who owes what: every open task's lead unit, and every unit that reported."""
        codes = sorted(set(reported) | {c for c, t in self.tasks.items() if t.status not in {"done", "suspended"}})
        for code in codes:
            task = self.tasks[code]
            self.ensure(RoundObligation, {"round": rnd, "task": task, "unit": task.lead_unit})

    def load_notices(self) -> None:
        for spec in round_data.NOTICES:
            task = self.tasks[spec["task"]]
            self.ensure(
                SupervisionNotice,
                {"task": task, "unit": self.units[spec["unit"]], "kind": spec["kind"]},
                {
                    "grade": spec["grade"],
                    "reason": spec["reason"],
                    "issued_on": self.day(spec["issued"]),
                    "reply_due": self.day(spec["reply_due"]),
                    "reply": spec.get("reply", ""),
                    "replied_on": self.day(spec["replied"]) if "replied" in spec else None,
                    "state": spec.get("state", "open"),
                },
            )
