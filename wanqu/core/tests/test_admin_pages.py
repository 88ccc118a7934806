"""Every domain model has a back-office page that an office admin can open, labelled in Chinese."""

import pytest
from django.contrib import admin
from django.urls import reverse

from wanqu.core.models import Record
from wanqu.testing import make_task

MODELS = sorted(
    (m for m in admin.site._registry if issubclass(m, Record)),
    key=lambda m: m._meta.label,
)


def test_every_domain_model_is_in_the_back_office():
    from django.apps import apps

    domain = {m for m in apps.get_models() if issubclass(m, Record)}
    assert domain == set(MODELS)
    assert len(domain) >= 23


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_office_admin_opens_the_list_and_add_pages_in_chinese(client, world, model):
    make_task(world.gz, world.area, world.group1)
    client.force_login(world.office_admin)
    opts = model._meta
    listing = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"), HTTP_ACCEPT_LANGUAGE="zh-cn")
    assert listing.status_code == 200
    assert str(opts.verbose_name_plural) in listing.content.decode()
    adding = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"), HTTP_ACCEPT_LANGUAGE="zh-cn")
    assert adding.status_code == 200


def test_task_list_labels_read_in_chinese(client, world):
    make_task(world.gz, world.area, world.group1)
    client.force_login(world.office_admin)
    page = client.get(reverse("admin:ledger_task_changelist"), HTTP_ACCEPT_LANGUAGE="zh-cn").content.decode()
    assert "重点任务" in page and "牵头单位" in page and "完成时限" in page
