"""Aggregates for the person and outlet pages: one query each, grouped in the database.

Months are calendar months in the site time zone (`TIME_ZONE`, UTC by default);
rows without a date are left out of the monthly counts.
"""

from __future__ import annotations

from datetime import date, datetime

from django.conf import settings
from django.db import connections, models
from django.db.models import Count, Func
from django.db.models.functions import Substr, TruncMonth

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
    """People mentioned in the most articles of `outlet`, with `article_total` (one query)."""
    return list(
        Person.objects.filter(mentions__article__outlet=outlet)
        .annotate(article_total=Count("mentions", distinct=True))
        .order_by("-article_total", "name")[:limit]
    )


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
    return month_bar_chart(
        [Series("Articles", monthly_counts(Article.objects.filter(outlet=outlet), "published"))],
        title=f"Articles per month in {outlet.name}",
        chart_id="outlet-articles",
    )


def outlet_comments_chart(outlet: Outlet) -> MonthChart:
    return month_bar_chart(
        [Series("Comments", monthly_counts(outlet_visible_comments(outlet), "posted"))],
        title=f"Reader comments per month in {outlet.name}",
        chart_id="outlet-comments",
    )


def _as_date(value: date | datetime | str) -> date:
    if isinstance(value, str):  # "2016-11" from `month_of` on SQLite
        return date(int(value[:4]), int(value[5:7]), 1)
    return value.date() if isinstance(value, datetime) else value
