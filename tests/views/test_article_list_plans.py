"""Every filter and sort of the article list is served by an index, proven by EXPLAIN on
both databases (#13): no full scan of articles, mentions or quotes, and each sort read
from an index in the list's own order (no "TEMP B-TREE" on SQLite, no Sort or Incremental
Sort on PostgreSQL). The querysets are the view's: `ArticleFilter(...).qs`, a page of 25
and the count a list without kept totals runs (`articles.totals`).

How the plans are read (`tests.views.plans`): PostgreSQL is forbidden sequential scans,
bitmap scans (except for full-text search, whose GIN index only bitmap scans read) and,
for the page, sorts, so that a tiny test table still shows which index serves a query.
"""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.db.models import QuerySet
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from articles.filters import ArticleFilter
from articles.models import Article
from tests.views import plans
from tests.views.plans import (
    POSTGRES,
    explain,
    explain_sql,
    full_scans,
    index_conditions,
    reads_by_id,
    sorted_rows,
)

pytestmark = pytest.mark.plans

PAGE = 25


def listed(query: str) -> QuerySet:
    filterset = ArticleFilter(QueryDict(query), queryset=Article.objects.for_listing())
    assert filterset.is_valid(), filterset.errors
    return filterset.qs


def page_plan(query: str, *, bitmaps: bool = False) -> str:
    return explain(listed(query)[:PAGE], bitmaps=bitmaps)


def count_plan(query: str, *, bitmaps: bool = False) -> str:
    return plans.count_plan(listed(query), bitmaps=bitmaps)


@pytest.mark.parametrize(
    ("sort", "sqlite_index", "postgres_index", "count"),
    [
        ("newest", "article_published_idx", "article_newest_idx", None),
        ("oldest", "article_published_idx", "article_published_idx", None),
        ("comments", "article_comments_idx", "article_comments_newest_idx", "comment_count"),
        ("quotes", "article_quotes_idx", "article_quotes_newest_idx", "quote_count"),
    ],
)
def test_each_sort_reads_its_index_in_the_lists_order(
    archive, sort, sqlite_index, postgres_index, count
):
    """A page of any sort walks one index from its start: nothing of the table is sorted,
    and the rows come in the list's order (ties by date, then by the newest id)."""
    plan = page_plan(f"sort={sort}")

    index = postgres_index if POSTGRES else sqlite_index
    if POSTGRES:
        assert index in index_conditions(plan, "articles_article"), plan
    else:
        assert f"SCAN articles_article USING INDEX {index}" in plan, plan
    assert not sorted_rows(plan), plan
    assert not full_scans(plan), plan

    everything = list(Article.objects.all())
    if sort == "oldest":  # published ascending, NULLs where each database puts them
        dated = sorted((a for a in everything if a.published), key=lambda a: (a.published, a.pk))
        undated = sorted((a for a in everything if not a.published), key=lambda a: a.pk)
        expected = dated + undated if POSTGRES else undated + dated
    else:  # (count,) newest first, undated last, then the newest id (stable sorts)
        expected = sorted(everything, key=lambda a: a.pk, reverse=True)
        expected.sort(key=lambda a: a.published.timestamp() if a.published else -1, reverse=True)
        if count:
            expected.sort(key=lambda a: getattr(a, count), reverse=True)
    assert [a.pk for a in listed(f"sort={sort}")[:PAGE]] == [a.pk for a in expected[:PAGE]]


@pytest.mark.parametrize(
    "query",
    [
        "person=amelia-stone",
        "person=amelia-stone&person=ben-okafor",  # match=any, the default
        "person=amelia-stone&person=ben-okafor&match=all",
    ],
)
@pytest.mark.parametrize("plan_of", [page_plan, count_plan], ids=["page", "count"])
def test_person_filter_looks_people_up_in_the_mention_and_quote_indexes(archive, query, plan_of):
    """Each chosen person's articles come from the mention index and the quote index by
    person, as one set that is joined to the articles by id, never scanned. PostgreSQL does
    not check the list's rows one by one against hashed lookups (the `OR` form did: a page
    of a person in 56 of 140,000 articles walked the whole newest-first index, 134 ms)."""
    plan = plan_of(query)

    assert not full_scans(plan), plan
    if POSTGRES:
        assert "hashed SubPlan" not in plan, plan
        mentions = index_conditions(plan, "articles_mention")
        quotes = index_conditions(plan, "articles_quote")
        assert mentions and all(
            c.startswith("(person_id =") for cs in mentions.values() for c in cs
        )
        assert quotes and all(c.startswith("(speaker_id =") for cs in quotes.values() for c in cs)
        assert index_conditions(plan, "articles_article"), plan  # no Seq Scan: an index
    else:
        assert "COVERING INDEX mention_person_idx (person_id=?)" in plan, plan
        assert "COVERING INDEX quote_speaker_idx (speaker_id=?)" in plan, plan
        assert "SEARCH articles_article USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan


def test_one_outlet_is_read_from_its_index_in_the_lists_order(archive):
    """`?outlet=x`: the outlet's part of the outlet index, newest first, nothing sorted."""
    plan = page_plan("outlet=harbour-gazette")

    if POSTGRES:
        reads = index_conditions(plan, "articles_article")
        assert list(reads) == ["article_outlet_newest_idx"], plan
        assert reads["article_outlet_newest_idx"][0].startswith("(outlet_id ="), plan
    else:
        assert "USING INDEX article_outlet_published_idx (outlet_id=?)" in plan, plan
    assert not sorted_rows(plan), plan
    assert not full_scans(plan), plan


