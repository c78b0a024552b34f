"""Pressing Save on a change page with nothing changed writes nothing (#12, failure 1).

Forms are submitted as a browser submits them (tests/admin/browser_form.py):
textareas arrive with Windows line endings.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, IgnoredName, Mention, Outlet, Person, Quote
from comments.models import Comment
from tests.admin.browser_form import press_save
from tests.conftest import SEEDS
from tests.importing.conftest import IMPORT_DUMPS

_MODELS = (Outlet, Person, IgnoredName, Article, Mention, Quote, Comment)


def every_row() -> dict[str, list[dict]]:
    return {m.__name__: list(m.objects.order_by("pk").values()) for m in _MODELS}


def data_writes(queries) -> list[str]:
    """INSERT/UPDATE/DELETE statements on the archive's tables (not sessions or the admin log)."""
    tables = tuple(m._meta.db_table for m in _MODELS)
    return [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().split(" ", 1)[0] in ("INSERT", "UPDATE", "DELETE")
        and any(t in q["sql"] for t in tables)
    ]


def _change_urls(article, amelia) -> dict[str, str]:
    IgnoredName.objects.create(name="Goldman Sachs")
    return {
        "article": reverse("admin:articles_article_change", args=[article.pk]),
        "person": reverse("admin:articles_person_change", args=[amelia.pk]),
        "outlet": reverse("admin:articles_outlet_change", args=[article.outlet_id]),
        "quote": reverse("admin:articles_quote_change", args=[article.quotes.get().pk]),
        "comment": reverse("admin:comments_comment_change", args=[article.comments.first().pk]),
        "ignoredname": reverse(
            "admin:articles_ignoredname_change", args=[IgnoredName.objects.get().pk]
        ),
    }


@pytest.mark.parametrize("page", ["article", "person", "outlet", "quote", "comment", "ignoredname"])
def test_saving_each_change_page_unchanged_writes_nothing(
    staff_client, harbour_article, amelia, page
):
    url = _change_urls(harbour_article, amelia)[page]
    before = every_row()

    with CaptureQueriesContext(connection) as queries:
        response = press_save(staff_client, url)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert every_row() == before
    assert data_writes(queries.captured_queries) == []


@pytest.mark.parametrize("seed", ["000_6423f21f81acd8c4.txt", "001_016d1ee2c56f875c.txt"])
def test_saving_a_seed_article_unchanged_keeps_every_row(staff_client, run_import, seed):
    assert run_import(str(SEEDS / seed)).exit_code == 0
    article = Article.objects.get()
    before = every_row()

    response = press_save(staff_client, reverse("admin:articles_article_change", args=[article.pk]))

    assert response.status_code == 302, response.context and response.context["errors"]
    assert every_row() == before


def test_fixing_only_the_title_curates_only_the_title(staff_client, run_import, courier):
    run_import(str(IMPORT_DUMPS / "valley_bridge.txt"))
    article = Article.objects.get()
    body = article.body

    press_save(
        staff_client,
        reverse("admin:articles_article_change", args=[article.pk]),
        title="Council approves Alder river bridge",
    )

    article.refresh_from_db()
    assert article.title == "Council approves Alder river bridge"
    assert article.curated_fields == ["title"]
    assert article.body == body and "\r" not in article.body


def test_the_public_page_keeps_its_paragraphs_after_a_save(
    client, staff_client, run_import, courier
):
    run_import(str(IMPORT_DUMPS / "valley_bridge.txt"))
    article = Article.objects.get()
    paragraphs = len(article.paragraphs)
    assert paragraphs > 3

    press_save(
        staff_client,
        reverse("admin:articles_article_change", args=[article.pk]),
        title="Council approves Alder river bridge",
    )

    page = client.get(article.get_absolute_url()).content.decode()
    assert page.count("Construction is due to begin") == 1
    assert len(Article.objects.get().paragraphs) == paragraphs


def test_an_edited_body_is_stored_with_unix_line_endings(staff_client, harbour_article):
    url = reverse("admin:articles_article_change", args=[harbour_article.pk])

    press_save(staff_client, url, body="First paragraph.\n\nSecond paragraph.")

    article = Article.objects.get(pk=harbour_article.pk)
    assert article.body == "First paragraph.\n\nSecond paragraph."
    assert article.paragraphs == ["First paragraph.", "Second paragraph."]
    assert article.curated_fields == ["body"]


def test_a_saved_article_still_takes_a_changed_import(staff_client, run_import, scratch, courier):
    page = scratch / "valley_bridge.txt"
    run_import(str(page))
    article = Article.objects.get()
    press_save(staff_client, reverse("admin:articles_article_change", args=[article.pk]))
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace(
            "Construction is due to begin",
            "The vote came after four hours of debate.\n\nConstruction is due to begin",
        ),
        encoding="utf-8",
    )

    run = run_import(str(page))

    assert "0 new, 1 updated" in run.out
    assert "The vote came after four hours of debate." in Article.objects.get().paragraphs
