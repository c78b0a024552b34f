"""Bad query strings on the articles page: form errors and an empty list, never a 500."""

from __future__ import annotations

import pytest
from django.urls import reverse

URL = reverse("articles:article_list")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("person=nobody-at-all", "person"),
        ("person=amelia-stone&person=ghost", "person"),
        ("outlet=the-moon-times", "outlet"),
        ("published_from=2016-02-31", "published_from"),
        ("published_to=yesterday", "published_to"),
        ("month=2016-13", "month"),
        ("month=November", "month"),
        ("sort=random", "sort"),
        ("sort=-published", "sort"),
    ],
)
def test_invalid_filter_shows_the_error_beside_its_field_and_lists_nothing(
    client, harbour_article, query, field
):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert field in response.context["filter"].errors
    assert list(response.context["page"].object_list) == []
    html = response.content.decode()
    assert "Some filters could not be read" in html
    assert f'id="field-{field}"' in html
    assert 'class="field-error"' in html


@pytest.mark.parametrize(
    "query",
    [
        "page=999999",
        "page=-5",
        "page=1e9",
        "q=" + "x" * 3000,
        "q=%00%01",
        "q=' OR 1=1 --",
        'q="unbalanced',
        "q=!!!&&&|||",
        "q=<script>",
        "person=",
        "outlet=&person=&month=&published_from=",
        "has_comments=maybe",
        "unknown=1&another=2",
        "person=%E2%9C%93",
        "month=0000-01",
        "published_from=9999-12-31",
        "published_from=2016-12-01&published_to=2016-11-01",
        "published_to=9999-12-31&month=9999-12",
        "published_from=0001-01-01&month=0001-01",
    ],
)
def test_garbage_never_fails(client, harbour_article, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200


def test_search_text_is_escaped_in_the_page(client, harbour_article):
    html = client.get(f"{URL}?q=<script>alert(1)</script>").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_error_list_links_to_the_field_and_repeats_what_was_typed(client, harbour_article):
    html = client.get(f"{URL}?published_from=2016-02-31").content.decode()
    assert '<a href="#field-published_from">Published from</a>: Enter a valid date.' in html
    assert "(you entered “2016-02-31”)" in html
    assert "Clear all" in html


def test_invalid_value_is_escaped_in_the_error(client, harbour_article):
    html = client.get(f"{URL}?person=<b>x</b>").content.decode()
    assert "<b>x</b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
