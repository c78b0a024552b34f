"""Reads the pages share, as QuerySet methods with domain names.

Search uses PostgreSQL full-text search (GIN-indexed `search_vector`, ranked)
and falls back to case-insensitive substring matching on SQLite.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections, models
from django.db.models import F, Q

SEARCH_CONFIG = "english"

# Newest first with undated articles last on both databases (PostgreSQL sorts NULLs first
# in DESC order unless told; SQLite sorts them last). Served by article_published_idx on
# SQLite and by the PostgreSQL-only article_newest_idx (migration 0004).
NEWEST_FIRST = (F("published").desc(nulls_last=True), F("id").desc())


def _vendor(queryset: models.QuerySet) -> str:
    return connections[queryset.db].vendor


class ArticleQuerySet(models.QuerySet):
    def for_listing(self) -> ArticleQuerySet:
        """What a list of articles shows: outlet loaded, long text left behind."""
        return self.select_related("outlet").defer("body", "search_vector", "curated_fields")

    def for_detail(self) -> ArticleQuerySet:
        return self.select_related("outlet").defer("search_vector")

    def mentioning(self, people) -> ArticleQuerySet:
        """Articles that mention or quote any of `people` (two indexed semi-joins, no DISTINCT)."""
        from articles.models import Mention, Quote

        return self.filter(
            Q(pk__in=Mention.objects.filter(person__in=people).values("article_id"))
            | Q(pk__in=Quote.objects.filter(speaker__in=people).values("article_id"))
        )

    def search(self, text: str) -> ArticleQuerySet:
        """Full-text search on PostgreSQL (ranked), substring match of every word on SQLite."""
        text = (text or "").strip()
        if not text:
            return self
        if _vendor(self) == "postgresql":
            query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
            return self.filter(search_vector=query).annotate(
                rank=SearchRank(F("search_vector"), query)
            )
        matched = self
        for word in text.split():
            matched = matched.filter(
                Q(title__icontains=word) | Q(standfirst__icontains=word) | Q(body__icontains=word)
            )
        return matched


class PersonQuerySet(models.QuerySet):
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
