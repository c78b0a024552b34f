"""An outlet's page: its articles, its most mentioned people, its reader comments."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from articles import stats
from articles.models import Article, Outlet
from articles.querysets import NEWEST_FIRST

PAGE_SIZE = 25


def outlet_detail(request, slug: str):
    outlet = get_object_or_404(Outlet, slug=slug)
    articles = Article.objects.for_listing().filter(outlet=outlet).order_by(*NEWEST_FIRST)
    return render(
        request,
        "articles/outlet_detail.html",
        {
            "outlet": outlet,
            "page": Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page")),
            "top_people": stats.outlet_top_people(outlet),
            "comment_total": stats.outlet_visible_comments(outlet).count(),
            "articles_chart": stats.outlet_articles_chart(outlet),
            "comments_chart": stats.outlet_comments_chart(outlet),
        },
    )
