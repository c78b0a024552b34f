"""EXPLAIN for the plan tests (#13): which index serves a query, on both databases.

A test's tables hold a few dozen rows, so on PostgreSQL a sequential scan is cheapest and
the plan would show nothing: `explain` forbids sequential scans (for the test's transaction
only) to see which index serves the query.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext

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


def count_plan(queryset: QuerySet, *, bitmaps: bool = False) -> str:
    """The plan of the one query `queryset.count()` runs."""
    with CaptureQueriesContext(connection) as queries:
        queryset.count()
    (count,) = queries.captured_queries
    return explain_sql(count["sql"], bitmaps=bitmaps)


def reads_by_id(plan: str) -> bool:
    """PostgreSQL: rows are looked up by a list of ids (`id = ANY (…)`, or `id = 7` for one),
    as a search's gathered matches are."""
    return re.search(r"Index Cond: \(id = (ANY \(|\d)", plan) is not None


def full_scans(plan: str) -> list[str]:
    """Lines reading a table without an index: PostgreSQL's `Seq Scan` (forbidden here, so
    chosen only when no index can serve), SQLite's `SCAN table` with no `USING …`."""
    return [line for line in plan.splitlines() if re.search(r"Seq Scan|\bSCAN \S+$", line)]


def sorted_rows(plan: str) -> list[str]:
    """Lines that sort rows instead of reading them in order."""
    return [line for line in plan.splitlines() if re.search(r"TEMP B-TREE|Sort\b", line)]


def index_conditions(plan: str, table: str) -> dict[str, list[str]]:
    """PostgreSQL: index -> the `Index Cond` of each read of `table` through it
    (`""` for a read in index order with no condition)."""
    reads: dict[str, list[str]] = {}
    lines = plan.splitlines()
    for i, line in enumerate(lines):
        found = re.search(r"Index (?:Only )?Scan (?:Backward )?using (\S+) on (\S+)", line)
        if not found or found[2] != table:
            continue
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        condition = nxt.removeprefix("Index Cond: ") if nxt.startswith("Index Cond:") else ""
        reads.setdefault(found[1], []).append(condition)
    return reads
