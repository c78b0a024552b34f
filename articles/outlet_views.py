"""An outlet's page: its articles, its most mentioned people, its reader comments."""

from __future__ import annotations

from functools import cached_property

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from articles import stats
from articles.models import Article, Outlet
from articles.querysets import NEWEST_FIRST

PAGE_SIZE = 25


class CountedPaginator(Paginator):
    """A Paginator told its count (the kept counts know it, #13): no COUNT(*)."""

    def __init__(self, object_list, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


def outlet_detail(request, slug: str):
    outlet = get_object_or_404(Outlet, slug=slug)
    articles = Article.objects.for_listing().filter(outlet=outlet).order_by(*NEWEST_FIRST)
    summary = stats.outlet_summary(outlet)
    paginator = CountedPaginator(articles, PAGE_SIZE, count=summary.article_total)
    return render(
        request,
        "articles/outlet_detail.html",
        {
            "outlet": outlet,
            "page": paginator.get_page(request.GET.get("page")),
            "top_people": stats.outlet_top_people(outlet),
            "comment_total": summary.comment_total,
            "articles_chart": summary.articles_chart,
            "comments_chart": summary.comments_chart,
        },
    )
