"""The vertical slice: a dump imported by the command is browsable by person, outlet, date."""

from __future__ import annotations

from django.urls import reverse

from articles.models import Article, Person
from tests.importing.conftest import IMPORT_DUMPS


def test_an_imported_article_can_be_found_and_read(run_import, client, courier):
    run_import(str(IMPORT_DUMPS), "--outlet", "Valley Courier")
    stone = Person.objects.get(name="Amelia Stone")

    listing = client.get(
        reverse("articles:article_list"),
        {
            "person": stone.slug,
            "outlet": courier.slug,
            "published_from": "2016-11-01",
            "published_to": "2016-11-30",
        },
    )

    assert listing.status_code == 200
    page = listing.content.decode()
    assert "Council backs new river bridge after heated debate" in page
    assert "Farmers market returns" not in page  # Stone is not in that one

    article = Article.objects.get(title__startswith="Council backs")
    detail = client.get(article.get_absolute_url()).content.decode()
    assert "We are buying concrete when our classrooms are crumbling" in detail
    assert "twenty years and three years more" in detail  # Eli's reply
    assert stone.get_absolute_url() in detail


def test_date_range_outside_the_article_finds_nothing(run_import, client, courier):
    run_import(str(IMPORT_DUMPS), "--outlet", "Valley Courier")
    listing = client.get(
        reverse("articles:article_list"),
        {"published_from": "2017-01-01", "published_to": "2017-01-31"},
    )
    assert "Council backs new river bridge" not in listing.content.decode()
