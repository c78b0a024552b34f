"""The quote list: every quote, filterable by speaker, outlet, date and text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tests import factories

URL = reverse("articles:quote_list")


@pytest.fixture
def quotes(harbour_article, amelia, ben, clara, courier):
    """Amelia (Gazette, Nov 2016), Ben and Clara (Courier, Mar 2017) quoted."""
    later = factories.make_article(
        "Mayor answers",
        outlet=courier,
        published=datetime(2017, 3, 2, tzinfo=UTC),
        people={ben: 1, clara: 1},
    )
    factories.make_quote(later, "The ferry comes first", ben)
    factories.make_quote(later, "Rates will rise", clara)
    return later


def texts(response) -> list[str]:
    return [q.text for q in response.context["page"]]


def test_quotes_are_listed_newest_article_first_in_spoken_order(client, quotes):
    response = client.get(URL)
    assert response.status_code == 200
    assert texts(response) == [
        "The ferry comes first",
        "Rates will rise",
        "This harbour will carry the region,",
    ]


def test_each_quote_links_to_its_place_in_the_article_and_to_its_speaker(client, quotes, ben):
    body = client.get(URL).content.decode()
    quote = quotes.quotes.get(speaker=ben)
    assert f'href="{quote.get_absolute_url()}"' in body
    assert quote.get_absolute_url().endswith("#quote-0")
    assert f'href="{ben.get_absolute_url()}"' in body


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"person": "ben-okafor"}, ["The ferry comes first"]),
        (
            {"person": ["ben-okafor", "amelia-stone"]},
            ["The ferry comes first", "This harbour will carry the region,"],
        ),
        ({"outlet": "harbour-gazette"}, ["This harbour will carry the region,"]),
        ({"published_from": "2017-01-01"}, ["The ferry comes first", "Rates will rise"]),
        ({"published_to": "2016-11-14"}, ["This harbour will carry the region,"]),
        ({"published_from": "2016-11-15", "published_to": "2017-03-01"}, []),
        ({"q": "RATES"}, ["Rates will rise"]),
        ({"q": "harbour", "person": "ben-okafor"}, []),
    ],
)
def test_quotes_filter_by_speaker_outlet_date_and_text(client, quotes, params, expected):
    assert texts(client.get(URL, params)) == expected


@pytest.mark.parametrize(
    "params",
    [
        {"person": "nobody"},
        {"person": ["ben-okafor", "nobody"]},
        {"outlet": "nowhere"},
        {"published_from": "2017-02-30"},
        {"published_to": "2016-13-01"},
    ],
)
def test_bad_filters_show_the_error_and_an_empty_list(client, quotes, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert texts(response) == []
    assert "field-error" in response.content.decode()


@pytest.mark.parametrize("page", ["999999", "abc", "-3"])
def test_silly_page_numbers_show_a_real_page(client, quotes, page):
    response = client.get(URL, {"page": page})
    assert response.status_code == 200
    assert len(texts(response)) == 3


def test_export_links_keep_the_filters_but_not_the_page(client, quotes):
    body = client.get(URL, {"person": "ben-okafor", "page": "1"}).content.decode()
    assert 'href="/export/quotes.csv?person=ben-okafor"' in body
    assert 'href="/export/quotes.json?person=ben-okafor"' in body


def test_quote_text_is_escaped(client, gazette, amelia):
    article = factories.make_article("Plain", outlet=gazette)
    factories.make_quote(article, '<script>alert("q")</script>', amelia)
    body = client.get(URL).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;" in body


@pytest.mark.parametrize("n", [3, 30])
def test_queries_do_not_grow_with_the_number_of_quotes(
    client, gazette, courier, n, django_assert_max_num_queries
):
    people = [factories.make_person(f"Speaker {i}") for i in range(n)]
    for i, person in enumerate(people):
        article = factories.make_article(f"Story {i}", outlet=(gazette, courier)[i % 2])
        factories.make_quote(article, f"Words {i}", person)
    with django_assert_max_num_queries(5):
        response = client.get(URL, {"person": [p.slug for p in people[:2]]})
    assert len(texts(response)) == 2
    with django_assert_max_num_queries(5):
        response = client.get(URL)
    assert len(texts(response)) == min(n, 25)


@pytest.mark.parametrize(
    "params",
    [
        {"person": "\x00"},
        {"q": "\x00"},
        {"q": "%_"},
        {"published_from": "0001-01-01"},
        {"published_to": "9999-12-31"},
        {"published_from": "99999-01-01"},
        {"speaker[]": "x", "page": "\x00"},
    ],
)
def test_garbage_and_extreme_values_never_crash(client, quotes, params):
    assert client.get(URL, params).status_code == 200