@pytest.mark.parametrize("plan_of", [page_plan, count_plan], ids=["page", "count"])
def test_several_outlets_are_read_from_an_index(archive, plan_of):
    """`?outlet=x&outlet=y`: SQLite looks each outlet up in the outlet index (and sorts
    those matches for the page); PostgreSQL counts them in an outlet index and pages along
    the list's index. Never a scan of the table."""
    plan = plan_of("outlet=harbour-gazette&outlet=valley-courier")

    assert not full_scans(plan), plan
    if POSTGRES:
        reads = index_conditions(plan, "articles_article")
        if plan_of is count_plan:
            assert any("outlet_id = ANY" in c for cs in reads.values() for c in cs), plan
        else:
            assert "article_newest_idx" in reads and not sorted_rows(plan), plan
    else:  # the outlet index, or the foreign key's index on outlet_id alone for the count
        outlet_index = r"INDEX (article_outlet_published_idx|articles_article_outlet_id_\w+)"
        assert re.search(rf"SEARCH articles_article USING .*{outlet_index} \(outlet_id=\?\)", plan)


@pytest.mark.parametrize(
    ("query", "sqlite_range"),
    [
        ("month=2017-01", "(published>? AND published<?)"),
        ("published_from=2017-01-03&published_to=2017-01-05", "(published>? AND published<?)"),
        ("published_from=2017-01-03", "(published>?)"),
        ("published_to=2017-01-05", "(published<?)"),
    ],
)
@pytest.mark.parametrize("plan_of", [page_plan, count_plan], ids=["page", "count"])
def test_dates_are_a_range_of_the_published_index(archive, query, sqlite_range, plan_of):
    """`month` and `published_from`/`published_to` read one range of the newest-first
    index (newest first: the page needs no sort)."""
    plan = plan_of(query)

    if POSTGRES:
        reads = index_conditions(plan, "articles_article")
        conditions = [c for cs in reads.values() for c in cs]
        assert conditions and all("published" in c for c in conditions), plan
        if plan_of is page_plan:
            assert list(reads) == ["article_newest_idx"], plan
    else:
        assert f"INDEX article_published_idx {sqlite_range}" in plan, plan
    assert not sorted_rows(plan), plan
    assert not full_scans(plan), plan


def test_has_comments_is_counted_in_the_comments_index(archive):
    """`?has_comments=true`: the count is a range of the comment-count index
    (`comment_count > 0`); the newest-first page walks the list's index and checks each
    row's count, so it stops after 25 commented articles (no index holds both the filter
    and that order)."""
    count = count_plan("has_comments=true")
    page = page_plan("has_comments=true")

    if POSTGRES:
        reads = index_conditions(count, "articles_article")
        assert set(reads) & {"article_comments_idx", "article_comments_newest_idx"}, count
        assert all(c == "(comment_count > 0)" for cs in reads.values() for c in cs), count
        assert list(index_conditions(page, "articles_article")) == ["article_newest_idx"], page
    else:
        assert "COVERING INDEX article_comments_idx (comment_count>?)" in count, count
        assert "SCAN articles_article USING INDEX article_published_idx" in page, page
    for plan in (count, page):
        assert not sorted_rows(plan), plan
        assert not full_scans(plan), plan


def test_has_comments_most_commented_first_is_one_range_of_one_index(archive):
    """`?has_comments=true&sort=comments`: the filter and the order from the same index."""
    plan = page_plan("has_comments=true&sort=comments")

    if POSTGRES:
        reads = index_conditions(plan, "articles_article")
        assert reads == {"article_comments_newest_idx": ["(comment_count > 0)"]}, plan
    else:
        assert "SEARCH articles_article USING INDEX article_comments_idx (comment_count>?)" in plan
    assert not sorted_rows(plan), plan
    assert not full_scans(plan), plan


@pytest.mark.parametrize("plan_of", [page_plan, count_plan], ids=["page", "count"])
@pytest.mark.parametrize("matches", ["few", "many"])
def test_search_reads_the_full_text_index(archive, plan_of, matches, monkeypatch):
    """`?q=`: the matches come from the full-text index, FTS5's `article_fts` on SQLite,
    the GIN index on `search_vector` on PostgreSQL. On PostgreSQL a search with few
    matches gathers them from that index first (`ArticleQuerySet.few_matches`, proven in
    `tests/search`) and the list reads them by id. (How they are ranked and paged is
    search's business, not asserted here.)"""
    from articles import querysets

    if matches == "many":
        monkeypatch.setattr(querysets, "FEW_ARTICLE_MATCHES", 0)
    if plan_of is page_plan:
        # Best match must sort (by rank), so sorts stay allowed: forbidden, every plan costs
        # the same penalty and the choice among them is arbitrary.
        with CaptureQueriesContext(connection) as queries:
            list(listed("q=ferry")[:PAGE])
        plan = explain_sql(queries.captured_queries[-1]["sql"], bitmaps=True)
    else:
        plan = plan_of("q=ferry", bitmaps=True)

    if POSTGRES and matches == "few":
        assert reads_by_id(plan), plan
        assert "article_search_gin" not in plan, plan
    elif POSTGRES:
        assert "Bitmap Index Scan on article_search_gin" in plan, plan
    else:
        assert "article_fts VIRTUAL TABLE" in plan, plan
