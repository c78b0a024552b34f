"""A person's page: their quotes (filterable), the articles that mention them,
who is mentioned with them, and their mentions and quotes per month."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render

from articles import archive_counts, stats
from articles.models import Article, Person, PersonRedirect, Quote
from articles.querysets import NEWEST_FIRST
from articles.quote_filters import PersonQuoteFilter
from articles.quote_views import newest_first

QUOTES_PER_PAGE = 20
LATEST_ARTICLES = 10


def person_detail(request, slug: str):
    person = Person.objects.filter(slug=slug).first()
    if person is None:  # merged into someone else (#12)?
        moved = get_object_or_404(PersonRedirect.objects.select_related("person"), old_slug=slug)
        query = request.META.get("QUERY_STRING", "")
        url = moved.person.get_absolute_url()
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
    filterset = PersonQuoteFilter(
        request.GET, queryset=newest_first(Quote.objects.for_listing().filter(speaker=person))
    )
    quotes = filterset.qs if filterset.is_valid() else Quote.objects.none()
    articles = Article.objects.for_listing().mentioning([person]).order_by(*NEWEST_FIRST)
    return render(
        request,
        "articles/person_detail.html",
        {
            "person": person,
            "filter": filterset,
            "page": Paginator(quotes, QUOTES_PER_PAGE).get_page(request.GET.get("page")),
            "articles": articles[:LATEST_ARTICLES],
            "article_total": archive_counts.person_total(person.pk),  # kept counts (#13)
            "quote_total": person.quotes.count(),
            "co_mentioned": stats.co_mentioned_people(person),
            "chart": stats.person_activity_chart(person),
        },
    )
