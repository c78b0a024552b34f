"""Accuracy on the second set of layouts (issue 4): pages unlike those the parser was built on."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.parsing.label_sets import (
    FIXTURES,
    fixture_outlets,
    label_set,
    layout_scores,
    parse_fixture,
)

OUTLETS = fixture_outlets("outlets2.json")
LABELS = label_set("layouts2.json")


def _parse(name: str):
    return parse_fixture(name, OUTLETS)


def _instant(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


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
    scores = layout_scores(LABELS, OUTLETS)
    for field in ("title", "outlet", "published"):
        assert (scores[field].precision, scores[field].recall) == (1.0, 1.0), field
    for field in ("authors", "comments", "comment_replies"):
        assert scores[field].precision >= 0.95 and scores[field].recall >= 0.95, field


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
