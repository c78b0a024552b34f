"""The comment list: visible comments only, filterable, each linking into its thread."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tests import factories

URL = reverse("comments:comment_list")


@pytest.fixture
def comments(harbour_article, courier, clara):
    """Dana and Eli under the Gazette article (plus a hidden spam); Fay under a Courier one."""
    other = factories.make_article("Rates rise", outlet=courier, people={clara: 1})
    factories.make_comment(
        other,
        "Rates hurt savers.",
        author="Fay Dunmore",
        posted=datetime(2017, 2, 1, 12, 0, tzinfo=UTC),
    )
    harbour_article.comments.filter(author="Dana").update(
        posted=datetime(2016, 11, 14, 10, 0, tzinfo=UTC)
    )
    harbour_article.comments.filter(author="Eli").update(
        posted=datetime(2016, 11, 14, 11, 0, tzinfo=UTC)
    )
    return other


def authors(response) -> list[str]:
    return [c.author for c in response.context["page"]]


def test_only_visible_comments_are_listed_newest_first(client, comments):
    response = client.get(URL)
    assert response.status_code == 200
    assert authors(response) == ["Fay Dunmore", "Eli", "Dana"]
    assert "BUY CHEAP WATCHES" not in response.content.decode()


def test_each_comment_links_to_its_place_in_the_thread(client, comments, harbour_article):
    body = client.get(URL).content.decode()
    eli = harbour_article.comments.get(author="Eli")
    assert f'href="{harbour_article.get_absolute_url()}#comment-{eli.position}"' in body


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"outlet": "valley-courier"}, ["Fay Dunmore"]),
        ({"outlet": ["valley-courier", "harbour-gazette"]}, ["Fay Dunmore", "Eli", "Dana"]),
        ({"posted_from": "2017-01-01"}, ["Fay Dunmore"]),
        ({"posted_to": "2016-12-31"}, ["Eli", "Dana"]),
        ({"author": "dun"}, ["Fay Dunmore"]),
        ({"author": '"fay dunmore"'}, ["Fay Dunmore"]),
        ({"author": '"Fay"'}, []),
        ({"person": "clara-stone"}, ["Fay Dunmore"]),
        ({"person": "amelia-stone"}, ["Eli", "Dana"]),
        ({"person": ["amelia-stone", "clara-stone"]}, ["Fay Dunmore", "Eli", "Dana"]),
        ({"q": "OVERDUE"}, ["Eli"]),
        ({"q": "watches"}, []),
        ({"author": "Spammer"}, []),
    ],
)
def test_comments_filter_by_outlet_date_author_person_and_text(client, comments, params, expected):
    assert authors(client.get(URL, params)) == expected


@pytest.mark.parametrize(
    "params",
    [
        {"person": "nobody"},
        {"outlet": "nowhere"},
        {"posted_from": "2016-02-30"},
        {"posted_to": "<script>"},
    ],
)
def test_bad_filters_show_the_error_and_an_empty_list(client, comments, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert authors(response) == []
    body = response.content.decode()
    assert "field-error" in body
    assert "<script>" not in body.split("</header>", 1)[1]


@pytest.mark.parametrize("page", ["999999", "x", "0"])
def test_silly_page_numbers_show_a_real_page(client, comments, page):
    response = client.get(URL, {"page": page})
    assert response.status_code == 200
    assert len(authors(response)) == 3


def test_comment_text_and_author_are_escaped(client, gazette):
    article = factories.make_article("Quiet day", outlet=gazette)
    factories.make_comment(article, "<script>alert('c')</script>", author="<img src=x onerror=1>")
    body = client.get(URL).content.decode()
    assert "<script>alert" not in body
    assert "<img src=x" not in body
    assert "&lt;img src=x onerror=1&gt;" in body


def test_export_links_keep_the_filters(client, comments):
    body = client.get(URL, {"author": "Dana", "page": "2"}).content.decode()
    assert 'href="/export/comments.csv?author=Dana"' in body


@pytest.mark.parametrize("n", [3, 30])
def test_queries_do_not_grow_with_the_number_of_comments(
    client, gazette, courier, amelia, n, django_assert_max_num_queries
):
    for i in range(n):
        article = factories.make_article(
            f"Story {i}", outlet=(gazette, courier)[i % 2], people={amelia: 1}
        )
        factories.make_comment(article, f"Comment {i}", author=f"Reader {i}")
    with django_assert_max_num_queries(5):
        response = client.get(URL, {"person": "amelia-stone"})
    assert len(authors(response)) == min(n, 25)


@pytest.mark.parametrize(
    "params",
    [
        {"author": "\x00"},
        {"person": "a\x00b"},
        {"posted_from": "0001-01-01"},
        {"posted_to": "9999-12-31"},
        {"q": "x" * 500},
    ],
)
def test_garbage_and_extreme_values_never_crash(client, comments, params):
    assert client.get(URL, params).status_code == 200
