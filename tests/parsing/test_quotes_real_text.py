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
        "After the meeting, Chief Dorsey approached the mayor with a letter in hand and advised "
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


def test_a_block_quote_without_marks_after_a_lead_in_that_reports_writing() -> None:
    assert _quotes(
        "Mayor Tomas Weir said he backed the ferry, but as he wrote in his veto message . . .",
        "As a longtime user of the ferry, I support a shuttle. The slip can be fixed in weeks.",
        "It is paramount that we protect the islanders while we protect the budget.",
        "The council met again on Thursday.",
    ) == [("Tomas Weir", "As a longtime")]


def test_a_quote_whose_opening_mark_was_lost_is_still_a_quote() -> None:
    assert _quotes(
        "Governor Ada Quill signed the ferry bill on Thursday.",
        "This bill was a significant piece of work for the island,” Quill said.",
    ) == [("Ada Quill", "This bill was")]


def test_first_person_text_after_an_ordinary_paragraph_is_not_a_quote() -> None:
    assert (
        _quotes(
            "The board met on Tuesday.",
            "I think the shuttle will run late, and we all know it will.",
        )
        == []
    )
