"""The "most commented" and "most quoted" sorts and the outlet filter read their index in
the list's exact order (#13), proven by `tests/views/test_article_list_plans.py`.

The lists order by `-comment_count` (or `-quote_count`), then newest first with undated
articles last, then `-id`: the old indexes stopped at `published`, so SQLite sorted each
run of equal (count, date) in a temporary B-tree, and PostgreSQL (whose DESC index puts
NULLs first) could use only the count: an incremental sort of each run of equal counts,
that is of nearly every article when most have no comments or quotes.

The B-tree indexes now end with `-id` (SQLite's order; PostgreSQL still uses them for the
has-comments count); PostgreSQL also gets NULLS LAST twins, as `article_newest_idx` (0004).
"""

from django.db import migrations, models

from articles.migration_ops import PostgresOnlySQL


def _replace(name: str, fields: list[str]) -> list:
    return [
        migrations.RemoveIndex(model_name="article", name=name),
        migrations.AddIndex(model_name="article", index=models.Index(fields=fields, name=name)),
    ]


class Migration(migrations.Migration):
    dependencies = [("articles", "0010_count_tables_storage")]

    operations = [
        *_replace("article_comments_idx", ["-comment_count", "-published", "-id"]),
        *_replace("article_quotes_idx", ["-quote_count", "-published", "-id"]),
        *_replace("article_outlet_published_idx", ["outlet", "-published", "-id"]),
        # "most commented" sort (PostgreSQL)
        PostgresOnlySQL(
            "CREATE INDEX article_comments_newest_idx ON articles_article "
            "(comment_count DESC, published DESC NULLS LAST, id DESC);",
            "DROP INDEX IF EXISTS article_comments_newest_idx;",
        ),
        # "most quoted" sort (PostgreSQL)
        PostgresOnlySQL(
            "CREATE INDEX article_quotes_newest_idx ON articles_article "
            "(quote_count DESC, published DESC NULLS LAST, id DESC);",
            "DROP INDEX IF EXISTS article_quotes_newest_idx;",
        ),
    ]
