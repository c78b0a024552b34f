"""Parsed names become one Person row per real person across articles."""

from __future__ import annotations

import pytest

from articles.linking import PeopleDirectory
from articles.models import IgnoredName, Person


@pytest.fixture
def directory(db):
    return PeopleDirectory()


def test_a_surname_in_one_article_joins_the_full_name_from_another(directory):
    first = directory.resolve_all(["Vladimir Putin"])["Vladimir Putin"]
    later = PeopleDirectory().resolve("Putin")
    assert later == first
    assert Person.objects.count() == 1


def test_a_surname_seen_first_is_upgraded_to_the_full_name(directory):
    surname_only = directory.resolve("Okafor")
    full = directory.resolve("Ben Okafor")
    assert full.pk == surname_only.pk
    assert Person.objects.get().name == "Ben Okafor"


def test_two_people_sharing_a_surname_stay_apart(directory):
    people = directory.resolve_all(["Amelia Stone", "Clara Stone"])
    assert people["Amelia Stone"] != people["Clara Stone"]
    assert Person.objects.filter(name__endswith="Stone").count() >= 2


def test_an_ambiguous_surname_is_not_given_to_either_person(directory):
    directory.resolve_all(["Amelia Stone", "Clara Stone"])
    stone = directory.resolve("Stone")
    assert stone.name == "Stone"  # a person of its own, never Amelia or Clara


def test_new_names_of_one_article_are_created_together(directory, django_assert_num_queries):
    with django_assert_num_queries(1):
        people = directory.resolve_all(["Ina Berg", "Tom Hale", "Ina Berg"])
    assert {p.name for p in people.values()} == {"Ina Berg", "Tom Hale"}
    assert directory.resolve("Berg") == people["Ina Berg"]


def test_names_marked_not_a_person_are_never_created(db):
    IgnoredName.objects.create(name="Goldman Sachs")
    directory = PeopleDirectory()
    assert directory.resolve_all(["Goldman Sachs"]) == {"Goldman Sachs": None}
    assert not Person.objects.exists()


def test_aliases_lead_to_their_person(db):
    putin = Person.objects.create(name="Vladimir Putin", slug="vladimir-putin", aliases=["V Putin"])
    assert PeopleDirectory().resolve("V Putin") == putin
