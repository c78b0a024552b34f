"""The two real seeds (read from ../shared/seeds) end up in the database as the doc says."""

from __future__ import annotations

from datetime import UTC, datetime

from articles.models import Article
from tests.conftest import SEEDS

EXPRESS = SEEDS / "000_6423f21f81acd8c4.txt"
DAWN = SEEDS / "001_016d1ee2c56f875c.txt"


def test_express_seed_is_stored_with_people_and_quote_speakers(run_import):
    run = run_import(str(EXPRESS))
    assert run.exit_code == 0, run.err

    article = Article.objects.get()
    assert article.outlet.name == "Daily Express"
    assert article.url.startswith("http://www.express.co.uk/news/world/747005/")
    assert article.authors == ["Jon Rogers"]
    assert article.published == datetime(2016, 12, 23, 21, 16, tzinfo=UTC)
    assert article.updated == datetime(2016, 12, 23, 21, 34, tzinfo=UTC)
    assert article.tags == ["Donald Trump", "Russia", "Vladimir Putin"]
    assert len(article.paragraphs) == 13  # standfirst + 12 article paragraphs
    assert set(article.people.values_list("name", flat=True)) == {
        "Vladimir Putin",
        "Donald Trump",
    }
    speakers = list(article.quotes.order_by("position").values_list("speaker__name", flat=True))
    assert speakers == [
        "Vladimir Putin",
        "Vladimir Putin",
        "Donald Trump",
        "Vladimir Putin",
        "Vladimir Putin",
    ]
    assert article.quote_count == 5 and article.comment_count == 0


def test_dawn_seed_is_stored_with_its_comment_threads(run_import):
    run = run_import(str(DAWN))
    assert run.exit_code == 0, run.err

    article = Article.objects.get()
    assert article.outlet.name == "Dawn" and article.url is None
    assert article.published == datetime(2016, 11, 21, 4, 17, tzinfo=UTC)
    assert set(article.people.values_list("name", flat=True)) == {
        "Vladimir Putin",
        "Donald Trump",
        "Barack Obama",
    }
    assert list(article.quotes.values_list("speaker__name", flat=True)) == ["Vladimir Putin"] * 3
    comments = list(article.comments.order_by("position"))
    assert len(comments) == 22 == article.comment_count
    assert comments[0].author is None
    assert comments[-1].posted == datetime(2016, 11, 21, 21, 53, tzinfo=UTC)
    hari = next(c for c in comments if c.author == "Hari")
    assert hari.reply_to.author == "Podmari"
    second_saeed = [c for c in comments if c.author == "M.Saeed"][1]
    assert second_saeed.reply_to.author == "KH"
    assert len(next(c for c in comments if c.author == "D HEROLD (USA)").paragraphs) == 4


def test_both_seeds_share_their_people(run_import):
    run_import(str(EXPRESS), str(DAWN))
    putin = Article.objects.first().people.get(name="Vladimir Putin")
    assert putin.articles.count() == 2
