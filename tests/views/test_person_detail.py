"""The person page: quotes (filterable, paginated), articles, co-mentions, chart."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tests import factories


def person_url(person) -> str:
    return reverse("articles:person_detail", args=[person.slug])


def make_quoted_articles(person, others, outlet, n):
    """`n` articles by `outlet`, each mentioning `person` and `others` and quoting `person`."""
    for i in range(n):
        article = factories.make_article(
            f"Story {i}",
            outlet=outlet,
            published=datetime(2017, 1 + i % 12, 1 + i % 28, tzinfo=UTC),
            people={person: 1, **{other: 1 for other in others}},
        )
        factories.make_quote(article, f"Quote number {i}", person)


def test_unknown_person_slug_is_not_found(client, db):
    assert client.get("/people/nobody-at-all/").status_code == 404


def test_person_page_lists_their_quotes_newest_first_with_links_into_the_article(
    client, harbour_article, amelia, courier
):
    later = factories.make_article(
        "Stone returns",
        outlet=courier,
        published=datetime(2017, 3, 2, tzinfo=UTC),
        people={amelia: 1},
    )
    newer_quote = factories.make_quote(later, "We will build it", amelia)
    response = client.get(person_url(amelia))
    assert response.status_code == 200
    quotes = list(response.context["page"])
    assert [q.text for q in quotes] == ["We will build it", "This harbour will carry the region,"]
    assert newer_quote.get_absolute_url() in response.content.decode()
    assert f"{harbour_article.get_absolute_url()}#quote-0" in response.content.decode()


def test_person_page_shows_the_articles_that_mention_them(client, harbour_article, ben):
    response = client.get(person_url(ben))
    assert list(response.context["articles"]) == [harbour_article]
    assert response.context["article_total"] == 1
    assert harbour_article.title in response.content.decode()


def test_people_mentioned_together_are_ranked_by_shared_articles(
    client, harbour_article, amelia, ben, clara, gazette
):
    factories.make_article("Budget", outlet=gazette, people={amelia: 1, clara: 3})
    factories.make_article("Ferry", outlet=gazette, people={amelia: 1, clara: 1})
    response = client.get(person_url(amelia))
    co = response.context["co_mentioned"]
    assert [(p.name, p.shared) for p in co] == [("Clara Stone", 2), ("Ben Okafor", 1)]
    assert amelia not in co


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"outlet": "valley-courier"}, ["Courier words"]),
        ({"outlet": ["valley-courier", "harbour-gazette"]}, ["Courier words", "Gazette words"]),
        ({"published_from": "2017-01-01"}, ["Courier words"]),
        ({"published_to": "2016-12-31"}, ["Gazette words"]),
        ({"q": "gazette"}, ["Gazette words"]),
    ],
)
def test_person_quotes_filter_by_outlet_date_and_text(
    client, amelia, gazette, courier, params, expected
):
    old = factories.make_article(
        "Old", outlet=gazette, published=datetime(2016, 5, 1, tzinfo=UTC), people={amelia: 1}
    )
    new = factories.make_article(
        "New", outlet=courier, published=datetime(2017, 5, 1, tzinfo=UTC), people={amelia: 1}
    )
    factories.make_quote(old, "Gazette words", amelia)
    factories.make_quote(new, "Courier words", amelia)
    response = client.get(person_url(amelia), params)
    assert sorted(q.text for q in response.context["page"]) == sorted(expected)


@pytest.mark.parametrize(
    "params",
    [
        {"published_from": "2016-02-31"},
        {"published_to": "yesterday"},
        {"outlet": "no-such-outlet"},
        {"outlet": "<script>alert(1)</script>"},
    ],
)
def test_bad_filters_show_the_error_and_an_empty_list(client, harbour_article, amelia, params):
    response = client.get(person_url(amelia), params)
    assert response.status_code == 200
    assert list(response.context["page"]) == []
    body = response.content.decode()
    assert "field-error" in body
    assert "<script>alert(1)</script>" not in body


@pytest.mark.parametrize("page", ["999999", "0", "-1", "abc", ""])
def test_silly_page_numbers_show_a_real_page(client, harbour_article, amelia, page):
    response = client.get(person_url(amelia), {"page": page})
    assert response.status_code == 200
    assert len(response.context["page"]) == 1


def test_activity_chart_is_an_accessible_svg_with_a_data_table(client, harbour_article, amelia):
    body = client.get(person_url(amelia)).content.decode()
    assert 'role="img"' in body
    assert 'aria-labelledby="person-activity-title person-activity-desc"' in body
    assert '<title id="person-activity-title">' in body
    assert '<th scope="row">Nov 2016</th><td>1</td><td>1</td>' in body


def test_quote_text_and_names_are_escaped(client, gazette):
    villain = factories.make_person("<script>alert('x')</script>", slug="villain")
    article = factories.make_article("<b>Title</b>", outlet=gazette, people={villain: 1})
    factories.make_quote(article, "<script>alert('quote')</script>", villain)
    body = client.get(person_url(villain)).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&#x27;quote&#x27;)&lt;/script&gt;" in body


@pytest.mark.parametrize("n", [3, 30])
def test_queries_do_not_grow_with_quotes_articles_or_people(
    client, amelia, ben, clara, gazette, n, django_assert_max_num_queries
):
    others = [factories.make_person(f"Other {i}") for i in range(n // 3)] + [ben, clara]
    make_quoted_articles(amelia, others, gazette, n)
    with django_assert_max_num_queries(10):
        response = client.get(person_url(amelia))
    assert response.status_code == 200
    assert len(response.context["page"]) == min(n, 20)
