"""Ship the outlet registry's defaults as rows curators can edit in the admin."""

from django.db import migrations
from django.utils.text import slugify


def add_default_outlets(apps, schema_editor):
    from articles.parsing.outlets import DEFAULT_OUTLETS

    Outlet = apps.get_model("articles", "Outlet")
    for profile in DEFAULT_OUTLETS:
        Outlet.objects.get_or_create(
            name=profile.name,
            defaults={
                "slug": slugify(profile.name),
                "domains": list(profile.domains),
                "time_zone": profile.time_zone,
                "signatures": list(profile.signatures),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_postgres_search")]

    operations = [migrations.RunPython(add_default_outlets, migrations.RunPython.noop)]
