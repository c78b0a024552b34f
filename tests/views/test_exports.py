"""Streamed CSV/JSON exports of the filtered articles, quotes and comments."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from articles.exports import neutralise_cell
from tests import factories


def export(client, name: str, fmt: str, params=None):
    response = client.get(reverse(name, args=[fmt]), params or {})
    assert response.status_code == 200, response.content
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"].startswith("attachment; filename=")
    text = b"".join(response.streaming_content).decode()
    if fmt == "csv":
        # the byte-order mark spreadsheets need (#14); utf-8-sig readers drop it
        assert text.startswith("\ufeff")
        return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    return json.loads(text)


@pytest.mark.parametrize(
    ("name", "fmt", "path", "content_type"),
    [
        ("articles:export_articles", "csv", "/export/articles.csv", "text/csv"),
        ("articles:export_articles", "json", "/export/articles.json", "application/json"),
        ("articles:export_quotes", "csv", "/export/quotes.csv", "text/csv"),
        ("comments:export_comments", "json", "/export/comments.json", "application/json"),
    ],
)
def test_export_urls_stream_an_attachment(client, harbour_article, name, fmt, path, content_type):
    assert reverse(name, args=[fmt]) == path
    response = client.get(path)
    assert response.streaming
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"] == f'attachment; filename="{path.split("/")[-1]}"'


def test_unknown_export_format_is_not_found(client, db):
    assert client.get("/export/articles.xml").status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_article_export_uses_the_home_page_filters(client, harbour_article, courier, clara, fmt):
    factories.make_article("Rates rise", outlet=courier, people={clara: 1})
    rows = export(client, "articles:export_articles", fmt, {"person": "amelia-stone"})
    assert [r["title"] for r in rows] == ["Stone backs harbour plan"]
    row = rows[0]
    assert row["outlet"] == "Harbour Gazette"
    assert str(row["id"]) == str(harbour_article.pk)
    people = row["people"] if fmt == "json" else row["people"].split("; ")
    assert sorted(people) == ["Amelia Stone", "Ben Okafor"]


def test_article_json_keeps_lists_and_iso_dates(client, harbour_article):
    (row,) = export(client, "articles:export_articles", "json")
    assert row["authors"] == ["Rosa Lind"]
    assert row["tags"] == ["Harbour", "Economy"]
    assert row["published"].startswith("2016-11-14T09:30:00")
    assert row["page"] == "http://testserver" + harbour_article.get_absolute_url()


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_quote_export_follows_the_quote_filters(client, harbour_article, courier, ben, fmt):
    other = factories.make_article(
        "Mayor", outlet=courier, published=datetime(2017, 1, 1, tzinfo=UTC)
    )
    factories.make_quote(other, "The ferry comes first", ben)
    rows = export(client, "articles:export_quotes", fmt, {"person": "ben-okafor"})
    assert [(r["speaker"], r["text"], r["outlet"]) for r in rows] == [
        ("Ben Okafor", "The ferry comes first", "Valley Courier")
    ]
    assert rows[0]["page"].endswith("#quote-0")


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_hidden_comments_are_never_exported(client, harbour_article, fmt):
    rows = export(client, "comments:export_comments", fmt)
    assert sorted(r["author"] for r in rows) == ["Dana", "Eli"]
    rows = export(client, "comments:export_comments", fmt, {"author": "Spammer"})
    assert rows == []


def test_comment_export_follows_the_comment_filters(client, harbour_article):
    rows = export(client, "comments:export_comments", "csv", {"q": "overdue"})
    assert [r["author"] for r in rows] == ["Eli"]
    dana = harbour_article.comments.get(author="Dana")
    assert rows[0]["reply_to"] == str(dana.pk)


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("articles:export_articles", {"person": "nobody"}),
        ("articles:export_quotes", {"published_from": "2016-02-30"}),
        ("comments:export_comments", {"outlet": "nowhere"}),
    ],
)
def test_invalid_filters_answer_400_with_the_errors(client, harbour_article, name, params):
    response = client.get(reverse(name, args=["csv"]), params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert next(iter(params)) in response.content.decode()


@pytest.mark.parametrize(
    "text", ["=1+2", "+SUM(A1)", "-2+3", "@SUM(A1)", "@cmd|' /C calc'!A0", '=HYPERLINK("x")']
)
def test_formula_cells_are_neutralised_in_csv(client, gazette, amelia, text):
    article = factories.make_article("Plain", outlet=gazette)
    factories.make_quote(article, text, amelia)
    factories.make_comment(article, text, author=text)
    (quote,) = export(client, "articles:export_quotes", "csv")
    assert quote["text"] == "'" + text
    (comment,) = export(client, "comments:export_comments", "csv")
    assert comment["author"] == "'" + text
    # JSON is data, not a spreadsheet: left as written.
    assert export(client, "articles:export_quotes", "json")[0]["text"] == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=cmd", "'=cmd"), ("\tx", "'\tx"), ("plain", "plain"), (-3, -3), ("", ""), (None, None)],
)
def test_neutralise_cell_only_touches_text_a_spreadsheet_would_run(value, expected):
    assert neutralise_cell(value) == expected


def test_json_export_of_nothing_is_an_empty_array(client, db):
    assert export(client, "articles:export_quotes", "json") == []


def test_script_in_text_is_exported_as_data(client, gazette, amelia):
    article = factories.make_article("Plain", outlet=gazette)
    factories.make_quote(article, "<script>alert(1)</script>", amelia)
    response = client.get("/export/quotes.json")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert (
        json.loads(b"".join(response.streaming_content))[0]["text"] == "<script>alert(1)</script>"
    )


@pytest.mark.parametrize(
    ("name", "bound"),
    [
        ("articles:export_articles", 2),  # rows + people prefetched per chunk of 500
        ("articles:export_quotes", 1),
        ("comments:export_comments", 1),
    ],
)
@pytest.mark.parametrize("n", [3, 30])
def test_export_queries_do_not_grow_with_rows(
    client, gazette, amelia, ben, name, bound, n, django_assert_max_num_queries
):
    for i in range(n):
        article = factories.make_article(f"Story {i}", outlet=gazette, people={amelia: 1, ben: 1})
        factories.make_quote(article, f"Words {i}", amelia)
        factories.make_comment(article, f"Comment {i}")
    with django_assert_max_num_queries(bound):
        rows = export(client, name, "csv")
    assert len(rows) == n


def test_rows_are_read_in_chunks_not_all_at_once(
    client, gazette, amelia, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr("articles.exports.CHUNK_SIZE", 2)
    for i in range(5):
        factories.make_article(f"Story {i}", outlet=gazette, people={amelia: 1})
    # The people prefetch runs once per chunk of 2 articles: 1 row query + 3 prefetches.
    with django_assert_num_queries(4):
        rows = export(client, "articles:export_articles", "json")
    assert len(rows) == 5


# The lean row path (#13): the same bytes as reading model objects, at a fraction of the cost.


def _stream(kind: str, fmt: str, *, lean: bool, base_url: str = "https://example.org") -> str:
    from articles import exports
    from articles.filters import ArticleFilter
    from articles.models import Article, Quote
    from comments.models import Comment

    columns, rows_for_export, plan = exports.EXPORTS[kind]
    queryset = {
        "articles": ArticleFilter({}, queryset=Article.objects.for_detail()).qs,
        "quotes": Quote.objects.for_listing().order_by("-id"),
        "comments": Comment.objects.visible().for_listing().order_by("-id"),
    }[kind]
    response = exports.export_response(
        columns,
        rows_for_export(queryset),
        fmt=fmt,
        filename=kind,
        base_url=base_url,
        plan=plan if lean else None,
    )
    return b"".join(response.streaming_content).decode()


@pytest.mark.parametrize("kind", ["articles", "quotes", "comments"])
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_lean_rows_export_exactly_what_model_rows_do(harbour_article, courier, ben, kind, fmt):
    from articles.models import Article

    odd = factories.make_article("=HYPERLINK(1)", outlet=courier, people={ben: 3}, tags=[])
    Article.objects.filter(pk=odd.pk).update(slug="", published=None)
    factories.make_quote(odd, "-cmd|' /C calc'!A0", None)
    factories.make_comment(odd, "@SUM(A1)", author=None, posted=None)
    lean = _stream(kind, fmt, lean=True)
    assert lean == _stream(kind, fmt, lean=False)
    assert f"/articles/{odd.pk}/article/" in lean  # an empty slug links as the page does


def test_lean_export_reverses_one_url_not_one_per_row(client, gazette, monkeypatch):
    from articles import exports

    article = factories.make_article("Busy", outlet=gazette)
    for i in range(40):
        factories.make_comment(article, f"Comment {i}")
    calls = []
    real = exports.reverse
    monkeypatch.setattr(exports, "reverse", lambda *a, **k: calls.append(a) or real(*a, **k))
    rows = export(client, "comments:export_comments", "csv")
    assert len(rows) == 40
    assert len(calls) == 1


def test_lean_export_writes_chunks_of_rows_not_one_write_per_row(client, gazette, monkeypatch):
    monkeypatch.setattr("articles.exports.CHUNK_SIZE", 10)
    article = factories.make_article("Busy", outlet=gazette)
    for i in range(35):
        factories.make_comment(article, f"Comment {i}")
    response = client.get(reverse("comments:export_comments", args=["csv"]))
    pieces = list(response.streaming_content)
    assert len(pieces) == 5  # the byte-order mark, 3 full chunks of 10 rows, the rest
    assert sum(piece.count(b"Comment ") for piece in pieces) == 35
