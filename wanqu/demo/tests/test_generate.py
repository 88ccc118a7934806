"""`wanqu generate`. Loading the demo takes seconds, so one test walks the whole story."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from wanqu.core.models import Change
from wanqu.demo.generate import DemoMissing, generate
from wanqu.indicators.models import Observation
from wanqu.ledger.models import Milestone, Task, Update
from wanqu.org.models import Unit
from wanqu.registers.models import JurisdictionStatus, Project, ProjectStage, RuleItem

pytestmark = pytest.mark.django_db

MODELS = [Task, Milestone, Update, Unit, Project, ProjectStage, RuleItem, JurisdictionStatus, Observation]


def run_generate(*args: str) -> str:
    out = StringIO()
    call_command("generate", "--no-migrate", *args, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in MODELS}


def test_generate_on_top_of_the_demo(db):
    # Without the demo there is nothing to build on; the command loads it first.
    with pytest.raises(DemoMissing):
        generate(2)
    assert Change.objects.count() == 0
    output = run_generate("--scale", "1")
    assert "loading it first" in output and "nothing changed" in output
    demo, demo_changes = counts(), Change.objects.count()
    assert demo["ledger.Task"] == 42

    # Scale 2 doubles the registers and roughly doubles their children.
    output = run_generate("--scale", "2")
    assert "records created" in output and "ledger.Task" in output
    after = counts()
    for label in ["ledger.Task", "org.Unit", "registers.Project", "registers.RuleItem", "indicators.Observation"]:
        assert after[label] == 2 * demo[label], label
    for label in ["ledger.Milestone", "ledger.Update", "registers.ProjectStage", "registers.JurisdictionStatus"]:
        assert 1.5 * demo[label] <= after[label] <= 2.7 * demo[label], label
    assert Task.objects.filter(code="GEN-000001").exists() and Task.objects.filter(code="GEN-000042").exists()
    assert not Task.objects.filter(code="GEN-000043").exists()

    # Every generated record has its create Change row, all in one batch.
    changes = Change.objects.filter(batch_id__startswith="generate-")
    assert changes.count() == Change.objects.count() - demo_changes == sum(after.values()) - sum(demo.values())
    assert changes.values("batch_id").distinct().count() == 1
    assert not changes.exclude(action="create").exists() and not changes.filter(after__isnull=True).exists()
    for model in MODELS:
        label = model._meta.label_lower
        earlier = set(
            Change.objects.exclude(batch_id__startswith="generate-")
            .filter(model=label)
            .values_list("object_id", flat=True)
        )
        generated = set(model.objects.values_list("pk", flat=True)) - earlier
        assert set(changes.filter(model=label).values_list("object_id", flat=True)) == generated, label

    # The generated tasks are a realistic mix over the demo's areas, each with its milestones.
    today = dt.date.today()
    generated_tasks = Task.objects.filter(code__startswith="GEN-")
    open_tasks = generated_tasks.exclude(status="done")
    assert generated_tasks.filter(status="done").exists()
    assert open_tasks.filter(due_date__lt=today).exists()
    assert open_tasks.filter(due_date__gte=today, due_date__lte=today + dt.timedelta(days=30)).exists()
    assert open_tasks.filter(due_date__gt=today + dt.timedelta(days=30)).exists()
    assert generated_tasks.values("area").distinct().count() == 7
    assert Milestone.objects.filter(task__code__startswith="GEN-").count() == 3 * generated_tasks.count()

    # Running again adds nothing; a larger scale adds only the difference.
    logged = Change.objects.count()
    output = run_generate("--scale", "2")
    assert "nothing changed" in output
    assert counts() == after and Change.objects.count() == logged
    assert generate(3).created["ledger.Task"] == 42


@pytest.mark.parametrize("value", ["0", "abc", "-3", "1001", "2.5", ""])
def test_a_bad_scale_is_refused_and_nothing_written(db, value):
    with pytest.raises(CommandError, match="--scale must be a whole number from 1 to 1000"):
        run_generate("--scale", value)
    assert Change.objects.count() == 0 and Task.objects.count() == 0


def test_generate_checks_its_scale(db):
    for scale in (0, 1001):
        with pytest.raises(ValueError):
            generate(scale)
