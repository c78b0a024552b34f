"""The review queue (#9): imports that carried warnings, filterable by kind, worst first."""

from __future__ import annotations

from django.urls import reverse

from articles.models import Article

CHANGELIST = reverse("admin:articles_article_changelist")


def _titles(response) -> list[str]:
    return [a.title for a in response.context["cl"].result_list]


def test_changelist_filtered_by_a_warning_kind_shows_only_those_articles(
    staff_client, harbour_article, gazette
):
    harbour_article.import_warnings = ["no publication date found"]
    harbour_article.warning_kinds, harbour_article.warning_count = " no-date ", 1
    harbour_article.save()
    worse = Article.objects.create(
        outlet=gazette,
        title="Ferry timetable changes",
        slug="ferry",
        content_hash="f" * 64,
        imported_at=harbour_article.imported_at,
        import_warnings=["outlet not recognised (no URL, no known signature)", "x", "y"],
        warning_kinds=" other outlet ",
        warning_count=3,
    )
    Article.objects.create(
        outlet=gazette,
        title="A clean import",
        slug="clean",
        content_hash="c" * 64,
        imported_at=harbour_article.imported_at,
    )

    by_kind = staff_client.get(CHANGELIST, {"warning_kind": "outlet"})
    with_warnings = staff_client.get(CHANGELIST, {"has_warnings": "yes"})
    without = staff_client.get(CHANGELIST, {"has_warnings": "no"})

    assert _titles(by_kind) == [worse.title]
    # Worst first: the curator fixes the article with three warnings before the one with one.
    assert _titles(with_warnings) == [worse.title, harbour_article.title]
    assert _titles(without) == ["A clean import"]


def test_change_page_lists_the_warnings_escaped(staff_client, harbour_article):
    harbour_article.import_warnings = ["comment 2: ambiguous day/month order: '<b>03/04</b>'"]
    harbour_article.warning_count = 1
    harbour_article.save()

    response = staff_client.get(reverse("admin:articles_article_change", args=[harbour_article.pk]))

    page = response.content.decode()
    assert "<li>comment 2: ambiguous day/month order: &#x27;&lt;b&gt;03/04" in page
