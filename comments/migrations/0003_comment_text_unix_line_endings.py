from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Replace


def unix_line_endings(apps, schema_editor):
    """Comment texts saved from the admin before #12 kept the browser's CRLF."""
    Comment = apps.get_model("comments", "Comment")
    fixed = Replace(Replace("text", Value("\r\n"), Value("\n")), Value("\r"), Value("\n"))
    Comment.objects.filter(text__contains="\r").update(text=fixed)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0002_postgres_text_index"),
    ]

    operations = [
        migrations.RunPython(unix_line_endings, migrations.RunPython.noop),
    ]
