"""The admin shows an article's times in its outlet's zone beside UTC (#12, failure 6)."""

from __future__ import annotations

from datetime import UTC, datetime

from django.urls import reverse

from tests import factories


def _courier_article(courier):
    article = factories.make_article(
        "Bridge vote", outlet=courier, published=datetime(2016, 11, 14, 23, 30, tzinfo=UTC)
    )
    factories.make_comment(article, "Finally.", posted=datetime(2016, 11, 15, 1, 5, tzinfo=UTC))
    return article


def test_the_article_change_page_shows_local_time_and_says_the_stored_zone(staff_client, courier):
    article = _courier_article(courier)

    page = staff_client.get(reverse("admin:articles_article_change", args=[article.pk]))

    html = page.content.decode()
    assert "14 Nov 2016, 18:30 EST (America/New_York)" in html
    assert "in UTC" in html


def test_the_article_list_shows_local_times(staff_client, courier):
    _courier_article(courier)

    html = staff_client.get(reverse("admin:articles_article_changelist")).content.decode()

    assert "14 Nov 2016, 18:30 EST" in html


def test_the_comment_list_shows_local_times(staff_client, courier):
    _courier_article(courier)

    html = staff_client.get(reverse("admin:comments_comment_changelist")).content.decode()

    assert "14 Nov 2016, 20:05 EST" in html
