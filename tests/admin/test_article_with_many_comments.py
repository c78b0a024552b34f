"""An article's change page stays small however many comments it has (#12, failure 2);
comments are moderated from their own list, filtered to the article."""

from __future__ import annotations

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from comments.models import Comment
from tests import factories
from tests.admin.browser_form import press_save


def _article_with_comments(n: int) -> Article:
    article = factories.make_article("Harbour plan draws a crowd", body="One.\n\nTwo.")
    now = timezone.now()
    Comment.objects.bulk_create(
        Comment(
            article=article, author=f"Reader {i}", posted=now, text=f"Comment {i} " * 20, position=i
        )
        for i in range(n)
    )
    Article.objects.filter(pk=article.pk).update(comment_count=n)
    return article


def test_a_thousand_comment_article_has_a_small_change_page_that_saves(staff_client, db):
    article = _article_with_comments(1000)
    url = reverse("admin:articles_article_change", args=[article.pk])

    page = staff_client.get(url)
    response = press_save(staff_client, url, title="Harbour plan draws a big crowd")

    assert len(page.content) < 300_000
    assert response.status_code == 302, response.context and response.context["errors"]
    assert Article.objects.get(pk=article.pk).title == "Harbour plan draws a big crowd"
    assert Comment.objects.filter(article=article).count() == 1000


def test_the_article_page_links_to_its_comments_in_the_comment_list(staff_client, harbour_article):
    page = staff_client.get(reverse("admin:articles_article_change", args=[harbour_article.pk]))
    listing = reverse("admin:comments_comment_changelist") + f"?article={harbour_article.pk}"

    assert listing in page.content.decode()
    comments = staff_client.get(listing).content.decode()
    other = factories.make_article("Another story")
    factories.make_comment(other, "Not under the harbour story.")
    comments = staff_client.get(listing).content.decode()
    assert "Finally some good news." in comments
    assert "Not under the harbour story." not in comments


def test_hiding_a_comment_from_the_list_updates_the_articles_count(staff_client, harbour_article):
    dana = harbour_article.comments.get(author="Dana")

    staff_client.post(
        reverse("admin:comments_comment_changelist") + f"?article={harbour_article.pk}",
        {ACTION_CHECKBOX_NAME: [dana.pk], "action": "hide_comments"},
    )

    assert Comment.objects.get(pk=dana.pk).hidden is True
    assert Article.objects.get(pk=harbour_article.pk).comment_count == 1


def test_quotes_inline_are_capped_with_a_link_to_the_rest(staff_client, db):
    article = factories.make_article("A talkative day")
    for i in range(120):
        factories.make_quote(article, f"Quote number {i}.")
    url = reverse("admin:articles_article_change", args=[article.pk])

    page = staff_client.get(url).content.decode()
    response = press_save(staff_client, url, title="A very talkative day")

    assert "Quote number 49." in page and "Quote number 50." not in page
    assert reverse("admin:articles_quote_changelist") + f"?article={article.pk}" in page
    assert response.status_code == 302, response.context and response.context["errors"]
    assert article.quotes.count() == 120
