from __future__ import annotations

import pytest

from articles.parsing.outlets import DEFAULT_OUTLETS, domain_of, identify_outlet
from articles.parsing.records import OutletProfile

NORTHWIND = OutletProfile(
    name="Northwind Herald",
    domains=("northwindherald.com",),
    time_zone="America/Chicago",
    signatures=("Northwind Herald members get ad-free reading",),
)
OUTLETS = (*DEFAULT_OUTLETS, NORTHWIND)


@pytest.mark.parametrize(
    ("url", "name", "domain", "zone"),
    [
        (
            "http://www.express.co.uk/news/world/1/x",
            "Daily Express",
            "express.co.uk",
            "Europe/London",
        ),
        ("https://www.dawn.com/news/1297", "Dawn", "dawn.com", "Asia/Karachi"),
        ("https://epaper.dawn.com/x", "Dawn", "dawn.com", "Asia/Karachi"),
        (
            "https://northwindherald.com/a",
            "Northwind Herald",
            "northwindherald.com",
            "America/Chicago",
        ),
    ],
)
def test_known_domain_gives_that_outlet(url: str, name: str, domain: str, zone: str) -> None:
    guess, warnings = identify_outlet(url, [], OUTLETS)
    assert guess is not None
    assert (guess.name, guess.domain, guess.time_zone) == (name, domain, zone)
    assert warnings == []


def test_unknown_domain_is_named_after_the_bare_domain() -> None:
    guess, warnings = identify_outlet("https://www.northwind-herald.com/x", [], OUTLETS)
    assert guess is not None
    assert (guess.name, guess.domain, guess.time_zone) == (
        "northwind-herald.com",
        "northwind-herald.com",
        None,
    )
    assert warnings and "unknown outlet" in warnings[0]


def test_signature_lines_identify_outlet_without_url() -> None:
    lines = ["", "Alert Sign Dear reader, please switch browsers", "Headline"]
    guess, warnings = identify_outlet(None, lines, OUTLETS)
    assert guess is not None and guess.name == "Dawn" and guess.time_zone == "Asia/Karachi"
    assert warnings == []


def test_no_url_and_no_signature_gives_unknown_with_warning() -> None:
    guess, warnings = identify_outlet(None, ["Some headline", "Some text."], OUTLETS)
    assert guess is not None and guess.name == "Unknown"
    assert warnings


@pytest.mark.parametrize(
    ("url", "lines"),
    [
        ("http://www.express.co.uk/news/1", []),
        (None, ["Alert Sign Dear reader, please switch browsers"]),
        (None, []),
    ],
)
def test_forced_outlet_always_wins_and_gets_registry_zone(
    url: str | None, lines: list[str]
) -> None:
    guess, warnings = identify_outlet(url, lines, OUTLETS, forced_outlet="northwind herald")
    assert guess is not None
    assert (guess.name, guess.time_zone) == ("Northwind Herald", "America/Chicago")
    assert warnings == []


def test_forced_outlet_not_in_registry_keeps_its_name_and_warns() -> None:
    guess, warnings = identify_outlet(
        "http://www.express.co.uk/n/1", [], OUTLETS, forced_outlet="Gazette"
    )
    assert guess is not None and guess.name == "Gazette" and guess.time_zone is None
    assert warnings


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("http://www.express.co.uk/news/1", "express.co.uk"),
        ("https://WWW.Dawn.com:443/x", "dawn.com"),
        ("not a url", None),
        (None, None),
    ],
)
def test_domain_of(url: str | None, domain: str | None) -> None:
    assert domain_of(url) == domain


