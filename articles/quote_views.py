"""All quotes, filtered by the shared vocabulary (person = who said it)."""

from __future__ import annotations

from django.db.models import F, QuerySet
from django.shortcuts import render

from articles.models import Quote
from articles.paging import list_page, without_paging
from articles.quote_filters import QuoteFilter
from articles.vocabulary import list_links, list_redirect, match_note

PAGE_SIZE = 25


def newest_first(quotes: QuerySet[Quote]) -> QuerySet[Quote]:
    """Newest article first (undated last), then in the order spoken."""
    return quotes.order_by(F("article__published").desc(nulls_last=True), "-article_id", "position")


def quote_list(request):
    filterset = QuoteFilter(request.GET, queryset=Quote.objects.for_listing())
    if moved := list_redirect(request, filterset):
        return moved
    quotes = filterset.qs if filterset.is_valid() else Quote.objects.none()
    page = list_page(quotes, request.GET, PAGE_SIZE)
    context = {
        "filter": filterset,
        "page": page,
        "match_note": match_note(filterset, without_paging(request.GET)),
        "list_links": list_links("quotes", request.GET),
    }
    return render(request, "articles/quote_list.html", context, status=400 if page.error else 200)
