"""Facet counts for the articles page, Datasette-style.

Each facet counts what its values would give within the *other* active filters
(the outlet facet ignores `outlet=`, and so on), with one aggregate query per
facet. People are limited to the top `PEOPLE_LIMIT`; months to the latest
`MONTH_LIMIT`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.db import connections
from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth
from django.http import QueryDict

from articles.models import Article, Mention, Outlet, Person, Quote

PEOPLE_LIMIT = 15
MONTH_LIMIT = 24


@dataclass(frozen=True)
class FacetValue:
    value: str  # what goes in the query string, e.g. "harbour-gazette" or "2016-11"
    label: str
    count: int
    selected: bool
    url: str  # the page with this value added (or removed, when selected)


@dataclass(frozen=True)
class Facet:
    name: str  # the query-string key: "outlet", "person", "month"
    title: str
    values: list[FacetValue]


def toggle_url(params: QueryDict, key: str, value: str, *, multiple: bool) -> str:
    """`?outlet=a&page=3`, toggle outlet=b -> `?outlet=a&outlet=b` (page dropped)."""
    params = params.copy()
    params.pop("page", None)
    current = [v for v in params.getlist(key) if v]
    if value in current:
        current.remove(value)
    elif multiple:
        current.append(value)
    else:
        current = [value]
    params.setlist(key, current)
    if not current:
        params.pop(key)
    return f"?{params.urlencode()}" if params else "?"


def _without(params: QueryDict, *keys: str) -> QueryDict:
    params = params.copy()
    for key in keys:
        params.pop(key, None)
    return params


def _matching_ids(filterset, *skip: str) -> QuerySet | None:
    """Ids the filters other than `skip` keep, as a subquery; None when the form is invalid.

    Re-applies the already cleaned values, so the people/outlet lookups are not repeated.
    """
    if not filterset.is_valid():
        return None
    queryset = filterset.queryset
    for name, value in filterset.form.cleaned_data.items():
        if name not in skip and name != "sort":
            queryset = filterset.filters[name].filter(queryset, value)
    return queryset.order_by().values("pk")


def outlet_facet(filterset, params: QueryDict) -> Facet:
    ids = _matching_ids(filterset, "outlet")
    rows = []
    if ids is not None:
        rows = (
            Outlet.objects.filter(articles__in=ids)
            .annotate(n=Count("articles"))
            .order_by("-n", "name")
            .values_list("slug", "name", "n")
        )
    return _multiple_choice_facet("outlet", "Outlets", rows, params)


def _person_counts_sql(ids: QuerySet) -> tuple[str, list]:
    # Mentioned OR quoted: count distinct (person, article) pairs over both tables.
    sub_sql, sub_params = ids.query.sql_with_params()
    person, mention, quote = Person._meta.db_table, Mention._meta.db_table, Quote._meta.db_table
    sql = (
        f"SELECT p.slug, p.name, u.n FROM {person} p JOIN ("
        f" SELECT pid, COUNT(*) AS n FROM ("
        f"  SELECT person_id AS pid, article_id FROM {mention} WHERE article_id IN ({sub_sql})"
        f"  UNION"
        f"  SELECT speaker_id AS pid, article_id FROM {quote}"
        f"   WHERE speaker_id IS NOT NULL AND article_id IN ({sub_sql})"
        f" ) pairs GROUP BY pid"
        f") u ON u.pid = p.id ORDER BY u.n DESC, p.name LIMIT {PEOPLE_LIMIT}"
    )
    return sql, [*sub_params, *sub_params]


def person_facet(filterset, params: QueryDict) -> Facet:
    ids = _matching_ids(filterset, "person")
    rows: list = []
    if ids is not None:
        sql, sql_params = _person_counts_sql(ids)
        with connections[ids.db].cursor() as cursor:
            cursor.execute(sql, sql_params)
            rows = cursor.fetchall()
    return _multiple_choice_facet("person", "People", rows, params)


def _multiple_choice_facet(key: str, label: str, rows, params: QueryDict) -> Facet:
    """A facet whose values add to / remove from a repeatable filter (`?person=a&person=b`)."""
    chosen = params.getlist(key)
    return Facet(
        key,
        label,
        [
            FacetValue(slug, name, n, slug in chosen, toggle_url(params, key, slug, multiple=True))
            for slug, name, n in rows
        ],
    )


def _month_key(value: date | datetime) -> str:
    if isinstance(value, datetime):
        value = value.astimezone(UTC) if value.tzinfo else value
    return f"{value.year:04d}-{value.month:02d}"


def month_facet(filterset, params: QueryDict) -> Facet:
    ids = _matching_ids(filterset, "month", "published_from", "published_to")
    rows: list = []
    if ids is not None:
        rows = list(
            Article.objects.filter(pk__in=ids, published__isnull=False)
            .annotate(m=TruncMonth("published", tzinfo=UTC))
            .values("m")
            .annotate(n=Count("pk"))
            .order_by("-m")[:MONTH_LIMIT]
        )
    chosen = params.get("month", "")
    values = []
    for row in rows:
        key = _month_key(row["m"])
        url = toggle_url(
            _without(params, "published_from", "published_to"), "month", key, multiple=False
        )
        label = f"{row['m']:%b %Y}"
        values.append(FacetValue(key, label, row["n"], key == chosen, url))
    return Facet("month", "Months", values)


def article_facets(filterset, params: QueryDict) -> list[Facet]:
    """Outlet, people and month facets of a bound ArticleFilter: one aggregate query each.

    `params` is the request's query string (the links add or remove one value).
    """
    return [
        outlet_facet(filterset, params),
        person_facet(filterset, params),
        month_facet(filterset, params),
    ]