@pytest.mark.parametrize(
    "signature_line",
    [
        "Northwind Herald members get ad-free reading",
        "  northwind   HERALD members\tget ad-free reading today",  # case and spacing differ
        "Northwind Herald members get ad-free reading " + "and more " * 60,  # long line
    ],
)
def test_signature_lines_match_after_long_lines_and_odd_spacing(signature_line: str) -> None:
    lines = ["Comment text that goes on. " * 40, "", signature_line, "Headline", "Body."]
    guess, _ = identify_outlet(None, lines, OUTLETS)
    assert guess is not None and guess.name == "Northwind Herald"


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("http://comments.harbourgazette.com/story/1", "harbourgazette.com"),
        ("https://forum.quaypost.co.uk/t/2", "quaypost.co.uk"),
        ("https://m.lanternnews.com.au/a", "lanternnews.com.au"),
        # A blog on a hosting site is its own site, not the host's.
        ("https://tidewatcher.blogspot.com/2018/11/x.html", "tidewatcher.blogspot.com"),
    ],
)
def test_subdomains_are_reduced_to_the_registrable_site(url: str, domain: str) -> None:
    outlet, _ = identify_outlet(url, [], DEFAULT_OUTLETS)
    assert outlet.domain == domain
    assert outlet.name == domain


@pytest.mark.parametrize(
    "line",
    [
        "PORT ELLIS (Reuters) - Ferry crews walked out on Monday.",
        "Source: Xinhua Published: 2013-2-21 22:30:31",
    ],
)
def test_an_agency_credit_names_the_outlet_of_wire_copy_without_url(line: str) -> None:
    outlet, warnings = identify_outlet(None, ["Ferry strike spreads", line], DEFAULT_OUTLETS)
    assert outlet.name in {"Reuters", "Xinhua"}
    assert any("agency credit" in w for w in warnings)


def test_two_different_agency_credits_name_no_outlet() -> None:
    lines = ["MAPLE BAY (Reuters) - One thing.", "Another thing was said (AFP)."]
    outlet, _ = identify_outlet(None, lines, DEFAULT_OUTLETS)
    assert outlet.name == "Unknown"


def test_an_aggregator_page_is_credited_to_the_outlet_its_copyright_line_names() -> None:
    lines = [
        "Ferry strike spreads",
        "The strike spread on Monday.",
        "Copyright © 2020 Harbour Herald. All rights reserved. Distributed by NewsPool Media (newspool.com).",
    ]
    outlet, _ = identify_outlet("https://newspool.com/stories/1.html", lines, DEFAULT_OUTLETS)
    assert outlet.name == "Harbour Herald"


def test_a_logo_line_names_the_outlet_of_a_page_without_url() -> None:
    outlet, _ = identify_outlet(None, ["Quay Times Logo", "Ferry strike spreads"], DEFAULT_OUTLETS)
    assert outlet.name == "Quay Times"


def test_a_print_running_head_names_the_publication_on_a_mirror_site() -> None:
    lines = ["Quay Times - UK (2021-12-22)", "", "12 Wednesday December 22 2021 | the quay times"]
    outlet, _ = identify_outlet("https://epapermirror.example/view/1", lines, DEFAULT_OUTLETS)
    assert outlet.name == "The Quay Times"


def test_readers_signing_on_the_outlets_page_name_the_outlet() -> None:
    lines = [
        "Your Letters",
        "The ferry timetable is a work of fiction, and I have the receipts to prove it.",
        "Ann Bowe@Harbour Gazette Magazine",
        "Re: the lighthouse. Leave it dark and let the gulls decide.",
        "Tom Reddy@Harbour Gazette Magazine",
        "Jo Marsh, Kelby",
    ]
    guess, warnings = identify_outlet(None, lines, DEFAULT_OUTLETS)
    assert guess.name == "Harbour Gazette"  # the section word is not part of the name
    assert warnings == ["outlet 'Harbour Gazette' named by the readers' signatures"]


def test_one_signature_or_an_email_address_names_no_outlet() -> None:
    one = ["A letter about fares and the new slip.", "Ann Bowe@Harbour Gazette Magazine"]
    assert identify_outlet(None, one, DEFAULT_OUTLETS)[0].name == "Unknown"
    mails = ["Write to ann@kelby.example", "or tom@kelby.example"]
    assert identify_outlet(None, mails, DEFAULT_OUTLETS)[0].name == "Unknown"
