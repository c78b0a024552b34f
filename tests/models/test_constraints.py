"""The database refuses duplicates the import relies on never creating."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from articles.models import Outlet
from tests import factories


def test_duplicate_url_is_refused(gazette):
    factories.make_article("First", outlet=gazette, url="https://harbourgazette.com/a")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_article("Second", outlet=gazette, url="https://harbourgazette.com/a")


def test_articles_without_url_may_coexist(gazette):
    factories.make_article("First", outlet=gazette, url=None)
    factories.make_article("Second", outlet=gazette, url=None)
    assert gazette.articles.count() == 2


def test_duplicate_content_hash_is_refused(gazette):
    factories.make_article("First", outlet=gazette, content_hash="a" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_article("Second", outlet=gazette, content_hash="a" * 64)


def test_two_comments_cannot_share_a_position(harbour_article):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_comment(harbour_article, "again", position=0)


def test_a_person_is_mentioned_once_per_article(harbour_article, amelia):
    with pytest.raises(IntegrityError), transaction.atomic():
        harbour_article.mentions.create(person=amelia, count=1)


def test_outlet_time_zone_must_be_real(db):
    outlet = Outlet(name="Moon Post", slug="moon-post", time_zone="Moon/Base")
    with pytest.raises(ValidationError, match="not a known time zone"):
        outlet.full_clean()


def test_models_read_as_their_names(harbour_article, amelia):
    assert str(harbour_article) == "Stone backs harbour plan"
    assert str(amelia) == "Amelia Stone"
    assert str(harbour_article.outlet) == "Harbour Gazette"
    assert str(harbour_article.quotes.get()).startswith("Amelia Stone: This harbour")
    assert str(harbour_article.comments.get(position=0)) == "Dana: Finally some good news."


def test_article_url_contains_id_and_slug(harbour_article):
    assert harbour_article.get_absolute_url() == (
        f"/articles/{harbour_article.pk}/stone-backs-harbour-plan/"
    )
