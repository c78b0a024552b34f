"""One filter language on the article, quote and comment lists (#14, items 2 and 3).

The cast (tests/conftest.py) plus:
- "Stone backs harbour plan" (Gazette, Nov 2016): mentions Amelia and Ben, quotes Amelia;
  comments by Dana and Eli.
- "Courier budget" (Courier, Dec 2016): mentions Ben and Clara, quotes Ben and Clara;
  a comment by Fay.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tests import factories

ARTICLES = reverse("articles:article_list")
QUOTES = reverse("articles:quote_list")
COMMENTS = reverse("comments:comment_list")
LISTS = [ARTICLES, QUOTES, COMMENTS]


@pytest.fixture
def cast(harbour_article, courier, amelia, ben, clara):
    budget = factories.make_article(
        "Courier budget",
        outlet=courier,
        published=datetime(2016, 12, 2, 15, tzinfo=UTC),
        people={ben: 1, clara: 2},
    )
    factories.make_quote(budget, "Rates will rise", clara)
    factories.make_quote(budget, "The ferry comes first", ben)
    factories.make_comment(budget, "Rates hurt savers.", author="Fay")
    return budget


def rows(response) -> list[str]:
    page = response.context["page"]
    return sorted(getattr(r, "title", None) or getattr(r, "author", None) or r.text for r in page)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (ARTICLES, ["Courier budget"]),
        (QUOTES, ["Rates will rise", "The ferry comes first"]),
        (COMMENTS, ["Fay"]),
    ],
)
def test_month_means_the_article_month_on_every_list(client, cast, url, expected):
    assert rows(client.get(url, {"month": "2016-12"})) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (ARTICLES, ["Stone backs harbour plan"]),
        (QUOTES, ["This harbour will carry the region,"]),
        (COMMENTS, ["Dana", "Eli"]),
    ],
)
def test_published_from_and_to_mean_the_article_dates_on_every_list(client, cast, url, expected):
    params = {"published_from": "2016-11-01", "published_to": "2016-11-30"}
    assert rows(client.get(url, params)) == expected


def test_person_on_quotes_is_who_said_it(client, cast):
    assert rows(client.get(QUOTES, {"person": "ben-okafor"})) == ["The ferry comes first"]


def test_the_old_speaker_parameter_answers_301_to_person(client, cast):
    response = client.get(QUOTES, {"speaker": "ben-okafor", "month": "2016-12"})
    assert response.status_code == 301
    assert response["Location"] == f"{QUOTES}?month=2016-12&person=ben-okafor"


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("query", ["speakr=ben", "published=2016", "persons=amelia-stone"])
def test_an_unknown_parameter_is_reported_like_a_bad_value(client, cast, url, query):
    response = client.get(f"{url}?{query}")
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == []
    html = response.content.decode()
    assert "Some filters could not be read" in html
    assert f"Unknown filter “{query.split('=')[0]}”" in html


@pytest.mark.parametrize(
    ("url", "any_rows", "all_rows"),
    [
        (ARTICLES, ["Courier budget", "Stone backs harbour plan"], ["Stone backs harbour plan"]),
        # quotes any of them said, in articles that mention all of them
        (
            QUOTES,
            ["The ferry comes first", "This harbour will carry the region,"],
            ["This harbour will carry the region,"],
        ),
        (COMMENTS, ["Dana", "Eli", "Fay"], ["Dana", "Eli"]),
    ],
)
def test_several_people_match_any_by_default_or_all_when_asked(
    client, cast, url, any_rows, all_rows
):
    people = {"person": ["amelia-stone", "ben-okafor"]}
    default = client.get(url, people)
    assert rows(default) == any_rows
    assert "Any of the 2 people (match=any, the default)" in default.content.decode()
    assert rows(client.get(url, {**people, "match": "any"})) == any_rows
    strict = client.get(url, {**people, "match": "all"})
    assert rows(strict) == all_rows
    assert "All of the 2 people (match=all)" in strict.content.decode()


def test_the_match_default_is_stated_on_the_form(client, db):
    html = client.get(ARTICLES).content.decode()
    assert "any of them (the default) or all of them" in html
    assert 'name="match"' in html


@pytest.mark.parametrize(
    ("url", "others"),
    [
        (ARTICLES, [QUOTES, COMMENTS]),
        (QUOTES, [ARTICLES, COMMENTS]),
        (COMMENTS, [ARTICLES, QUOTES]),
    ],
)
def test_links_to_the_other_lists_keep_every_shared_filter(client, cast, url, others):
    params = {
        "person": ["amelia-stone", "ben-okafor"],
        "match": "all",
        "outlet": "harbour-gazette",
        "month": "2016-11",
        "sort": "oldest",
        "page": "1",
    }
    response = client.get(url, params)
    links = {link.url.split("?")[0]: link.url for link in response.context["list_links"]}
    assert sorted(links) == sorted(others)
    kept = "person=amelia-stone&person=ben-okafor&match=all&outlet=harbour-gazette&month=2016-11"
    for target in others:
        assert links[target] == f"{target}?{kept}"
        assert f'href="{links[target]}"'.replace("&", "&amp;") in response.content.decode()
        followed = client.get(links[target])
        assert followed.status_code == 200 and not followed.context["filter"].errors


def test_quotes_in_these_results_are_the_quotes_of_the_listed_articles(client, cast):
    articles = client.get(ARTICLES, {"month": "2016-12", "outlet": "valley-courier"})
    quotes = client.get(articles.context["list_links"][0].url)
    listed = {a.pk for a in articles.context["page"]}
    assert quotes.context["page"].paginator.count == 2
    assert {q.article_id for q in quotes.context["page"]} <= listed
