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


# Past one match in this many rows, walking an index of the table beats looking matches up.
WALK_SHARE = 8


class InMatches(Func):
    """SQLite: the row is one of the FTS5 `index`'s matches for `match`.

    SQLite reads `id IN (SELECT rowid … MATCH …)` by looking each match up by id, then
    sorts them: right for a few matches, but a word in most rows costs a lookup per match
    (93,000 at 140,000 articles: 190 ms to count them, as long again to sort them). With
    `walk`, the condition reads `+id IN (…)`, which SQLite cannot use to look rows up: it
    walks the list's own index (or the smallest, to count) and checks each row against
    the matches, gathered once: 13 ms for the newest page of that search, 37 ms to count
    it. `filter_matches` chooses by the share of rows that match.
    """

    output_field = BooleanField()
    conditional = True

    def __init__(self, match: str, index: str, walk: bool):
        self.match, self.index, self.walk = match, index, walk
        super().__init__(F("pk"))

    def as_sql(self, compiler, connection, **extra_context):
        pk_sql, pk_params = compiler.compile(self.source_expressions[0])
        walk = "+" if self.walk else ""
        index = self.index
        sql = f"{walk}{pk_sql} IN (SELECT rowid FROM {index} WHERE {index} MATCH %s)"
        return sql, (*pk_params, self.match)


def filter_matches(queryset: QuerySet, match: str, index: FtsIndex) -> QuerySet:
    """SQLite: rows of `queryset` among `index`'s matches for `match`, read the way that
    costs less for how many rows match (`InMatches`): one count, which stops at the share
    that decides (under 2 ms), chooses."""
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"SELECT MAX(id) FROM {index.table}")
        enough = (cursor.fetchone()[0] or 0) // WALK_SHARE + 1
        cursor.execute(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM {index.name} WHERE {index.name} MATCH %s "
            f"LIMIT {enough})",
            [match],
        )
        walk = cursor.fetchone()[0] >= enough
    return queryset.filter(InMatches(match, index.name, walk=walk))


def match_count(using: str, text: str, index: FtsIndex) -> int | None:
    """SQLite: how many rows of `index`'s table match websearch-style `text`, counted in
    the FTS5 index alone (93,000 matches: 5 ms; through the table, 40 ms). Exact: the index
    is kept in step with its table by triggers. None on PostgreSQL."""
    if connections[using].vendor != "sqlite":
        return None
    match = to_fts5(text)
    if match is None:
        return 0
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {index.name} WHERE {index.name} MATCH %s", [match])
        return int(cursor.fetchone()[0])


def no_ids() -> RawSQL:
    """An always-empty `pk__in=` that still compiles to SQL (unlike `.none()`, which the
    facets' hand-written SQL cannot embed)."""
    return RawSQL("SELECT 0 WHERE 0 = 1", ())  # an integer: PostgreSQL compares it with ids


class Fts5Rank(Func):
    """The article's bm25 score for `match`, negated so that higher is better (as
    PostgreSQL's ts_rank).

    The matches are ranked once, in a subquery SQLite keeps whole (`LIMIT -1` stops it
    being folded into a per-row lookup) and reads through an automatic index. A lookup by
    rowid per row ran the MATCH once per matching article: sorting a broad search over
    128,000 articles (84,000 hits) took 4-6 minutes, now 0.3-0.6 s.

    With `from_id`, only matches whose id is at least `from_id` are ranked (the bounded
    rank of a broad search, `ArticleQuerySet.best_first`): FTS5 reads that stretch of its
    index and scores nothing else.
    """

    output_field = FloatField()

    def __init__(self, match: str, from_id: int | None = None):
        self.match, self.from_id = match, from_id
        super().__init__(F("pk"), Value(match))

    def as_sql(self, compiler, connection, **extra_context):
        pk_sql, pk_params = compiler.compile(self.source_expressions[0])
        match_sql, match_params = compiler.compile(self.source_expressions[1])
        stretch = "" if self.from_id is None else f" AND rowid >= {int(self.from_id)}"
        sql = (
            f"(SELECT ranked.score FROM (SELECT rowid AS id, -bm25({TABLE}, {WEIGHTS}) AS score "
            f"FROM {TABLE} WHERE {TABLE} MATCH {match_sql}{stretch} LIMIT -1) AS ranked "
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


# PostgreSQL: up to this many matches, a quote or comment search reads its matches first.
FEW_MATCHES = 2000


def few_matching_ids(
    using: str, table: str, match_sql: str, text: str, few: int | None = None
) -> list[int] | None:
    """PostgreSQL: the ids of `table`'s rows where `match_sql` (a condition with one `%s`,
    the websearch text) holds, when there are at most `few` of them (`FEW_MATCHES`), else
    None. One read of the GIN index that stops past that many.

    The list then filters by id: with the `@@` condition alone PostgreSQL guesses how many
    rows match and, for a page ordered by date, walks the date order checking each row
    until it has a page; right for a common word, but a word in few quotes (or none) costs
    a walk of all 480,000, recomputing each one's tsvector: 4.7 s at 140,000 articles
    (#13). A phrase is checked against each candidate (the index knows words, not their
    order), so it is checked here once, not again by the page, its count and its facets.
    """
    few = FEW_MATCHES if few is None else few
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT id FROM {table} WHERE {match_sql} LIMIT {few + 1}", [text])
        ids = [row[0] for row in cursor.fetchall()]
    return ids if len(ids) <= few else None


def among(ids: list[int]):
    """`pk__in=` value for gathered ids, empty included (which `.none()` or `[]` cannot be
    in the facets' hand-written SQL)."""
    return ids or no_ids()


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
        match_sql = f"to_tsvector('english', {column}) @@ websearch_to_tsquery('english', %s)"
        ids = few_matching_ids(queryset.db, index.table, match_sql, text)
        if ids is not None:
            return queryset.filter(pk__in=among(ids))
        return queryset.filter(WebSearchMatch(column, text))
    match = to_fts5(text)
    if match is None:  # only stop words or punctuation: nothing, as on PostgreSQL
        return queryset.filter(pk__in=no_ids())
    return filter_matches(queryset, match, index)
