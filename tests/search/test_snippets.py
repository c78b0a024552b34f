"""Search results show a snippet with the matched words marked, escaped (#15)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from search.snippets import START, STOP, marked_html
from tests import factories


def test_marked_html_escapes_text_and_marks_only_the_markers():
    text = f"a <script>x</script> {START}harbour{STOP} & {STOP}{START}open"
    assert marked_html(text) == (
        'a &lt;script&gt;x&lt;/script&gt; <mark class="hit">harbour</mark> &amp; '
        '<mark class="hit">open</mark>'
    )


@pytest.fixture
def hostile(gazette):
    return factories.make_article(
        "Bridge <b>news</b>",
        outlet=gazette,
        published=datetime(2016, 5, 1, tzinfo=UTC),
        body='The <img src=x onerror="alert(1)"> harbour bridge opened on Monday. '
        "Traffic crossed the bridge all day. " * 3,
    )


def test_search_results_show_a_snippet_with_matched_words_marked(client, hostile):
    html = client.get(reverse("articles:article_list"), {"q": "bridge"}).content.decode()
    assert '<p class="card__excerpt card__snippet">' in html
    assert '<mark class="hit">bridge</mark>' in html
    assert "<img" not in html  # escaped on SQLite, dropped as a tag by ts_headline
    assert "<b>news</b>" not in html


def test_phrases_are_marked_too(client, hostile):
    html = client.get(reverse("articles:article_list"), {"q": '"harbour bridge"'}).content
    # FTS5 marks the phrase as one span, ts_headline each of its words
    assert re.search(rb'<mark class="hit">harbour( bridge)?</mark>', html)


def test_the_api_gives_the_snippet_as_escaped_html(client, hostile):
    row = client.get(reverse("api:article_list"), {"q": "monday"}).json()["results"][0]
    assert '<mark class="hit">Monday</mark>' in row["snippet"]
    assert "<img" not in row["snippet"]


def test_without_search_there_is_no_snippet(client, hostile):
    row = client.get(reverse("api:article_list")).json()["results"][0]
    assert "snippet" not in row
