from __future__ import annotations

from datetime import UTC, datetime

import pytest

from articles.parsing.dates import is_date_line, parse_date, search_date


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "zone", "expected_utc"),
    [
        ("21:16, Fri, Dec 23, 2016", "Europe/London", _utc(2016, 12, 23, 21, 16)),
        ("Nov 21, 2016 09:17am", "Asia/Karachi", _utc(2016, 11, 21, 4, 17)),
        ("Nov 22, 2016 02:53am", "Asia/Karachi", _utc(2016, 11, 21, 21, 53)),
        ("Thursday, March 16, 2017, 8:55 p.m.", "America/New_York", _utc(2017, 3, 17, 0, 55)),
        ("16 March 2017", "Europe/London", _utc(2017, 3, 16)),
        ("16th March, 2017 at 14:05", "Europe/London", _utc(2017, 3, 16, 14, 5)),
        ("2017-03-16T20:55:00Z", "Asia/Karachi", _utc(2017, 3, 16, 20, 55)),
        ("2017-03-16T20:55:00+05:30", "UTC", _utc(2017, 3, 16, 15, 25)),
        ("2017-03-16 14:05", "Australia/Sydney", _utc(2017, 3, 16, 3, 5)),
        ("Sep. 16, 13 7:07 PM", "UTC", _utc(2013, 9, 16, 19, 7)),
        ("Nov 4, 2016 3:15 PM EDT", "Asia/Karachi", _utc(2016, 11, 4, 19, 15)),
        ("Published: March 16, 2017 at 12 pm", "UTC", _utc(2017, 3, 16, 12, 0)),
        ("13/04/2017", "UTC", _utc(2017, 4, 13)),
        ("March 3, 2018 at 4:05 PM ET", "UTC", _utc(2018, 3, 3, 21, 5)),
        ("July 3, 2018 at 4:05 PM ET", "UTC", _utc(2018, 7, 3, 20, 5)),
        ("March 3, 2018 / 2:14 PM", "Europe/London", _utc(2018, 3, 3, 14, 14)),
    ],
)
def test_parse_date_reads_common_shapes(text: str, zone: str, expected_utc: datetime) -> None:
    value, warning = parse_date(text, zone)
    assert warning is None
    assert value is not None and value.tzinfo is not None
    assert value == expected_utc


@pytest.mark.parametrize(
    ("text", "zone", "reason"),
    [
        ("03/04/2017", "UTC", "ambiguous"),
        ("Feb 30, 2017", "UTC", "impossible"),
        ("13:75, Fri, Dec 23, 2016", "UTC", "impossible"),
        ("March 26, 2017 01:30", "Europe/London", "DST"),
        ("Oct 29, 2017 01:30", "Europe/London", "DST"),
        ("2 hours ago", "UTC", "unparseable"),
        ("yesterday", "UTC", "unparseable"),
        ("The letter, dated December 15, was released", "UTC", "unparseable"),
    ],
)
def test_parse_date_gives_none_and_warning_when_unsure(text: str, zone: str, reason: str) -> None:
    value, warning = parse_date(text, zone)
    assert value is None
    assert warning is not None and reason in warning


def test_naive_time_takes_outlet_zone() -> None:
    value, _ = parse_date("Nov 21, 2016 09:17am", "Asia/Karachi")
    assert value is not None and value.isoformat() == "2016-11-21T09:17:00+05:00"


@pytest.mark.parametrize(
    ("line", "start", "expected_utc"),
    [
        ("dazel21Sep. 16, 13 7:07 PM", 7, _utc(2013, 9, 16, 19, 7)),
        ("KH Nov 21, 2016 09:58am", 3, _utc(2016, 11, 21, 9, 58)),
        ("By JON ROGERS PUBLISHED: 21:16, Fri, Dec 23, 2016", 25, _utc(2016, 12, 23, 21, 16)),
    ],
)
def test_search_date_finds_dates_inside_lines(
    line: str, start: int, expected_utc: datetime
) -> None:
    found = search_date(line, "UTC")
    assert found is not None
    assert found.start == start and found.end == len(line)
    assert found.value == expected_utc


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Tue, December 13, 2016", True),
        ("Published Nov 21, 2016 09:17am", True),
        ("Mon, January 2, 2017", True),
        ("The vote passed by 31 to 12 on January 2, 2017 after a debate.", False),
        ("Should we now think as, 2 super power on our side?", False),
        ("March 3, 2018 / 2:14 PM / Updated 5 hours ago", True),
        ("Updated 2 hours ago", False),
        ("March 3, 2018 at 4:05 PM ET", True),
    ],
)
def test_is_date_line_only_accepts_lines_that_are_dates(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected
