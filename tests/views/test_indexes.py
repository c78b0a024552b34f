"""The people and outlet indexes (#14, item 5): sortable, searchable by name, paged."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories

PEOPLE = reverse("articles:person_index")
OUTLETS = reverse("articles:outlet_index")


@pytest.fixture
def cast(harbour_article, courier, amelia, ben, clara):
    """Amelia: 1 article (2 mentions, 1 quote). Ben: 2 articles (mentioned 1+3 times).
    Clara: 1 article, quoted twice, never mentioned."""
    budget = factories.make_article("Courier budget", outlet=courier, people={ben: 3})
    factories.make_quote(budget, "Numbers do not lie", clara)
    factories.make_quote(budget, "Numbers again", clara)
    factories.make_comment(budget, "Hello")
    return budget


def names(response) -> list[str]:
    return [row.name for row in response.context["page"]]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("", ["Ben Okafor", "Amelia Stone", "Clara Stone"]),
        ("articles", ["Ben Okafor", "Amelia Stone", "Clara Stone"]),
        ("mentions", ["Ben Okafor", "Amelia Stone", "Clara Stone"]),
        ("quotes", ["Clara Stone", "Amelia Stone", "Ben Okafor"]),
        ("name", ["Amelia Stone", "Ben Okafor", "Clara Stone"]),
    ],
)
def test_people_sort_by_articles_mentions_quotes_or_name(client, cast, sort, expected):
    response = client.get(PEOPLE, {"sort": sort} if sort else {})
    assert response.status_code == 200
    assert names(response) == expected


def test_people_show_their_totals_and_link_to_their_lists(client, cast):
    response = client.get(PEOPLE)
    ben = {p.name: p for p in response.context["page"]}["Ben Okafor"]
    assert (ben.article_total, ben.mention_total, ben.quote_total) == (2, 4, 0)
    clara = {p.name: p for p in response.context["page"]}["Clara Stone"]
    assert (clara.article_total, clara.mention_total, clara.quote_total) == (1, 0, 2)
    html = response.content.decode()
    assert 'href="/?person=ben-okafor"' in html
    assert 'href="/quotes/?person=clara-stone"' in html
    assert 'href="/people/"' in html and 'aria-current="page">People' in html


def test_people_search_matches_every_word_of_the_name(client, cast):
    assert names(client.get(PEOPLE, {"q": "stone"})) == ["Amelia Stone", "Clara Stone"]
    assert names(client.get(PEOPLE, {"q": "sto cla"})) == ["Clara Stone"]
    assert "No people match." in client.get(PEOPLE, {"q": "nobody"}).content.decode()


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("", ["Harbour Gazette", "Valley Courier"]),
        ("quotes", ["Valley Courier", "Harbour Gazette"]),
        ("comments", ["Harbour Gazette", "Valley Courier"]),
        ("name", ["Harbour Gazette", "Valley Courier"]),
    ],
)
def test_outlets_sort_and_show_totals(client, cast, gazette, sort, expected):
    factories.make_article("Second gazette story", outlet=gazette)
    response = client.get(OUTLETS, {"sort": sort} if sort else {})
    # the migration's default outlets (no articles) are listed too
    assert [n for n in names(response) if n in expected] == expected
    courier = {o.name: o for o in response.context["page"]}["Valley Courier"]
    assert (courier.article_total, courier.quote_total, courier.comment_total) == (1, 2, 1)


def test_outlet_search_and_links(client, cast):
    response = client.get(OUTLETS, {"q": "valley"})
    assert names(response) == ["Valley Courier"]
    assert 'href="/comments/?outlet=valley-courier"' in response.content.decode()


@pytest.mark.parametrize("url", [PEOPLE, OUTLETS])
@pytest.mark.parametrize("query", ["sort=random", "bogus=1", "page=99999", "q=" + "x" * 300])
def test_bad_queries_show_an_error_or_a_real_page_never_a_500(client, cast, url, query):
    assert client.get(f"{url}?{query}").status_code == 200


@pytest.mark.parametrize("n", [5, 120])
def test_index_queries_do_not_grow_with_the_number_of_people(
    client, db, n, django_assert_max_num_queries
):
    outlet = factories.make_outlet("Solo")
    people = [factories.make_person(f"Person {i:03d}") for i in range(n)]
    factories.make_article("Everyone", outlet=outlet, people={p: 1 for p in people})
    for sort in ("articles", "mentions", "quotes", "name"):
        with django_assert_max_num_queries(2):  # count + page
            response = client.get(PEOPLE, {"sort": sort})
        assert len(response.context["page"].object_list) == min(n, 50)
    with django_assert_max_num_queries(2):
        client.get(OUTLETS)
