"""Page text that is not a body paragraph but still names the article's people (issue 10):
crossheads inside the story, the topic lines of a readers' page, a reporter in the story.
Our own words, fictional outlets and people."""

from __future__ import annotations

from articles.parsing.extract import ExtractionSettings, extract_text, named_in_prose

SETTINGS = ExtractionSettings()


def _people(text: str) -> list[str]:
    return [p.name for p in extract_text(text, source="t.txt", settings=SETTINGS).persons]


def test_a_crosshead_naming_a_person_by_surname_adds_that_person() -> None:
    page = (
        "## Kelby budget passes after long night\n\n"
        "By Ada Finch\n\n"
        "The Kelby council passed its budget at two in the morning after a long debate on fares.\n\n"
        "Council to sue Ostrander\n\n"
        "The council also voted to take the former contractor to court over the unfinished slip.\n"
    )
    record = extract_text(page, source="t.txt", settings=SETTINGS)
    assert [p.name for p in record.persons] == ["Ostrander"]
    assert "Council to sue Ostrander" not in record.body  # a heading, not a paragraph
    assert record.crossheads == ("Council to sue Ostrander",)


def test_a_caption_label_inside_the_story_is_not_a_crosshead() -> None:
    page = (
        "## Harbour inquiry opens\n\n"
        "By Ada Finch\n\n"
        "The inquiry into the harbour collapse opened on Monday with a minute of silence.\n\n"
        "Image caption: Dr Ostrander at the inquiry\n\n"
        "Witnesses will be heard over three weeks, the chair said in her opening remarks.\n"
    )
    assert _people(page) == []


def test_topic_lines_of_a_readers_page_name_the_page_people() -> None:
    page = (
        "Every week we print the best of your comments on our stories.\n\n"
        "Nora Whitlow’s ferry plan and the cost of the new slip (Feb 16)\n\n"
        "The slip was always going to cost more than they said. Nobody believed the first figure.\n"
        "– Tom Reddy\n\n"
        "Why the harbour lights stay off after ten (Feb 17)\n\n"
        "Street lights are cheap compared with one accident on the quay at night.\n"
        "– Jo Marsh\n"
    )
    record = extract_text(page, source="t.txt", settings=SETTINGS)
    assert [c.author for c in record.comments] == ["Tom Reddy", "Jo Marsh"]
    assert [p.name for p in record.persons] == ["Nora Whitlow"]  # commenters are not people


def test_a_reporter_named_in_the_story_is_one_of_its_people() -> None:
    body = ["Harbour Radio’s Ada Finch was there when the mayor arrived at the slip."]
    assert named_in_prose("Ada Finch", body)
    assert not named_in_prose("Ada Finch", ["Harbour Radio file photo by Ada Finch"])
    assert not named_in_prose("Ada Finch", ["Reporting by Ada Finch; editing by Jo Marsh."])
