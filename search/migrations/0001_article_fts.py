"""SQLite: the FTS5 index of articles and the triggers that keep it in step (#15).

Does nothing on PostgreSQL, which searches `search_vector` (articles 0002), as the
PostgreSQL-only migrations there do nothing on SQLite.
"""

from django.db import migrations


def create(apps, schema_editor):
    from search import fts

    fts.ensure_index(schema_editor.connection, rebuild=True, indexes=(fts.ARTICLES,))


def drop(apps, schema_editor):
    from search import fts

    fts.drop_index(schema_editor.connection, indexes=(fts.ARTICLES,))


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
