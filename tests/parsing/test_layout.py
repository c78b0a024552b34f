from __future__ import annotations

from datetime import datetime

import pytest

from articles.parsing.decode import read_dump
from articles.parsing.layout import parse_page
from articles.parsing.records import ExtractionError
from tests.parsing.label_sets import (
    FIXTURES,
    fixture_outlets,
    label_set,
    layout_scores,
    parse_fixture,
)

OUTLETS = fixture_outlets("outlets.json")
LABELS = label_set("layouts.json")


def _parse(name: str):
    return parse_fixture(name, OUTLETS)


def test_every_layout_fixture_has_a_label() -> None:
    files = {f"layouts/{p.name}" for p in (FIXTURES / "dumps" / "layouts").glob("*.txt")}
    assert files == {label["file"] for label in LABELS}
    assert len(files) >= 10


@pytest.mark.parametrize("label", LABELS, ids=lambda label: label["file"])
def test_layout_fixture_matches_labels(label: dict) -> None:
    record = _parse(label["file"])
    assert record.title == label["title"]
    assert record.outlet is not None and record.outlet.name == label["outlet"]
    assert record.published == datetime.fromisoformat(label["published"])
    assert record.published.utcoffset() == datetime.fromisoformat(label["published"]).utcoffset()
    assert list(record.authors) == label["authors"]


def test_labelled_set_accuracy_meets_targets() -> None:
    """Title/outlet/published must be perfect; authors and comments at least 95%."""
    scores = layout_scores(LABELS, OUTLETS)
    for field in ("title", "outlet", "published"):
        assert (scores[field].precision, scores[field].recall) == (1.0, 1.0), field
    for field in ("authors", "comments", "comment_replies"):
        assert scores[field].precision >= 0.95 and scores[field].recall >= 0.95, field


@pytest.mark.parametrize(
    ("name", "absent"),
    [
        ("layouts/express_like_headline.txt", "A tram at the Eastmoor depot in 2015"),
        ("layouts/express_like_headline.txt", "Bus fares to rise for the third year in a row..."),
        ("layouts/express_like_headline.txt", "Mon, January 2, 2017"),
        ("layouts/express_like_headline.txt", "RELATED ARTICLES"),
        ("layouts/express_like_headline.txt", "- Tram drivers vote to accept pay offer"),
        ("layouts/dawn_like_comments.txt", "Your Name:"),
        ("layouts/wire_agency_byline.txt", "Advertisement"),
        ("layouts/wire_agency_byline.txt", "Share this article"),
        ("layouts/wire_agency_byline.txt", "Dockworkers wait at the northern quay in Valdemar"),
        (
            "layouts/crlf_wire_explicit_zone.txt",
            "Copyright 2016 The Associated Press. All rights reserved.",
        ),
        ("layouts/letters_page_signed.txt", "Margaret Hale, Lowfield"),
    ],
)
def test_page_furniture_stays_out_of_the_body(name: str, absent: str) -> None:
    body = _parse(name).body
    assert all(absent.lstrip("#- ") not in paragraph for paragraph in body)


def test_pull_quote_is_dropped_but_its_full_paragraph_kept() -> None:
    body = _parse("layouts/express_like_headline.txt").body
    matching = [p for p in body if "cheapest option is not always" in p]
    assert len(matching) == 1 and matching[0].startswith('"The cheapest option')


def test_glued_tag_line_is_split_on_names_seen_in_the_article() -> None:
    record = _parse("layouts/express_like_headline.txt")
    assert record.tags == ("Transport", "Colin Ashdown", "Eastmoor")
    assert record.authors == ("Priya McDonald",)
    assert record.updated is not None and record.updated.isoformat() == "2017-01-09T09:40:00+00:00"


@pytest.mark.parametrize(
    ("name", "tags"),
    [
        ("layouts/bom_utf8_two_authors.txt", ("Reef", "Marine science", "Climate")),
        ("layouts/pipe_byline_day_month_comments.txt", ("Heritage", "Mills", "Museums")),
        ("layouts/wire_agency_byline.txt", ()),
        ("layouts/letters_page_signed.txt", ()),
    ],
)
def test_tag_lines_in_other_shapes(name: str, tags: tuple[str, ...]) -> None:
    assert _parse(name).tags == tags


