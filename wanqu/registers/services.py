"""Writes of the registers that span more than one row."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from wanqu.core.services import Actor, record_create, record_update
from wanqu.registers.choices import Stage
from wanqu.registers.models import Project, ProjectStage


def project_reach_stage(
    *, actor: Actor, project: Project, stage: str, reached_on: dt.date | str, note: str = ""
) -> ProjectStage:
    """Record the date a project reached a stage; its current stage follows its latest dated stage."""
    with transaction.atomic():
        entry = record_create(
            actor=actor,
            model=ProjectStage,
            data={"project": project, "stage": stage, "reached_on": reached_on, "note": note},
        )
        order = list(Stage.values)
        latest = max(project.stages.all(), key=lambda s: (s.reached_on, order.index(s.stage)))
        project.refresh_from_db()
        record_update(actor=actor, obj=project, data={"stage": latest.stage}, expected_version=project.version)
    return entry
