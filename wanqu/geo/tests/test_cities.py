import pytest
from django.core.exceptions import ValidationError

from wanqu.core.models import Change
from wanqu.core.services import record_create
from wanqu.geo.models import City
from wanqu.registers.models import Project
from wanqu.testing import make_city, make_jurisdictions


@pytest.fixture
def cities(db):
    j = make_jurisdictions()
    return {"gz": make_city("440100", "广州", j["GD"], "Guangzhou"), "hk": make_city("810000", "香港", j["HK"]), "j": j}


def test_project_cities_can_be_given_by_official_code(cities):
    project = record_create(
        actor=None, model=Project, data={"code": "p1", "name": "南沙大桥", "kind": "bridge", "cities": ["440100"]}
    )
    assert list(project.cities.values_list("code", flat=True)) == ["440100"]


def test_unknown_city_code_is_refused_naming_the_field_and_nothing_is_written(cities):
    before = Change.objects.count()
    with pytest.raises(ValidationError) as info:
        record_create(
            actor=None, model=Project, data={"code": "p2", "name": "某工程", "kind": "bridge", "cities": ["449999"]}
        )
    assert "cities" in info.value.message_dict
    assert "449999" in info.value.message_dict["cities"][0]
    assert not Project.objects.filter(code="p2").exists() and Change.objects.count() == before


def test_city_code_must_match_its_jurisdiction(cities):
    with pytest.raises(ValidationError) as info:
        record_create(
            actor=None, model=City, data={"code": "440500", "name": "汕头", "jurisdiction": cities["j"]["HK"]}
        )
    assert "code" in info.value.message_dict


def test_city_code_has_six_digits(cities):
    with pytest.raises(ValidationError) as info:
        record_create(actor=None, model=City, data={"code": "4401", "name": "某市", "jurisdiction": cities["j"]["GD"]})
    assert "code" in info.value.message_dict
