"""Direct quotations and their speakers (articles/parsing/quotes.py). Fictional cast."""

from __future__ import annotations

import pytest

from articles.parsing.people import find_people
from articles.parsing.quotes import find_quotes
from articles.parsing.records import ParsedPerson, ParsedQuote

INTRO = "Mayor Tilda Brannock opened the harbour bridge on Monday."


def _quotes(body: list[str], **kwargs: object) -> list[ParsedQuote]:
    people = find_people("Bridge opens", body)
    return list(find_quotes(body, people, **kwargs))  # type: ignore[arg-type]


def _pairs(body: list[str]) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in _quotes(body)]


@pytest.mark.parametrize(
    ("paragraph", "cue"),
    [
        ('Mrs Brannock said: "The bridge will carry ten thousand cars a day."', "said"),
        ('"The bridge will carry ten thousand cars a day," Mrs Brannock said.', "said"),
        ("“The bridge will carry ten thousand cars a day,” said Mrs Brannock.", "said"),
        ('"The bridge will carry ten thousand cars a day," said Mayor Tilda Brannock.', "said"),
        ('Brannock wrote to residents: "The bridge will carry ten thousand cars a day."', "wrote"),
        ('Brannock told the BBC: "The bridge will carry ten thousand cars a day."', "told"),
        (
            'Mrs Brannock, 58, insisted: "The bridge will carry ten thousand cars a day."',
            "insisted",
        ),
        ('Brannock also added: "The bridge will carry ten thousand cars a day."', "added"),
        ('According to Mrs Brannock, "the bridge will carry ten thousand cars a day".', None),
        ('She said: "The bridge will carry ten thousand cars a day."', "said"),
        ('"The bridge will carry ten thousand cars a day," she said.', "said"),
        (
            'The mayor, Tilda Brannock, said: "The bridge will carry ten thousand cars a day."',
            "said",
        ),
    ],
)
def test_each_attribution_pattern_names_the_speaker(paragraph: str, cue: str | None) -> None:
    [quote] = _quotes([INTRO, paragraph])
    assert quote.speaker == "Tilda Brannock"
    assert quote.text.lower().startswith("the bridge will carry ten thousand cars a day")
    assert quote.paragraph == 1
    if cue is not None:
        assert quote.cue == cue


def test_a_multi_paragraph_quote_is_one_quote() -> None:
    body = [
        INTRO,
        'She said: "The bridge took four years to build.',
        '"It will carry ten thousand cars a day.',
        '"And it came in under budget."',
        "The mayor then left.",
    ]
    [quote] = _quotes(body)
    assert quote.text == (
        "The bridge took four years to build.\n\n"
        "It will carry ten thousand cars a day.\n\n"
        "And it came in under budget."
    )
    assert (quote.speaker, quote.paragraph) == ("Tilda Brannock", 1)


def test_a_quote_paragraph_standing_alone_belongs_to_the_speaker_of_the_paragraph_before() -> None:
    body = [
        "Mayor Tilda Brannock said on Monday the council would not raise tolls.",
        "“Nobody will pay more to cross this river while I am mayor.”",
    ]
    assert _pairs(body) == [
        ("Tilda Brannock", "Nobody will pay more to cross this river while I am mayor.")
    ]


def test_a_second_quote_in_the_same_paragraph_continues_the_speaker() -> None:
    body = [INTRO, '"It was hard," Brannock said. "It took four long years and cost a lot."']
    assert _pairs(body) == [("Tilda Brannock", "It took four long years and cost a lot.")]


@pytest.mark.parametrize(
    "paragraph",
    [
        'Critics called the bridge "a vanity project" on Monday.',
        'Brannock said the toll was "fair and reasonable".',
        'The so-called "harbour bridge" is long.',
        'The letter was signed "T. Brannock".',
    ],
)
def test_fragments_of_four_words_or_fewer_are_not_quotes(paragraph: str) -> None:
    assert _quotes([INTRO, paragraph]) == []


