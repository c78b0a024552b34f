"""EXPLAIN for the plan tests (#13): which index serves a query, on both databases.

A test's tables hold a few dozen rows, so on PostgreSQL a sequential scan is cheapest and
the plan would show nothing: `explain` forbids sequential scans (for the test's transaction
only) to see which index serves the query.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet

POSTGRES = connection.vendor == "postgresql"


def _steer_postgres(*, bitmaps: bool, sorts: bool) -> None:
    # Bitmap scans are forbidden too, to see an index read in order; GIN indexes (full-text
    # search) are read only by bitmap scans, so a search's plan keeps them (`bitmaps=True`).
    # Sorts: on tiny tables "another index + sort" may cost less than the index in the
    # list's order, depending on the statistics of the moment; without sorts the plan shows
    # whether an index serves the order at all.
    # (Whether PostgreSQL then reads the index alone depends on its visibility map, set by
    # VACUUM, which a test transaction cannot run: see the README's figures.)
    if not POSTGRES:
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        if not bitmaps:
            cursor.execute("SET LOCAL enable_bitmapscan = off")
        if not sorts:
            cursor.execute("SET LOCAL enable_sort = off")


def explain(queryset: QuerySet, *, bitmaps: bool = False) -> str:
    """The plan of `queryset` (EXPLAIN QUERY PLAN on SQLite), no sort allowed on PostgreSQL."""
    _steer_postgres(bitmaps=bitmaps, sorts=False)
    return queryset.explain()


def explain_sql(sql: str, params: list | None = None, *, bitmaps: bool = False) -> str:
    """The plan of one SQL statement, e.g. as `CaptureQueriesContext` caught it (`params`
    None: `sql` holds its values)."""
    _steer_postgres(bitmaps=bitmaps, sorts=True)
    with connection.cursor() as cursor:
        prefix = "EXPLAIN" if POSTGRES else "EXPLAIN QUERY PLAN"
        cursor.execute(f"{prefix} {sql}", params)
        return "\n".join(" ".join(str(c) for c in row) for row in cursor.fetchall())
