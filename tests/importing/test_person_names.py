"""Imports never rename a person a curator named; other names change only by one rule (#12, 3).

The rule (articles/linking.py): without a curator's name, a bare surname ("Putin") or a name
in capitals ("VLADIMIR PUTIN") is replaced by the first fuller form seen, and the old form is
kept as an alias; every other new form of the name is added as an alias.
"""

from __future__ import annotations

from django.urls import reverse

from articles.linking import PeopleDirectory
from articles.models import Person
from tests.admin.browser_form import press_save
from tests.importing.conftest import IMPORT_DUMPS


def _bridge_article_naming(tmp_path, name: str, slug: str):
    text = (IMPORT_DUMPS / "valley_bridge.txt").read_text(encoding="utf-8")
    text = text.replace("bridge-vote", slug).replace("Mayor Ben Okafor", f"Mayor {name}")
    path = tmp_path / f"{slug}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_longer_form_of_a_full_name_becomes_an_alias_not_the_name(db):
    putin = Person.objects.create(name="Vladimir Putin", slug="vladimir-putin")

    found = PeopleDirectory().resolve("Vladimir Vladimirovich Putin")

    putin.refresh_from_db()
    assert found == putin
    assert putin.name == "Vladimir Putin"
    assert putin.aliases == ["Vladimir Vladimirovich Putin"]


def test_a_curators_name_is_never_replaced_by_an_import(db):
    putin = Person.objects.create(
        name="Vladimir Putin", slug="vladimir-putin", aliases=["V Putin"], name_curated=True
    )

    PeopleDirectory().resolve_all(["Vladimir V. Putin", "Putin"])

    putin.refresh_from_db()
    assert putin.name == "Vladimir Putin"
    assert putin.aliases == ["V Putin", "Vladimir V. Putin"]


def test_a_bare_surname_is_upgraded_to_the_full_name(db):
    okafor = Person.objects.create(name="Okafor", slug="okafor")

    PeopleDirectory().resolve("Ben Okafor")

    okafor.refresh_from_db()
    assert okafor.name == "Ben Okafor"


def test_a_name_in_capitals_is_upgraded_and_kept_as_an_alias(db):
    shouted = Person.objects.create(name="BEN OKAFOR", slug="ben-okafor")

    PeopleDirectory().resolve("Ben Okafor")

    shouted.refresh_from_db()
    assert shouted.name == "Ben Okafor"
    assert shouted.aliases == ["BEN OKAFOR"]


def test_naming_a_person_in_the_admin_survives_imports_of_new_forms(
    staff_client, run_import, tmp_path, courier
):
    run_import(str(_bridge_article_naming(tmp_path, "Ben Adebayo Okafor", "first")))
    okafor = Person.objects.get(name__endswith="Okafor")
    press_save(
        staff_client,
        reverse("admin:articles_person_change", args=[okafor.pk]),
        name="Ben Okafor",
    )

    run_import(str(_bridge_article_naming(tmp_path, "Ben A. Okafor", "second")))
    run_import(str(_bridge_article_naming(tmp_path, "Ben Adebayo Tunde Okafor", "third")))

    okafor.refresh_from_db()
    assert okafor.name == "Ben Okafor"
    assert okafor.name_curated is True
    assert "Ben Adebayo Tunde Okafor" in okafor.aliases
    assert Person.objects.filter(name__endswith="Okafor").count() == 1
