"""Trigram index so the comment text filter (icontains) is indexed on PostgreSQL."""

from django.db import migrations

from articles.migration_ops import PostgresOnlySQL


class Migration(migrations.Migration):
    dependencies = [("comments", "0001_initial"), ("articles", "0002_postgres_search")]

    operations = [
        # comment text filter (icontains -> UPPER(text) LIKE ...)
        PostgresOnlySQL(
            "CREATE INDEX comment_text_trgm ON comments_comment USING gin (UPPER(text) gin_trgm_ops);",
            "DROP INDEX IF EXISTS comment_text_trgm;",
        ),
    ]
