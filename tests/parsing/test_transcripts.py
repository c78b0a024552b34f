"""Transcript turns as quotes (issue 10): our own fictional transcripts in real shapes."""

from __future__ import annotations

from articles.parsing.extract import ExtractionSettings, extract_text
from articles.parsing.records import ParsedPerson
from articles.parsing.transcripts import find_transcript_turns


def _turns(body, persons=()):
    return [(q.speaker, q.text.split()[0]) for q in find_transcript_turns(body, list(persons))]


def test_shouted_labels_with_roles_then_surnames_resolve_to_the_full_name() -> None:
    body = [
        "MIRA COLE, HOST, HARBOUR HOUR: Tonight, the ferry board chair on the slip.",
        "Also, the winter timetable and what it means for you.",
        "(BEGIN VIDEO CLIP)",
        "TOMAS WEIR, CHAIR, KELBY FERRIES: It has been a long winter for everyone here.",
        "COLE: And if the slip had not closed, what then for the island?",
        "WEIR: I think a harder winter still",
    ]
    assert _turns(body) == [
        ("Mira Cole", "Tonight,"),
        ("Tomas Weir", "It"),
        ("Mira Cole", "And"),
        ("Tomas Weir", "I"),
    ]
    first = find_transcript_turns(body, [])[0]
    assert "winter timetable" in first.text  # the turn runs on to the stage direction


def test_initials_after_full_names_and_single_quotation_marks() -> None:
    body = [
        "Ana Ruiz: ‘What is the board’s plan for the slip?’",
        "Tom Hale: ‘By making sure the yard has the right people, er, in place…’",
        "AR: ‘That will not reopen the slip. What is the plan?’",
        "AR heard laughing in the background",
        "TH: ‘You have to deal with things in the short and long term.’",
    ]
    turns = find_transcript_turns(body, [])
    assert [q.speaker for q in turns] == ["Ana Ruiz", "Tom Hale", "Ana Ruiz", "Tom Hale"]
    assert turns[0].text == "What is the board’s plan for the slip?"


def test_label_lines_over_the_words_and_a_turn_over_two_paragraphs() -> None:
    body = [
        "Nell Orme:",
        "Great to have you with us this morning on the programme.",
        "Jim Quarry:",
        "Well, there is not one view among the harbour experts about it,",
        "and so some of the issues are temporary and some are not.",
    ]
    turns = find_transcript_turns(body, [ParsedPerson("Jim Quarry", 2)])
    assert [q.speaker for q in turns] == ["Nell Orme", "Jim Quarry"]
    assert turns[1].text.count("\n\n") == 1


def test_one_label_shaped_line_is_not_a_transcript() -> None:
    assert _turns(["Subjects: inflation, interest rates and the ferry slip closure."]) == []
    assert _turns(["Ana Ruiz: the one quote here is long enough to count.", "Plain text."]) == []


def test_short_turns_of_four_words_or_fewer_are_not_quotes() -> None:
    assert _turns(["ANA RUIZ: Good evening.", "TOM HALE: Thanks, it is good to be here."]) == [
        ("Tom Hale", "Thanks,")
    ]


def test_a_transcript_page_gives_its_turns_as_the_articles_quotes() -> None:
    text = (
        "Interview with the ferry board chair\n\n"
        "Nell Orme:\n\nGreat to have you with us this morning on the programme.\n\n"
        "Jim Quarry:\n\nThanks, it is good to be here to talk about the ferry slip.\n"
    )
    record = extract_text(text, source="t.txt", settings=ExtractionSettings())
    assert [(q.speaker, q.cue) for q in record.quotes] == [
        ("Nell Orme", "transcript"),
        ("Jim Quarry", "transcript"),
    ]


def test_a_label_with_an_aside_and_a_cut_off_last_turn() -> None:
    text = (
        "The exchange in full\n\n"
        "Ana Ruiz: ‘What is the board’s plan for the slip this winter?’\n\n"
        "Tom Hale: ‘You have to deal with things in the short and long term.’\n\n"
        "AR (sarcastically): ‘I really appreciate the lesson about the"
    )
    record = extract_text(text, source="t.txt", settings=ExtractionSettings())
    assert [q.speaker for q in record.quotes] == ["Ana Ruiz", "Tom Hale", "Ana Ruiz"]
