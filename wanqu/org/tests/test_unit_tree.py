import pytest
from django.core.exceptions import ValidationError

from wanqu.core.models import Change
from wanqu.core.services import record_update
from wanqu.org.choices import UnitKind
from wanqu.org.models import Unit
from wanqu.testing import make_jurisdictions, make_unit


@pytest.fixture
def tree(db):
    gd = make_jurisdictions()["GD"]
    top = make_unit("广州市人民政府", UnitKind.CITY_GOVERNMENT, gd)
    mid = make_unit("广州市发展和改革委员会", UnitKind.DEPARTMENT, gd, top)
    leaf = make_unit("广州市发展改革委南沙办", UnitKind.DEPARTMENT, gd, mid)
    return top, mid, leaf


def test_unit_made_its_own_ancestor_is_refused_naming_the_field(tree):
    top, _mid, leaf = tree
    before = Change.objects.count()
    with pytest.raises(ValidationError) as info:
        record_update(actor=None, obj=top, data={"parent": leaf}, expected_version=top.version)
    assert "parent" in info.value.message_dict
    assert Unit.objects.get(pk=top.pk).parent_id is None and Change.objects.count() == before


def test_unit_made_its_own_parent_is_refused(tree):
    top, _mid, _leaf = tree
    with pytest.raises(ValidationError) as info:
        record_update(actor=None, obj=top, data={"parent": top}, expected_version=top.version)
    assert "parent" in info.value.message_dict


def test_duplicate_unit_name_in_the_other_script_is_refused(tree):
    gd = make_jurisdictions()["GD"]
    make_unit("横琴粤澳深度合作区执行委员会", UnitKind.INSTITUTION, gd)
    with pytest.raises(ValidationError) as info:
        make_unit("橫琴粵澳深度合作區執行委員會", UnitKind.INSTITUTION, gd)
    assert "name" in info.value.message_dict
    assert "横琴粤澳深度合作区执行委员会" in info.value.message_dict["name"][0]


def test_name_key_folds_script_width_and_case(tree):
    gd = make_jurisdictions()["GD"]
    unit = make_unit("ＨＫＵＳＴ（廣州）", UnitKind.INSTITUTION, gd)
    assert unit.name_key == "hkust(广州)"
