"""Rebuild the full-text search index from the articles (#15).

SQLite: refills the FTS5 index (and puts back any missing trigger). PostgreSQL:
recomputes every article's `search_vector` through its trigger. Use it after editing
the database outside Django or when search seems to miss an article.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from search import fts


class Command(BaseCommand):
    help = "Rebuild the article full-text search index (FTS5 on SQLite, tsvector on PostgreSQL)."

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
            with connection.cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM articles_article")
                total = cursor.fetchone()[0]
        self.stdout.write(
            f"Search index rebuilt ({connection.vendor}): {total} articles "
            f"in {time.monotonic() - started:.1f} s."
        )

    def rebuild_postgres(self, connection) -> None:
        # The UPDATE OF title trigger (articles 0002/0007) recomputes the vector.
        with connection.cursor() as cursor:
            cursor.execute("UPDATE articles_article SET title = title")
