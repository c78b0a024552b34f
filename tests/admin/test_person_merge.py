"""Merging people leaves working links and asks plainly whom to keep (#12, failure 5)."""

from __future__ import annotations

import re

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from articles.models import Person
from articles.services import person_merge
from tests import factories
from tests.admin.browser_form import press_save

_CHANGELIST = "admin:articles_person_changelist"


def _ben_twice(amelia, ben, harbour_article):
    benjamin = factories.make_person("Benjamin Okafor", aliases=["B. Okafor"])
    factories.make_quote(harbour_article, "The harbour is ready.", benjamin)
    return benjamin


def test_an_absorbed_persons_page_redirects_permanently_to_the_kept_person(
    client, amelia, ben, harbour_article
):
    benjamin = _ben_twice(amelia, ben, harbour_article)
    person_merge(keep=ben, absorb=benjamin)

    response = client.get("/people/benjamin-okafor/")

    assert response.status_code == 301
    assert response["Location"] == ben.get_absolute_url()


def test_a_person_merged_twice_still_redirects_to_the_last_kept_person(client, db):
    a, b, c = (factories.make_person(n) for n in ("Ina Berg", "Ina M. Berg", "I. Berg"))
    person_merge(keep=b, absorb=a)
    person_merge(keep=c, absorb=b)

    response = client.get("/people/ina-berg/")

    assert response.status_code == 301
    assert response["Location"] == c.get_absolute_url()


def test_filters_accept_an_old_slug_and_rewrite_the_url(client, amelia, ben, harbour_article):
    benjamin = _ben_twice(amelia, ben, harbour_article)
    person_merge(keep=ben, absorb=benjamin)

    for path, key in (("/", "person"), ("/quotes/", "person"), ("/comments/", "person")):
        response = client.get(path, {key: "benjamin-okafor", "month": "2016-11"})
        assert response.status_code == 301, path
        assert response["Location"] == f"{path}?{key}=ben-okafor&month=2016-11"
        page = client.get(response["Location"]).content.decode()
        assert "could not be read" not in page


def test_the_merge_confirmation_shows_counts_and_aliases_and_preselects_nobody(
    staff_client, amelia, ben, harbour_article
):
    benjamin = _ben_twice(amelia, ben, harbour_article)
    selection = {ACTION_CHECKBOX_NAME: [ben.pk, benjamin.pk], "action": "merge_people"}

    page = staff_client.post(reverse(_CHANGELIST), selection).content.decode()

    radios = re.findall(r"<input[^>]*name=\"keep\"[^>]*>", page)
    assert len(radios) == 2 and not any("checked" in r for r in radios)
    assert "B. Okafor" in page
    # Ben: mentioned in one article, never quoted; Benjamin: quoted once, mentioned nowhere.
    assert "1 article, 0 quotes" in page and "0 articles, 1 quote" in page


def test_confirming_without_choosing_merges_nobody(staff_client, amelia, ben, harbour_article):
    benjamin = _ben_twice(amelia, ben, harbour_article)
    selection = {ACTION_CHECKBOX_NAME: [ben.pk, benjamin.pk], "action": "merge_people"}

    page = staff_client.post(reverse(_CHANGELIST), {**selection, "confirm": "Merge"})

    assert Person.objects.filter(pk__in=[ben.pk, benjamin.pk]).count() == 2
    assert "Choose the person to keep: nobody was merged." in page.content.decode()


def test_changing_a_slug_in_the_admin_leaves_a_redirect(staff_client, client, amelia):
    press_save(
        staff_client,
        reverse("admin:articles_person_change", args=[amelia.pk]),
        slug="amelia-stone-pm",
    )

    response = client.get("/people/amelia-stone/")

    assert response.status_code == 301
    assert response["Location"] == "/people/amelia-stone-pm/"
