"""The given-name lexicon (articles/parsing/given_names.py) and how people finding uses it."""

from __future__ import annotations

import pytest

from articles.parsing.given_names import GIVEN_NAMES, is_given_name
from articles.parsing.people import ROLE_WORDS, find_people


def _names(title: str, body: list[str]) -> list[str]:
    return [p.name for p in find_people(title, body)]


@pytest.mark.parametrize("word", ["Sarah", "JOSÉ", "Jean-Paul", "Anna", "Abdul", "Wei", "Kwame"])
def test_common_given_names_are_known_whatever_their_case_accents_or_hyphens(word: str) -> None:
    assert is_given_name(word)


@pytest.mark.parametrize("word", ["Conservator", "Plumber", "Dean", "Major", "May", "Said"])
def test_titles_job_words_months_and_verbs_are_not_given_names(word: str) -> None:
    assert not is_given_name(word)


def test_no_given_name_is_also_a_role_word() -> None:
    assert not GIVEN_NAMES & ROLE_WORDS


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Sarah Jane Whitcombe, who runs the taproom, said tours would go on.",
            "Sarah Jane Whitcombe",
        ),
        ("Anna Maria Orvell said she had the receipt.", "Anna Maria Orvell"),
        ("Mary Ann Dorrit, 68, swims every morning. Dorrit is a regular.", "Mary Ann Dorrit"),
        ("Engineer Farah Naz Orvell, who drew up the route, said it was safe.", "Farah Naz Orvell"),
        ("Plumber Jean-Paul Orvell said the pipes had split.", "Jean-Paul Orvell"),
        ("Conservator Helena Pryce, who led the work, cleaned the ceiling.", "Helena Pryce"),
    ],
)
def test_a_given_name_opening_a_sentence_is_kept_and_a_descriptor_is_dropped(
    paragraph: str, expected: str
) -> None:
    assert _names("Story", [paragraph]) == [expected]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Kestrel Bay's mayor, Orrin Tavish, said the delay was a disappointment.",
        "Tavish's deputy, Orrin Tavish, opened the doors.",
        "The bay's new harbour master, Orrin Tavish, opened the doors.",
    ],
)
def test_a_name_set_off_by_commas_after_a_possessive_and_a_role_noun_is_a_person(
    paragraph: str,
) -> None:
    assert _names("Harbour", [paragraph]) == ["Orrin Tavish"]


def test_a_name_after_a_possessive_and_an_ordinary_noun_is_not_a_person() -> None:
    assert _names("Walk", ["Kestrel Bay's harbour, Orrin Tavish, was empty at dawn."]) == []


def test_a_known_given_name_alone_is_no_evidence_of_a_person() -> None:
    assert _names("Walk", ["We drove to Alice Springs and back before dinner."]) == []
