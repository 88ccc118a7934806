import datetime as dt
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone

from wanqu.demo.loader import load
from wanqu.reports.builder import build, collect
from wanqu.reports.document import Document


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup: Any, django_db_blocker: Any) -> dict[str, Any]:
    """The demo programme's report inputs, made once and rolled back: builders need no database."""
    from django.db import connection

    with django_db_blocker.unblock():
        # pytest-django sets up the test database only when a collected test is marked django_db.
        name = str(connection.settings_dict["NAME"])
        assert "memory" in name or "test" in name, f"not a test database: {name}"
    with django_db_blocker.unblock(), transaction.atomic():
        load(dt.date(2026, 6, 30))
        snapshot = collect(timezone.now())
        transaction.set_rollback(True)
    return snapshot


@pytest.fixture(scope="session")
def demo_docs(demo_snapshot: dict[str, Any]) -> dict[str, Document]:
    return {lang: build(demo_snapshot, lang=lang) for lang in ("zh-hans", "zh-hant", "en")}


@pytest.fixture
def demo(db: Any) -> None:
    load(dt.date(2026, 6, 30))
