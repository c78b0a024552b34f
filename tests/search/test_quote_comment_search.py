"""Quote and comment text search on the article search's engine (#15): whole stemmed words,
"phrases", -word and OR on the quote and comment lists and their API, kept in step with
edits by triggers (SQLite) or read from a GIN expression index (PostgreSQL)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from articles.models import Quote
from comments.models import Comment
from tests import factories

TEXTS = {
    "bridge": "The harbour bridge must open before winter.",
    "warns": "Nobody warns the islanders about the fares.",
    "war": "This is a war on cheaper fares, plain and simple.",
    "ferries": "Two ferries are not enough for the island.",
    "cafe": "The café on the quay serves the best coffee.",
}

# query -> the texts it finds, on both databases
CASES = [
    ("war", {"war"}),  # a whole word: "warns" is not "war"
    ("fares", {"warns", "war"}),
    ("fare", {"warns", "war"}),  # stemmed
    ("ferry", {"ferries"}),
    ('"harbour bridge"', {"bridge"}),
    ('"bridge harbour"', set()),
    ("fares -cheaper", {"warns"}),
    ("coffee OR winter", {"cafe", "bridge"}),
    ("café", {"cafe"}),
    ("HARBOUR", {"bridge"}),
    ("the", set()),  # a stop word alone finds nothing
    ("zebra", set()),
]


@pytest.fixture
def spoken(harbour_article, ben):
    """Each text once as a quote by Ben and once as a comment, under the harbour article."""
    Quote.objects.filter(article=harbour_article).delete()
    Comment.objects.filter(article=harbour_article).delete()
    quotes, comments = {}, {}
    for key, text in TEXTS.items():
        quotes[key] = factories.make_quote(harbour_article, text, ben).pk
        comments[key] = factories.make_comment(harbour_article, text, author=key).pk
    return quotes, comments


def page_ids(client, url: str, q: str) -> set[int]:
    response = client.get(url, {"q": q})
    assert response.status_code == 200
    return {row.pk for row in response.context["page"]}


def api_ids(client, url: str, q: str) -> set[int]:
    response = client.get(url, {"q": q, "size": 200})
    assert response.status_code == 200
    return {row["id"] for row in response.json()["results"]}


@pytest.mark.parametrize(("q", "keys"), CASES)
def test_the_quote_list_and_its_api_search_words_phrases_negation_and_or(client, spoken, q, keys):
    quotes, _ = spoken
    expected = {quotes[k] for k in keys}
    assert page_ids(client, reverse("articles:quote_list"), q) == expected
    assert api_ids(client, reverse("api:quote_list"), q) == expected


@pytest.mark.parametrize(("q", "keys"), CASES)
def test_the_comment_list_and_its_api_search_words_phrases_negation_and_or(client, spoken, q, keys):
    _, comments = spoken
    expected = {comments[k] for k in keys}
    assert page_ids(client, reverse("comments:comment_list"), q) == expected
    assert api_ids(client, reverse("api:comment_list"), q) == expected


def test_a_persons_quotes_are_searched_the_same_way(client, spoken, ben):
    quotes, _ = spoken
    response = client.get(ben.get_absolute_url(), {"q": "fares -cheaper"})
    assert [q.pk for q in response.context["page"]] == [quotes["warns"]]


def test_the_indexes_follow_edits_and_deletes(client, spoken):
    quotes, comments = spoken
    Quote.objects.filter(pk=quotes["war"]).update(text="A lighthouse stands here.")
    Comment.objects.filter(pk=comments["cafe"]).update(text="The lighthouse keeper waved.")
    assert page_ids(client, reverse("articles:quote_list"), "lighthouse") == {quotes["war"]}
    assert page_ids(client, reverse("comments:comment_list"), "lighthouse") == {comments["cafe"]}
    assert page_ids(client, reverse("articles:quote_list"), "war") == set()
    Comment.objects.filter(pk=comments["cafe"]).delete()
    assert page_ids(client, reverse("comments:comment_list"), "lighthouse") == set()


def test_hidden_comments_stay_hidden_from_search(client, spoken):
    _, comments = spoken
    Comment.objects.filter(pk=comments["war"]).update(hidden=True)
    assert page_ids(client, reverse("comments:comment_list"), "war") == set()


def test_odd_search_text_never_fails(client, spoken):
    for url in (reverse("articles:quote_list"), reverse("comments:comment_list")):
        for q in ['"', "-", "OR OR", "a:b", "NEAR(x y)", "*", "(((", "%_", "𝔘𝔫𝔦", "' OR 1=1 --"]:
            assert client.get(url, {"q": q}).status_code == 200, (url, q)


def test_rebuild_command_counts_quotes_and_comments(spoken):
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert f"{len(TEXTS)} quotes, {len(TEXTS)} comments" in out.getvalue()


@pytest.mark.skipif("connection.vendor != 'sqlite'")
def test_rebuild_puts_back_a_lost_comment_trigger(client, spoken, harbour_article):
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER comment_fts_insert")
    factories.make_comment(harbour_article, "Lighthouse ahoy.", author="Gil")
    url = reverse("comments:comment_list")
    assert page_ids(client, url, "lighthouse") == set()
    call_command("rebuild_search_index", stdout=StringIO())
    assert len(page_ids(client, url, "lighthouse")) == 1
    factories.make_comment(harbour_article, "Lighthouse again.", author="Hal")
    assert len(page_ids(client, url, "lighthouse")) == 2


@pytest.mark.plans
@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_postgresql_reads_the_gin_expression_indexes(spoken, monkeypatch):
    """A search's matches come from the GIN expression index, whether they are gathered
    first (a few: their ids filter the list) or checked by the list's own query."""
    from django.test.utils import CaptureQueriesContext

    from search import expressions
    from search.expressions import text_search
    from search.fts import COMMENTS, QUOTES

    with connection.cursor() as cursor:
        # tiny tables: forbid the scans that would win, to see which index serves the filter
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    for model, index, name in [(Quote, QUOTES, "quote"), (Comment, COMMENTS, "comment")]:
        with CaptureQueriesContext(connection) as gathered:
            few = text_search(model.objects.order_by(), "harbour", index)
        (ids,) = gathered.captured_queries
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN {ids['sql']}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert f"Bitmap Index Scan on {name}_text_search" in plan, plan
        assert "to_tsvector" not in str(few.query)  # the list reads the ids it was given

        # Unordered: the lists' orders join the article, and on tables this small the
        # planner may then start from the articles, whatever index the text filter has.
        monkeypatch.setattr(expressions, "FEW_MATCHES", 0)
        broad = text_search(model.objects.order_by(), "harbour", index)
        assert f"Bitmap Index Scan on {name}_text_search" in broad.explain()
        monkeypatch.undo()


@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.parametrize(("q", "keys"), CASES)
def test_a_search_with_more_matches_than_are_gathered_first_finds_the_same(
    client, spoken, q, keys, monkeypatch
):
    """Past `FEW_MATCHES` (here 1) the lists check each row against the search instead of
    reading the gathered ids: the same rows either way."""
    from search import expressions

    monkeypatch.setattr(expressions, "FEW_MATCHES", 1)
    quotes, comments = spoken
    assert page_ids(client, reverse("articles:quote_list"), q) == {quotes[k] for k in keys}
    assert page_ids(client, reverse("comments:comment_list"), q) == {comments[k] for k in keys}
