import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from wanqu.core.models import Change
from wanqu.demo.generate import DemoMissing, generate
from wanqu.demo.loader import load
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


@pytest.fixture
def demo(db) -> dict[str, int]:
    load()
    return counts()


def test_scale_two_roughly_doubles_the_programme(demo):
    output = run_generate("--scale", "2")
    assert "records created" in output
    after = counts()
    for label in ["ledger.Task", "org.Unit", "registers.Project", "registers.RuleItem", "indicators.Observation"]:
        assert after[label] == 2 * demo[label], label
    for label in ["ledger.Milestone", "ledger.Update", "registers.ProjectStage", "registers.JurisdictionStatus"]:
        assert 1.5 * demo[label] <= after[label] <= 2.7 * demo[label], label
    assert Task.objects.filter(code="GEN-000001").exists()
    assert not Task.objects.filter(code="GEN-000043").exists()


def test_every_generated_record_has_its_change_row_in_one_batch(demo):
    before = Change.objects.count()
    result = generate(2)
    changes = Change.objects.filter(batch_id__startswith="generate-")
    assert changes.count() == result.total == Change.objects.count() - before
    assert changes.values("batch_id").distinct().count() == 1
    for model in MODELS:
        logged = set(changes.filter(model=model._meta.label_lower, action="create").values_list("object_id", flat=True))
        generated = {pk for pk in model.objects.values_list("pk", flat=True)} - {
            c
            for c in Change.objects.exclude(batch_id__startswith="generate-")
            .filter(model=model._meta.label_lower)
            .values_list("object_id", flat=True)
        }
        assert logged == generated, model
        assert len(logged) == result.created[model._meta.label], model
    assert not changes.filter(after__isnull=True).exists()


def test_running_again_adds_nothing(demo):
    generate(2)
    before, logged = counts(), Change.objects.count()
    output = run_generate("--scale", "2")
    assert "nothing changed" in output
    assert counts() == before and Change.objects.count() == logged
    # A larger scale adds only the difference.
    assert generate(3).created["ledger.Task"] == demo["ledger.Task"]


def test_generated_tasks_have_a_realistic_mix(demo):
    generate(2)
    today = dt.date.today()
    generated = Task.objects.filter(code__startswith="GEN-")
    open_tasks = generated.exclude(status="done")
    assert generated.filter(status="done").exists()
    assert open_tasks.filter(due_date__lt=today).exists()
    assert open_tasks.filter(due_date__gte=today, due_date__lte=today + dt.timedelta(days=30)).exists()
    assert open_tasks.filter(due_date__gt=today + dt.timedelta(days=30)).exists()
    assert (
        generated.values("area").distinct().count()
        == Task.objects.exclude(code__startswith="GEN-").values("area").distinct().count()
    )
    assert all(t.milestones.count() == 3 for t in generated[:5])


@pytest.mark.parametrize("value", ["0", "abc", "-3", "1001", "2.5"])
def test_a_bad_scale_is_refused_and_nothing_written(db, value):
    with pytest.raises(CommandError, match="--scale must be a whole number from 1 to 1000"):
        run_generate("--scale", value)
    assert Change.objects.count() == 0 and Task.objects.count() == 0


def test_generate_needs_the_demo_and_the_command_loads_it(db):
    with pytest.raises(DemoMissing):
        generate(2)
    assert Change.objects.count() == 0
    output = run_generate("--scale", "1")
    assert "loading it first" in output and "nothing changed" in output
    assert Task.objects.count() == 42
