"""From the records to the report: the programme as of a time → a document tree.

The inputs are the change log's state at the as-of time (`wanqu.core.history.programme_as_of`),
kept as plain JSON, so a report rebuilt from its snapshot reads exactly as it did, whatever
happened to the records since. Every figure in the text is computed here from a record and
names that record.

The shape is the source document's: a title, the issuing office, a lead paragraph,
"一、工作进展情况" with one numbered paragraph (一是 … 二是 …) for the coordination mechanism
and one per work area that has something to report, then "二、下一步工作计划" with
（一）…（七）: the open tasks of each area.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from decimal import Decimal
from typing import Any

from django.utils import timezone

from wanqu.core.history import programme_as_of
from wanqu.reports import phrases as ph
from wanqu.reports.document import Block, Document, Run, to_hant

LABELS = (
    "geo.city",
    "org.unit",
    "plans.plan",
    "plans.clause",
    "plans.area",
    "registers.project",
    "registers.ruleitem",
    "registers.jurisdictionstatus",
    "indicators.indicator",
    "indicators.observation",
    "ledger.task",
    "ledger.round",
    "ledger.update",
)
LANGS = ("zh-hans", "zh-hant", "en")

# Where a register entry goes when no task links it to an area.
_KIND_AREA = {"campus": "livelihood", "science_facility": "innovation", "laboratory": "innovation"}
_DOMAIN_AREA = {
    "food_safety": "rules",
    "tax": "rules",
    "finance": "rules",
    "customs": "rules",
    "transport": "infrastructure",
    "science": "innovation",
    "employment": "livelihood",
    "health": "livelihood",
    "social_security": "livelihood",
    "qualifications": "livelihood",
    "telecoms": "rules",
    "governance": "sz-gz",
}
Row = dict[str, Any]


def collect(at: dt.datetime) -> dict[str, Any]:
    """The report's inputs: every record it may use, as the change log had it at `at`."""
    return {"as_of": at.isoformat(), "records": programme_as_of(at, LABELS)}


