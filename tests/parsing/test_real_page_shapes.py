"""Real-page shapes (issue 9), each written here in our own words with fictional people.

Comment threads found by their structure (no heading needed), headline traps, date and
byline shapes, and pages that used to be refused.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from articles.parsing.dates import date_from_url, search_date
from articles.parsing.layout import parse_page
from articles.parsing.outlets import DEFAULT_OUTLETS

ARTICLE = (
    "The harbour board voted on Tuesday to close the old ferry slip for repairs, a move that "
    "islanders say will cut them off for most of the winter season.\n\n"
    "The board's chair said the work could not wait any longer and promised a shuttle boat.\n\n"
)


def _parse(text: str, explain: dict | None = None):
    return parse_page(text, source="x.txt", outlets=DEFAULT_OUTLETS, explain=explain)


def _authors(record) -> list[str | None]:
    return [c.author for c in record.comments]


# -- comment headers, no comments heading ------------------------------------------------


def test_name_slash_date_headers_make_a_thread_and_a_reply_line_links_the_reply() -> None:
    text = (
        "http://www.quaypost.example/city/2019/03/ferry_slip_to_close_for_winter/\n\n"
        "Ferry slip to close for winter\n\nPosted by Ada Finch / March 5, 2019\n\n"
        + ARTICLE
        + "Mira / March 5, 2019 at 10:15 am\n"
        "The shuttle will never run on time, mark my words.\n"
        "Tobias Lark / March 5, 2019 at 10:24 am\n"
        "About time somebody fixed that slip.\n"
        "Jon replying to a comment from Tobias Lark / March 5, 2019 at 10:34 am\n"
        "Fixed it? They have been promising that for a decade.\n"
    )
    record = _parse(text)
    assert record.title == "Ferry slip to close for winter"
    assert record.authors == ("Ada Finch",)
    assert _authors(record) == ["Mira", "Tobias Lark", "Jon"]
    assert record.comments[0].posted == datetime(2019, 3, 5, 10, 15, tzinfo=record.published.tzinfo)
    assert record.comments[2].reply_to == 1
    assert not any("shuttle will never" in p for p in record.body)


def test_a_name_line_then_a_posted_on_line_is_a_header() -> None:
    text = (
        "Council tax row\n\n" + ARTICLE + "Petra Quill\nPosted on 15 Apr 2005 1:40 pm\n\n"
        "This is a feeble defence of a tax nobody likes.\n\n"
        "Amos Reed\nPosted on 15 Apr 2005 2:05 pm\n\nI could not disagree more, frankly.\n"
    )
    record = _parse(text)
    assert _authors(record) == ["Petra Quill", "Amos Reed"]
    assert record.comments[1].posted.hour == 14


def test_numbered_says_headers_and_said_dots_headers() -> None:
    says = (
        "Slip closes\n\n"
        + ARTICLE
        + "  1. Noor says:\n\n    A fine plan on paper.\n\n  2. Ivo says:\n\n    We will see about that.\n"
    )
    said = (
        "Slip closes\n\n"
        + ARTICLE
        + "2 comments:\n\nAnonymous said...\n\nI heard the same rumour at the market.\n\nKeld Ormsby said...\n\nRumours are cheap.\n"
    )
    assert _authors(_parse(says)) == ["Noor", "Ivo"]
    assert _authors(_parse(said)) == [None, "Keld Ormsby"]


def test_name_with_place_then_a_timestamp_line_under_a_headline_is_a_comment_page() -> None:
    text = (
        "Slip closure is no crisis, says harbour chief\n\n"
        "KOFI ( Leeds )\n2018-09-24 17:51:41\n"
        "Some of you should read the whole report before shouting about the ferry.\n"
    )
    record = _parse(text)
    assert record.title == "Slip closure is no crisis, says harbour chief"
    assert _authors(record) == ["KOFI"]
    assert record.comments[0].posted.second == 41


def test_a_form_table_header_and_its_topic_line() -> None:
    text = (
        "Topic: | Board chair felt 'ambushed' at meeting | Forum Home |\n"
        "Posted by: | Wren Hollis | |\n"
        "Date/Time: | 21/11/15 14:38:00 |\n"
        "What a way to treat residents who only wanted to ask a question about the slip.\n"
    )
    record = _parse(text)
    assert record.title == "Board chair felt 'ambushed' at meeting"
    assert _authors(record) == ["Wren Hollis"]
    assert record.comments[0].posted.date() == date(2015, 11, 21)


def test_a_page_that_is_one_comment_has_no_headline_and_no_body() -> None:
    text = "Gil Amberley\nPosted on 3 May 2006 9:10 am\n\nThe board never listens to the islanders, and this proves it.\n"
    record = _parse(text)
    assert record.title == ""
    assert _authors(record) == ["Gil Amberley"]
    assert "no headline found" in record.warnings


# -- signatures and separators -------------------------------------------------------------


def test_bullet_comments_signed_after_a_dash() -> None:
    text = (
        " date 2021-12-12 A few of your comments from our page last week:\n"
        "On a story about the ferry slip closing for the winter:\n"
        "• Finally some sense from the board! —Rosa T.\n"
        "• Who pays for the shuttle? — Ben K.\n"
        "• Not before time — Idris M.\n"
    )
    record = _parse(text)
    assert _authors(record) == ["Rosa T.", "Ben K.", "Idris M."]
    assert record.comments[1].text == "Who pays for the shuttle?"
    assert record.published.date() == date(2021, 12, 12)


def test_a_letters_page_signed_with_name_and_town_lines() -> None:
    letters = [
        (
            "Sir, The ferry slip has been failing for years and the board knew it.",
            "Hal Brisk",
            "Tarnmouth, Westshire",
        ),
        (
            "Sir, Islanders deserve a shuttle that runs in all weathers, not promises.",
            "Odile Marsh",
            "Kelby Cove, Westshire",
        ),
        (
            "Sir, I have used that slip for forty years and never once seen it repaired.",
            "Frank Ibbot",
            "Lower Hale, Westshire",
        ),
    ]
    body = "\n\n".join(f"{t}\n{n}\n{p}" for t, n, p in letters)
    record = _parse("Letters to the Editor\n\n" + body + "\n")
    assert record.title == "Letters to the Editor"
    assert _authors(record) == ["Hal Brisk", "Odile Marsh", "Frank Ibbot"]
    assert record.comments[0].text.startswith("Sir, The ferry slip")


def test_letters_signed_name_comma_then_on_email() -> None:
    text = (
        "https://www.lanternweekly.example/letters/2024/03/09/slow-ferries.html\n\n"
        "Slow ferries\n\n"
        "It is time something changed about the ferry timetable, which has not moved in years.\n\n"
        "Priya Vohra,\n\nOn email.\n\n"
        "The shuttle idea is welcome but the board should publish the costs in full.\n\n"
        "Anil Desai,\n\nOn email.\n"
    )
    record = _parse(text)
    assert record.title == "Slow ferries"
    assert _authors(record) == ["Priya Vohra", "Anil Desai"]
    assert record.published.date() == date(2024, 3, 9)


def test_comments_closed_by_vote_lines_are_anonymous_and_a_closing_name_signs() -> None:
    text = (
        "Slip closes\n\n" + ARTICLE + "Login to comment\n\n"
        "The board has known about this for years.\n\n2 ( +4 / -2 )\n\n"
        "A shuttle is better than nothing, surely.\n\nHelen Marsh\n\n0 ( +1 / -1 )\n"
    )
    record = _parse(text)
    assert _authors(record) == [None, "Helen Marsh"]
    assert [c.text for c in record.comments] == [
        "The board has known about this for years.",
        "A shuttle is better than nothing, surely.",
    ]


def test_blogger_numbered_comments_closed_by_reply_delete() -> None:
    text = (
        "Results night\n\nThis thread is the place to talk about the results.\n\n3 comments:\n\n"
        "  1. The count in the north ward is running late again.\n\n    ReplyDelete\n"
        "  2. The turnout looks low to me.\n\n    Peter Eller\n\n    ReplyDelete\n"
        "  3. Congratulations to the winner!\n\n    ReplyDelete\n"
    )
    record = _parse(text)
    assert _authors(record) == [None, "Peter Eller", None]
    assert record.comments[0].text == "The count in the north ward is running late again."


# -- headlines -----------------------------------------------------------------------------


def test_the_url_slug_picks_the_headline_over_a_date_bar() -> None:
    text = (
        "https://www.quaypost.example/news/2014/08/ferry_board_still_undecided_on_slip/\n\n"
        "Sunday, October 23, 2016Overcast 12°C\n\nFerry board still undecided on slip\n\n" + ARTICLE
    )
    assert _parse(text).title == "Ferry board still undecided on slip"


@pytest.mark.parametrize(
    "trap",
    [
        "HOME >> NEWS >> TOP NEWS",
        "Dear Sir,",
        "Tag Archives: ferries",
        "Quay Post Logo",
        "Live updates",
    ],
)
def test_furniture_never_wins_the_headline(trap: str) -> None:
    record = _parse(f"{trap}\n\nFerry slip to close\n\n" + ARTICLE)
    assert record.title == "Ferry slip to close"


def test_the_site_name_glued_to_a_headline_is_removed() -> None:
    text = (
        "https://www.quaypost.example/a/1\n\nFerry slip to close - Quaypost (Quay Broadcasting)\n\n"
        + ARTICLE
    )
    assert _parse(text).title == "Ferry slip to close"


def test_a_headline_less_single_letter_is_stored_with_a_warning() -> None:
    text = "IT is a shame to see the board raise fares when islanders can least afford it.\n\nNell, via the website\n"
    record = _parse(text)
    assert record.title == ""
    assert "no headline found" in record.warnings
    assert record.body


# -- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://x.example/news/2017/07/07/slip-closes/", date(2017, 7, 7)),
        ("https://x.example/news/slip-closes-20201124-story.html", date(2020, 11, 24)),
        ("https://x.example/2019-02-03/slip.html", date(2019, 2, 3)),
        ("https://x.example/news/2014/08/slip/", None),
        ("https://x.example/p?id=20201124", None),
    ],
)
def test_dates_in_url_paths(url: str, day: date | None) -> None:
    assert date_from_url(url) == day


def test_the_url_date_is_used_when_the_text_has_none() -> None:
    record = _parse("https://x.example/2017/07/07/slip-closes/\n\nSlip closes\n\n" + ARTICLE)
    assert record.published.date() == date(2017, 7, 7)
    assert "publication date read from the URL" in record.warnings


def test_a_cue_date_inside_a_source_line_is_read() -> None:
    text = "Slip closes for winter\n\nSource:Xinhua Published: 2013-2-21 22:30:31\n\n" + ARTICLE
    published = _parse(text).published
    assert published.replace(tzinfo=None) == datetime(2013, 2, 21, 22, 30, 31)


def test_day_first_two_digit_year_numeric_dates_when_unambiguous() -> None:
    assert search_date("21/11/15 14:38:00").value.date() == date(2015, 11, 21)
    found = search_date("07/02/13 10:00")
    assert found.value is None and "ambiguous" in found.warning


# -- explain ---------------------------------------------------------------------------------


def test_explain_gives_every_line_a_role() -> None:
    text = (
        "Slip closes\n\nBy Ada Finch\n\n"
        + ARTICLE
        + "Mira / March 5, 2019 at 10:15 am\nGood.\nJo / March 5, 2019 at 10:20 am\nBad.\n"
    )
    roles: dict[int, str] = {}
    _parse(text, explain=roles)
    lines = text.split("\n")
    assert roles[0] == "headline"
    assert roles[2] == "byline/date"
    assert roles[4] == "body"
    assert roles[lines.index("Mira / March 5, 2019 at 10:15 am")].startswith("comment header")


# -- more shapes -------------------------------------------------------------------------


def test_shouted_signatures_after_a_sign_off_and_letters_starting_at_their_salutation() -> None:
    text = (
        "https://www.quaytimes.example/letters/2025/02/01/letters-on-ferries\n\n"
        "Sir, – The ferry board has handed out more posts than it has boats. – Yours, etc,\n"
        "ROISIN DALY,\n"
        "Ferry fares hit a new high as winter sets in\n"
        "Kelby,\nCo Westshire.\n"
        "Sir, – Nobody asked the islanders what they need this winter. – Yours, etc,\n"
        "CIAN O’HARE,\n"
        "Tarnmouth.\n"
    )
    record = _parse(text)
    assert _authors(record) == ["Roisin Daly", "Cian O’Hare"]
    assert record.comments[1].text.startswith("Sir, – Nobody asked")


def test_name_and_place_lines_repeated_over_text_are_comment_headers() -> None:
    text = (
        "Our most discussed stories of the year\n\nDec 20, 2017 · 71 comments\n"
        "Mo Ferrari (Kelby Cove)\nWriting to the paper is cheap therapy!\n"
        "J (Tarnmouth, WS)\nThe comments are often better than the stories, I find.\n"
    )
    record = _parse(text)
    assert _authors(record) == ["Mo Ferrari", "J"]
    assert record.published.date() == date(2017, 12, 20)


def test_at_signatures_and_multi_part_places_sign_run_together_letters() -> None:
    text = (
        "Your Letters\n"
        "When I say I live in Kelby, people ask which Kelby, and I say the good one!\n"
        "Gil Amberley@Harbour Magazine\n"
        'Best line this week: "ferry-building, fare-raising, slip-closing"\n'
        "Ralph Orme, Tarnmouth, Westshire\n"
    )
    record = _parse(text)
    assert record.title == "Your Letters"
    assert _authors(record) == ["Gil Amberley", "Ralph Orme"]


def test_a_reply_form_after_the_last_comment_ends_it() -> None:
    text = (
        "Slip closes\n\n" + ARTICLE + "One Comment on “Slip closes”\n\n"
        "  1. Brannock says:\n\n    Shared this on my own page.\n\n"
        "Leave a Reply\n\nYou are commenting using your account. Log Out / Change\n"
    )
    record = _parse(text)
    assert [c.text for c in record.comments] == ["Shared this on my own page."]


def test_one_timed_comment_after_the_body_and_a_weekday_that_settles_the_date_order() -> None:
    text = (
        "https://www.quaypost.example/?q=blog/post/201201/slip-finally-closes\n\n"
        "Opinion Corner\n\nSlip finally closes\n\n"
        + ARTICLE
        + "\nLen K.\nWed, 10/08/2008 - 12:30pm\n\nWell done, keep at it.\n"
    )
    record = _parse(text)
    assert record.title == "Slip finally closes"
    assert _authors(record) == ["Len K."]
    assert record.comments[0].posted.replace(tzinfo=None) == datetime(2008, 10, 8, 12, 30)


def test_a_byline_that_prints_no_name_still_gives_its_date() -> None:
    text = "Poll irregularities alleged\n\nWritten by on February 10, 2018\n\n" + ARTICLE
    record = _parse(text)
    assert record.authors == ()
    assert record.published.date() == date(2018, 2, 10)


def test_teaser_links_after_a_signed_letter_are_not_more_letters() -> None:
    text = (
        " date 2023-05-12 The fares rise again while the slip stays shut, and islanders pay twice for it.\n"
        "Schools on the island close early because staff cannot get across in time.\n"
        "Sana Qadir\nKelby\n"
        "Kelby has huge potential as a harbour town, but it is held back by...\n"
        "The board chair said a shuttle boat would run from next month, once the...\n"
    )
    record = _parse(text)
    assert record.comments == ()
    assert record.authors == ("Sana Qadir",)
    assert record.published.date() == date(2023, 5, 12)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Faye Hallam 8 minutes ago Tue 29th December 2020 | 12:00 AM", ("Faye Hallam",)),
        ("Adam Ferris www.quaypost.example", ("Adam Ferris",)),
        ("Posted by Ada Finch / August 28, 2014", ("Ada Finch",)),
        ("Written by on February 10, 2018", ()),
    ],
)
def test_byline_shapes(line: str, authors: tuple[str, ...]) -> None:
    record = _parse(f"Ferry slip to close\n\n{line}\n\n" + ARTICLE)
    assert record.authors == authors
    assert record.title == "Ferry slip to close"


def test_an_ordinal_day_with_a_weekday_and_a_pipe_before_the_time() -> None:
    record = _parse(
        "Ferry slip to close\n\nFaye Hallam 8 minutes ago Tue 29th December 2020 | 12:00 AM\n\n"
        + ARTICLE
    )
    assert record.published.replace(tzinfo=None) == datetime(2020, 12, 29, 0, 0)


def test_an_aired_line_dates_a_transcript_in_its_printed_zone() -> None:
    text = (
        "Return to Transcripts main page\nHarbour Hour\nInterview With the Ferry Board Chair\n"
        "Aired July 21, 2010 - 14:00 ET\n"
        "MIRA COLE, HOST, HARBOUR HOUR: Tonight, the chair of the ferry board on the slip closure and the winter shuttle.\n"
    )
    record = _parse(text)
    assert record.title == "Interview With the Ferry Board Chair"
    assert record.published.isoformat() == "2010-07-21T14:00:00-04:00"


def test_a_page_that_is_only_a_comment_thread_takes_its_heading_as_headline() -> None:
    text = (
        "User Comments\n\nnell May 27, 2021 9:10am\n\nThe shuttle is a good idea.\n\n"
        "ivo May 28, 2021 10:00am\n\nIt will never run on time.\n"
    )
    record = _parse(text)
    assert record.title == "User Comments"
    assert _authors(record) == ["nell", "ivo"]


def test_a_promo_box_with_a_call_to_action_is_not_the_headline() -> None:
    text = (
        "Got a ferry pass?\n\nYou need one to board any boat in the harbour. It is the law.\n\n"
        "Find out more\n\nLive Reporting\n\n" + ARTICLE
    )
    assert _parse(text).title != "Got a ferry pass?"


def test_a_forum_reply_page_names_its_writer_on_the_line_under_the_topic() -> None:
    text = (
        "Reply To: Harbour master resigns\n\n\nMarta Quill\n\n"
        "This is not just sad, it is a scandal. The board never listened to her once.\n"
    )
    record = _parse(text)
    assert record.title == "Reply To: Harbour master resigns"
    assert _authors(record) == ["Marta Quill"]


def test_an_index_of_story_summaries_has_no_single_headline_or_author() -> None:
    items = [
        (
            "Ferry slip to close for winter",
            "Ada Finch",
            "The harbour board voted to close the slip.",
        ),
        (
            "Shuttle boat ordered at last",
            "Ada Finch, Tom Reyes",
            "The board ordered a shuttle boat.",
        ),
        ("Fares rise for the third year", "Tom Reyes", "Islanders will pay more from January."),
    ]
    text = "\n\n".join(
        f"{title}\n\nOriginal article by {names}\nThe Quay Post – Page: 7 : 26-Nov-24\n\n{lead} "
        * 1
        + "More follows in the full story for subscribers."
        for title, names, lead in items
    )
    record = _parse(text)
    assert record.title == ""
    assert record.authors == ()
    assert any(w.startswith("index page") for w in record.warnings)


def test_transcript_speaker_label_lines_stay_in_the_body() -> None:
    text = (
        "Harbour Hour interview\n\nNell Orme:\n\nWelcome to the programme, it is good to have you.\n\n"
        "Tomas Weir:\n\nThanks, it is good to be here to talk about the ferry slip.\n"
    )
    record = _parse(text)
    assert "Tomas Weir:" in record.body


def test_a_last_paragraph_cut_off_mid_sentence_is_still_body() -> None:
    text = (
        "Ferry slip to close\n\n"
        + ARTICLE
        + (
            "But the harbour chief said in Kelby, where he is visiting the yards this week, that the slip would"
        )
    )
    record = _parse(text)
    assert record.body[-1].startswith("But the harbour chief said in Kelby")


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Posted on 07/16/2018", datetime(2018, 7, 16)),
        ("| Friday, July 7, 2017", datetime(2017, 7, 7)),
        ("Sep 09, 2016 · 733 comments", datetime(2016, 9, 9)),
        ("26-Nov-24", datetime(2024, 11, 26)),
        ("Tue 29th December 2020 | 12:00 AM", datetime(2020, 12, 29, 0, 0)),
        ("25 Sep 2016, 09:35:34 PM", datetime(2016, 9, 25, 21, 35, 34)),
        ("Wednesday December 22 2021", datetime(2021, 12, 22)),
        ("Wed, 10/08/2008 - 12:30pm", datetime(2008, 10, 8, 12, 30)),
    ],
)
def test_printed_date_shapes(printed: str, expected: datetime) -> None:
    found = search_date(printed, "UTC")
    assert found.value.replace(tzinfo=None) == expected


def test_a_date_line_of_those_shapes_dates_the_article() -> None:
    record = _parse("Ferry slip to close\n\nSep 09, 2016 · 733 comments\n\n" + ARTICLE)
    assert record.published.date() == date(2016, 9, 9)


def test_the_outlets_own_name_and_a_comments_heading_are_not_headlines() -> None:
    text = (
        "Daily Express\n\nFerry slip to close\n\n"
        + ARTICLE
        + "Comments (2)\n\nAl Bo Mar 5, 2019 10:15am\n\nFine.\n\nCy Do Mar 5, 2019 10:20am\n\nNot fine.\n"
    )
    record = _parse(text)
    assert record.title == "Ferry slip to close"
    assert len(record.comments) == 2


def test_lines_introducing_groups_of_comments_are_the_pages_own_text() -> None:
    text = (
        " date 2021-12-12 A selection of your comments from our page last week:\n"
        "On a story about the ferry slip closing for the winter:\n"
        "• Finally some sense from the board! —Rosa T.\n"
        "• Who pays for the shuttle? — Ben K.\n"
        "On a story about Mayor Helen Quarry opening the new quay:\n"
        "• About time too — Idris M.\n"
    )
    record = _parse(text)
    assert "On a story about Mayor Helen Quarry opening the new quay:" in record.body
    assert len(record.comments) == 3


def test_a_broadcasters_reporter_sign_off_names_the_author() -> None:
    text = (
        "Governor backs mayor in race\n\n"
        "With three weeks to go, the governor finally gave her endorsement this morning. "
        "Harbour Radio’s Ada Finch was there.\n\n" + ARTICLE
    )
    assert _parse(text).authors == ("Ada Finch",)
