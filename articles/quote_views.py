"""All quotes, filtered by speaker, outlet, date and text."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import F, QuerySet
from django.shortcuts import render

from articles.filter_fields import moved_people_redirect
from articles.models import Quote
from articles.quote_filters import QuoteFilter

PAGE_SIZE = 25


def newest_first(quotes: QuerySet[Quote]) -> QuerySet[Quote]:
    """Newest article first (undated last), then in the order spoken."""
    return quotes.order_by(F("article__published").desc(nulls_last=True), "-article_id", "position")


def quote_list(request):
    filterset = QuoteFilter(request.GET, queryset=newest_first(Quote.objects.for_listing()))
    if moved := moved_people_redirect(request, filterset):
        return moved
    quotes = filterset.qs if filterset.is_valid() else Quote.objects.none()
    page = Paginator(quotes, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "articles/quote_list.html", {"filter": filterset, "page": page})