def test_standfirst_before_byline_opens_the_body() -> None:
    record = _parse("layouts/pipe_byline_says_comments.txt")
    assert record.standfirst is not None and record.standfirst.startswith(
        "The Victorian reading room"
    )
    assert record.body[0] == record.standfirst
    assert record.comments_declared == 3 and len(record.comments) == 3


def test_unknown_domain_outlet_warns_about_time_zone() -> None:
    record = _parse("layouts/letters_page_signed.txt")
    assert record.outlet is not None and record.outlet.name == "northwind-herald.com"
    assert any("unknown outlet domain" in w for w in record.warnings)


def test_forced_outlet_wins_over_url() -> None:
    path = FIXTURES / "dumps" / "layouts" / "wire_agency_byline.txt"
    record = parse_page(
        read_dump(path), source="x", outlets=OUTLETS, forced_outlet="Harrow Gazette"
    )
    assert record.outlet is not None and record.outlet.name == "Harrow Gazette"
    assert (
        record.published is not None and record.published.isoformat() == "2017-03-16T20:55:00+00:00"
    )


@pytest.mark.parametrize(
    "text",
    [
        (FIXTURES / "dumps" / "bad" / "not_an_article.txt").read_text(encoding="utf-8"),
        "Just one line",
        "## A headline\n\nToo short.",
        "Home\n\nNews\n\nSport\n\nContact us",
    ],
)
def test_non_articles_raise_extraction_error(text: str) -> None:
    with pytest.raises(ExtractionError, match="not an article"):
        parse_page(text, source="x", outlets=OUTLETS)


def test_missing_date_gives_warning_not_a_guess() -> None:
    text = (
        "## Storm closes harbour\n\nBy Ada Finch\n\n"
        + "The harbour closed today after the storm. " * 8
    )
    record = parse_page(text, source="x", outlets=OUTLETS)
    assert record.published is None
    assert "no publication date found" in record.warnings
    assert record.authors == ("Ada Finch",)


# Issue 4: a date line further down the page (related-article noise) used to be read as the
# end of the byline block, so the body was taken from below it and the real paragraphs lost.
_STRAY_DATE_PAGE = """https://www.harrowgazette.example/news/4410/Ferry-fares-frozen

## FARES FROZEN: Island ferry tickets held at last year's price

COMMUTERS welcomed the decision after a winter of cancelled crossings.

{byline}

Harbour master Tilda Vance on the slipway at Orrin

{body}

Sat, June 3, 2017

•

RELATED ARTICLES

Vance warned the timetable could change again...

## **Related articles**

- Ferry crews to vote on new rota
"""
_FARE_PARAGRAPHS = (
    "The island council said on Tuesday that ferry tickets would cost the same as last year "
    "after a winter in which one crossing in five was cancelled.",
    "Harbour master Tilda Vance said the operator had agreed to the freeze in return for a "
    "longer contract, which councillors will vote on next month.",
    "Passengers who bought season tickets before the announcement will be refunded the "
    "difference, the council added.",
)


@pytest.mark.parametrize(
    ("byline", "paragraphs", "published"),
    [
        ("By <u>ODILE MARSH</u> PUBLISHED: 08:15, Mon, Jun 12, 2017", 3, "2017-06-12T08:15"),
        (
            "By <u>ODILE MARSH</u> PUBLISHED: 08:15, Mon, Jun 12, 2017 | UPDATED: 10:02, "
            "Mon, Jun 12, 2017",
            2,
            "2017-06-12T08:15",
        ),
        ("By Odile Marsh | Published June 12, 2017", 1, "2017-06-12T00:00"),
        ("By Odile Marsh", 3, None),  # no date of its own: the stray one must not stand in
    ],
)
def test_stray_date_line_after_the_body_is_not_the_byline_date(
    byline: str, paragraphs: int, published: str | None
) -> None:
    body = "\n\n".join(_FARE_PARAGRAPHS[:paragraphs])
    text = _STRAY_DATE_PAGE.format(byline=byline, body=body)
    record = parse_page(text, source="x", outlets=OUTLETS)
    assert record.authors == ("Odile Marsh",)
    got = (
        record.published.replace(tzinfo=None).isoformat(timespec="minutes")
        if record.published
        else None
    )
    assert got == published
    assert record.body[1 : 1 + paragraphs] == _FARE_PARAGRAPHS[:paragraphs]
    assert not any("June 3" in p or "RELATED" in p for p in record.body)
