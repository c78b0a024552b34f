"""Accuracy on the second set of layouts (issue 4): pages unlike those the parser was built on."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from articles.parsing.decode import read_dump
from articles.parsing.layout import parse_page
from articles.parsing.outlets import DEFAULT_OUTLETS
from articles.parsing.records import OutletProfile

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OUTLETS = DEFAULT_OUTLETS + tuple(
    OutletProfile(
        name=o["name"],
        domains=tuple(o["domains"]),
        time_zone=o["time_zone"],
        signatures=tuple(o["signatures"]),
    )
    for o in json.loads((FIXTURES / "outlets2.json").read_text(encoding="utf-8"))
)
LABELS = json.loads((FIXTURES / "labels" / "layouts2.json").read_text(encoding="utf-8"))


def _parse(name: str):
    path = FIXTURES / "dumps" / name
    return parse_page(read_dump(path), source=str(path), outlets=OUTLETS)


def _instant(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _starts(text: str) -> str:
    return " ".join(text.split()[:6])


def test_every_second_set_fixture_has_a_label() -> None:
    files = {f"layouts2/{p.name}" for p in (FIXTURES / "dumps" / "layouts2").glob("*.txt")}
    assert files == {label["file"] for label in LABELS}
    assert len(files) >= 6


@pytest.mark.parametrize("label", LABELS, ids=lambda label: label["file"])
def test_second_set_fixture_matches_its_header_labels(label: dict) -> None:
    record = _parse(label["file"])
    assert record.title == label["title"]
    assert record.outlet is not None and record.outlet.name == label["outlet"]
    assert record.published == _instant(label["published"])
    assert record.published.utcoffset() == _instant(label["published"]).utcoffset()
    assert list(record.authors) == label["authors"]


def test_second_set_accuracy_meets_targets() -> None:
    """Title/outlet/published must be perfect; authors and comments at least 95%."""
    hits = {"title": 0, "outlet": 0, "published": 0, "authors": 0}
    comment_hits = comment_total = 0
    for label in LABELS:
        record = _parse(label["file"])
        hits["title"] += record.title == label["title"]
        hits["outlet"] += record.outlet is not None and record.outlet.name == label["outlet"]
        hits["published"] += record.published == _instant(label["published"])
        hits["authors"] += list(record.authors) == label["authors"]
        expected = label["comments"]
        comment_total += max(len(expected), len(record.comments))  # extras count as misses
        for want, got in zip(expected, record.comments, strict=False):
            reply_author = (
                record.comments[got.reply_to].author if got.reply_to is not None else None
            )
            comment_hits += (
                got.author == want["author"]
                and got.posted == _instant(want["posted"])
                and _starts(got.text) == want["starts"]
                and reply_author == want["reply_to"]
            )
    total = len(LABELS)
    assert hits["title"] == hits["outlet"] == hits["published"] == total
    assert hits["authors"] / total >= 0.95
    assert comment_hits / comment_total >= 0.95


@pytest.mark.parametrize(
    ("name", "comment"),
    [
        ("layouts2/numbered_posts_numeric_dates.txt", 3),
        ("layouts2/wrote_blocks_posted_after.txt", 3),
    ],
)
def test_an_ambiguous_numeric_comment_date_is_left_empty_with_a_warning(
    name: str, comment: int
) -> None:
    record = _parse(name)
    assert record.comments[comment - 1].posted is None
    assert any(
        w.startswith(f"comment {comment}: ambiguous day/month order") for w in record.warnings
    )
