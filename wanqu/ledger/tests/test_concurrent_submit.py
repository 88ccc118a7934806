"""The same update submitted twice at once gives one submission, not two (issue 4, "Bad input").

On PostgreSQL two threads, each with its own database connection, submit at the same moment:
the row lock makes the second wait, and the version check then refuses it. SQLite has no row
locks and one writer at a time, so there the two submissions run one after the other and the
version check alone refuses the second.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from wanqu.core.errors import Conflict
from wanqu.core.models import Change
from wanqu.ledger import services
from wanqu.ledger.models import Update
from wanqu.notifications.choices import Kind
from wanqu.notifications.models import Notification

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_same_update_submitted_twice_at_once_gives_one_submission(cycle):
    w = cycle["world"]
    draft = services.update_save_draft(
        actor=w.gz_reporter,
        round=cycle["round"],
        task=cycle["gz_task"],
        data={"progress_text": "本季度按计划推进。", "percent": 40},
    )
    outcomes: list[Any] = []
    lock = threading.Lock()
    concurrent = connection.vendor == "postgresql"
    barrier = threading.Barrier(2) if concurrent else None

    def submit() -> None:
        try:
            update = Update.objects.get(pk=draft.pk)  # each browser read the same version
            if barrier is not None:
                barrier.wait(timeout=10)
            result: Any = services.update_submit(actor=w.gz_reporter, update=update, expected_version=draft.version)
        except (Conflict, ValidationError) as exc:
            result = exc
        finally:
            if concurrent:
                connections.close_all()  # this thread's own connection
        with lock:
            outcomes.append(result)

    if concurrent:
        threads = [threading.Thread(target=submit) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert not any(t.is_alive() for t in threads)
    else:
        submit()
        submit()

    submitted = [o for o in outcomes if isinstance(o, Update)]
    refused = [o for o in outcomes if isinstance(o, Conflict | ValidationError)]
    assert len(submitted) == 1 and len(refused) == 1, outcomes
    update = Update.objects.get(pk=draft.pk)
    assert update.state == "submitted" and update.version == draft.version + 1
    assert Change.objects.filter(model="ledger.update", object_id=update.pk, after__state="submitted").count() == 1
    reviewers = set(
        Notification.objects.filter(kind=Kind.SUBMITTED, url=f"/rounds/updates/{update.pk}/").values_list(
            "user_id", flat=True
        )
    )
    assert reviewers, "the reviewers are told once"
    assert Notification.objects.filter(kind=Kind.SUBMITTED, url=f"/rounds/updates/{update.pk}/").count() == len(
        reviewers
    )
