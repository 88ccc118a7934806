"""A synthetic programme N times the demo's size, for measuring page speed.

`generate(scale)` runs on top of the loaded demo programme (`wanqu.demo.loader`) and adds
(scale - 1) times the demo's tasks (with their milestones and updates in the existing rounds),
units (city sub-units), projects with their stages, rule items with their statuses in
Guangdong, Hong Kong and Macao, and indicator observations.

Every generated record is numbered from one per kind and so has a deterministic natural key:
tasks are ``GEN-000123``, units ``gen-u-000123``, projects ``gen-p-000123``, rule items
``gen-r-000123`` and observations carry ``gen-o-000123`` as their note. A record's children
(milestones, stages, statuses, updates) are created together with it in the same transaction,
so a record that exists is complete. Running again with the same scale looks up what exists and
adds nothing; a larger scale adds only the difference. Which demo area, lead unit, special group
and date profile a generated task takes follows from its number, so the mix of done, overdue,
due-soon and on-track tasks is the demo's own, with dates shifted by a few days around today.

All writes go through `wanqu.core.services.record_create` with the system as actor, so each
record is validated and logged with its `Change` row, all in one transaction and one batch.
That is fast enough that no bulk path is needed: measured on a busy two-core machine, scale 100
(35,343 records: 4,158 tasks, 12,474 milestones, 6,831 units …) took 107 s on SQLite, and scale
10 took 17 s on PostgreSQL (about 5 ms a record, so some three minutes at scale 100).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone

from wanqu.core.context import batch
from wanqu.core.services import record_create
from wanqu.demo.data import indicators as indicator_data
from wanqu.demo.data import ledger as ledger_data
from wanqu.demo.data import org as org_data
from wanqu.demo.data import registers as register_data
from wanqu.demo.data import rounds as round_data
from wanqu.geo.models import City, Jurisdiction
from wanqu.indicators.models import Indicator, Observation
from wanqu.ledger.models import Milestone, Round, Task, Update
from wanqu.org.choices import UnitKind
from wanqu.org.models import Unit
from wanqu.plans.models import Area
from wanqu.registers.choices import AlignmentStatus, ProjectKind, RuleDomain, Stage
from wanqu.registers.models import JurisdictionStatus, Project, ProjectStage, RuleItem

M = TypeVar("M", bound=models.Model)
T = TypeVar("T")

MAX_SCALE = 1000
DEMO_TASK = ledger_data.TASKS[0]["code"]
"""A demo task whose presence says the demo programme is loaded."""

# The demo's size per generated kind: scale N adds (N - 1) times these.
PER_SCALE = {
    "tasks": len(ledger_data.TASKS),
    "units": len(org_data.UNITS),
    "projects": len(register_data.PROJECTS),
    "rule_items": len(register_data.RULE_ITEMS),
    "observations": sum(len(spec["observations"]) for spec in indicator_data.INDICATORS),
}

STAGES = list(Stage.values)
STATUSES = [s for s in AlignmentStatus.values if s != AlignmentStatus.NOT_APPLICABLE]


class DemoMissing(Exception):
    """The demo programme is not loaded, so there is nothing to build on."""


@dataclass
class Result:
    """What one run did: records created per model, and how long it took."""

    scale: int
    created: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.created.values())


def task_code(n: int) -> str:
    return f"GEN-{n:06d}"


def unit_code(n: int) -> str:
    return f"gen-u-{n:06d}"


def project_code(n: int) -> str:
    return f"gen-p-{n:06d}"


def rule_item_code(n: int) -> str:
    return f"gen-r-{n:06d}"


def observation_note(n: int) -> str:
    return f"gen-o-{n:06d}"


def demo_loaded() -> bool:
    return Task.objects.filter(code=DEMO_TASK).exists()


def generate(scale: int, today: dt.date | None = None) -> Result:
    """Bring the generated programme up to `scale` times the demo; one batch, one transaction."""
    if not 1 <= scale <= MAX_SCALE:
        raise ValueError(f"scale must be between 1 and {MAX_SCALE}, not {scale}")
    started = time.monotonic()
    generator = Generator(scale, today or dt.date.today())
    with batch("generate"), transaction.atomic():
        if not demo_loaded():
            raise DemoMissing("The demo programme is not loaded; run `wanqu demo` first.")
        generator.run()
    generator.result.seconds = time.monotonic() - started
    return generator.result


def _pick(items: list[T], n: int) -> T:
    """The n-th item (counting from one), round and round."""
    return items[(n - 1) % len(items)]


class Generator:
    def __init__(self, scale: int, today: dt.date) -> None:
        self.scale = scale
        self.today = today
        self.result = Result(scale)
        self.create: Callable[[type[M], Mapping[str, Any]], M] = self._create

    def day(self, offset: int) -> dt.date:
        return self.today + dt.timedelta(days=offset)

    def target(self, kind: str) -> int:
        return (self.scale - 1) * PER_SCALE[kind]

    def _create(self, model: type[M], data: Mapping[str, Any]) -> M:
        obj = record_create(actor=None, model=model, data=data)  # type: ignore[type-var]
        self.result.created[model._meta.label] += 1
        return obj  # type: ignore[return-value]

    @staticmethod
    def missing(model: type[models.Model], codes: dict[int, str], key: str = "code") -> list[int]:
        """The numbers among `codes` whose record does not exist yet."""
        found: set[str] = set()
        values = list(codes.values())
        for start in range(0, len(values), 500):
            chunk = values[start : start + 500]
            found.update(model._default_manager.filter(**{f"{key}__in": chunk}).values_list(key, flat=True))
        return [n for n, code in codes.items() if code not in found]

    # --- the steps ---------------------------------------------------------------------------

    def run(self) -> None:
        self.j = {j.code: j for j in Jurisdiction.objects.all()}
        self.cities = {c.code: c for c in City.objects.all()}
        self.units = {u.code: u for u in Unit.objects.filter(code__in=[row[0] for row in org_data.UNITS])}
        self.areas = {a.code: a for a in Area.objects.all()}
        self.reviewer = get_user_model()._default_manager.filter(username="office").first()
        self.generate_units()
        self.generate_projects()
        self.generate_rule_items()
        self.generate_tasks()
        self.generate_observations()

    def generate_units(self) -> None:
        parents = [u for u in self.units.values() if u.kind == UnitKind.CITY_GOVERNMENT and u.city_id is not None]
        parents.sort(key=lambda u: u.code)
        wanted = {n: unit_code(n) for n in range(1, self.target("units") + 1)}
        for n in self.missing(Unit, wanted):
            parent = _pick(parents, n)
            city = parent.city  # cached on the shared parent: one query per city government
            assert city is not None
            self.create(
                Unit,
                {
                    "code": wanted[n],
                    "name": f"{parent.name}合成工作单位{n:06d}",
                    "name_en": f"{city.name_en} synthetic unit {n}",
                    "kind": UnitKind.DEPARTMENT,
                    "jurisdiction": parent.jurisdiction_id,
                    "parent": parent,
                    "city": city,
                    "order": 1000 + n % 30000,
                },
            )

    def generate_projects(self) -> None:
        leads = sorted({spec["lead_unit"] for spec in register_data.PROJECTS})
        mainland = [self.cities[c] for c in org_data.MAINLAND_CITIES]
        kinds = list(ProjectKind.values)
        wanted = {n: project_code(n) for n in range(1, self.target("projects") + 1)}
        for n in self.missing(Project, wanted):
            # One to three stages reached, from the start or from a later stage (as the demo's are).
            first_stage = (n * 3) % (len(STAGES) - 2)
            reached = STAGES[first_stage : first_stage + 1 + n % 3]
            amount = Decimal(100_000_000 * (1 + n % 50)) if n % 3 else None
            project = self.create(
                Project,
                {
                    "code": wanted[n],
                    "name": f"合成重大项目{n:06d}",
                    "name_en": f"Synthetic major project {n}",
                    "kind": _pick(kinds, n),
                    "stage": reached[-1],
                    "cities": [_pick(mainland, n)],
                    "lead_unit": self.units[_pick(leads, n)],
                    "investment_amount": amount,
                    "investment_currency": "CNY" if amount else "",
                },
            )
            first = -200 * len(reached) - n % 90
            for i, stage in enumerate(reached):
                self.create(
                    ProjectStage,
                    {"project": project, "stage": stage, "reached_on": self.day(first + 200 * i), "note": "合成数据"},
                )

    def generate_rule_items(self) -> None:
        leads = sorted({spec["lead_unit"] for spec in register_data.RULE_ITEMS})
        mainland = [self.cities[c] for c in org_data.MAINLAND_CITIES]
        domains = list(RuleDomain.values)
        wanted = {n: rule_item_code(n) for n in range(1, self.target("rule_items") + 1)}
        for n in self.missing(RuleItem, wanted):
            item = self.create(
                RuleItem,
                {
                    "code": wanted[n],
                    "name": f"合成规则衔接事项{n:06d}",
                    "name_en": f"Synthetic rule alignment item {n}",
                    "domain": _pick(domains, n),
                    "lead_unit": self.units[_pick(leads, n)],
                    "effective_on": self.day(-30 * (n % 40)) if n % 2 else None,
                    "scope_cities": mainland if n % 2 else [_pick(mainland, n)],
                },
            )
            for k, j in enumerate(["GD", "HK", "MO"]):
                status = STATUSES[(n + 2 * k) % len(STATUSES)]
                self.create(
                    JurisdictionStatus,
                    {
                        "rule_item": item,
                        "jurisdiction": self.j[j],
                        "status": status,
                        "position": "合成数据",
                        "since": None if status == AlignmentStatus.NOT_STARTED else self.day(-(n * 7 + k) % 700),
                    },
                )

    def generate_tasks(self) -> None:
        templates = ledger_data.TASKS
        rounds = {
            state: Round.objects.filter(state=state).order_by("-period_end").first() for state in ("closed", "open")
        }
        n_units = self.target("units")
        n_projects = self.target("projects")
        n_rules = self.target("rule_items")
        wanted = {n: task_code(n) for n in range(1, self.target("tasks") + 1)}
        missing = self.missing(Task, wanted)
        extra_units = {
            u.code: u
            for u in Unit.objects.filter(code__in={unit_code(1 + n % n_units) for n in missing} if n_units else [])
        }
        projects = {
            p.code: p
            for p in Project.objects.filter(
                code__in={project_code(1 + n % n_projects) for n in missing} if n_projects else []
            )
        }
        rule_items = {
            r.code: r
            for r in RuleItem.objects.filter(
                code__in={rule_item_code(1 + n % n_rules) for n in missing} if n_rules else []
            )
        }
        for n in missing:
            spec = _pick(templates, n)
            profile = ledger_data.PROFILES[spec["profile"]]
            shift = (n * 37) % 21 - 10  # -10 … +10 days
            start, due = profile["start"] + shift, profile["due"] + shift
            completed = min(profile["completed"] + shift, 0) if "completed" in profile else None
            support = [extra_units[unit_code(1 + n % n_units)]] if n_units else []
            task = self.create(
                Task,
                {
                    "code": wanted[n],
                    "title": f"{spec['title']}（合成{n}）",
                    "title_en": f"{spec['title_en']} (synthetic {n})",
                    "area": self.areas[spec["area"]],
                    "lead_unit": self.units[spec["lead"]],
                    "special_group": self.units[spec["group"]],
                    "supporting_units": support,
                    "projects": [projects[project_code(1 + n % n_projects)]] if n_projects and n % 3 == 0 else [],
                    "rule_items": [rule_items[rule_item_code(1 + n % n_rules)]]
                    if n_rules and spec["area"] == "rules"
                    else [],
                    "start_date": self.day(start),
                    "due_date": self.day(due),
                    "status": profile["status"],
                    "progress": profile["progress"],
                    "completed_on": self.day(completed) if completed is not None else None,
                    "is_shared": spec.get("shared", False),
                },
            )
            self.milestones(task, profile["status"], start, due, completed)
            self.updates(task, spec["code"], rounds)

    def milestones(self, task: Task, status: str, start: int, due: int, completed: int | None) -> None:
        """The demo's generic three milestones, done or not as the loader would have it."""
        points = {"plan": start + 30, "mid": (start + due) // 2, "due": due}
        for title, title_en, where in ledger_data.GENERIC_MILESTONES:
            at = points[where]
            if where == "due":
                done = completed
            elif where == "plan":
                done = at - 3 if at - 3 < 0 else None
            else:
                done = at - 5 if at - 5 < 0 and status in {"done", "on_track"} else None
            self.create(
                Milestone,
                {
                    "task": task,
                    "title": title,
                    "title_en": title_en,
                    "due_date": self.day(at),
                    "done_on": self.day(done) if done is not None else None,
                },
            )

    def updates(self, task: Task, template: str, rounds: dict[str, Round | None]) -> None:
        """An update in each round where the template demo task has one."""
        closed, current = rounds["closed"], rounds["open"]
        if closed is not None and template in round_data.CLOSED_UPDATES:
            reported = timezone.make_aware(dt.datetime.combine(closed.period_end, dt.time(10)))
            self.create(
                Update,
                {
                    "task": task,
                    "round": closed,
                    "unit": task.lead_unit,
                    "progress_text": f"{task.title}：本季度按计划推进。",
                    "next_steps": "按照工作方案继续推进。",
                    "status": "on_track" if task.status == "done" else task.status,
                    "percent": max(task.progress - 15, 0),
                    "state": "accepted",
                    "submitted_at": reported,
                    "reviewed_at": reported + dt.timedelta(days=3),
                    "reviewer": self.reviewer,
                },
            )
        if current is not None and template in round_data.OPEN_UPDATES:
            state, progress, problems, next_steps, reason = round_data.OPEN_UPDATES[template]
            now = timezone.now()
            reviewed = now - dt.timedelta(days=1) if state in {"returned", "accepted"} else None
            self.create(
                Update,
                {
                    "task": task,
                    "round": current,
                    "unit": task.lead_unit,
                    "progress_text": progress,
                    "problems": problems,
                    "next_steps": next_steps,
                    "status": task.status,
                    "percent": task.progress,
                    "state": state,
                    "submitted_at": now - dt.timedelta(days=3) if state != "draft" else None,
                    "reviewed_at": reviewed,
                    "reviewer": self.reviewer if reviewed else None,
                    "return_reason": reason,
                },
            )

    def generate_observations(self) -> None:
        indicators = list(Indicator.objects.filter(code__in=[s["code"] for s in indicator_data.INDICATORS]))
        indicators.sort(key=lambda i: i.code)
        mainland = [self.cities[c] for c in org_data.MAINLAND_CITIES]
        wanted = {n: observation_note(n) for n in range(1, self.target("observations") + 1)}
        for n in self.missing(Observation, wanted, key="note"):
            indicator = _pick(indicators, n)
            quarter = (n - 1) // len(indicators)  # quarters back from today
            end = self.today.replace(day=1) - dt.timedelta(days=1 + 91 * quarter)
            city = _pick(mainland, n)
            self.create(
                Observation,
                {
                    "indicator": indicator,
                    "scope": "city",
                    "city": city,
                    "period_start": end - dt.timedelta(days=90),
                    "period_end": end,
                    "qualifier": "=",
                    "value": Decimal(10 + n % 997),
                    "source": "合成数据",
                    "note": wanted[n],
                },
            )
