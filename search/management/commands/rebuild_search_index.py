"""Rebuild the full-text search indexes from the articles, quotes and comments (#15).

SQLite: refills the FTS5 indexes (and puts back any missing trigger). PostgreSQL:
recomputes every article's `search_vector` through its trigger and reindexes the quote
and comment text indexes. Use it after editing the database outside Django or when
search seems to miss a row.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from search import fts


class Command(BaseCommand):
    help = (
        "Rebuild the full-text search indexes of articles, quotes and comments "
        "(FTS5 on SQLite, tsvector and GIN on PostgreSQL)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="Database alias (default: default)."
        )

    def handle(self, *args, database: str, **options):
        connection = connections[database]
        started = time.monotonic()
        with transaction.atomic(using=database):
            if connection.vendor == "sqlite":
                fts.ensure_index(connection, rebuild=True)
            else:
                self.rebuild_postgres(connection)
            totals = []
            with connection.cursor() as cursor:
                for index in fts.INDEXES:
                    cursor.execute(f"SELECT COUNT(*) FROM {index.table}")
                    totals.append(cursor.fetchone()[0])
        articles, quotes, comments = totals
        self.stdout.write(
            f"Search index rebuilt ({connection.vendor}): {articles} articles, {quotes} quotes, "
            f"{comments} comments in {time.monotonic() - started:.1f} s."
        )

    def rebuild_postgres(self, connection) -> None:
        # The UPDATE OF title trigger (articles 0002/0007) recomputes the vector; the quote
        # and comment indexes are expressions over the text (search 0002): rebuilt whole.
        with connection.cursor() as cursor:
            cursor.execute("UPDATE articles_article SET title = title")
            cursor.execute("REINDEX INDEX quote_text_search")
            cursor.execute("REINDEX INDEX comment_text_search")
