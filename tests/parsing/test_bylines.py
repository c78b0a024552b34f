from __future__ import annotations

import pytest

from articles.parsing.bylines import normalise_name, parse_byline, parse_credit_footer


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By <u>JON ROGERS</u> PUBLISHED: 21:16, Fri, Dec 23, 2016", ("Jon Rogers",)),
        ("By Mara Quillon | Published 16 March 2017", ("Mara Quillon",)),
        ("By Ada Finch and Tomas Reyes", ("Ada Finch", "Tomas Reyes")),
        (
            "By ADA FINCH, TOMAS REYES and SEAN O'BRIEN",
            ("Ada Finch", "Tomas Reyes", "Sean O'Brien"),
        ),
        ("Lena Ostrova, Reuters", ("Lena Ostrova",)),
        ("By Sam Okafor, Associated Press", ("Sam Okafor",)),
        ("By Jane Doe, Political Editor", ("Jane Doe",)),
        ("By Jane Doe in Valdemar", ("Jane Doe",)),
        ("Posted by Theo Marsh", ("Theo Marsh",)),
        ("By KEVIN MCDONALD, Daily Lantern", ("Kevin McDonald",)),
        (
            "By Dana Whitcombe, Luis Ferreira and Mei Tanaka",
            ("Dana Whitcombe", "Luis Ferreira", "Mei Tanaka"),
        ),
        ("Ingrid Solberg | Published: 3 March 2018, 18:40", ("Ingrid Solberg",)),
        ("By Reuters", ()),
        ("By staff reporter", ()),
    ],
)
def test_parse_byline_finds_authors(line: str, authors: tuple[str, ...]) -> None:
    byline = parse_byline(line, outlet_names=["Daily Lantern"])
    assert byline is not None
    assert byline.authors == authors


@pytest.mark.parametrize(
    "line",
    [
        "By the way, this is not a byline at all.",
        "By 2020 the city will have grown by a third.",
        "Published Nov 21, 2016 09:17am",
        "Harbour commissioner Ilse Brandt said the deal would reopen the quay.",
    ],
)
def test_parse_byline_rejects_other_lines(line: str) -> None:
    assert parse_byline(line) is None


def test_byline_rest_keeps_the_dates() -> None:
    byline = parse_byline(
        "By <u>JON ROGERS</u> PUBLISHED: 21:16, Fri, Dec 23, 2016 | UPDATED: 21:34"
    )
    assert byline is not None and byline.rest.startswith("PUBLISHED: 21:16")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("JON ROGERS", "Jon Rogers"),
        ("PRIYA MCDONALD", "Priya McDonald"),
        ("SEAN O'BRIEN", "Sean O'Brien"),
        ("JOHN O’BRIEN-HALE", "John O’Brien-Hale"),
        ("ANNA-MARIA DE LUCA", "Anna-Maria De Luca"),
        ("Kevin McDonald", "Kevin McDonald"),
        ("danah boyd", "danah boyd"),
    ],
)
def test_normalise_name_title_cases_only_shouted_names(name: str, expected: str) -> None:
    assert normalise_name(name) == expected


@pytest.mark.parametrize(
    ("line", "outlets", "authors"),
    [
        ("Mira Sol | Harbour Ledger", ["Harbour Ledger"], ("Mira Sol",)),
        (
            "Mira Sol for the harbour ledger",
            ["Harbour Ledger", "the Harbour Ledger"],
            ("Mira Sol",),
        ),
        ("<b>Mira Sol</b>, AFP", [], ("Mira Sol",)),
    ],
)
def test_credit_lines_end_with_an_agency_or_a_listed_outlet(
    line: str, outlets: list[str], authors: tuple[str, ...]
) -> None:
    byline = parse_byline(line, outlet_names=outlets)
    assert byline is not None and byline.authors == authors


@pytest.mark.parametrize(
    "line",
    ["Mira Sol, Harbour Ledger", "Mira Sol, Harbour Ledger Weekly", "Mira Sol, Reuters report."],
)
def test_credit_lines_naming_unknown_outlets_are_not_bylines(line: str) -> None:
    assert parse_byline(line, outlet_names=["Tide Times"]) is None


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("(Reporting by Ana Ruiz and Li Wei; Editing by Tom Hale)", ("Ana Ruiz", "Li Wei")),
        (
            "Reporting by Lena Ostrova; Writing by Jo Park; Editing by Tomas Weir",
            ("Lena Ostrova", "Jo Park"),
        ),
        ("(Additional reporting by Ana Ruiz; Editing by Tom Hale)", ()),
        ("(Editing by Tom Hale)", ()),
        ("Reporting on the talks took three weeks.", ()),
    ],
)
def test_credit_footer_names_reporters_not_editors(line: str, authors: tuple[str, ...]) -> None:
    assert parse_credit_footer(line) == authors


@pytest.mark.parametrize("line", ["World | 3 March 2018", "Devon & Cornwall | 3 March 2018"])
def test_a_section_label_before_a_date_is_not_a_byline(line: str) -> None:
    assert parse_byline(line) is None
