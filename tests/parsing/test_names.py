"""Name folding and cross-article person matching (articles/parsing/names.py)."""

from __future__ import annotations

import pytest

from articles.parsing.names import KnownPerson, better_name, match_person, name_key, surname

PUTIN = KnownPerson(1, "Vladimir Putin", aliases=("V Putin",))
HILLARY = KnownPerson(2, "Hillary Clinton")
BILL = KnownPerson(3, "Bill Clinton")
TRUMP_ONLY = KnownPerson(4, "Trump")


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Vladimir Putin", "vladimir putin"),
        ("  VLADIMIR   PUTIN ", "vladimir putin"),
        ("José María Aznar", "jose maria aznar"),
        ("Jean-Claude Juncker", "jean claude juncker"),
        ("J.K. Rowling", "j k rowling"),
        ("O’Brien", "obrien"),
    ],
)
def test_name_key_folds_case_accents_and_punctuation(raw: str, key: str) -> None:
    assert name_key(raw) == key


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("Vladimir Putin", "Putin"),
        ("Putin", "Putin"),
        ("Ursula von der Leyen", "von der Leyen"),
        ("Donald Trump Jr", "Trump"),
        ("V Putin", "Putin"),
    ],
)
def test_surname_is_the_last_name_word_with_its_particles(name: str, family: str) -> None:
    assert surname(name) == family


@pytest.mark.parametrize(
    ("name", "known", "expected"),
    [
        ("Vladimir Putin", [PUTIN], 1),
        ("vladimir  PUTIN", [PUTIN], 1),
        ("V Putin", [PUTIN], 1),  # alias
        ("Putin", [PUTIN, HILLARY], 1),  # surname alone, nobody competes
        ("Donald Trump", [TRUMP_ONLY, PUTIN], 4),  # full name joins a surname-only person
        ("Trump", [TRUMP_ONLY], 4),
        ("Clinton", [HILLARY, BILL], None),  # ambiguous surname
        ("Bill Clinton", [HILLARY], None),  # a different Clinton never merges
        ("Hillary Clinton", [HILLARY, BILL], 2),
        ("H Clinton", [HILLARY, BILL], 2),  # initial + surname
        ("Chelsea Clinton", [HILLARY, BILL, KnownPerson(5, "Clinton")], None),
        ("Boris Johnson", [PUTIN], None),
        ("", [PUTIN], None),
    ],
)
def test_match_person_links_forms_of_one_name_and_never_merges_namesakes(
    name: str, known: list[KnownPerson], expected: int | None
) -> None:
    assert match_person(name, known) == expected


@pytest.mark.parametrize(
    ("a", "b", "best"),
    [
        ("Putin", "Vladimir Putin", "Vladimir Putin"),
        ("Vladimir Putin", "Putin", "Vladimir Putin"),
        ("JON ROGERS", "Jon Rogers", "Jon Rogers"),
        ("Barack Obama", "Barack Hussein Obama", "Barack Hussein Obama"),
        ("Jon Rogers", "Jon Rogers", "Jon Rogers"),
    ],
)
def test_better_name_prefers_the_fuller_properly_cased_form(a: str, b: str, best: str) -> None:
    assert better_name(a, b) == best
