"""Recount the counts the facets and outlet pages read (#13, `articles.archive_counts`).

Triggers keep them right on every write; run this after writing to the tables outside
them (SQL that dropped the triggers, a restore of some tables only), or when a page's
counts and its list disagree. Also puts back missing triggers.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from articles import archive_counts


class Command(BaseCommand):
    help = "Recount articles and comments per outlet and month, and articles per person."

    def add_arguments(self, parser):
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="Database alias (default: default)."
        )

    def handle(self, *args, database: str, **options):
        connection = connections[database]
        started = time.monotonic()
        with transaction.atomic(using=database):
            if not archive_counts.install(connection):
                archive_counts.rebuild(connection)
        self.stdout.write(f"Archive counts rebuilt in {time.monotonic() - started:.1f} s.")
