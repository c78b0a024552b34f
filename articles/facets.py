"""Facet counts for the articles page, computed by the list's own FilterSet (#14).

A facet value's count is exactly the number of articles its link lists. Each link
adds (or, when chosen, removes) one value, and the count follows the words the
link keeps:

- `person` with `match=all`, or with nobody chosen yet: the link narrows the list,
  so the count is the value's articles among the current results.
- `person` with `match=any` and someone chosen, and `outlet` with an outlet chosen:
  the link widens the list to "current results, or articles of the value within
  the other filters", so the count is `total + in_others - in_current`.
- `month` replaces the month and drops `published_from`/`published_to`: the count is
  the month's articles within the other filters.

Chosen values carry no count (their link removes them; the active-filter chips say
so). One aggregate query per facet whatever the number of people or months; the
sidebar shows the top `SIDEBAR_LIMIT` people and outlets and links to a page with
all of them (`facet_page`), and every month, grouped by year.

At scale (#13): a facet whose other filters are only outlets and a month (or, for the
outlet facet, one person) reads the counts the database keeps (`articles.archive_counts`)
— the same numbers, at a cost that does not grow with the archive (`counted` says which).
Any other facet counts the archive within what is left of the page's
`FACET_TIME_BUDGET_MS`; past it the facet is `skipped` and the page says "counts skipped —
narrow the filters" instead of waiting.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from urllib.parse import urlencode

from django.conf import settings
from django.db import connections
from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth
from django.http import QueryDict

from articles import archive_counts, query_budget
from articles.models import Article, Mention, Outlet, Person, Quote

SIDEBAR_LIMIT = 15
FACET_NAMES = ("person", "outlet", "month")
_DATE_WORDS = ("month", "published_from", "published_to")
# facet -> the filters under which the kept counts answer it (#13)
_COUNTED = {
    "outlet": {"outlet", "month"},
    "person": {"outlet"},
    "month": {"outlet", *_DATE_WORDS},  # the month facet leaves the date words out
}


@dataclass(frozen=True)
class FacetValue:
    value: str  # what goes in the query string, e.g. "harbour-gazette" or "2016-11"
    label: str
    count: int | None  # None for a chosen value: its link removes it
    selected: bool
    url: str  # the list with this value added (or removed, when selected)


@dataclass(frozen=True)
class YearGroup:
    year: int
    total: int
    values: list[FacetValue]


@dataclass(frozen=True)
class Facet:
    name: str  # the query-string key: "outlet", "person", "month"
    title: str
    values: list[FacetValue]
    more_url: str = ""  # the "show all" page, when the sidebar shows only the top values
    years: list[YearGroup] = field(default_factory=list)
    skipped: bool = False  # counting took longer than the page's budget (#13)


def toggle_url(params: QueryDict, key: str, value: str, *, multiple: bool, path: str = "") -> str:
    """`?outlet=a&page=3`, toggle outlet=b -> `?outlet=a&outlet=b` (page dropped).

    Keys keep their order; `key` stays where it was, or comes last when new. Built from the
    pairs, not a copy of the QueryDict: a list page builds a hundred of these."""
    current = [v for v in params.getlist(key) if v]
    if value in current:
        current.remove(value)
    elif multiple:
        current.append(value)
    else:
        current = [value]
    pairs = [(k, current if k == key else values) for k, values in params.lists() if k != "page"]
    if key not in params:
        pairs.append((key, current))
    return f"{path}?{urlencode([(k, v) for k, v in pairs if v or k != key], doseq=True)}"


def _without(params: QueryDict, *keys: str) -> QueryDict:
    params = params.copy()
    for key in keys:
        params.pop(key, None)
    return params


def _ids(filterset, *skip: str) -> QuerySet:
    """Ids of the rows the filters other than `skip` keep, as a subquery (form valid).

    Re-applies the already cleaned values through the FilterSet's own filters, so the
    facet and the list can never disagree on what a word means.
    """
    queryset = filterset.queryset
    for name, value in filterset.form.cleaned_data.items():
        if name not in skip and name != "sort":
            queryset = filterset.filters[name].filter(queryset, value)
    return queryset.order_by().values("pk")


@dataclass(frozen=True)
class _Scope:
    """Where a facet counts: `others` (every filter but the facet's own) and, when a link
    widens the list, `current` (every filter) whose size `total` is the base count."""

    others: QuerySet
    current: QuerySet | None
    total: int


def _scope(filterset, key: str, widens: bool, total: int | None) -> _Scope:
    if not widens:
        return _Scope(_ids(filterset), None, 0)
    current = _ids(filterset)
    if total is None:
        total = filterset.queryset.filter(pk__in=current).count()
    return _Scope(_ids(filterset, key, *(("match",) if key == "person" else ())), current, total)


def _person_widens(filterset) -> bool:
    data = filterset.form.cleaned_data
    return bool(data.get("person")) and (data.get("match") or "any") == "any"


def _outlet_widens(filterset) -> bool:
    return bool(filterset.form.cleaned_data.get("outlet"))


def _counts_sql(pairs_sql: str, scope: _Scope, value_sql: str, order: str) -> tuple[str, list]:
    """`value, label, n` rows: `n` what the value's link would list (see module doc)."""
    others_sql, others_params = scope.others.query.sql_with_params()
    params = list(others_params) * pairs_sql.count("{ids}")
    if scope.current is None:
        in_current = "0"
    else:
        current_sql, current_params = scope.current.query.sql_with_params()
        in_current = f"SUM(CASE WHEN article_id IN ({current_sql}) THEN 1 ELSE 0 END)"
        params = [*current_params, *params]
    sql = (
        f"SELECT {value_sql}, {scope.total} + u.n_others - u.n_current AS n FROM ("
        f" SELECT fv, COUNT(*) AS n_others, {in_current} AS n_current"
        f" FROM ({pairs_sql.format(ids=others_sql)}) pairs GROUP BY fv"
        f") u {order}"
    )
    return sql, params


def _person_rows(filterset, *, limit: int | None, chosen=(), total=None) -> list[tuple]:
    scope = _scope(filterset, "person", _person_widens(filterset), total)
    person, mention, quote = Person._meta.db_table, Mention._meta.db_table, Quote._meta.db_table
    # Mentioned OR quoted: distinct (person, article) pairs over both tables.
    pairs = (
        f"SELECT person_id AS fv, article_id FROM {mention} WHERE article_id IN ({{ids}})"
        f" UNION"
        f" SELECT speaker_id AS fv, article_id FROM {quote}"
        f" WHERE speaker_id IS NOT NULL AND article_id IN ({{ids}})"
    )
    skip = f" WHERE p.slug NOT IN ({', '.join(['%s'] * len(chosen))})" if chosen else ""
    window = f" LIMIT {int(limit)}" if limit is not None else ""
    sql, params = _counts_sql(
        pairs,
        scope,
        "p.slug, p.name",
        f"JOIN {person} p ON p.id = u.fv{skip} ORDER BY n DESC, p.name, p.id{window}",
    )
    with connections[scope.others.db].cursor() as cursor:
        cursor.execute(sql, [*params, *chosen])
        return cursor.fetchall()


def _outlet_rows(filterset, *, limit: int | None, chosen=(), total=None) -> list[tuple]:
    scope = _scope(filterset, "outlet", _outlet_widens(filterset), total)
    article, outlet = Article._meta.db_table, Outlet._meta.db_table
    pairs = f"SELECT outlet_id AS fv, id AS article_id FROM {article} WHERE id IN ({{ids}})"
    skip = f" WHERE o.slug NOT IN ({', '.join(['%s'] * len(chosen))})" if chosen else ""
    window = f" LIMIT {int(limit)}" if limit is not None else ""
    sql, params = _counts_sql(
        pairs,
        scope,
        "o.slug, o.name",
        f"JOIN {outlet} o ON o.id = u.fv{skip} ORDER BY n DESC, o.name, o.id{window}",
    )
    with connections[scope.others.db].cursor() as cursor:
        cursor.execute(sql, [*params, *chosen])
        return cursor.fetchall()


def _kept_widening(filterset) -> bool:
    """`?person=a` (match any), perhaps with outlets: each other person's link widens the
    list by their own articles, which the kept counts know (`_widening_person_rows`)."""
    return _person_widens(filterset) and _active(filterset) <= {"person", "outlet"}


def _widening_person_rows(filterset, *, limit: int | None, chosen=(), total=None) -> list[tuple]:
    """The person facet of `_kept_widening` lists: `total + theirs - shared`, where
    `theirs` (the person's articles in the outlets) is read from the kept counts and only
    `shared` (their articles already listed) is counted, over the list itself. Counting
    `theirs` live grouped every mention and quote in the archive (#13)."""
    data, using = filterset.form.cleaned_data, filterset.queryset.db
    outlets = [o.pk for o in data.get("outlet") or []] or None
    theirs = archive_counts.person_articles(outlet_ids=outlets, using=using)
    if total is None:
        total = filterset.queryset.filter(pk__in=_ids(filterset)).count()
    # the listed articles as one UNION of the person's mentions and quotes (`_ids`)
    current_sql, current_params = _ids(filterset).query.sql_with_params()
    person, mention, quote = Person._meta.db_table, Mention._meta.db_table, Quote._meta.db_table
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT p.slug, COUNT(*) FROM ("
            f" SELECT person_id AS fv, article_id FROM {mention}"
            f" WHERE article_id IN ({current_sql})"
            f" UNION SELECT speaker_id, article_id FROM {quote}"
            f" WHERE speaker_id IS NOT NULL AND article_id IN ({current_sql})"
            f") pairs JOIN {person} p ON p.id = pairs.fv GROUP BY p.slug",
            [*current_params, *current_params],
        )
        shared = dict(cursor.fetchall())
    skip = set(chosen)
    rows = [
        (slug, name, total + n - shared.get(slug, 0))
        for slug, name, n in theirs
        if slug not in skip
    ]
    rows.sort(key=lambda row: (-row[2], row[1]))  # stable: ties keep the counts' id order
    return rows if limit is None else rows[:limit]


def _live_rows(filterset, key: str):
    if key == "person" and _kept_widening(filterset):
        return _widening_person_rows
    return _ROWS[key]


_ROWS = {"person": _person_rows, "outlet": _outlet_rows}
TITLES = {"person": "People", "outlet": "Outlets", "month": "Months"}


def _chosen(filterset, key: str) -> list[tuple[str, str]]:
    return [(o.slug, o.name) for o in filterset.form.cleaned_data.get(key) or []]


def _active(filterset) -> set[str]:
    """The filters the reader set: {"outlet", "month"} for `?outlet=a&month=2016-11`."""
    # bool() of a chosen-people or -outlets QuerySet fetches it once; later reads reuse it
    data = filterset.form.cleaned_data
    return {k for k, v in data.items() if k not in ("sort", "match") and bool(v)}


def counted(filterset, key: str) -> bool:
    """Whether the kept counts answer facet `key` under the filterset's filters."""
    active = _active(filterset)
    return active <= _COUNTED[key] or (key == "outlet" and _one_person(filterset, active))


def _one_person(filterset, active: set[str]) -> bool:
    """`?person=x`, perhaps with outlets: its outlets are the person's counts per outlet
    (each other outlet's link adds the person's articles there)."""
    return (
        "person" in active
        and active <= {"person", "outlet"}
        and len(filterset.form.cleaned_data["person"]) == 1
    )


def _counted_rows(filterset, key: str, *, limit: int | None) -> list[tuple]:
    """(slug, name, n) rows of `_ROWS[key]`, from the kept counts (see `_COUNTED`)."""
    data, using = filterset.form.cleaned_data, filterset.queryset.db
    outlets = list(data.get("outlet") or [])
    if key == "person":
        ids = [o.pk for o in outlets] if outlets else None
        return archive_counts.person_articles(outlet_ids=ids, limit=limit, using=using)
    month = _month_key(data["month"]) if data.get("month") else None
    person = data["person"][0].pk if _one_person(filterset, _active(filterset)) else None
    rows = archive_counts.outlet_articles(month=month, person_id=person, using=using)
    chosen = {o.pk for o in outlets}
    # chosen outlets: each other outlet's link widens the list by its own articles
    base = sum(n for pk, _, _, n in rows if pk in chosen)
    found = [(slug, name, base + n) for pk, slug, name, n in rows if pk not in chosen]
    return found if limit is None else found[:limit]


def choice_facet(
    filterset,
    params: QueryDict,
    key: str,
    *,
    path: str = "",
    total: int | None = None,
    budget: FacetBudget | None = None,
) -> Facet:
    """The sidebar facet for `key` ("person" or "outlet"): chosen values first (their links
    remove them), then the top values by count, and a "show all" link when there are more.

    Past the `budget` a count of the archive is stopped (or not started) and the facet
    comes back `skipped`, with only its chosen values."""
    if not filterset.is_valid():
        return Facet(key, TITLES[key], [])
    chosen = _chosen(filterset, key)
    values = [_choice_value(params, key, slug, name, None, path) for slug, name in chosen]
    if counted(filterset, key):
        rows = _counted_rows(filterset, key, limit=SIDEBAR_LIMIT + 1)
    else:
        try:
            with _budget(filterset, budget):
                rows = _live_rows(filterset, key)(
                    filterset, limit=SIDEBAR_LIMIT + 1, chosen=[s for s, _ in chosen], total=total
                )
        except query_budget.OverBudget:
            return Facet(key, TITLES[key], values, skipped=True)
    values += [_choice_value(params, key, s, name, n, path) for s, name, n in rows[:SIDEBAR_LIMIT]]
    more = f"{facet_page_path(key)}?{params.urlencode()}" if len(rows) > SIDEBAR_LIMIT else ""
    return Facet(key, TITLES[key], values, more_url=more)


@dataclass
class FacetBudget:
    """The time a page's live facet counts share (`FACET_TIME_BUDGET_MS`), ending at
    `deadline` (`time.monotonic()`), and `listed`, the rows every live count reads at
    least (the list's total, when the page counted it)."""

    deadline: float
    listed: int | None = None
    hopeless: bool | None = None  # decided once, before the first live count

    def reads(self, filterset):
        """The context a live count runs in: stopped at the deadline, or OverBudget at once
        when the listed rows are surely too many for any count to end in time (their
        number, else PostgreSQL's estimate)."""
        if self.hopeless is None:
            self.hopeless = query_budget.surely_over(
                _ids(filterset), self.deadline, rows=self.listed
            )
        if self.hopeless:
            raise query_budget.OverBudget
        return query_budget.within(connections[filterset.queryset.db], self.deadline)


def _budget(filterset, budget: FacetBudget | None):
    return nullcontext() if budget is None else budget.reads(filterset)


def _choice_value(params, key, slug, name, count, path) -> FacetValue:
    url = toggle_url(params, key, slug, multiple=True, path=path)
    return FacetValue(slug, name, count, count is None, url)


def all_values(filterset, params: QueryDict, key: str, *, path: str = "") -> list[FacetValue]:
    """Every value of the `key` facet ("person", "outlet") by count, chosen ones left out,
    for the "show all" page: one query, paginated by the caller."""
    if not filterset.is_valid():
        return []
    if counted(filterset, key):
        rows = _counted_rows(filterset, key, limit=None)
    else:
        rows = _live_rows(filterset, key)(
            filterset, limit=None, chosen=[s for s, _ in _chosen(filterset, key)]
        )
    return [_choice_value(params, key, slug, name, n, path) for slug, name, n in rows]


def facet_page_path(key: str) -> str:
    from django.urls import reverse

    return reverse("articles:facet_values", args=[key])


def _month_key(value: date | datetime) -> str:
    if isinstance(value, datetime):
        value = value.astimezone(UTC) if value.tzinfo else value
    return f"{value.year:04d}-{value.month:02d}"


def _month_rows(filterset, budget: FacetBudget | None) -> list[dict]:
    """{"m": month, "n": articles} of every month in the other filters, newest first."""
    if counted(filterset, "month"):
        outlets = filterset.form.cleaned_data.get("outlet")
        found = archive_counts.month_articles(
            outlet_ids=[o.pk for o in outlets] if outlets else None,
            using=filterset.queryset.db,
        )
        return [{"m": date(int(k[:4]), int(k[5:7]), 1), "n": int(n)} for k, n in found]
    ids = _ids(filterset, *_DATE_WORDS)
    with _budget(filterset, budget):
        return list(
            Article.objects.filter(pk__in=ids, published__isnull=False)
            .annotate(m=TruncMonth("published", tzinfo=UTC))
            .values("m")
            .annotate(n=Count("pk"))
            .order_by("-m")
        )


def month_facet(
    filterset, params: QueryDict, *, path: str = "", budget: FacetBudget | None = None
) -> Facet:
    """Every month with articles in the other filters, newest first, grouped by year."""
    if not filterset.is_valid():
        return Facet("month", TITLES["month"], [])
    chosen = params.get("month", "")
    try:
        rows = _month_rows(filterset, budget)
    except query_budget.OverBudget:
        return Facet("month", TITLES["month"], [], skipped=True)
    undated = _without(params, "published_from", "published_to")
    values: list[FacetValue] = []
    years: dict[int, list[FacetValue]] = {}
    totals: dict[int, int] = {}
    for row in rows:
        key = _month_key(row["m"])
        selected = key == chosen
        url = toggle_url(undated, "month", key, multiple=False, path=path)
        value = FacetValue(key, f"{row['m']:%b %Y}", None if selected else row["n"], selected, url)
        values.append(value)
        years.setdefault(int(key[:4]), []).append(value)
        totals[int(key[:4])] = totals.get(int(key[:4]), 0) + row["n"]
    groups = [YearGroup(year, totals[year], months) for year, months in years.items()]
    return Facet("month", TITLES["month"], values, years=groups)


def article_facets(filterset, params: QueryDict, *, total: int | None = None) -> list[Facet]:
    """Outlet, people and month facets of a bound ArticleFilter: one aggregate query each.

    `params` is the request's query string (the links add or remove one value); `total`
    the list's result count when the caller has it (else a facet whose links widen the
    list counts it). Facets the kept counts cannot answer share `FACET_TIME_BUDGET_MS`,
    the months first (what a reader narrows by most: "Y in November 2016"), then people.
    """
    budget = FacetBudget(query_budget.deadline_in(settings.FACET_TIME_BUDGET_MS), listed=total)
    outlet = choice_facet(filterset, params, "outlet", total=total, budget=budget)
    month = month_facet(filterset, params, budget=budget)
    person = choice_facet(filterset, params, "person", total=total, budget=budget)
    return [outlet, person, month]
