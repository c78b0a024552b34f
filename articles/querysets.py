"""Reads the pages share, as QuerySet methods with domain names.

Search is full-text and ranked on both databases, with the same query syntax
(`websearch_to_tsquery`: phrases in quotes, -word, OR): PostgreSQL's GIN-indexed
`search_vector`, SQLite's FTS5 index `article_fts` (the `search` app, #15).
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections, models
from django.db.models import F, Func, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from search.expressions import Fts5Rank, among, few_matching_ids, filter_matches, no_ids
from search.fts import ARTICLES
from search.websearch import to_fts5

SEARCH_CONFIG = "english"
FEW_ARTICLE_MATCHES = 500  # PostgreSQL: up to this many, a search's articles are read by id

# Newest first with undated articles last on both databases (PostgreSQL sorts NULLs first
# in DESC order unless told; SQLite sorts them last). Served by article_published_idx on
# SQLite and by the PostgreSQL-only article_newest_idx (migration 0004).
NEWEST_FIRST = (F("published").desc(nulls_last=True), F("id").desc())


def _aggregate(queryset: models.QuerySet, function: str, field: str) -> Coalesce:
    """`SELECT COUNT(pk) FROM …` as a correlated scalar subquery (0 when there are no rows);
    a Func, not an aggregate, so Django adds no GROUP BY."""
    total = queryset.order_by().annotate(
        _total=Func(F(field), function=function, output_field=models.IntegerField())
    )
    return Coalesce(Subquery(total.values("_total")[:1]), 0)


def _vendor(queryset: models.QuerySet) -> str:
    return connections[queryset.db].vendor


class ArticleQuerySet(models.QuerySet):
    def for_listing(self) -> ArticleQuerySet:
        """What a list of articles shows: outlet loaded, long text left behind."""
        return self.select_related("outlet").defer("body", "search_vector", "curated_fields")

    def for_detail(self) -> ArticleQuerySet:
        return self.select_related("outlet").defer("search_vector")

    def mentioning(self, people) -> ArticleQuerySet:
        """Articles that mention or quote any of `people`: one UNION of the mention and
        quote indexes by person, which the database joins by id. Both read the person's
        articles set-wise (a person in 56 of 140,000 articles: under 1 ms), or, where the
        person is in a large share of the archive, PostgreSQL may still walk the list's
        index and probe the hashed set. The `… IN (mentions) OR … IN (quotes)` form it
        replaced made PostgreSQL walk the newest-first index for every person, checking
        each article: 134 ms for that rare person's first page (#13)."""
        from articles.models import Mention, Quote

        mentions = Mention.objects.filter(person__in=people).order_by().values("article_id")
        quotes = Quote.objects.filter(speaker__in=people).order_by().values("article_id")
        return self.filter(pk__in=mentions.union(quotes))

    def mentioning_all(self, people) -> ArticleQuerySet:
        """Articles that mention or quote every one of `people` (one set per person)."""
        matched = self
        for person in people:
            matched = matched.mentioning([person])
        return matched

    def search(
        self, text: str, *, ranked: bool = True, matches: list[int] | None = None
    ) -> ArticleQuerySet:
        """Full-text search, annotated with `rank` (higher is better) unless `ranked` is
        False (a list sorted otherwise does not pay for it): `search_vector` on
        PostgreSQL, the FTS5 index on SQLite, `"a phrase" -not OR either` on both.
        `matches`: on PostgreSQL, the ids `few_matches` gathered for `text`, read by id."""
        text = (text or "").strip()
        if not text:
            return self
        if _vendor(self) == "postgresql":
            query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
            if matches is not None:
                found = self.filter(pk__in=among(matches))
            else:
                found = self.filter(search_vector=query)
            return found.annotate(rank=SearchRank(F("search_vector"), query)) if ranked else found
        match = to_fts5(text)
        if match is None:  # only stop words or punctuation: nothing, as on PostgreSQL
            found = self.filter(pk__in=no_ids())
            return found.annotate(rank=Value(0.0, models.FloatField())) if ranked else found
        found = filter_matches(self, match, ARTICLES)
        return found.annotate(rank=Fts5Rank(match)) if ranked else found

    def few_matches(self, text: str) -> list[int] | None:
        """PostgreSQL: the ids of the articles matching `text` when there are at most
        `FEW_ARTICLE_MATCHES`, for `search(matches=…)`; None when there are more, on
        SQLite (whose FTS5 index answers by id already), or without text.

        A phrase of two common words (`"budget vote"`: 75,656 articles hold both words,
        none the phrase) is checked against each candidate's `search_vector` once here,
        not again by the page, its rank, count and facets: 1.4–1.8 s -> 0.4 s at 140,000
        articles. The cap is low because a common word pays for reading that many
        matches (500: ~3 ms) before its list is read the usual way."""
        text = (text or "").strip()
        if not text or _vendor(self) != "postgresql":
            return None
        match_sql = f"search_vector @@ websearch_to_tsquery('{SEARCH_CONFIG}', %s)"
        table = self.model._meta.db_table
        return few_matching_ids(self.db, table, match_sql, text, few=FEW_ARTICLE_MATCHES)

    def best_first(self, limit: int) -> tuple[ArticleQuerySet, bool]:
        """A search's results (`search` annotated `rank`) best match first, ranking at most
        `limit` of them: `(queryset, bounded)`.

        Ranking costs a read per match (PostgreSQL's `ts_rank` reads each match's
        `search_vector`; SQLite's bm25 scores each match), so a word in most of the
        archive would cost seconds (#13). Past `limit` matches, the ranked list holds the
        `limit` most recently added matches (highest ids) and `bounded` is True: the page
        says so, and "Newest first" still lists every match. One query of at most
        `limit + 1` ids decides; the ranked pages then score only those matches.
        """
        ordered = (F("rank").desc(), *NEWEST_FIRST)
        ids = list(self.order_by("-pk").values_list("pk", flat=True)[: limit + 1])
        if len(ids) <= limit:
            return self.order_by(*ordered), False
        from_id = ids[limit - 1]
        bounded = self.filter(pk__gte=from_id)
        rank = self.query.annotations.get("rank")
        if isinstance(rank, Fts5Rank):
            bounded = bounded.annotate(rank=Fts5Rank(rank.match, from_id=from_id))
        return bounded.order_by(*ordered), True


