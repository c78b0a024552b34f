"""The kept counts (#13, `articles.archive_counts`) also keep each outlet's quotes (per
month of publication) and each person's mentions and quotes (per outlet), so the people
and outlet indexes read their totals and sorts instead of counting the archive per row.

The triggers are dropped before the columns are added and made again after, with the new
bodies, and the tables recounted from the archive. Backwards, the triggers are dropped:
the earlier code's `migrate` makes its own again.
"""

from django.db import migrations, models


def drop_triggers(apps, schema_editor):
    from articles import archive_counts

    archive_counts.uninstall(schema_editor.connection)


def make_triggers(apps, schema_editor):
    from articles import archive_counts

    archive_counts.install(schema_editor.connection)  # none there: made, then recounted


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_drop_redundant_column_indexes"),
    ]

    operations = [
        migrations.RunPython(drop_triggers, migrations.RunPython.noop),
        migrations.AddField(
            model_name="outletmonthcount",
            name="quotes",
            field=models.IntegerField(default=0),
        ),
        migrations.AddField(
            model_name="personoutletcount",
            name="mentions",
            field=models.IntegerField(default=0),
        ),
        migrations.AddField(
            model_name="personoutletcount",
            name="quotes",
            field=models.IntegerField(default=0),
        ),
        migrations.RunPython(make_triggers, drop_triggers),
    ]
