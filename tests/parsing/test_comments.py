from __future__ import annotations

from datetime import UTC, datetime

import pytest

from articles.parsing.comments import find_comments_heading, parse_comments


@pytest.mark.parametrize(
    ("line", "declared"),
    [
        ("Comments (22) Closed", 22),
        ("Comments", None),
        ("## Reader comments", None),
        ("COMMENTS: 4", 4),
        ("22 Comments", 22),
        ("3 Responses to “Library reopening date set”", 3),
        ("5 thoughts on “Night trains”", 5),
        ("One comment", 1),
    ],
)
def test_find_comments_heading_reads_declared_count(line: str, declared: int | None) -> None:
    assert find_comments_heading(["Body text here.", "", line]) == (2, declared)


def test_find_comments_heading_ignores_prose_about_comments() -> None:
    assert find_comments_heading(["The comments were removed after a complaint."]) is None


@pytest.mark.parametrize(
    ("header", "author", "posted_utc"),
    [
        ("KH Nov 21, 2016 09:58am", "KH", datetime(2016, 11, 21, 9, 58)),
        ("on Nov 21, 2016 09:47am", None, datetime(2016, 11, 21, 9, 47)),
        ("dazel21Sep. 16, 13 7:07 PM", "dazel21", datetime(2013, 9, 16, 19, 7)),
        ("Asif A. Shah Nov 21, 2016 10:13am", "Asif A. Shah", datetime(2016, 11, 21, 10, 13)),
        ("Imran K. Feb 4, 2017 12:15am", "Imran K.", datetime(2017, 2, 4, 0, 15)),
        (
            "Posted by Lorna Fitch on March 16, 2017 at 10:02 am",
            "Lorna Fitch",
            datetime(2017, 3, 16, 10, 2),
        ),
        ("millie_p · 16 March 2017 12:05", "millie_p", datetime(2017, 3, 16, 12, 5)),
        ("Anonymous | 16 March 2017 13:40", None, datetime(2017, 3, 16, 13, 40)),
        ("D HEROLD (USA) Nov 21, 2016 12:08pm", "D HEROLD (USA)", datetime(2016, 11, 21, 12, 8)),
    ],
)
def test_one_line_headers(header: str, author: str | None, posted_utc: datetime) -> None:
    comments, warnings = parse_comments([header, "", "A comment."], "UTC")
    assert len(comments) == 1
    assert comments[0].author == author
    assert comments[0].posted == posted_utc.replace(tzinfo=UTC)
    assert comments[0].text == "A comment."
    assert warnings == []


def test_says_header_takes_date_from_next_line() -> None:
    lines = ["Gwen Tarrant says:", "", "March 16, 2017 at 9:12 pm", "", "Lovely.", "", "Reply"]
    comments, _ = parse_comments(lines, "Europe/London")
    assert [(c.author, c.posted.isoformat(), c.text) for c in comments] == [
        ("Gwen Tarrant", "2017-03-16T21:12:00+00:00", "Lovely.")
    ]


def test_multi_paragraph_comment_keeps_all_paragraphs() -> None:
    lines = ["Ola Nov 1, 2016 10:00am", "", "First part.", "", "Second part.", "", "Third part."]
    comments, _ = parse_comments(lines, "UTC")
    assert comments[0].text == "First part.\n\nSecond part.\n\nThird part."


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("@Ola this is right", 2),
        ("@Ola: this is right", 2),
        ("@ola agreed", 2),
        ("@Nobody hi", None),
    ],
)
def test_reply_points_to_latest_earlier_comment_by_that_author(
    reply: str, expected: int | None
) -> None:
    lines = [
        "Ola Nov 1, 2016 10:00am", "First.",
        "Olaf Nov 1, 2016 10:05am", "Second.",
        "Ola Nov 1, 2016 10:10am", "Third.",
        "Ben Nov 1, 2016 10:20am", reply,
    ]  # fmt: skip
    comments, _ = parse_comments(lines, "UTC")
    assert comments[3].reply_to == expected


def test_declared_count_mismatch_adds_warning() -> None:
    comments, warnings = parse_comments(["Ola Nov 1, 2016 10:00am", "First."], "UTC", declared=3)
    assert len(comments) == 1
    assert any("declares 3, found 1" in w for w in warnings)


def test_long_text_lines_ending_in_dates_are_not_headers() -> None:
    text = "I was at the meeting and I remember it clearly, it was held on Nov 1, 2016 10:00am"
    comments, _ = parse_comments(["Ola Nov 1, 2016 09:00am", text + " " + text], "UTC")
    assert len(comments) == 1 and comments[0].text.startswith("I was at")


def test_many_comments_parse_fast_enough() -> None:
    import time

    lines: list[str] = []
    for i in range(300):
        lines += [
            f"reader{i} Nov {1 + i % 28}, 2016 {1 + i % 12:02d}:{i % 60:02d}pm",
            "",
            "Some text here.",
            "",
        ]
    start = time.perf_counter()
    comments, _ = parse_comments(lines, "Asia/Karachi")
    assert len(comments) == 300
    assert time.perf_counter() - start < 0.5  # generous bound; real figure is reported separately


def test_numbered_posted_by_headers_drop_the_number() -> None:
    lines = [
        "#1 Posted by quay_jo, 13/03/2018 19:40",
        "",
        "Lovely.",
        "#2 Posted by Ann Lee, 04/03/2018 08:12",
        "Yes.",
    ]
    comments, warnings = parse_comments(lines, "Europe/London")
    assert [c.author for c in comments] == ["quay_jo", "Ann Lee"]
    assert comments[0].posted == datetime(2018, 3, 13, 19, 40, tzinfo=UTC)
    assert comments[1].posted is None
    assert any("ambiguous day/month order" in w for w in warnings)


def test_wrote_header_takes_the_date_printed_under_the_text() -> None:
    lines = [
        "Kal wrote:",
        "Good.",
        "(Posted on 13.3.2018 at 22:12)",
        "Bo Sand wrote:",
        "Fine.",
        "More.",
    ]
    comments, _ = parse_comments(lines, "UTC")
    assert [c.author for c in comments] == ["Kal", "Bo Sand"]
    assert comments[0].posted == datetime(2018, 3, 13, 22, 12, tzinfo=UTC)
    assert comments[0].text == "Good."
    assert comments[1].posted is None and comments[1].text == "Fine.\n\nMore."