class PersonQuerySet(models.QuerySet):
    def named_like(self, text: str) -> PersonQuerySet:
        """People whose name holds every word of `text`, exact matches first, then by name:
        `"ruth kess"` finds Ruth Kessler. Nothing for an empty text."""
        words = (text or "").split()
        if not words:
            return self.none()
        matched = self
        for word in words[:6]:
            matched = matched.filter(name__icontains=word)
        exact = models.Case(
            models.When(name__iexact=" ".join(words), then=0),
            default=1,
            output_field=models.IntegerField(),
        )
        return matched.annotate(_exact=exact).order_by("_exact", "name", "pk")

    def with_totals(self) -> PersonQuerySet:
        """`article_total` (articles mentioning or quoting them), `mention_total` (times
        named) and `quote_total`, each summed from the person's kept counts per outlet
        (`articles.archive_counts`): a page of people, in any of these orders, costs one
        query whatever the archive's size. Counted live, the article totals walked the
        articles once per person: 21 s for the people index at 140,000 articles (#13)."""
        from articles.models import PersonOutletCount

        kept = PersonOutletCount.objects.filter(person_id=OuterRef("pk"))
        return self.annotate(
            article_total=_aggregate(kept, "SUM", "articles"),
            mention_total=_aggregate(kept, "SUM", "mentions"),
            quote_total=_aggregate(kept, "SUM", "quotes"),
        )

    def with_counts(self) -> PersonQuerySet:
        return self.annotate(
            article_total=models.Count("mentions", distinct=True),
            quote_total=models.Count("quotes", distinct=True),
        )


class QuoteQuerySet(models.QuerySet):
    def for_listing(self) -> QuoteQuerySet:
        return self.select_related("speaker", "article", "article__outlet").defer(
            "article__body", "article__search_vector", "article__curated_fields"
        )


def outlets_with_totals() -> models.QuerySet:
    """Outlets with `article_total`, `quote_total` and `comment_total` (visible comments),
    summed from the outlet's kept counts per month (`articles.archive_counts`): one query
    for a page of outlets, whatever the archive's size."""
    from articles.models import Outlet, OutletMonthCount

    kept = OutletMonthCount.objects.filter(outlet_id=OuterRef("pk"))
    return Outlet.objects.annotate(
        article_total=_aggregate(kept, "SUM", "articles"),
        quote_total=_aggregate(kept, "SUM", "quotes"),
        comment_total=_aggregate(kept, "SUM", "comments"),
    )
