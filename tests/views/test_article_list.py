"""The articles page (home): filters, facets, sorting, pagination, empty state."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from articles.facets import toggle_url
from articles.filter_fields import next_month, parse_month
from tests import factories

URL = reverse("articles:article_list")


def titles(response) -> list[str]:
    return [a.title for a in response.context["page"].object_list]


def facet(response, name: str) -> dict[str, int]:
    found = {f.name: f for f in response.context["facets"]}[name]
    return {v.value: v.count for v in found.values}


@pytest.fixture
def cast(harbour_article, courier, gazette, amelia, ben, clara):
    """harbour_article (Gazette, Nov 2016, Amelia+Ben, 2 visible comments) plus:
    - "Courier budget" (Courier, Dec 2016, quotes Clara only, no mention row)
    - "Gazette weather" (Gazette, Jan 2017, mentions Ben, 5 comments)
    """
    budget = factories.make_article(
        "Courier budget", outlet=courier, published=datetime(2016, 12, 2, 15, tzinfo=UTC)
    )
    factories.make_quote(budget, "Numbers do not lie", clara)
    weather = factories.make_article(
        "Gazette weather",
        outlet=gazette,
        published=datetime(2017, 1, 5, 8, tzinfo=UTC),
        people={ben: 1},
        standfirst="Storms are coming to the harbour town.",
    )
    for i in range(5):
        factories.make_comment(weather, f"Comment {i}")
    return {"harbour": harbour_article, "budget": budget, "weather": weather}


def test_home_lists_newest_first_with_count(client, cast):
    response = client.get(URL)
    assert response.status_code == 200
    assert titles(response) == ["Gazette weather", "Courier budget", "Stone backs harbour plan"]
    assert "3 articles" in response.content.decode()


def test_each_result_shows_outlet_local_date_authors_chips_counts_and_excerpt(client, cast):
    html = client.get(URL).content.decode()
    assert "Harbour Gazette" in html
    assert "By Rosa Lind" in html
    # 09:30 UTC in November is 09:30 GMT in London; UTC stays available on hover
    assert "14 Nov 2016, 09:30 GMT" in html
    assert 'title="14 Nov 2016, 09:30 UTC"' in html
    assert 'href="/people/amelia-stone/"' in html
    assert "1 quote" in html and "2 comments" in html
    assert "Storms are coming to the harbour town." in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("person=amelia-stone", ["Stone backs harbour plan"]),
        # quoted but never counted as a mention still matches
        ("person=clara-stone", ["Courier budget"]),
        ("person=amelia-stone&person=clara-stone", ["Courier budget", "Stone backs harbour plan"]),
        ("outlet=valley-courier", ["Courier budget"]),
        ("outlet=valley-courier&outlet=harbour-gazette", None),
        ("month=2016-11", ["Stone backs harbour plan"]),
        ("published_from=2016-12-01&published_to=2016-12-31", ["Courier budget"]),
        ("published_from=2016-12-01", ["Gazette weather", "Courier budget"]),
        ("has_comments=on", ["Gazette weather", "Stone backs harbour plan"]),
        ("q=storms", ["Gazette weather"]),
        ("person=ben-okafor&outlet=harbour-gazette&month=2017-01", ["Gazette weather"]),
    ],
)
def test_filters_narrow_the_list(client, cast, query, expected):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    if expected is None:
        expected = ["Gazette weather", "Courier budget", "Stone backs harbour plan"]
    assert titles(response) == expected


def test_person_matching_both_mention_and_quote_is_listed_once(client, cast, amelia):
    response = client.get(f"{URL}?person=amelia-stone")
    assert response.context["page"].paginator.count == 1


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("newest", ["Gazette weather", "Courier budget", "Stone backs harbour plan"]),
        ("oldest", ["Stone backs harbour plan", "Courier budget", "Gazette weather"]),
        ("comments", ["Gazette weather", "Stone backs harbour plan", "Courier budget"]),
        ("quotes", ["Courier budget", "Stone backs harbour plan", "Gazette weather"]),
    ],
)
def test_sorts_order_the_list(client, cast, sort, expected):
    assert titles(client.get(f"{URL}?sort={sort}")) == expected


def test_search_sorts_by_rank_on_both_databases(client, gazette):
    factories.make_article(
        "Harbour harbour harbour",
        outlet=gazette,
        published=datetime(2015, 1, 1, tzinfo=UTC),
        body="The harbour, the harbour and the harbour again.",
    )
    factories.make_article(
        "Town news",
        outlet=gazette,
        published=datetime(2016, 1, 1, tzinfo=UTC),
        body="Also a word about the harbour.",
    )
    response = client.get(f"{URL}?q=harbour")
    assert response.context["filter"].form["sort"].value() == "relevance"
    # ts_rank on PostgreSQL, bm25 on SQLite's FTS5 index (#15): the title match first
    assert titles(response) == ["Harbour harbour harbour", "Town news"]


def test_facets_count_what_their_links_list(client, cast):
    response = client.get(f"{URL}?outlet=harbour-gazette")
    # the chosen outlet has no count (its link removes it); adding Courier lists all 3 (#14)
    assert facet(response, "outlet") == {"harbour-gazette": None, "valley-courier": 3}
    # people and months count within the Gazette only
    assert facet(response, "person") == {"ben-okafor": 2, "amelia-stone": 1}
    assert facet(response, "month") == {"2017-01": 1, "2016-11": 1}


def test_person_facet_counts_quoted_and_mentioned_articles_once_each(client, cast):
    response = client.get(URL)
    assert facet(response, "person") == {"ben-okafor": 2, "amelia-stone": 1, "clara-stone": 1}


def test_facet_links_add_and_remove_values(client, cast):
    response = client.get(f"{URL}?outlet=harbour-gazette&page=2")
    values = {f.name: f for f in response.context["facets"]}["outlet"].values
    by_slug = {v.value: v for v in values}
    assert by_slug["harbour-gazette"].selected
    assert by_slug["harbour-gazette"].url == "?"
    assert by_slug["valley-courier"].url == "?outlet=harbour-gazette&outlet=valley-courier"


def test_people_facet_is_limited_to_fifteen(client, gazette):
    people = {factories.make_person(f"Person {i:02d}"): 1 for i in range(20)}
    factories.make_article("Crowded", outlet=gazette, people=people)
    response = client.get(URL)
    assert len(facet(response, "person")) == 15


def test_pagination_shows_25_and_keeps_the_filters(client, gazette):
    start = datetime(2016, 1, 1, tzinfo=UTC)
    for i in range(30):
        factories.make_article(f"Story {i:02d}", outlet=gazette, published=start + timedelta(i))
    response = client.get(f"{URL}?outlet=harbour-gazette")
    assert len(response.context["page"].object_list) == 25
    html = response.content.decode()
    assert "Page 1 of 2" in html
    # Next carries a keyset cursor (#15); Last is the page number
    following = re.search(r'href="\?outlet=harbour-gazette&amp;cursor=([\w-]+)" rel="next"', html)
    assert 'href="?outlet=harbour-gazette&amp;page=2" rel="last"' in html
    second = client.get(f"{URL}?outlet=harbour-gazette&cursor={following[1]}")
    assert titles(second) == ["Story 04", "Story 03", "Story 02", "Story 01", "Story 00"]
    assert titles(client.get(f"{URL}?outlet=harbour-gazette&page=2")) == titles(second)


@pytest.mark.parametrize("page", ["999999", "0", "-1", "abc", ""])
def test_silly_page_numbers_clamp_instead_of_failing(client, cast, page):
    response = client.get(f"{URL}?page={page}")
    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_no_results_says_which_filters_to_loosen(client, cast):
    response = client.get(f"{URL}?person=clara-stone&month=2016-11")
    html = response.content.decode()
    assert titles(response) == []
    assert "No articles match all of these filters" in html
    assert "Remove “Person: Clara Stone”" in html
    assert 'href="?month=2016-11"' in html  # the link that drops the person
    assert 'href="?person=clara-stone"' in html  # the link that drops the month


def test_list_queries_do_not_grow_with_page_size(
    client, gazette, amelia, ben, django_assert_max_num_queries
):
    def fill(n: int) -> None:
        for i in range(n):
            article = factories.make_article(f"Bulk {n}-{i}", outlet=gazette, people={amelia: 1})
            factories.make_quote(article, f"Quote number {i}", ben)
            factories.make_comment(article, "Hello")

    # 2 filter lookups (person, outlet) + count + rows + chips + 3 facets (the person facet
    # in two: kept counts, people already listed) + chosen people's names + outlet menu
    # (+ on PostgreSQL the planner's estimate of the listed rows, for the facets' budget)
    fill(2)
    with django_assert_max_num_queries(12):
        client.get(f"{URL}?person=amelia-stone&outlet=harbour-gazette")
    fill(30)
    with django_assert_max_num_queries(12) as captured:
        response = client.get(f"{URL}?person=amelia-stone&outlet=harbour-gazette")
    assert len(response.context["page"].object_list) == 25
    small = len(captured.captured_queries)
    with django_assert_max_num_queries(small):
        client.get(URL)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016-11", (2016, 11)),
        ("2016-12", (2016, 12)),
        ("2016-13", None),
        ("nov", None),
        ("", None),
    ],
)
def test_parse_month_reads_year_and_month(text, expected):
    parsed = parse_month(text)
    assert (parsed.year, parsed.month) == expected if expected else parsed is None


def test_next_month_rolls_over_the_year():
    assert next_month(parse_month("2016-12")) == parse_month("2017-01")


def test_toggle_url_drops_page_and_keeps_other_keys():
    from django.http import QueryDict

    params = QueryDict("q=port&person=a&page=3")
    assert toggle_url(params, "person", "b", multiple=True) == "?q=port&person=a&person=b"
    assert toggle_url(params, "person", "a", multiple=True) == "?q=port"
    assert (
        toggle_url(params, "month", "2016-11", multiple=False) == "?q=port&person=a&month=2016-11"
    )


def test_undated_articles_come_last_when_newest_first(client, gazette):
    from datetime import UTC, datetime

    from articles.models import Article
    from tests import factories

    factories.make_article(
        "Dated older", outlet=gazette, published=datetime(2016, 1, 1, tzinfo=UTC)
    )
    undated = factories.make_article("Undated piece", outlet=gazette)
    Article.objects.filter(pk=undated.pk).update(published=None)
    factories.make_article(
        "Dated newer", outlet=gazette, published=datetime(2017, 1, 1, tzinfo=UTC)
    )

    for query in ({}, {"sort": "newest"}):
        titles = [a.title for a in client.get("/", query).context["page"]]
        assert titles == ["Dated newer", "Dated older", "Undated piece"]
    outlet_titles = [a.title for a in client.get(gazette.get_absolute_url()).context["page"]]
    assert outlet_titles == ["Dated newer", "Dated older", "Undated piece"]
