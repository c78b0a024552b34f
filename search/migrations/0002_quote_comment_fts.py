"""Quote and comment text search on the article search's engine (#15).

SQLite: FTS5 indexes `quote_fts` and `comment_fts`, kept in step by triggers.
PostgreSQL: GIN indexes on `to_tsvector('english', text)`, the expression the quote and
comment filters match with `websearch_to_tsquery` (`search.expressions.TextSearch`).
"""

from django.db import migrations

from articles.migration_ops import PostgresOnlySQL


def create(apps, schema_editor):
    from search import fts

    fts.ensure_index(schema_editor.connection, rebuild=True, indexes=(fts.QUOTES, fts.COMMENTS))


def drop(apps, schema_editor):
    from search import fts

    fts.drop_index(schema_editor.connection, indexes=(fts.QUOTES, fts.COMMENTS))


class Migration(migrations.Migration):
    dependencies = [("search", "0001_article_fts"), ("comments", "0001_initial")]

    operations = [
        migrations.RunPython(create, drop, elidable=False),
        # quote list and person page text filter (QuoteFilter.filter_search)
        PostgresOnlySQL(
            "CREATE INDEX quote_text_search ON articles_quote "
            "USING gin (to_tsvector('english', text));",
            "DROP INDEX IF EXISTS quote_text_search;",
        ),
        # comment list text filter (CommentFilter.filter_search)
        PostgresOnlySQL(
            "CREATE INDEX comment_text_search ON comments_comment "
            "USING gin (to_tsvector('english', text));",
            "DROP INDEX IF EXISTS comment_text_search;",
        ),
    ]
