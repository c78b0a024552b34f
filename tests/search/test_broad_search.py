"""A search that matches much of the archive (#13): "Best match" ranks a bounded share of
the matches and says so, the total is counted within a budget or labelled an estimate,
and SQLite reads a broad match by walking an index, with the same results either way."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.http import QueryDict
from django.urls import reverse

from articles import browsing
from articles.filters import ArticleFilter
from articles.models import Article
from articles.query_budget import planner_estimate
from articles.totals import Total, _two_figures
from search import expressions
from tests import factories

POSTGRES = connection.vendor == "postgresql"


@pytest.fixture
def tides(gazette):
    """Seven articles about tides, added in date order, and one about something else.
    The oldest says "tide" most (the best match by any rank)."""
    made = [
        factories.make_article(
            f"Tide report {i}",
            outlet=gazette,
            body="The tide tide tide tide came in." if i == 0 else f"A tide on day {i}.",
            published=datetime(2016, 3, 1 + i, tzinfo=UTC),
        )
        for i in range(7)
    ]
    factories.make_article("Council meets", outlet=gazette, body="Budgets again.")
    return made


def _titles(response) -> list[str]:
    return re.findall(r'class="card__title" id="article-\d+"><a [^>]*>([^<]+)</a>', response.text)


def test_best_match_ranks_the_most_recent_matches_when_a_search_matches_more(
    client, tides, settings
):
    settings.SEARCH_RANK_LIMIT = 4

    response = client.get(reverse("articles:article_list"), {"q": "tide"})

    text = response.content.decode()
    assert response.status_code == 200
    # The four most recently added matches, ranked: the oldest, best-matching article is
    # not among them, and the page says why and what to do.
    assert sorted(_titles(response)) == [f"Tide report {i}" for i in (3, 4, 5, 6)]
    assert "This search matches 7 articles" in text
    assert "ranks the 4 most recently added of them" in text
    assert "Sort by “Newest first” to list every match" in text
    # "Newest first" lists every match; the export of the search too.
    newest = client.get(reverse("articles:article_list"), {"q": "tide", "sort": "newest"})
    assert len(_titles(newest)) == 7
    assert "most recently added" not in newest.content.decode()
    export = client.get(reverse("articles:export_articles", args=["json"]), {"q": "tide"})
    assert len(b"".join(export.streaming_content).decode().split('"title"')) - 1 == 7


def test_within_the_limit_every_match_is_ranked(client, tides, settings):
    settings.SEARCH_RANK_LIMIT = 7

    response = client.get(reverse("articles:article_list"), {"q": "tide"})

    assert _titles(response)[0] == "Tide report 0"  # the best match, though the oldest
    assert len(_titles(response)) == 7
    assert "most recently added" not in response.content.decode()


def test_ranked_share_is_the_highest_ids_with_every_other_filter_applied(tides, gazette):
    other = factories.make_outlet("Other Post")
    late = factories.make_article("Tide elsewhere", outlet=other, body="A tide.")
    query = QueryDict(mutable=True)
    query.setlist("outlet", [gazette.slug])
    query["q"] = "tide"
    filterset = ArticleFilter(query, queryset=Article.objects.for_listing())
    assert filterset.is_valid(), filterset.errors
    rows, bounded = filterset.qs.best_first(3)

    assert bounded
    assert {a.pk for a in rows} == {a.pk for a in tides[-3:]}  # not `late`: another outlet
    assert late.pk not in {a.pk for a in rows}
    ranks = [a.rank for a in rows]
    assert ranks == sorted(ranks, reverse=True)


def test_a_total_over_the_budget_is_labelled_and_the_pager_has_no_last_link(
    client, tides, gazette, settings, monkeypatch
):
    settings.SEARCH_COUNT_BUDGET_MS = 0  # spent before the count starts
    monkeypatch.setattr(browsing, "PAGE_SIZE", 3)
    params = {"q": "tide", "sort": "newest", "outlet": gazette.slug}

    response = client.get(reverse("articles:article_list"), params)

    text = response.content.decode()
    assert response.status_code == 200
    # PostgreSQL: the planner's estimate, labelled as one, unless it says no more than the
    # page has seen (a tiny test table's statistics may); SQLite keeps no estimates.
    search = Article.objects.search("tide", ranked=False).filter(outlet=gazette)
    estimate = planner_estimate(search) if POSTGRES else 0
    if estimate > 3:
        assert f"about {_two_figures(estimate)} articles match your filters" in text, text
    else:
        assert "more than 3 articles match your filters" in text, text
    assert 'rel="last"' not in text and "Page 1 of" not in text
    assert 'rel="next"' in text
    assert len(_titles(response)) == 3


@pytest.mark.skipif("connection.vendor != 'sqlite'")
def test_sqlite_counts_a_search_alone_in_its_index_whatever_the_budget(
    client, tides, settings, monkeypatch
):
    settings.SEARCH_COUNT_BUDGET_MS = 0
    monkeypatch.setattr(browsing, "PAGE_SIZE", 3)

    response = client.get(reverse("articles:article_list"), {"q": "tide", "sort": "newest"})

    text = response.content.decode()
    assert "7 articles match your filters" in text
    assert "Page 1 of 3" in text and 'rel="last"' in text


def test_a_total_within_the_budget_is_exact(client, tides):
    response = client.get(reverse("articles:article_list"), {"q": "tide", "sort": "newest"})

    assert "7 articles match your filters" in response.content.decode()


@pytest.mark.parametrize(
    ("total", "noun", "text"),
    [
        (Total(93478), "article", "93,478 articles"),
        (Total(1), "article", "1 article"),
        (Total(93000, "about"), "article", "about 93,000 articles"),
        (Total(1000, "over"), "article", "more than 1,000 articles"),
    ],
)
def test_total_text(total, noun, text):
    assert total.text(noun) == text


@pytest.mark.parametrize(("n", "rounded"), [(93478, 93000), (1234, 1200), (87, 87), (150, 150)])
def test_estimates_keep_two_significant_figures(n, rounded):
    assert _two_figures(n) == rounded


@pytest.mark.skipif("connection.vendor != 'sqlite'")
@pytest.mark.parametrize("share", [1, 10_000])
def test_sqlite_reads_a_broad_match_by_walking_the_lists_index(tides, monkeypatch, share):
    # Past one match in 10,000 rows every search here counts as broad (walk the index in
    # the list's order, checking each row against the matches); needing more matches than
    # rows, none does (look the matches up by id, then sort). Same rows, same order.
    monkeypatch.setattr(expressions, "WALK_SHARE", share)
    queryset = Article.objects.search("tide", ranked=False).order_by("-published", "-id")

    plan = queryset.explain()

    if share == 10_000:
        assert "article_published_idx" in plan and "TEMP B-TREE" not in plan, plan
    else:
        assert "INTEGER PRIMARY KEY" in plan, plan
    assert [a.title for a in queryset] == [f"Tide report {i}" for i in range(6, -1, -1)]
