"""The person picker (#14, item 5): a text field with server-side suggestions, never a
drop-down of everyone; without JavaScript it is a search."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories

ARTICLES = reverse("articles:article_list")
SUGGEST = reverse("articles:person_suggest")


def test_suggestions_are_people_whose_name_holds_every_typed_word(client, harbour_article):
    data = client.get(SUGGEST, {"q": "stone"}).json()
    assert [p["name"] for p in data["results"]] == ["Amelia Stone"]
    factories.make_person("Clara Stone")
    data = client.get(SUGGEST, {"q": "cla sto"}).json()
    assert data["results"] == [
        {"slug": "clara-stone", "name": "Clara Stone", "articles": 0, "url": "/people/clara-stone/"}
    ]


def test_an_exact_name_is_suggested_first_and_counts_its_articles(client, harbour_article):
    factories.make_person("Ben Okafor-Smith")
    data = client.get(SUGGEST, {"q": "ben okafor"}).json()
    assert [p["name"] for p in data["results"]] == ["Ben Okafor", "Ben Okafor-Smith"]
    assert data["results"][0]["articles"] == 1


@pytest.mark.parametrize("text", ["", "a", " ", "\x00", "x" * 500, "%_"])
def test_short_or_odd_text_gives_an_empty_list_not_an_error(client, harbour_article, text):
    response = client.get(SUGGEST, {"q": text})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["results"] == []


def test_suggestions_cost_one_query_however_many_people(client, db, django_assert_num_queries):
    for i in range(40):
        factories.make_person(f"Ruth Example {i}")
    with django_assert_num_queries(1):
        data = client.get(SUGGEST, {"q": "ruth"}).json()
    assert len(data["results"]) == 10


def test_the_page_never_lists_every_person(client, harbour_article):
    for i in range(300):
        factories.make_person(f"Crowd Member {i:03d}")
    html = client.get(ARTICLES).content.decode()
    assert "Crowd Member 150" not in html
    assert 'data-suggest-url="/people/suggest.json"' in html
    assert len(html) < 40_000


def test_chosen_people_are_ticked_boxes_beside_the_text_field(client, harbour_article):
    html = client.get(ARTICLES, {"person": "amelia-stone"}).content.decode()
    assert 'name="person" value="amelia-stone" checked> Amelia Stone' in html
    assert '<input type="text" name="person" id="id_person"' in html
    assert "Add another person" in html


def test_without_javascript_a_typed_name_that_fits_one_person_picks_them(client, harbour_article):
    response = client.get(ARTICLES, {"person": "amelia", "month": "2016-11"})
    assert response.status_code == 301
    assert response["Location"] == f"{ARTICLES}?person=amelia-stone&month=2016-11"
    response = client.get(ARTICLES, {"person": ["Ben Okafor", "amelia-stone"]})
    assert response["Location"] == f"{ARTICLES}?person=ben-okafor&person=amelia-stone"


def test_a_name_that_fits_several_people_offers_them_as_boxes_to_tick(client, harbour_article):
    factories.make_person("Clara Stone")
    response = client.get(ARTICLES, {"person": "stone"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "“stone” matches several people: tick the one you mean." in html
    assert "People matching “stone”:" in html
    assert 'name="person" value="amelia-stone"> Amelia Stone' in html
    assert 'name="person" value="clara-stone"> Clara Stone' in html
    assert list(response.context["page"].object_list) == []


def test_a_name_that_fits_nobody_is_an_error_beside_the_field(client, harbour_article):
    response = client.get(ARTICLES, {"person": "Zebedee"})
    assert response.status_code == 200
    assert "No one in the archive is called “Zebedee”." in response.content.decode()


@pytest.mark.parametrize("url", ["articles:quote_list", "comments:comment_list"])
def test_the_other_lists_use_the_same_picker(client, harbour_article, url):
    html = client.get(reverse(url)).content.decode()
    assert 'data-suggest-url="/people/suggest.json"' in html
    assert "<select" not in html.split('id="field-person"')[1].split("</fieldset>")[0]
