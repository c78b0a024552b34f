"""ORM pieces for FTS5 search on SQLite (#15): the matching ids and the bm25 rank."""

from __future__ import annotations

from django.db.models import F, FloatField, Func, Value
from django.db.models.expressions import RawSQL

from search.fts import TABLE

# bm25 weights of title, standfirst, body: the ratio of PostgreSQL's ts_rank weights for
# A, B, C (1.0, 0.4, 0.2), so both databases rank a title match highest.
WEIGHTS = "5.0, 2.0, 1.0"


def matching_ids(match: str) -> RawSQL:
    """`SELECT rowid … MATCH` for `pk__in=`: not correlated, so safe inside any subquery."""
    return RawSQL(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", (match,))


def no_ids() -> RawSQL:
    """An always-empty `pk__in=` that still compiles to SQL (unlike `.none()`, which the
    facets' hand-written SQL cannot embed)."""
    return RawSQL("SELECT NULL WHERE 0 = 1", ())


class Fts5Rank(Func):
    """The article's bm25 score for `match`, negated so that higher is better (as
    PostgreSQL's ts_rank): a correlated lookup by rowid, cheap for a page of rows."""

    output_field = FloatField()

    def __init__(self, match: str):
        super().__init__(F("pk"), Value(match))

    def as_sql(self, compiler, connection, **extra_context):
        pk_sql, pk_params = compiler.compile(self.source_expressions[0])
        match_sql, match_params = compiler.compile(self.source_expressions[1])
        sql = (
            f"(SELECT -bm25({TABLE}, {WEIGHTS}) FROM {TABLE} "
            f"WHERE {TABLE} MATCH {match_sql} AND {TABLE}.rowid = {pk_sql})"
        )
        return sql, (*match_params, *pk_params)
