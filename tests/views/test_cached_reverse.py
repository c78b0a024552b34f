"""Links from `get_absolute_url` are remembered (`articles.cached_reverse`) but stay what
`reverse` gives: under a script prefix (a site mounted at /archive/) and after a renamed
slug, never a stale link."""

from __future__ import annotations

from django.urls import reverse, set_script_prefix


def test_links_are_what_reverse_gives(harbour_article, gazette, amelia):
    assert amelia.get_absolute_url() == reverse("articles:person_detail", args=[amelia.slug])
    assert gazette.get_absolute_url() == reverse("articles:outlet_detail", args=[gazette.slug])
    assert harbour_article.get_absolute_url() == reverse(
        "articles:article_detail", args=[harbour_article.pk, harbour_article.slug]
    )


def test_links_follow_the_script_prefix(amelia):
    plain = amelia.get_absolute_url()
    set_script_prefix("/archive/")
    try:
        assert amelia.get_absolute_url() == f"/archive{plain}"
    finally:
        set_script_prefix("/")
    assert amelia.get_absolute_url() == plain


def test_a_renamed_slug_links_to_the_new_page(amelia, client):
    before = amelia.get_absolute_url()
    amelia.slug = "amelia-renamed"
    amelia.save()

    after = amelia.get_absolute_url()
    assert after != before and after.endswith("/amelia-renamed/")
    assert client.get(after).status_code == 200
