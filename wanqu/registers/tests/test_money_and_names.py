import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from wanqu.core.money import Money, total
from wanqu.core.services import record_create
from wanqu.registers.models import Platform, Project


@pytest.mark.django_db
def test_negative_investment_is_refused_naming_the_field():
    with pytest.raises(ValidationError) as info:
        record_create(
            actor=None,
            model=Project,
            data={
                "code": "p1",
                "name": "深中通道",
                "kind": "road",
                "investment_amount": "-1",
                "investment_currency": "CNY",
            },
        )
    assert "investment_amount" in info.value.message_dict
    assert not Project.objects.exists()


@pytest.mark.django_db
def test_currency_outside_cny_hkd_mop_is_refused_naming_the_field():
    with pytest.raises(ValidationError) as info:
        record_create(
            actor=None,
            model=Project,
            data={
                "code": "p1",
                "name": "深中通道",
                "kind": "road",
                "investment_amount": "100",
                "investment_currency": "USD",
            },
        )
    assert "investment_currency" in info.value.message_dict


@pytest.mark.django_db
def test_database_itself_refuses_a_negative_amount():
    project = record_create(actor=None, model=Project, data={"code": "p1", "name": "深中通道", "kind": "road"})
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.filter(pk=project.pk).update(investment_amount=Decimal(-5), investment_currency="CNY")


@pytest.mark.django_db
def test_platform_name_in_traditional_matches_simplified():
    record_create(
        actor=None, model=Platform, data={"code": "hengqin", "name": "横琴粤澳深度合作区", "level": "national"}
    )
    with pytest.raises(ValidationError) as info:
        record_create(
            actor=None, model=Platform, data={"code": "hengqin2", "name": "橫琴粵澳深度合作區", "level": "national"}
        )
    assert "name" in info.value.message_dict


@pytest.mark.django_db
def test_totals_across_currencies_use_the_rate_table():
    from wanqu.core.models import ExchangeRate

    record_create(
        actor=None, model=ExchangeRate, data={"currency": "HKD", "valid_from": "2026-01-01", "cny_per_unit": "0.92"}
    )
    record_create(
        actor=None, model=ExchangeRate, data={"currency": "MOP", "valid_from": "2026-01-01", "cny_per_unit": "0.89"}
    )
    amounts = [Money(Decimal(100), "CNY"), Money(Decimal(100), "HKD"), Money(Decimal(100), "MOP")]
    assert total(amounts, on=dt.date(2026, 6, 30)) == Money(Decimal("281.00"), "CNY")
    with pytest.raises(ValidationError):
        total(amounts, on=dt.date(2025, 6, 30))


def test_money_refuses_a_negative_amount_and_an_unknown_currency():
    with pytest.raises(ValidationError):
        Money(Decimal(-1), "CNY")
    with pytest.raises(ValidationError):
        Money(Decimal(1), "USD")
