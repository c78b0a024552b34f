"""Aggregates for the person and outlet pages: one query each, grouped in the database.

Months are calendar months in the site time zone (`TIME_ZONE`, UTC by default);
rows without a date are left out of the monthly counts. The outlet page reads the
counts the database keeps (`articles.archive_counts`, #13): its totals, its two charts
(when the site runs in UTC, the kept counts' months) and its top people, at a cost
that does not grow with the outlet's articles or comments.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db import connections, models
from django.db.models import Count, Func
from django.db.models.functions import Substr, TruncMonth

from articles import archive_counts
from articles.charts import MonthChart, Series, month_bar_chart
from articles.models import Article, Mention, Outlet, Person, Quote
from comments.models import Comment

TOP_PEOPLE = 10


def monthly_counts(queryset: models.QuerySet, date_field: str) -> dict[date, int]:
    """Rows per calendar month of `date_field`: {date(2016, 11, 1): 4, ...} (one query)."""
    return {_as_date(row["month"]): row["n"] for row in monthly_rows(queryset, date_field)}


def monthly_rows(queryset: models.QuerySet, date_field: str) -> models.QuerySet:
    """The query of `monthly_counts`: {"month", "n"} rows, oldest month first."""
    return (
        queryset.filter(**{f"{date_field}__isnull": False})
        .annotate(month=month_of(date_field, connections[queryset.db].vendor))
        .values("month")
        .annotate(n=Count("*"))  # not the id: an index without it can answer (#13)
        .order_by("month")
    )


def month_of(date_field: str, vendor: str) -> Func:
    """The calendar month of a datetime column, computed natively by the database.

    On SQLite Django's `TruncMonth` calls a Python function for every row (5.8 s over
    2 M comments, #13); SQLite stores UTC instants as 'YYYY-MM-DD HH:MM:SS' text, so
    with the site in UTC the month is the text's first seven characters ('2016-11'),
    which an index holding the column serves. Another site time zone needs the
    conversion only Django's function does.
    """
    if vendor == "sqlite" and settings.TIME_ZONE == "UTC":
        return Substr(date_field, 1, 7)
    return TruncMonth(date_field)


def co_mentioned_people(person: Person, limit: int = TOP_PEOPLE) -> list[Person]:
    """People most often mentioned in the same articles as `person`, with `shared` counts.

    One query: Person -> Mention -> Article -> Mention(person) joined in a single filter.
    """
    return list(
        Person.objects.filter(mentions__article__mentions__person=person)
        .exclude(pk=person.pk)
        .annotate(shared=Count("mentions__article", distinct=True))
        .order_by("-shared", "name")[:limit]
    )


def outlet_top_people(outlet: Outlet, limit: int = TOP_PEOPLE) -> list[Person]:
    """People in the most articles of `outlet` (mentioned or quoted), with `article_total`:
    one query of the kept counts."""
    return list(
        Person.objects.raw(
            "SELECT p.id, p.name, p.slug, c.articles AS article_total FROM articles_person p "
            f"JOIN {archive_counts.PERSON_OUTLET} c ON c.person_id = p.id "
            "WHERE c.outlet_id = %s AND c.articles > 0 ORDER BY c.articles DESC, p.name, p.id "
            "LIMIT %s",
            [outlet.pk, limit],
        )
    )


@dataclass(frozen=True)
class OutletSummary:
    article_total: int
    comment_total: int  # visible comments
    articles_chart: MonthChart
    comments_chart: MonthChart


def outlet_summary(outlet: Outlet) -> OutletSummary:
    """The outlet page's totals and charts from the kept counts: one query (three more for
    the charts when the site's months are not UTC's)."""
    rows = archive_counts.outlet_months(outlet.pk)
    if settings.TIME_ZONE == "UTC":
        dated = [(_as_date(month), a, c) for month, a, c in rows if month]
        articles = {month: a for month, a, _ in dated if a}
        comments = {month: c for month, _, c in dated if c}
        articles_chart = _outlet_chart(outlet, "Articles", articles)
        comments_chart = _outlet_chart(outlet, "Comments", comments)
    else:
        articles_chart, comments_chart = (
            outlet_articles_chart(outlet),
            outlet_comments_chart(outlet),
        )
    return OutletSummary(
        article_total=sum(a for _, a, _ in rows),
        comment_total=sum(c for _, _, c in rows),
        articles_chart=articles_chart,
        comments_chart=comments_chart,
    )


def _outlet_chart(outlet: Outlet, series: str, counts: dict[date, int]) -> MonthChart:
    if series == "Articles":
        title, chart_id = f"Articles per month in {outlet.name}", "outlet-articles"
    else:
        title, chart_id = f"Reader comments per month in {outlet.name}", "outlet-comments"
    return month_bar_chart([Series(series, counts)], title=title, chart_id=chart_id)


def outlet_visible_comments(outlet: Outlet) -> models.QuerySet:
    return Comment.objects.visible().filter(article__outlet=outlet)


def person_activity_chart(person: Person) -> MonthChart:
    """Articles mentioning `person` and quotes by them, per month of publication (2 queries)."""
    return month_bar_chart(
        [
            Series(
                "Mentions",
                monthly_counts(Mention.objects.filter(person=person), "article__published"),
            ),
            Series(
                "Quotes", monthly_counts(Quote.objects.filter(speaker=person), "article__published")
            ),
        ],
        title=f"Articles mentioning {person.name} and their quotes, per month",
        chart_id="person-activity",
    )


def outlet_articles_chart(outlet: Outlet) -> MonthChart:
    counts = monthly_counts(Article.objects.filter(outlet=outlet), "published")
    return _outlet_chart(outlet, "Articles", counts)


def outlet_comments_chart(outlet: Outlet) -> MonthChart:
    return _outlet_chart(
        outlet, "Comments", monthly_counts(outlet_visible_comments(outlet), "posted")
    )


def _as_date(value: date | datetime | str) -> date:
    if isinstance(value, str):  # "2016-11" from `month_of` on SQLite
        return date(int(value[:4]), int(value[5:7]), 1)
    return value.date() if isinstance(value, datetime) else value