def test_a_repeated_pull_quote_is_one_quote() -> None:
    body = [
        INTRO,
        '"Nobody will pay more to cross this river"',
        'Brannock said: "Nobody will pay more to cross this river while I am mayor."',
    ]
    assert _pairs(body) == [
        ("Tilda Brannock", "Nobody will pay more to cross this river while I am mayor.")
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        '"The bridge is a danger to shipping," the harbour authority said.',
        'The harbour authority said: "The bridge is a danger to shipping."',
        'A spokesman for the port said it "regards the bridge as a danger to shipping".',
        '"The bridge is a danger to shipping and always will be."',
    ],
)
def test_a_quote_without_a_known_speaker_has_none(paragraph: str) -> None:
    body = ["The harbour bridge opened on Monday.", paragraph]
    [quote] = _quotes(body)
    assert quote.speaker is None


def test_a_pronoun_points_to_the_sentence_subject_not_the_last_name() -> None:
    body = [
        "Mr Okafor, who opened the letter, praised Mrs Brannock's plan as bold.",
        'He said: "This is the best thing to happen to the harbour in decades."',
    ]
    assert [q.speaker for q in _quotes(body)] == ["Okafor"]


def test_a_pronoun_skips_a_person_of_the_other_gender() -> None:
    body = [
        "Mrs Brannock met Mr Okafor at the bridge. Mr Okafor praised the plan.",
        'She said: "This is the best thing to happen to the harbour in decades."',
    ]
    assert [q.speaker for q in _quotes(body)] == ["Brannock"]


def test_a_letter_quote_belongs_to_its_signatory() -> None:
    body = [
        INTRO,
        'The letter was signed "T. Brannock" and ended with a note: '
        '"Thank you all for your patience during the works."',
    ]
    [quote] = _quotes(body)
    assert (quote.speaker, quote.cue) == ("Tilda Brannock", "wrote")


def test_a_mid_sentence_quote_without_a_writer_has_no_speaker() -> None:
    body = [
        INTRO,
        'The letter arrived on Monday and included a note: "Thank you all for your patience."',
    ]
    [quote] = _quotes(body)
    assert quote.speaker is None


def test_aliases_resolve_speakers() -> None:
    body = ['"The bridge will carry ten thousand cars a day," T-Bran said.', INTRO]
    people = find_people("Bridge", body, aliases={"T-Bran": "Tilda Brannock"})
    [quote] = find_quotes(body, people, aliases={"T-Bran": "Tilda Brannock"})
    assert quote.speaker == "Tilda Brannock"


def test_no_quotes_in_plain_text() -> None:
    assert find_quotes(["No quotes here at all."], []) == ()


def test_a_pronoun_points_to_the_one_person_named_earlier_in_its_sentence() -> None:
    body = [
        'When the harbour master, Agnes Whitlow, announced the change she said: "Demand after '
        'six is simply too low to justify a crossing."'
    ]
    (quote,) = find_quotes(body, [ParsedPerson("Agnes Whitlow", 1)])
    assert quote.speaker == "Agnes Whitlow"


def test_a_pronoun_after_two_people_in_its_sentence_gives_no_speaker() -> None:
    body = [
        'When Tom Hale met Anna Lee on the quay she said: "Demand after six is simply too low."'
    ]
    (quote,) = find_quotes(body, [ParsedPerson("Tom Hale", 1), ParsedPerson("Anna Lee", 1)])
    assert quote.speaker is None


@pytest.mark.parametrize(
    ("later", "speaker"),
    [
        ('Mrs Marsh said: "We are not against parking at all."', "Linda Marsh"),
        ('Mr Marsh said: "There are empty lots a short walk away."', "Peter Marsh"),
        ('Marsh said: "There are empty lots a short walk away."', None),
    ],
)
def test_namesakes_are_told_apart_by_gender_or_left_unsure(later: str, speaker: str | None) -> None:
    body = [
        "The petition was started by parent Linda Marsh. Her husband, Councillor Peter Marsh, "
        "did not vote.",
        later,
    ]
    persons = [ParsedPerson("Linda Marsh", 1), ParsedPerson("Peter Marsh", 1)]
    (quote,) = find_quotes(body, persons)
    assert quote.speaker == speaker


def test_a_name_after_a_comma_is_not_the_subject_unless_set_off_by_commas() -> None:
    body = [INTRO, 'Asked about Brannock, officials said: "The bridge will carry ten thousand."']
    assert [q.speaker for q in _quotes(body)] == [None]
