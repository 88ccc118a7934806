"""Reads of the plan tree: the clauses of a plan with the tasks that implement them, and coverage.

Coverage counts leaf clauses (clauses without sub-clauses), the ones a task can implement
whole: a plan's coverage is the share of its leaf clauses that at least one task (that the
user can see) implements directly. A chapter is not counted on its own, so a plan is not
"covered" because one task names a whole chapter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from wanqu.ledger.models import Task
from wanqu.plans.models import Clause, Plan

TASKS_SHOWN = 10  # per clause; the rest are counted


@dataclass
class Coverage:
    covered: int = 0
    leaves: int = 0

    @property
    def percent(self) -> int | None:
        return round(100 * self.covered / self.leaves) if self.leaves else None


@dataclass
class Node:
    clause: Clause
    tasks: list[Task] = field(default_factory=list)
    task_count: int = 0
    children: list[Node] = field(default_factory=list)
    coverage: Coverage = field(default_factory=Coverage)

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def uncovered(self) -> bool:
        """A leaf clause that no task implements yet."""
        return self.is_leaf and self.task_count == 0

    @property
    def more(self) -> int:
        return self.task_count - len(self.tasks)


def coverage_by_plan(plans: QuerySet[Plan], tasks: QuerySet[Task]) -> dict[int, Coverage]:
    """Leaf-clause coverage of each plan, in one query."""
    implemented = Task.clauses.through.objects.filter(clause=OuterRef("pk"), task__in=tasks.values("pk"))
    rows = (
        Clause.objects.filter(plan__in=plans.values("pk"))
        .annotate(has_children=Exists(Clause.objects.filter(parent=OuterRef("pk"))), has_task=Exists(implemented))
        .filter(has_children=False)
        .values("plan")
        .annotate(leaves=Count("pk"), covered=Count("pk", filter=Q(has_task=True)))
        .order_by()
    )
    return {row["plan"]: Coverage(row["covered"], row["leaves"]) for row in rows}


def clause_tree(plan: Plan, tasks: QuerySet[Task]) -> tuple[list[Node], Coverage]:
    """The plan's clauses as a tree, each with the tasks implementing it; two queries."""
    nodes = {c.pk: Node(c) for c in Clause.objects.filter(plan=plan).order_by("path")}
    links = (
        Task.clauses.through.objects.filter(clause__plan=plan, task__in=tasks.values("pk"))
        .select_related("task")
        .only("clause_id", "task__code", "task__title", "task__title_en", "task__status", "task__due_date")
        .order_by("task__code")
    )
    for link in links:
        node = nodes[link.clause_id]
        node.task_count += 1
        if len(node.tasks) < TASKS_SHOWN:
            node.tasks.append(link.task)
    roots: list[Node] = []
    for node in nodes.values():  # ordered by path, so a parent comes before its children
        parent = nodes.get(node.clause.parent_id) if node.clause.parent_id else None
        (parent.children if parent else roots).append(node)

    def count(node: Node) -> Coverage:
        if node.is_leaf:
            node.coverage = Coverage(1 if node.task_count else 0, 1)
        else:
            parts = [count(child) for child in node.children]
            node.coverage = Coverage(sum(p.covered for p in parts), sum(p.leaves for p in parts))
        return node.coverage

    total = Coverage()
    for root in roots:
        part = count(root)
        total.covered += part.covered
        total.leaves += part.leaves
    return roots, total
