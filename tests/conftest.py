"""Shared fixtures. The cast:

- outlets: `gazette` = Harbour Gazette (Europe/London),
  `courier` = Valley Courier (America/New_York)
- people: `amelia` = Amelia Stone (prime minister), `ben` = Ben Okafor (mayor),
  `clara` = Clara Stone (economist; shares Amelia's surname, never merged with her)
- `harbour_article`: a Gazette article (Nov 2016) mentioning Amelia and Ben, quoting Amelia,
  with a thread: Dana's comment, Eli's reply to it, and a hidden comment by a spammer.
- `archive`: the harbour article plus 30 "Ferry report N" articles over both outlets with
  tied and missing dates, quotes and comments (some undated), so every list order has ties
  and NULLs to get right (the API and the pages' keyset paging, #15).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from articles.models import Article
from tests import factories

REPO = Path(__file__).resolve().parents[1]
# The real seed dumps stay outside the project (../shared/seeds); NEWSARCHIVE_SEEDS overrides.
SEEDS = Path(os.environ.get("NEWSARCHIVE_SEEDS", REPO.parent / "shared" / "seeds"))
FIXTURES = REPO / "tests" / "fixtures"


def pytest_sessionstart(session):
    if not SEEDS.is_dir():
        raise pytest.UsageError(
            f"The seed dumps are missing: {SEEDS} (expected ../shared/seeds next to the "
            "project; set NEWSARCHIVE_SEEDS to their folder)."
        )


def pytest_collection_modifyitems(config, items):
    """The plan tests (`plans` marker: EXPLAIN on tiny tables) run first, on the test
    database as pytest-django just made it. PostgreSQL's plans for a few dozen rows follow
    the tables' physical size and statistics, which the tests before them change: rolled
    back rows leave dead space, committed imports get analysed by autovacuum. Run first,
    they see what they see run alone, on every run."""
    items.sort(key=lambda item: item.get_closest_marker("plans") is None)  # stable


@pytest.fixture
def gazette(db):
    return factories.make_outlet(
        "Harbour Gazette", time_zone="Europe/London", domains=["harbourgazette.com"]
    )


@pytest.fixture
def courier(db):
    return factories.make_outlet(
        "Valley Courier", time_zone="America/New_York", domains=["valleycourier.com"]
    )


@pytest.fixture
def amelia(db):
    return factories.make_person("Amelia Stone")


@pytest.fixture
def ben(db):
    return factories.make_person("Ben Okafor")


@pytest.fixture
def clara(db):
    return factories.make_person("Clara Stone")


@pytest.fixture
def harbour_article(gazette, amelia, ben):
    article = factories.make_article(
        "Stone backs harbour plan",
        outlet=gazette,
        published=datetime(2016, 11, 14, 9, 30, tzinfo=UTC),
        body="Prime Minister Amelia Stone backed the plan.\n\n"
        '"This harbour will carry the region," Stone said.',
        people={amelia: 2, ben: 1},
        authors=["Rosa Lind"],
        tags=["Harbour", "Economy"],
    )
    factories.make_quote(article, "This harbour will carry the region,", amelia, paragraph=1)
    dana = factories.make_comment(article, "Finally some good news.", author="Dana")
    factories.make_comment(article, "@Dana agreed, long overdue.", author="Eli", reply_to=dana)
    factories.make_comment(article, "BUY CHEAP WATCHES", author="Spammer", hidden=True)
    return article


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "curator", "curator@example.org", "pw-12345-long"
    )
    client.force_login(user)
    return client


@pytest.fixture
def archive(harbour_article, gazette, courier, amelia, ben, clara):
    start = datetime(2017, 1, 1, tzinfo=UTC)
    people = [amelia, ben, clara]
    for i in range(30):
        outlet = gazette if i % 3 else courier
        # pairs of articles share a time; every seventh has no date at all
        article = factories.make_article(
            f"Ferry report {i}",
            outlet=outlet,
            published=start + timedelta(days=i // 2),
            body=f"The ferry timetable changed again, report number {i}.",
            people={people[i % 3]: 1 + i % 2},
        )
        if i % 7 == 0:
            Article.objects.filter(pk=article.pk).update(published=None)
        if i % 4 == 0:
            factories.make_quote(article, f"We will run ferry {i} on time", people[i % 3])
            factories.make_quote(article, f"Second word on {i}", people[(i + 1) % 3])
        for j in range(i % 3):
            posted = None if (i + j) % 5 == 0 else start + timedelta(days=i // 4, hours=j)
            factories.make_comment(article, f"Comment {j} on {i}", author=f"R{j}", posted=posted)
    return harbour_article
