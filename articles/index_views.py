"""The people and outlet indexes, the person suggestions behind the picker, and the
"show all" pages of the article facets (#14)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from articles import facets
from articles.filters import ArticleFilter
from articles.index_filters import OutletIndexFilter, PersonIndexFilter
from articles.models import Article, Outlet, Person
from articles.querysets import outlets_with_totals
from articles.vocabulary import list_redirect

INDEX_PAGE_SIZE = 50
FACET_PAGE_SIZE = 100
SUGGESTIONS = 10


def person_index(request):
    filterset = PersonIndexFilter(request.GET, queryset=Person.objects.with_totals())
    people = filterset.qs if filterset.is_valid() else Person.objects.none()
    page = Paginator(people, INDEX_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "articles/person_index.html", {"filter": filterset, "page": page})


def outlet_index(request):
    filterset = OutletIndexFilter(request.GET, queryset=outlets_with_totals())
    outlets = filterset.qs if filterset.is_valid() else Outlet.objects.none()
    page = Paginator(outlets, INDEX_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "articles/outlet_index.html", {"filter": filterset, "page": page})


def person_suggest(request):
    """`/people/suggest.json?q=kess` -> `{"results": [{"slug", "name", "articles", "url"}]}`,
    exact names first, then by name; nothing under two characters."""
    text = request.GET.get("q", "").strip()[:100]
    people = Person.objects.named_like(text if len(text) >= 2 else "").with_totals()
    results = [
        {
            "slug": p.slug,
            "name": p.name,
            "articles": p.article_total,
            "url": p.get_absolute_url(),
        }
        for p in people[:SUGGESTIONS]
    ]
    return JsonResponse({"query": text, "results": results})


def facet_values(request, name: str):
    """Every value of one article facet under the list's filters, 100 a page."""
    if name not in ("person", "outlet"):
        raise Http404("No such facet")
    filterset = ArticleFilter(request.GET, queryset=Article.objects.all())
    if moved := list_redirect(request, filterset):
        return moved
    params = request.GET.copy()
    page_number = params.pop("page", [None])[0]
    values = facets.all_values(filterset, params, name, path=reverse("articles:article_list"))
    context = {
        "filter": filterset,
        "facet_name": name,
        "title": facets.TITLES[name],
        "page": Paginator(values, FACET_PAGE_SIZE).get_page(page_number),
        "back_url": f"{reverse('articles:article_list')}?{params.urlencode()}",
    }
    return render(request, "articles/facet_values.html", context)
