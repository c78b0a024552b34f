"""People and quotes of the two real dumps (read from /work/shared/seeds, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

from articles.parsing.decode import read_dump
from articles.parsing.extract import ExtractionSettings, extract_text
from articles.parsing.outlets import DEFAULT_OUTLETS
from articles.parsing.records import ArticleRecord
from tests.conftest import SEEDS

EXPRESS = SEEDS / "000_6423f21f81acd8c4.txt"
DAWN = SEEDS / "001_016d1ee2c56f875c.txt"


def _extract(path: Path) -> ArticleRecord:
    settings = ExtractionSettings(outlets=DEFAULT_OUTLETS)
    return extract_text(read_dump(path), source=str(path), settings=settings)


@pytest.fixture(scope="module")
def express() -> ArticleRecord:
    return _extract(EXPRESS)


@pytest.fixture(scope="module")
def dawn() -> ArticleRecord:
    return _extract(DAWN)


def test_express_people_are_putin_and_trump_not_the_author(express: ArticleRecord) -> None:
    names = [p.name for p in express.persons]
    assert names == ["Vladimir Putin", "Donald Trump"]
    counts = {p.name: p.mentions for p in express.persons}
    # every form counts: Mr Putin, Russian President Vladimir Putin, V Putin, Trump's...
    assert counts["Vladimir Putin"] >= 8 and counts["Donald Trump"] >= 5


def test_express_quotes_have_the_listed_speakers(express: ArticleRecord) -> None:
    got = [(q.speaker, q.text.split()[:3]) for q in express.quotes]
    assert got == [
        ("Vladimir Putin", ["Serious", "global", "and"]),
        ("Vladimir Putin", ["Please", "accept", "my"]),
        ("Donald Trump", ["A", "very", "nice"]),
        ("Vladimir Putin", ["Of", "course", "the"]),
        ("Vladimir Putin", ["Nobody", "believed", "he"]),
    ]


def test_express_two_paragraph_quotes_are_single_quotes(express: ArticleRecord) -> None:
    written, _, _, missiles, _ = express.quotes
    assert written.cue == "wrote" and written.text.count("\n\n") == 1
    assert written.text.endswith("qualitatively new level.")
    assert missiles.text.count("\n\n") == 1 and missiles.text.endswith("armed forces in general.")


def test_express_fragments_and_pull_quote_are_not_quotes(express: ArticleRecord) -> None:
    texts = [q.text for q in express.quotes]
    for fragment in ("so correct", "restore", "V Putin", "strengthen"):
        assert fragment not in texts
    assert not any(t.startswith("greatly") for t in texts)
    assert (
        sum(t.startswith("I hope that after you assume") or "\n\nI hope" in t for t in texts) == 1
    )


def test_dawn_people_exclude_names_only_in_comments(dawn: ArticleRecord) -> None:
    assert [p.name for p in dawn.persons] == ["Vladimir Putin", "Donald Trump", "Barack Obama"]


def test_dawn_quotes_all_belong_to_putin(dawn: ArticleRecord) -> None:
    got = [(q.speaker, " ".join(q.text.split()[:4])) for q in dawn.quotes]
    assert got == [
        ("Vladimir Putin", "The President-elect confirmed he"),
        ("Vladimir Putin", "for the years of"),
        ("Vladimir Putin", "I told him that"),
    ]
