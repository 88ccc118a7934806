"""Tasks get a normalised search column, filled here for the tasks already stored."""

from django.db import migrations, models


def fill_search_keys(apps, schema_editor):
    from wanqu.core.text import normalise

    Task = apps.get_model("ledger", "Task")
    batch = []
    for task in Task.objects.only("pk", "code", "title", "title_en", "description").iterator():
        task.search_key = normalise(" ".join([task.code, task.title, task.title_en, task.description]))
        batch.append(task)
        if len(batch) >= 500:
            Task.objects.bulk_update(batch, ["search_key"])
            batch = []
    if batch:
        Task.objects.bulk_update(batch, ["search_key"])


class Migration(migrations.Migration):

    dependencies = [
        ("ledger", "0002_round_round_once_per_period"),
    ]

    operations = [
        migrations.AddField(
            model_name="task",
            name="search_key",
            field=models.TextField(blank=True, default="", editable=False, verbose_name="search key"),
        ),
        migrations.RunPython(fill_search_keys, migrations.RunPython.noop),
    ]
