"""`wanqu serve` queues the daily reminders job when it starts the worker, and never queues two."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from wanqu.core.management.commands import serve as serve_command
from wanqu.ledger.tasks import daily_reminders


class _FakeWorker:
    pid = 4242

    def terminate(self) -> None:
        pass

    def wait(self, timeout: float | None = None) -> int:
        return 0


@pytest.fixture
def no_real_server(monkeypatch):
    """Run the command in-process without listening or spawning a worker."""
    import waitress

    started: list[str] = []
    monkeypatch.setattr(waitress, "serve", lambda *a, **k: started.append("served"))
    monkeypatch.setattr(serve_command, "_start_worker", lambda: started.append("worker") or _FakeWorker())
    monkeypatch.setattr(serve_command.signal, "signal", lambda *a: None)
    return started


def _waiting() -> int:
    return DBTaskResult.objects.filter(task_path=daily_reminders.module_path, status="READY").count()


@pytest.mark.django_db
def test_serve_queues_the_daily_job_once(no_real_server, capsys):
    assert _waiting() == 0
    call_command("serve", "--no-collectstatic")
    assert no_real_server == ["worker", "served"]
    assert _waiting() == 1
    assert "daily reminders job is queued" in capsys.readouterr().out

    call_command("serve", "--no-collectstatic")  # a restart: the run already waiting is kept
    assert _waiting() == 1
    assert "daily reminders job is queued" not in capsys.readouterr().out


@pytest.mark.django_db
def test_serve_without_the_worker_queues_nothing(no_real_server):
    call_command("serve", "--no-collectstatic", "--no-worker")
    assert no_real_server == ["served"]
    assert _waiting() == 0
