"""An article reached from a search marks the searched words (#15): result links carry
`?q=`, the page marks what matched (stemmed, never the excluded words), and every piece
of text, the search's and the article's, stays escaped."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from search.highlight import mark_words
from tests import factories

HOSTILE = "<script>alert(1)</script>"


@pytest.fixture
def ferry(gazette, amelia):
    article = factories.make_article(
        "Ferries cancelled at the harbour",
        outlet=gazette,
        standfirst="Storms stop every ferry.",
        body=(
            "Storms stop every ferry.\n\n"
            "The ferry to the island did not sail, and storms are forecast all week.\n\n"
            '"The ferry will sail when it is safe," Stone said.\n\n'
            f"A reader wrote {HOSTILE} in the harbour log. Warnings went out.\n\n"
            'Signs said "docked"&<<until Monday.'
        ),
        published=datetime(2016, 11, 14, 9, 30, tzinfo=UTC),
    )
    factories.make_quote(article, "The ferry will sail when it is safe", amelia)
    return article


def marked(html: str) -> list[str]:
    """The marked words of the article (the note above it shows a sample mark)."""
    html = html[html.index('id="article-title"') :].replace('are <mark class="hit">marked', "")
    return [m.lower() for m in re.findall(r'<mark class="hit">(.*?)</mark>', html)]


def page(client, article, q: str | None) -> str:
    params = {"q": q} if q is not None else {}
    response = client.get(article.get_absolute_url(), params)
    assert response.status_code == 200
    return response.content.decode()


def test_search_results_link_to_the_article_with_the_search(client, ferry):
    html = client.get(reverse("articles:article_list"), {"q": "ferries -bus"}).content.decode()
    assert f'href="{ferry.get_absolute_url()}?q=ferries+-bus"' in html
    plain = client.get(reverse("articles:article_list")).content.decode()
    assert f'href="{ferry.get_absolute_url()}"' in plain


def test_the_article_marks_the_searched_words_stemmed_in_title_standfirst_body_and_quotes(
    client, ferry
):
    html = page(client, ferry, "ferries")
    words = marked(html)
    assert "ferries" in words  # the title
    assert words.count("ferry") == 3  # standfirst, body, and inside the quote's own mark
    assert re.search(
        r'<mark class="quote"[^>]*>(<a [^>]*>)?The <mark class="hit">ferry</mark>', html
    )
    assert "Words from your search “ferries” are" in html
    assert f'<a href="{ferry.get_absolute_url()}">Hide the marks</a>' in html


def test_excluded_words_are_not_marked_and_phrases_are(client, ferry):
    words = marked(page(client, ferry, '"harbour log" ferry -storms'))
    assert "storms" not in words
    assert "ferry" in words
    assert "harbour log" in words or {"harbour", "log"} <= set(words)


def test_without_a_search_nothing_is_marked(client, ferry):
    html = page(client, ferry, None)
    assert marked(html) == []
    assert "Words from your search" not in html
    assert marked(page(client, ferry, "zebra")) == []
    assert "matches nothing in this article" in page(client, ferry, "zebra")


@pytest.mark.parametrize("q", [HOSTILE, "script", '"alert 1"', "<b>ferry</b>", '"><img src=x>'])
def test_hostile_search_text_and_hostile_article_text_stay_escaped(client, ferry, q):
    html = page(client, ferry, q)
    assert HOSTILE not in html
    assert "<img src=x>" not in html and "<b>ferry" not in html
    assert "&lt;script&gt;" in html or "&lt;" in html
    for word in marked(html):
        assert "<" not in word and ">" not in word.replace("&gt;", "")


def test_hostile_text_is_marked_inside_its_escaping(client, ferry):
    html = page(client, ferry, "docked")
    assert '&quot;<mark class="hit">docked</mark>&quot;&amp;&lt;&lt;until' in html


def test_the_slug_redirect_keeps_the_search(client, ferry):
    response = client.get(reverse("articles:article_detail_short", args=[ferry.pk]), {"q": "ferry"})
    assert response.status_code == 301
    assert response["Location"] == f"{ferry.get_absolute_url()}?q=ferry"


def test_marking_costs_one_query(client, ferry, django_assert_max_num_queries):
    with django_assert_max_num_queries(20) as plain:
        page(client, ferry, None)
    with django_assert_max_num_queries(len(plain.captured_queries) + 1):
        page(client, ferry, "ferries")


def test_mark_words_escapes_everything_and_marks_whole_words_only():
    assert mark_words("<b>Ferry</b> ferrying", {"ferry"}) == (
        '&lt;b&gt;<mark class="hit">Ferry</mark>&lt;/b&gt; ferrying'
    )
    assert mark_words("a < b", set()) == "a &lt; b"
