"""ORM pieces for full-text search (#15): on SQLite the FTS5 matching ids and the bm25
rank; on both databases the websearch filter of quote and comment text."""

from __future__ import annotations

from django.db import connections
from django.db.models import BooleanField, F, FloatField, Func, QuerySet, Value
from django.db.models.expressions import RawSQL

from search.fts import TABLE, FtsIndex
from search.websearch import to_fts5

# bm25 weights of title, standfirst, body: the ratio of PostgreSQL's ts_rank weights for
# A, B, C (1.0, 0.4, 0.2), so both databases rank a title match highest.
WEIGHTS = "5.0, 2.0, 1.0"


def matching_ids(match: str, table: str = TABLE) -> RawSQL:
    """`SELECT rowid … MATCH` for `pk__in=`: not correlated, so safe inside any subquery."""
    return RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", (match,))


def no_ids() -> RawSQL:
    """An always-empty `pk__in=` that still compiles to SQL (unlike `.none()`, which the
    facets' hand-written SQL cannot embed)."""
    return RawSQL("SELECT NULL WHERE 0 = 1", ())


class Fts5Rank(Func):
    """The article's bm25 score for `match`, negated so that higher is better (as
    PostgreSQL's ts_rank).

    The matches are ranked once, in a subquery SQLite keeps whole (`LIMIT -1` stops it
    being folded into a per-row lookup) and reads through an automatic index. A lookup by
    rowid per row ran the MATCH once per matching article: sorting a broad search over
    128,000 articles (84,000 hits) took 4-6 minutes, now 0.3-0.6 s.
    """

    output_field = FloatField()

    def __init__(self, match: str):
        super().__init__(F("pk"), Value(match))

    def as_sql(self, compiler, connection, **extra_context):
        pk_sql, pk_params = compiler.compile(self.source_expressions[0])
        match_sql, match_params = compiler.compile(self.source_expressions[1])
        sql = (
            f"(SELECT ranked.score FROM (SELECT rowid AS id, -bm25({TABLE}, {WEIGHTS}) AS score "
            f"FROM {TABLE} WHERE {TABLE} MATCH {match_sql} LIMIT -1) AS ranked "
            f"WHERE ranked.id = {pk_sql})"
        )
        return sql, (*match_params, *pk_params)


class WebSearchMatch(Func):
    """PostgreSQL: `to_tsvector('english', text) @@ websearch_to_tsquery('english', …)`, the
    expression the GIN indexes of search 0002 hold, so the filter reads the index."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, column: str, text: str):
        super().__init__(F(column), Value(text))

    def as_sql(self, compiler, connection, **extra_context):
        column_sql, column_params = compiler.compile(self.source_expressions[0])
        text_sql, text_params = compiler.compile(self.source_expressions[1])
        sql = f"to_tsvector('english', {column_sql}) @@ websearch_to_tsquery('english', {text_sql})"
        return sql, (*column_params, *text_params)


def text_search(queryset: QuerySet, text: str, index: FtsIndex, column: str = "text") -> QuerySet:
    """Rows of `queryset` whose `column` matches websearch-style `text` (phrases, -word, OR,
    stemmed whole words), on the same engine as article search: FTS5 `index` on SQLite,
    the GIN-indexed tsvector expression on PostgreSQL.

    `text_search(Quote.objects.all(), '"cheaper fares" -ferry', QUOTES)`
    """
    text = (text or "").strip()
    if not text:
        return queryset
    if connections[queryset.db].vendor == "postgresql":
        return queryset.filter(WebSearchMatch(column, text))
    match = to_fts5(text)
    if match is None:  # only stop words or punctuation: nothing, as on PostgreSQL
        return queryset.filter(pk__in=no_ids())
    return queryset.filter(pk__in=matching_ids(match, index.name))
