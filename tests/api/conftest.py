"""A bigger cast for paging: 31 articles over two outlets with tied and missing dates,
quotes and comments (some undated), so every order has ties and NULLs to get right."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from articles.models import Article
from tests import factories


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
