"""Newest first with undated articles last, on PostgreSQL too.

PostgreSQL puts NULLs first in a DESC sort unless told otherwise, so the
"newest" order says NULLS LAST and gets indexes in the same order. SQLite
already sorts NULLs last in DESC order: its existing B-tree indexes serve.
"""

from django.db import migrations, models

from articles.migration_ops import PostgresOnlySQL


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_default_outlets")]

    operations = [
        migrations.AlterModelOptions(
            name="article",
            options={
                "ordering": (
                    models.OrderBy(models.F("published"), descending=True, nulls_last=True),
                    models.OrderBy(models.F("id"), descending=True),
                )
            },
        ),
        # "newest" sort and the date-range filter (PostgreSQL)
        PostgresOnlySQL(
            "CREATE INDEX article_newest_idx ON articles_article "
            "(published DESC NULLS LAST, id DESC);",
            "DROP INDEX IF EXISTS article_newest_idx;",
        ),
        # outlet filter + outlet page, newest first (PostgreSQL)
        PostgresOnlySQL(
            "CREATE INDEX article_outlet_newest_idx ON articles_article "
            "(outlet_id, published DESC NULLS LAST, id DESC);",
            "DROP INDEX IF EXISTS article_outlet_newest_idx;",
        ),
    ]
