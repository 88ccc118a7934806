import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from wanqu.core.errors import Forbidden
from wanqu.core.services import record_create
from wanqu.registers.models import Project
from wanqu.registers.services import project_reach_stage


@pytest.fixture
def project(world):
    return record_create(
        actor=None,
        model=Project,
        data={"code": "sz-zs-link", "name": "深中通道", "kind": "road", "lead_unit": world.sz},
    )


def test_reaching_a_stage_dates_it_and_moves_the_current_stage(world, project):
    project_reach_stage(actor=world.office_admin, project=project, stage="started", reached_on="2016-12-30")
    project_reach_stage(actor=world.office_admin, project=project, stage="opened", reached_on="2024-06-30")
    project.refresh_from_db()
    assert project.stage == "opened"
    assert [(s.stage, s.reached_on) for s in project.stages.order_by("reached_on")] == [
        ("started", dt.date(2016, 12, 30)),
        ("opened", dt.date(2024, 6, 30)),
    ]


def test_an_earlier_stage_entered_late_does_not_move_the_project_back(world, project):
    project_reach_stage(actor=world.office_admin, project=project, stage="opened", reached_on="2024-06-30")
    project_reach_stage(actor=world.office_admin, project=project, stage="started", reached_on="2016-12-30")
    project.refresh_from_db()
    assert project.stage == "opened"


def test_the_same_stage_twice_is_refused_and_changes_nothing(world, project):
    project_reach_stage(actor=world.office_admin, project=project, stage="started", reached_on="2016-12-30")
    with pytest.raises(ValidationError):
        project_reach_stage(actor=world.office_admin, project=project, stage="started", reached_on="2017-01-30")
    assert project.stages.count() == 1


def test_a_reporter_of_another_unit_cannot_move_a_project(world, project):
    with pytest.raises(Forbidden):
        project_reach_stage(actor=world.gz_reporter, project=project, stage="started", reached_on="2016-12-30")
    assert project.stages.count() == 0
