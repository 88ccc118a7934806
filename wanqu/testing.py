"""Small factories and the personas that tests share: office admin, group lead, Guangzhou
reporter, Hong Kong counterpart, viewer and outsider. Each test builds only what it needs."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser

from wanqu.core.services import record_create
from wanqu.geo.models import City, Jurisdiction
from wanqu.ledger.models import Task
from wanqu.org.choices import Role, UnitKind
from wanqu.org.models import Membership, Unit
from wanqu.plans.models import Area

PASSWORD = "test-password-1"
_seq = itertools.count(1)


def make_jurisdictions() -> dict[str, Jurisdiction]:
    rows = [
        ("GD", "广东", "Guangdong", "mainland", "CNY", "hans"),
        ("HK", "香港", "Hong Kong", "common_law", "HKD", "hant"),
        ("MO", "澳门", "Macao", "macao_civil", "MOP", "hant"),
        ("CN", "国家", "The State", "mainland", "CNY", "hans"),
    ]
    found = {}
    for order, (code, name, name_en, legal, currency, script) in enumerate(rows):
        existing = Jurisdiction.objects.filter(code=code).first()
        found[code] = existing or record_create(
            actor=None,
            model=Jurisdiction,
            data={
                "code": code,
                "name": name,
                "name_en": name_en,
                "legal_system": legal,
                "currency": currency,
                "default_script": script,
                "order": order,
            },
        )
    return found


def make_city(code: str, name: str, jurisdiction: Jurisdiction, name_en: str = "") -> City:
    return City.objects.filter(code=code).first() or record_create(
        actor=None, model=City, data={"code": code, "name": name, "name_en": name_en, "jurisdiction": jurisdiction}
    )


def make_unit(name: str, kind: str, jurisdiction: Jurisdiction, parent: Unit | None = None, **extra: Any) -> Unit:
    return record_create(
        actor=None,
        model=Unit,
        data={
            "code": f"u{next(_seq)}",
            "name": name,
            "kind": kind,
            "jurisdiction": jurisdiction,
            "parent": parent,
            **extra,
        },
    )


def make_user(username: str, unit: Unit | None = None, role: str = Role.REPORTER) -> AbstractBaseUser:
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, is_staff=True)
    if unit is not None:
        record_create(actor=None, model=Membership, data={"user": user, "unit": unit, "role": role})
    return user


def make_area(name: str = "规则衔接", order: int | None = None) -> Area:
    n = next(_seq)
    return record_create(actor=None, model=Area, data={"code": f"a{n}", "name": name, "order": order or n})


def make_task(lead_unit: Unit, area: Area, group: Unit | None = None, **extra: Any) -> Task:
    n = next(_seq)
    data = {
        "code": f"T-{n}",
        "title": f"任务{n}",
        "area": area,
        "lead_unit": lead_unit,
        "special_group": group,
        "start_date": dt.date(2026, 1, 1),
        "due_date": dt.date(2026, 12, 31),
        **extra,
    }
    return record_create(actor=None, model=Task, data=data)


@dataclass
class World:
    """A small programme with one persona per role."""

    j: dict[str, Jurisdiction]
    office: Unit
    group1: Unit
    group2: Unit
    gz: Unit
    gz_sub: Unit
    sz: Unit
    hk: Unit
    mo: Unit
    area: Area
    office_admin: Any
    group_lead: Any
    gz_reporter: Any
    hk_counterpart: Any
    viewer: Any
    outsider: Any


def make_world() -> World:
    j = make_jurisdictions()
    gd = j["GD"]
    leading = make_unit("领导小组", UnitKind.LEADING_GROUP, gd)
    office = make_unit("大湾区办", UnitKind.OFFICE, gd, leading)
    group1 = make_unit("第一专项小组", UnitKind.SPECIAL_GROUP, gd, leading)
    group2 = make_unit("第二专项小组", UnitKind.SPECIAL_GROUP, gd, leading)
    gz = make_unit("广州市人民政府", UnitKind.CITY_GOVERNMENT, gd)
    gz_sub = make_unit("广州市发展和改革委员会", UnitKind.DEPARTMENT, gd, gz)
    sz = make_unit("深圳市人民政府", UnitKind.CITY_GOVERNMENT, gd)
    hk = make_unit("香港政制及內地事務局", UnitKind.SAR_BUREAU, j["HK"])
    mo = make_unit("澳門行政長官辦公室", UnitKind.SAR_BUREAU, j["MO"])
    return World(
        j=j,
        office=office,
        group1=group1,
        group2=group2,
        gz=gz,
        gz_sub=gz_sub,
        sz=sz,
        hk=hk,
        mo=mo,
        area=make_area(),
        office_admin=make_user("office", office, Role.OFFICE_ADMIN),
        group_lead=make_user("group1", group1, Role.GROUP_LEAD),
        gz_reporter=make_user("gz-reporter", gz, Role.REPORTER),
        hk_counterpart=make_user("hk-counterpart", hk, Role.REPORTER),
        viewer=make_user("viewer", office, Role.VIEWER),
        outsider=make_user("outsider"),
    )
