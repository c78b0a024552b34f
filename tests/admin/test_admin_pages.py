"""Every admin page a curator uses loads for a staff user."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article


@pytest.mark.parametrize("model", ["outlet", "person", "ignoredname", "article", "quote"])
def test_changelists_load(staff_client, harbour_article, model):
    response = staff_client.get(reverse(f"admin:articles_{model}_changelist"))
    assert response.status_code == 200


def test_comment_changelist_loads(staff_client, harbour_article):
    response = staff_client.get(reverse("admin:comments_comment_changelist"))
    assert response.status_code == 200
    assert "Finally some good news." in response.content.decode()


def test_article_change_page_shows_quotes_inline_and_links_to_its_comments(
    staff_client, harbour_article
):
    response = staff_client.get(reverse("admin:articles_article_change", args=[harbour_article.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "This harbour will carry the region," in page
    assert "Moderate the 3 comments</a> (2 shown, 1 hidden)" in page
    assert "@Dana agreed, long overdue." not in page  # comments are not inline (#12)


def test_change_pages_load(staff_client, harbour_article, amelia):
    for url in (
        reverse("admin:articles_person_change", args=[amelia.pk]),
        reverse("admin:articles_outlet_change", args=[harbour_article.outlet.pk]),
        reverse("admin:articles_quote_change", args=[harbour_article.quotes.get().pk]),
        reverse("admin:comments_comment_change", args=[harbour_article.comments.first().pk]),
        reverse("admin:articles_article_add"),
    ):
        assert staff_client.get(url).status_code == 200, url


def _article_change_data(client, article) -> tuple[str, dict]:
    """The article change form as the admin renders it, ready to POST back."""
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = client.get(url).context
    data = {k: v for k, v in page["adminform"].form.initial.items() if v is not None}
    data.update(
        {
            "authors": "\n".join(article.authors),
            "tags": "\n".join(article.tags),
            "outlet": article.outlet.pk,
            "published_0": article.published.strftime("%Y-%m-%d"),
            "published_1": article.published.strftime("%H:%M:%S"),
            "updated_0": "",
            "updated_1": "",
        }
    )
    for inline in page["inline_admin_formsets"]:
        fs = inline.formset
        data[f"{fs.prefix}-TOTAL_FORMS"] = str(fs.total_form_count())
        data[f"{fs.prefix}-INITIAL_FORMS"] = str(fs.initial_form_count())
        for i, inline_form in enumerate(fs.forms):
            for name, field in inline_form.fields.items():
                value = inline_form.initial.get(name, field.initial)
                if hasattr(value, "pk"):
                    value = value.pk
                if value is None or value is False:
                    continue
                data[f"{fs.prefix}-{i}-{name}"] = value
    return url, data


def test_editing_a_title_in_the_admin_marks_it_curated(staff_client, harbour_article):
    url, data = _article_change_data(staff_client, harbour_article)
    data["title"] = "Stone backs the harbour plan"
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    article = Article.objects.get(pk=harbour_article.pk)
    assert article.title == "Stone backs the harbour plan"
    assert "title" in article.curated_fields


def test_anonymous_visitors_are_sent_to_login(client, harbour_article):
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_deleting_comments_and_quotes_in_the_admin_updates_counts(staff_client, harbour_article):
    comment_ids = list(harbour_article.comments.filter(hidden=False).values_list("pk", flat=True))
    staff_client.post(
        reverse("admin:comments_comment_changelist"),
        {"action": "delete_selected", "_selected_action": comment_ids[:1], "post": "yes"},
    )
    quote = harbour_article.quotes.get()
    staff_client.post(reverse("admin:articles_quote_delete", args=[quote.pk]), {"post": "yes"})

    article = Article.objects.get(pk=harbour_article.pk)
    assert (article.comment_count, article.quote_count) == (1, 0)