def build(snapshot: dict[str, Any], *, lang: str, title: str = "") -> Document:
    """The report in one language, from inputs made by `collect`."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}")
    if lang == "zh-hant":
        hans = build(snapshot, lang="zh-hans", title="")
        doc = to_hant(hans)
        doc.title = doc.blocks[0].runs[0].text = title or ph.DEFAULT_TITLE["zh-hant"]
        return doc
    return _Composer(snapshot, lang).compose(title or ph.DEFAULT_TITLE[lang])


class _Composer:
    def __init__(self, snapshot: dict[str, Any], lang: str) -> None:
        self.zh = lang == "zh-hans"
        self.lang = lang
        self.as_of = timezone.localtime(dt.datetime.fromisoformat(snapshot["as_of"]))
        records: dict[str, list[Row]] = snapshot["records"]
        self.rows = {label: sorted(records.get(label, []), key=lambda r: r["id"]) for label in LABELS}
        self.by_id = {label: {r["id"]: r for r in rows} for label, rows in self.rows.items()}
        self.areas = sorted(self.rows["plans.area"], key=lambda a: (a["order"], a["id"]))
        self.area_by_code = {a["code"]: a["id"] for a in self.areas}
        self.tasks = sorted(self.rows["ledger.task"], key=lambda t: t["code"])

    # --- words and runs --------------------------------------------------------------------

    def name(self, label: str, row: Row, field: str = "name") -> Run:
        ref = f"{label}:{row['id']}"
        if self.zh:
            return Run(row[field], ref, record=True)
        english = row.get(f"{field}_en") or ""
        if english:
            return Run(english, ref, record=True)
        return Run(f"[no English name: {row[field]}]", ref, record=True, missing_en=True)

    def figure(self, text: str, ref: str) -> Run:
        return Run(text, ref, figure=True)

    def listing(self, runs: list[Run], *, quoted: bool = False) -> list[Run]:
        """A、B、C in Chinese (or “A”“B” quoted); A, B and C in English."""
        out: list[Run] = []
        for i, run in enumerate(runs):
            if self.zh:
                if quoted:
                    out += [Run("“"), run, Run("”")]
                    continue
                if i:
                    out.append(Run("、"))
            elif i:
                out.append(Run(" and " if i == len(runs) - 1 else ", "))
            out.append(run)
        return out

    def date_text(self, day: dt.date) -> str:
        if self.zh:
            return f"{day.year}年{day.month}月{day.day}日"
        return f"{day.day} {day:%B} {day.year}"

    # --- the document ----------------------------------------------------------------------

    def compose(self, title: str) -> Document:
        doc = Document(self.lang, title, [Block("title", [Run(title)])])
        office = next((u for u in self.rows["org.unit"] if u["kind"] == "office"), None)
        if office is not None:
            doc.blocks.append(Block("issuer", [self.name("org.unit", office)]))
        doc.blocks.append(Block("lead", self.lead()))
        doc.blocks.append(Block("h1", [Run("一、工作进展情况" if self.zh else "I. Progress")]))
        paragraphs: list[tuple[str | Row, list[Run]]] = [self.mechanism()]
        placement = self.placement()
        for area in self.areas:
            runs = self.area_progress(area, placement)
            if runs:
                paragraphs.append((area, runs))
        for n, (topic, runs) in enumerate(paragraphs, start=1):
            topic_text = topic["name"] if isinstance(topic, dict) else topic
            if isinstance(topic, dict):
                head = self.name("plans.area", topic)
                opening = (
                    [Run(f"{ph.zh_number(n)}是"), head, Run("工作取得新进展。")]
                    if self.zh
                    else [Run(f"{ph.en_ordinal(n)}: "), head, Run(". ")]
                )
            else:
                opening = [
                    Run(f"{ph.zh_number(n)}是{topic_text}。" if self.zh else f"{ph.en_ordinal(n)}: {topic_text}. ")
                ]
            doc.blocks.append(Block("body", opening + runs))
        doc.blocks.append(Block("h1", [Run("二、下一步工作计划" if self.zh else "II. Next steps")]))
        doc.blocks += self.next_steps()
        doc.blocks.append(Block("date", [Run(self.date_text(self.as_of.date()))]))
        return doc

    def lead(self) -> list[Run]:
        tasks = self.rows["ledger.task"]
        done = sum(1 for t in tasks if t["status"] == "done")
        n = {label: len(self.rows[label]) for label in LABELS}
        day = self.date_text(self.as_of.date())
        f = self.figure
        if self.zh:
            return [
                Run(f"截至{day}，台账共有重点任务"),
                f(str(len(tasks)), "ledger.task"),
                Run("项，已完成"),
                f(str(done), "ledger.task"),
                Run("项；登记重大项目"),
                f(str(n["registers.project"]), "registers.project"),
                Run("个、规则衔接事项"),
                f(str(n["registers.ruleitem"]), "registers.ruleitem"),
                Run("项，跟踪指标"),
                f(str(n["indicators.indicator"]), "indicators.indicator"),
                Run("项。现将有关工作情况报告如下。"),
            ]
        return [
            Run(f"As of {day}, the ledger holds "),
            f(str(len(tasks)), "ledger.task"),
            Run(" tasks, "),
            f(str(done), "ledger.task"),
            Run(" of them completed; the registers hold "),
            f(str(n["registers.project"]), "registers.project"),
            Run(" major projects and "),
            f(str(n["registers.ruleitem"]), "registers.ruleitem"),
            Run(" rule-alignment items, and "),
            f(str(n["indicators.indicator"]), "indicators.indicator"),
            Run(" indicators are tracked. This report sets out the progress made and the next steps."),
        ]

    # --- part one --------------------------------------------------------------------------

    def mechanism(self) -> tuple[str, list[Run]]:
        topic = "建立统筹协调机制和贯彻实施体系" if self.zh else "The coordination mechanism and implementation system"
        runs: list[Run] = []
        units = self.rows["org.unit"]
        leading = next((u for u in units if u["kind"] == "leading_group"), None)
        if leading is not None:
            groups = [u for u in units if u["kind"] == "special_group" and u["parent"] == leading["id"]]
            count = self.figure(str(len(groups)), f"org.unit:{leading['id']}")
            if self.zh:
                runs += [Run("成立"), self.name("org.unit", leading), Run("和"), count, Run("个专项小组。")]
            else:
                runs += [Run("Set up: the "), self.name("org.unit", leading), Run(" and "), count]
                runs.append(Run(" special groups under it. "))
        runs += self.plans_sentence(self.placement()["plans"].get(None, []))
        return topic, runs

    def plans_sentence(self, plans: list[Row]) -> list[Run]:
        runs: list[Run] = []
        for status in ("in_force", "issued", "drafting"):
            chosen = [p for p in plans if p["status"] == status]
            if not chosen:
                continue
            names = [self.name("plans.plan", p) for p in chosen]
            if self.zh:
                runs.append(Run(ph.PLAN_ZH[status]))
                for name in names:
                    # A title inside a title takes the inner marks: 《…〈纲要〉的实施意见》.
                    name.text = name.text.replace("《", "〈").replace("》", "〉")
                    runs += [Run("《"), name, Run("》")]
                runs.append(Run("。"))
            else:
                runs += [Run(f"{ph.PLAN_EN[status]}: "), *self.listing(names), Run(". ")]
        return runs

    def placement(self) -> dict[str, dict[int | None, list[Row]]]:
        """Which area's paragraph states each plan, project and rule item."""
        if hasattr(self, "_placement"):
            return self._placement  # type: ignore[no-any-return, has-type]
        linked: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        clause_plan = {c["id"]: c["plan"] for c in self.rows["plans.clause"]}
        for task in self.tasks:
            for pk in task.get("projects", []):
                linked["project"][pk].append(task["area"])
            for pk in task.get("rule_items", []):
                linked["rule"][pk].append(task["area"])
            for plan in {clause_plan.get(c) for c in task.get("clauses", [])} - {None}:
                linked["plan"][plan].append(task["area"])  # type: ignore[index]
        order = {a["id"]: a["order"] for a in self.areas}

        def choose(areas: list[int], default: str | None) -> int | None:
            fallback = self.area_by_code.get(default or "")
            if not areas:
                return fallback
            if fallback in areas:
                return fallback
            return min(areas, key=lambda a: order.get(a, 0))

        result: dict[str, dict[int | None, list[Row]]] = {"plans": {}, "projects": {}, "rules": {}}
        for plan in self.rows["plans.plan"]:
            areas = linked["plan"].get(plan["id"], [])
            home: int | None = None
            if areas and plan["kind"] != "outline":
                # A plan belongs to an area when most of the tasks implementing it are there;
                # the programme-wide documents belong to the coordination mechanism.
                area, count = Counter(areas).most_common(1)[0]
                home = area if count * 2 > len(areas) else None
            result["plans"].setdefault(home, []).append(plan)
        for project in self.rows["registers.project"]:
            home = choose(linked["project"].get(project["id"], []), _KIND_AREA.get(project["kind"], "infrastructure"))
            result["projects"].setdefault(home, []).append(project)
        for rule in self.rows["registers.ruleitem"]:
            home = choose(linked["rule"].get(rule["id"], []), _DOMAIN_AREA.get(rule["domain"], "rules"))
            result["rules"].setdefault(home, []).append(rule)
        self._placement = result
        return result

    def area_progress(self, area: Row, placement: dict[str, dict[int | None, list[Row]]]) -> list[Run]:
        pk = area["id"]
        runs: list[Run] = []
        runs += self.plans_sentence(placement["plans"].get(pk, []))
        runs += self.rules_sentence(placement["rules"].get(pk, []))
        runs += self.indicators_sentence(pk)
        runs += self.projects_sentence(placement["projects"].get(pk, []))
        runs += self.done_tasks_sentence(pk)
        runs += self.narratives(pk)
        return runs

    def rules_sentence(self, items: list[Row]) -> list[Run]:
        rank = {s: i for i, s in enumerate(ph.RULE_ORDER)}
        statuses: dict[int, list[str]] = defaultdict(list)
        for row in self.rows["registers.jurisdictionstatus"]:
            statuses[row["rule_item"]].append(row["status"])
        mainland = {c["id"] for c in self.rows["geo.city"] if str(c["code"]).startswith("44")}
        groups: dict[str, list[list[Run]]] = defaultdict(list)
        for item in items:
            reached = [s for s in statuses.get(item["id"], []) if s in rank]
            if not reached:
                continue
            best = min(reached, key=lambda s: rank[s])
            name = [self.name("registers.ruleitem", item)]
            cities = set(item.get("scope_cities", []))
            if cities and mainland and cities == mainland:
                count = self.figure(str(len(cities)), f"registers.ruleitem:{item['id']}")
                if self.zh:
                    name += [Run("（覆盖大湾区内地"), count, Run("市）")]
                else:
                    name += [Run(" (all "), count, Run(" mainland cities of the Bay Area)")]
            groups[best].append(name)
        runs: list[Run] = []
        for status in ph.RULE_ORDER:
            if status not in groups:
                continue
            parts = groups[status]
            if self.zh:
                for i, part in enumerate(parts):
                    runs += ([Run("、")] if i else []) + part
                runs.append(Run(f"{ph.RULE_ZH[status]}。"))
            else:
                runs.append(Run(f"{ph.RULE_EN[status]}: "))
                for i, part in enumerate(parts):
                    if i:
                        runs.append(Run("; and " if i == len(parts) - 1 else "; "))
                    runs += part
                runs.append(Run(". "))
        return runs

    def indicators_sentence(self, area_id: int) -> list[Run]:
        latest: dict[int, Row] = {}
        for obs in self.rows["indicators.observation"]:
            if obs["scope"] != "programme":
                continue
            known = latest.get(obs["indicator"])
            if known is None or (obs["period_end"], obs["id"]) > (known["period_end"], known["id"]):
                latest[obs["indicator"]] = obs
        runs: list[Run] = []
        for indicator in sorted(self.rows["indicators.indicator"], key=lambda i: i["id"]):
            found = latest.get(indicator["id"])
            if indicator.get("area") != area_id or found is None:
                continue
            obs = found
            value = Decimal(str(obs["value"]))
            down = indicator["direction"] == "down"
            cumulative = indicator["aggregation"] == "cumulative"
            ref = f"indicators.observation:{obs['id']}"
            if self.zh:
                qty = ph.zh_quantity(value, indicator["unit"], indicator["name"])
                before, fig, after = ph.zh_measure(obs["qualifier"], qty, down=down, cumulative=cumulative)
                runs += [self.name("indicators.indicator", indicator), Run(before), self.figure(fig, ref)]
                runs.append(Run(after + "。"))
            else:
                qty = ph.en_quantity(value, indicator["unit"])
                before, fig, after = ph.en_measure(obs["qualifier"], qty, down=down, cumulative=cumulative)
                runs += [self.name("indicators.indicator", indicator), Run(before), self.figure(fig, ref)]
                runs.append(Run(after + ". "))
        return runs

    def projects_sentence(self, projects: list[Row]) -> list[Run]:
        runs: list[Run] = []
        for stage in ph.STAGE_ORDER:
            chosen = [p for p in projects if p["stage"] == stage]
            if not chosen:
                continue
            names = self.listing([self.name("registers.project", p) for p in chosen])
            if self.zh:
                runs += [*names, Run(ph.STAGE_ZH[stage] + "。")]
            else:
                runs += [Run(f"{ph.STAGE_EN[stage]}: "), *names, Run(". ")]
        return runs

    def done_tasks_sentence(self, area_id: int) -> list[Run]:
        done = [t for t in self.tasks if t["area"] == area_id and t["status"] == "done"]
        if not done:
            return []
        names = [self.name("ledger.task", t, "title") for t in done]
        count = self.figure(str(len(done)), "ledger.task")
        if self.zh:
            quoted = self.listing(names, quoted=True)
            return [Run("完成"), *quoted, Run("等" if len(done) > 1 else ""), count, Run("项重点任务。")]
        runs = [Run("Tasks completed ("), count, Run("): ")]
        for i, name in enumerate(names):
            runs += ([Run("; ")] if i else []) + [name]
        return [*runs, Run(". ")]

    def narratives(self, area_id: int) -> list[Run]:
        """The accepted updates of the latest round that has any, on this area's tasks."""
        accepted = [u for u in self.rows["ledger.update"] if u["state"] == "accepted" and u["progress_text"].strip()]
        rounds = self.by_id["ledger.round"]
        if not accepted:
            return []
        latest = max(accepted, key=lambda u: (rounds.get(u["round"], {}).get("period_end", ""), u["round"]))["round"]
        tasks = self.by_id["ledger.task"]
        chosen = [u for u in accepted if u["round"] == latest and tasks.get(u["task"], {}).get("area") == area_id]
        chosen.sort(key=lambda u: tasks[u["task"]]["code"])
        runs: list[Run] = []
        for update in chosen:
            text = update["progress_text"].strip()
            ref = f"ledger.update:{update['id']}"
            if self.zh:
                runs.append(Run(text if text.endswith(("。", "！", "；")) else text + "。", ref, record=True))
            else:
                runs.append(Run(f"[in Chinese only: {text}] ", ref, record=True, missing_en=True))
        return runs

    # --- part two --------------------------------------------------------------------------

    def next_steps(self) -> list[Block]:
        blocks: list[Block] = []
        n = 0
        for area in self.areas:
            open_tasks = [t for t in self.tasks if t["area"] == area["id"] and t["status"] != "done"]
            if not open_tasks:
                continue
            n += 1
            head = self.name("plans.area", area)
            head.heading = True
            runs = (
                [Run(f"（{ph.zh_number(n)}）", heading=True), head, Run("。", heading=True)]
                if self.zh
                else [Run(f"({n}) ", heading=True), head, Run(". ", heading=True)]
            )
            for i, task in enumerate(open_tasks):
                if i:
                    runs.append(Run("；" if self.zh else "; "))
                runs.append(self.name("ledger.task", task, "title"))
            runs.append(Run("。" if self.zh else "."))
            blocks.append(Block("body", runs))
        return blocks
