import pytest
from django.core.exceptions import ValidationError

from wanqu.core.services import record_create
from wanqu.plans.models import Clause, Plan
from wanqu.plans.numbering import chinese_numeral, clause_number


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (99, "九十九"), (105, "一百零五"), (110, "一百一十")],
)
def test_chinese_numerals(n, text):
    assert chinese_numeral(n) == text


def test_clause_numbers_follow_official_style():
    assert [clause_number(level, 2) for level in range(1, 7)] == ["第二章", "第二节", "二、", "（二）", "2.", "（2）"]


@pytest.mark.django_db
def test_clauses_nest_and_number_themselves():
    plan = record_create(
        actor=None,
        model=Plan,
        data={"code": "outline", "name": "粤港澳大湾区发展规划纲要", "kind": "outline", "status": "in_force"},
    )
    chapter = record_create(
        actor=None, model=Clause, data={"plan": plan, "ordinal": 3, "title": "建设国际科技创新中心"}
    )
    section = record_create(
        actor=None,
        model=Clause,
        data={"plan": plan, "parent": chapter, "ordinal": 1, "title": "构建开放型区域协同创新共同体"},
    )
    assert (chapter.number, section.number, section.level, section.path) == ("第三章", "第一节", 2, "003.001")
    with pytest.raises(ValidationError):
        record_create(actor=None, model=Clause, data={"plan": plan, "parent": chapter, "ordinal": 1, "title": "重复"})
