"""Indexes proven by EXPLAIN on both databases (#13): the comment list's default sort and
the outlet page's comments per month read an index, never a scan and sort of every
comment, and the monthly counts are computed natively (no Python function per row).
The kept counts (`articles.archive_counts`) are read by their keys: an outlet's months
and an outlet's people never scan the count tables."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import stats
from comments.filters import CommentFilter
from comments.models import Comment
from comments.views import listed_comments
from tests import factories
from tests.views.plans import POSTGRES, explain, explain_sql

pytestmark = pytest.mark.plans


@pytest.fixture
def undated(harbour_article):
    """The cast's thread plus a comment without a date."""
    return factories.make_comment(harbour_article, "No date.", author="Fay", posted=None)


def test_comment_list_default_sort_reads_its_index_in_order(undated):
    filterset = CommentFilter({}, queryset=listed_comments())
    page = filterset.qs[:25]

    plan = explain(page)

    if POSTGRES:
        assert "comment_visible_newest_idx" in plan, plan
        assert "Sort" not in plan, plan
    else:
        assert "comment_visible_posted_idx" in plan, plan
        assert "TEMP B-TREE" not in plan, plan
    # … and the order is the one the list promises: newest first, undated last.
    assert [c.author for c in page][-1] == "Fay"


def test_outlet_comments_per_month_read_an_index_by_article(undated, gazette):
    """The chart's query where the site's months are not UTC's (else the kept counts)."""
    months = stats.monthly_rows(stats.outlet_visible_comments(gazette), "posted")
    if POSTGRES:
        # On tables this small reading every comment of the index once (hashed, merged or
        # kept in memory) may cost less than a lookup per article, depending on the
        # statistics of the moment: forbid those (for this transaction) to see whether
        # lookups by article exist.
        with connection.cursor() as cursor:
            for setting in ("enable_hashjoin", "enable_mergejoin", "enable_material"):
                cursor.execute(f"SET LOCAL {setting} = off")

    plan = explain(months)

    if POSTGRES:  # per article of the outlet; which index on article_id is the planner's
        assert "Seq Scan on comments_comment" not in plan, plan
        conditions = [line for line in plan.splitlines() if "Index Cond:" in line]
        assert any("article_id = articles_article.id" in line for line in conditions), plan
    else:
        assert "COVERING INDEX comment_article_posted_idx" in plan, plan


@pytest.mark.parametrize(
    ("read", "index"),
    [
        ("outlet_months", "outlet_month_count_key"),
        ("outlet_people", "person_outlet_count_outlet"),
    ],
)
def test_kept_counts_are_read_by_their_keys(harbour_article, gazette, read, index):
    from articles import archive_counts

    with CaptureQueriesContext(connection) as queries:
        if read == "outlet_months":
            archive_counts.outlet_months(gazette.pk)
        else:
            archive_counts.person_articles(outlet_ids=[gazette.pk], limit=15)
    (query,) = queries.captured_queries
    sql = query["sql"].replace(str(gazette.pk), "%s")
    plan = explain_sql(sql, [gazette.pk] * sql.count("%s"))

    if POSTGRES:
        assert index in plan, plan
    else:  # SQLite names a table's unique constraint's index itself (sqlite_autoindex_…)
        table = "articles_outletmonthcount" if read == "outlet_months" else ""
        assert index in plan or f"SEARCH {table} USING INDEX sqlite_autoindex" in plan, plan
        assert "SCAN" not in plan, plan


def test_monthly_counts_use_native_sql_and_count_per_calendar_month(harbour_article, gazette):
    factories.make_comment(
        harbour_article, "Late", author="Gil", posted=datetime(2016, 12, 31, 23, 59, tzinfo=UTC)
    )
    Comment.objects.filter(author__in=["Dana", "Eli"]).update(
        posted=datetime(2016, 11, 1, 0, 0, tzinfo=UTC)
    )

    with CaptureQueriesContext(connection) as queries:
        chart = stats.outlet_comments_chart(gazette)

    (sql,) = [q["sql"] for q in queries]
    assert "django_datetime_trunc" not in sql  # SQLite: no Python function per row
    assert [(row.month, row.values) for row in chart.rows] == [
        ("Nov 2016", (2,)),
        ("Dec 2016", (1,)),
    ]
