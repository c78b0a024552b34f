"""Quotes and speakers on real news text (issue 10), in our own words."""

from __future__ import annotations

from articles.parsing.people import find_people
from articles.parsing.quotes import find_quotes


def _quotes(*paragraphs: str) -> list[tuple[str | None, str]]:
    body = list(paragraphs)
    persons = find_people("", body)
    return [(q.speaker, " ".join(q.text.split()[:3])) for q in find_quotes(body, persons)]


def test_a_day_between_the_name_and_the_verb() -> None:
    assert _quotes(
        "The harbour minister, Sana Qadir Monday said the board would not reopen the slip.",
        '"We could talk about everything except the fares," she told reporters.',
    ) == [("Sana Qadir", "We could talk")]


def test_a_speech_verb_joined_to_the_subjects_first_verb_by_and() -> None:
    text = (
        'After the meeting, Chief Dorsey approached the mayor with a letter in hand and advised '
        '"Either you run the harbour, or I do".'
    )
    assert _quotes(text) == [("Dorsey", "Either you run")]


def test_a_capitalised_particle_is_part_of_the_surname() -> None:
    assert _quotes(
        "The ministry spokesman Didier Le Brun spoke to reporters on Thursday morning.",
        '"After checks with our embassies this report appears unfounded," said Le Brun.',
    ) == [("Didier Le Brun", "After checks with")]


def test_a_name_the_sentence_does_not_make_the_subject_is_not_the_speaker() -> None:
    text = 'Talks with Mayor Ruiz went on late and advised nothing. "We are done here for the night," a source said.'
    assert _quotes(text) == [(None, "We are done")]
