import pytest
from django.core.exceptions import ValidationError

from wanqu.core.services import record_create
from wanqu.ledger.models import SupervisionNotice
from wanqu.testing import make_task


def _notice(world, unit, **extra):
    task = make_task(unit, world.area, world.group1)
    data = {"task": task, "unit": unit, "reason": "逾期未报送", "issued_on": "2026-11-01", "reply_due": "2026-11-10"}
    return record_create(actor=world.office_admin, model=SupervisionNotice, data={**data, **extra})


def test_a_supervision_notice_to_a_hong_kong_unit_is_refused(world):
    with pytest.raises(ValidationError) as info:
        _notice(world, world.hk, kind="supervision", grade="red")
    assert "unit" in info.value.message_dict
    assert not SupervisionNotice.objects.exists()


def test_a_hong_kong_partner_gets_an_ungraded_consultation_follow_up(world):
    notice = _notice(world, world.hk, kind="consultation")
    assert notice.grade == "" and notice.get_kind_display() == "沟通跟进"


def test_a_consultation_follow_up_is_not_for_guangdong_units(world):
    with pytest.raises(ValidationError) as info:
        _notice(world, world.gz, kind="consultation")
    assert "kind" in info.value.message_dict


def test_a_supervision_notice_needs_a_grade_and_a_reply_after_issue(world):
    with pytest.raises(ValidationError) as info:
        _notice(world, world.gz, kind="supervision", grade="", reply_due="2026-10-01")
    assert "grade" in info.value.message_dict or "reply_due" in info.value.message_dict
