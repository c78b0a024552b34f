"""The trigram indexes of the old quote and comment text filters (`icontains`), unused
since 0002's full-text search replaced those filters (#13).

Each cost every imported quote and comment a trigram GIN update (about 0.8 ms a file into
PostgreSQL) and served no query. The people's name trigram index stays: the person
picker still matches names by `icontains`.
"""

from django.db import migrations

from articles.migration_ops import PostgresOnlySQL


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_quote_comment_fts"),
        ("comments", "0002_postgres_text_index"),
        ("articles", "0002_postgres_search"),
    ]

    operations = [
        PostgresOnlySQL(
            "DROP INDEX IF EXISTS quote_text_trgm;",
            "CREATE INDEX quote_text_trgm ON articles_quote USING gin (UPPER(text) gin_trgm_ops);",
        ),
        PostgresOnlySQL(
            "DROP INDEX IF EXISTS comment_text_trgm;",
            "CREATE INDEX comment_text_trgm ON comments_comment "
            "USING gin (UPPER(text) gin_trgm_ops);",
        ),
    ]
