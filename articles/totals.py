"""How many rows a list holds, when counting them all would hold the page (#13).

A search for a common word matches most of the archive; PostgreSQL then reads every
matching row to count it (93,000 rows at 140,000 articles: about half a second). So a
list's total is counted within `SEARCH_COUNT_BUDGET_MS`, and past it the page says what it
knows instead of waiting:

- `Total(93478)`: counted — "93,478 articles";
- `Total(93000, "about")`: PostgreSQL's planner estimate (the row estimate of the same
  query, from the table's statistics), two significant figures — "about 93,000 articles";
- `Total(1000, "over")`: only a lower bound is known (SQLite keeps no estimates) —
  "more than 1,000 articles".
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import connections
from django.db.models import QuerySet

from articles import query_budget
from articles.display import plural_count
from search.expressions import match_count
from search.fts import ARTICLES


@dataclass(frozen=True)
class Total:
    n: int
    kind: str = "exact"  # "exact", "about" (an estimate) or "over" (a lower bound)

    @property
    def exact(self) -> bool:
        return self.kind == "exact"

    def text(self, noun: str) -> str:
        """`Total(93000, "about").text("article")` -> "about 93,000 articles"."""
        words = plural_count(self.n, noun)
        return {"about": f"about {words}", "over": f"more than {words}"}.get(self.kind, words)


def counted_within_budget(queryset: QuerySet, *, at_least: int = 0) -> Total:
    """`queryset`'s row count, counted if that takes at most `SEARCH_COUNT_BUDGET_MS`,
    else estimated (PostgreSQL) or known only to exceed `at_least` (SQLite)."""
    connection = connections[queryset.db]
    deadline = query_budget.deadline_in(settings.SEARCH_COUNT_BUDGET_MS)
    postgres = connection.vendor == "postgresql"
    estimate = query_budget.planner_estimate(queryset) if postgres else None
    try:
        if not query_budget.surely_over(queryset, deadline, rows=estimate):
            with query_budget.within(connection, deadline):
                return Total(queryset.count())
    except query_budget.OverBudget:
        pass
    if estimate is not None and estimate > at_least:
        return Total(_two_figures(estimate), "about")
    return Total(at_least, "over")


def _two_figures(n: int) -> int:
    """93478 -> 93000; 1234 -> 1200; 87 -> 87."""
    if n < 100:
        return n
    scale = 10 ** (len(str(n)) - 2)
    return round(n / scale) * scale


def article_list_total(filterset, page, *, ranked_share: bool, known: int | None) -> Total:
    """The article list's total for its heading, settling `page.count` (what its pager
    pages through) without counting the whole archive where it can:

    - the counts the database keeps (`known`, from `archive_counts.list_total`) answer
      the unfiltered list and lists by outlets and a month, or by one person;
    - a search's total is counted within the budget, else estimated; when "Best match"
      ranked only the most recent matches (`ranked_share`), the pager pages through those;
    - any other list counts its rows (an indexed count: a person's articles, a day range).
    """
    if page.error:
        return Total(0)
    if known is not None:  # `archive_counts.list_total`, which paged the list
        return Total(known)
    data = filterset.form.cleaned_data
    text = (data.get("q") or "").strip()
    if not text:
        return Total(page.count)
    alone = not any(v for k, v in data.items() if k not in ("q", "sort", "match"))
    if alone and (n := match_count(filterset.queryset.db, text, ARTICLES)) is not None:
        if not ranked_share:  # a search alone, on SQLite: counted in its index
            page.count = n
        return Total(n)
    if ranked_share:
        page.count = settings.SEARCH_RANK_LIMIT  # exactly that many were ranked
        return counted_within_budget(filterset.qs, at_least=page.count)
    if "count" in page.__dict__:  # a numbered page already counted them
        return Total(page.count)
    if page.start is not None and not page.has_next():  # the last page: all seen
        page.count = page.end_index()
        return Total(page.count)
    total = counted_within_budget(page.queryset, at_least=page.end_index())
    page.count, page.count_known = total.n, total.exact
    return total
