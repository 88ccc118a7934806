"""The lead unit's reporter finds the change-request form on the task page; the office sees what is pending."""

from __future__ import annotations

import pytest

from wanqu.ledger import services
from wanqu.testing import make_task

pytestmark = pytest.mark.django_db


def test_the_task_page_links_the_change_request_form_for_the_lead_units_reporter(client, world):
    task = make_task(world.gz, world.area, world.group1)
    url = f"/rounds/tasks/{task.pk}/change-request/"
    client.force_login(world.gz_reporter)
    assert url in client.get(f"/ledger/tasks/{task.pk}/").content.decode()
    client.force_login(world.office_admin)  # the office edits the task itself
    assert url not in client.get(f"/ledger/tasks/{task.pk}/").content.decode()
    other = make_task(world.sz, world.area, world.group1)
    client.force_login(world.gz_reporter)
    page = client.get(f"/ledger/tasks/{other.pk}/")
    assert page.status_code in (200, 404) and f"/rounds/tasks/{other.pk}/change-request/" not in page.content.decode()


def test_the_review_queue_lists_pending_change_requests_for_the_office(client, world):
    task = make_task(world.gz, world.area, world.group1, title="南沙科学城建设")
    cr = services.change_request_create(
        actor=world.gz_reporter, task=task, changes={"due_date": "2027-06-30"}, reason="征地进度滞后，需顺延半年。"
    )
    client.force_login(world.office_admin)
    body = client.get("/rounds/review/").content.decode()
    assert f"/rounds/change-requests/{cr.pk}/" in body and "征地进度滞后" in body
    client.force_login(world.gz_reporter)
    assert f"/rounds/change-requests/{cr.pk}/" not in client.get("/rounds/review/").content.decode()
    services.change_request_reject(actor=world.office_admin, request=cr, expected_version=cr.version, note="不同意")
    client.force_login(world.office_admin)
    assert f"/rounds/change-requests/{cr.pk}/" not in client.get("/rounds/review/").content.decode()
