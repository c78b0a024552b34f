"""The two real dumps (read from /work/shared/seeds, never copied) give what the docs list."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from articles.parsing.decode import read_dump
from articles.parsing.layout import parse_page
from articles.parsing.outlets import DEFAULT_OUTLETS
from articles.parsing.records import ArticleRecord
from tests.conftest import SEEDS

EXPRESS = SEEDS / "000_6423f21f81acd8c4.txt"
DAWN = SEEDS / "001_016d1ee2c56f875c.txt"


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.fixture(scope="module")
def express() -> ArticleRecord:
    return parse_page(read_dump(EXPRESS), source=str(EXPRESS), outlets=DEFAULT_OUTLETS)


@pytest.fixture(scope="module")
def dawn() -> ArticleRecord:
    return parse_page(read_dump(DAWN), source=str(DAWN), outlets=DEFAULT_OUTLETS)


def test_express_header_fields(express: ArticleRecord) -> None:
    assert express.url is not None and express.url.startswith(
        "http://www.express.co.uk/news/world/747005/"
    )
    assert express.outlet is not None and express.outlet.name == "Daily Express"
    assert express.title == (
        "NEW WORLD ORDER? Vladimir Putin wants to 'restore' relations with Donald Trump's America"
    )
    assert express.authors == ("Jon Rogers",)
    assert express.published == _utc(2016, 12, 23, 21, 16)
    assert express.updated == _utc(2016, 12, 23, 21, 34)
    assert express.tags == ("Donald Trump", "Russia", "Vladimir Putin")
    assert express.comments == () and express.comments_declared is None


def test_express_body_is_standfirst_then_twelve_paragraphs(express: ArticleRecord) -> None:
    assert express.standfirst is not None and express.standfirst.startswith("RUSSIAN President")
    assert len(express.body) == 13
    assert express.body[0] == express.standfirst
    assert express.body[1].startswith("The letter, dated December 15")
    assert express.body[-1].endswith('except for us."')


@pytest.mark.parametrize(
    "furniture",
    ["RELATED", "•", "...", "Tue, December 13, 2016", "TrumpRussia", "## ", "speaking at a"],
)
def test_express_body_has_no_furniture(express: ArticleRecord, furniture: str) -> None:
    assert not any(furniture in paragraph for paragraph in express.body)


def test_express_pull_quote_appears_once(express: ArticleRecord) -> None:
    assert sum(p.startswith('"I hope that after you assume') for p in express.body) == 1
    assert not any(p.startswith("I hope that after you assume") for p in express.body)


def test_dawn_header_fields(dawn: ArticleRecord) -> None:
    assert dawn.url is None
    assert dawn.outlet is not None and dawn.outlet.name == "Dawn"
    assert dawn.title == "Russian President Putin says Trump confirmed willing to mend ties"
    assert dawn.published == _utc(2016, 11, 21, 4, 17)
    assert dawn.published.isoformat() == "2016-11-21T09:17:00+05:00"
    assert dawn.authors == ()
    assert dawn.standfirst is None and dawn.tags == ()


def test_dawn_body_is_five_paragraphs_without_notices(dawn: ArticleRecord) -> None:
    assert len(dawn.body) == 5
    assert not any(p[-1:] == ":" or "Alert Sign" in p for p in dawn.body)


def test_dawn_comments_count_order_and_authors(dawn: ArticleRecord) -> None:
    comments = dawn.comments
    assert len(comments) == 22 and dawn.comments_declared == 22
    assert not any("declares" in w for w in dawn.warnings)
    assert comments[0].author is None
    assert comments[0].posted == _utc(2016, 11, 21, 4, 47)
    authors = [c.author for c in comments]
    for name in ("Asif A. Shah", "D HEROLD (USA)", "AzAd kAshMir", "Alinabi-USA"):
        assert name in authors
    assert authors.count("M.Saeed") == 2
    assert comments[-1].author == "aussie"
    assert comments[-1].posted is not None
    assert comments[-1].posted.isoformat() == "2016-11-22T02:53:00+05:00"
    times = [c.posted for c in comments]
    assert all(t is not None for t in times) and times == sorted(times)


def test_dawn_multi_paragraph_comments(dawn: ArticleRecord) -> None:
    by_author = {c.author: c for c in dawn.comments}
    assert by_author["D HEROLD (USA)"].text.count("\n\n") == 3
    assert by_author["aussie"].text.count("\n\n") == 1


def test_dawn_reply_links(dawn: ArticleRecord) -> None:
    comments = dawn.comments
    hari = next(c for c in comments if c.author == "Hari")
    assert hari.reply_to is not None and comments[hari.reply_to].author == "Podmari"
    saeed = [c for c in comments if c.author == "M.Saeed"]
    assert saeed[0].reply_to is None
    assert saeed[1].reply_to is not None and comments[saeed[1].reply_to].author == "KH"
    replies = [c for c in comments if c.reply_to is not None]
    assert len(replies) == 2
