"""Thin views: a FilterSet or a lookup, a paginator, a template."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render

from articles.browsing import active_filters, article_body, article_for_page, paginate_articles
from articles.comment_pages import comment_page
from articles.facets import article_facets
from articles.filters import ArticleFilter
from articles.models import Article
from articles.paging import without_paging
from articles.vocabulary import list_links, list_redirect, match_note
from search.snippets import attach_snippets


def article_list(request):
    filterset = ArticleFilter(request.GET, queryset=Article.objects.for_listing())
    if moved := list_redirect(request, filterset):
        return moved
    articles = filterset.qs if filterset.is_valid() else Article.objects.none()
    page = paginate_articles(articles, request.GET)
    if filterset.is_valid() and filterset.form.cleaned_data.get("q"):
        page.object_list = attach_snippets(list(page.object_list), filterset.form.cleaned_data["q"])
    filters = without_paging(request.GET)  # links that change a filter start at page 1
    context = {
        "filter": filterset,
        "page": page,
        "facets": article_facets(filterset, filters, total=page.paginator.count),
        "active_filters": active_filters(filterset, filters),
        "match_note": match_note(filterset, filters),
        "list_links": list_links("articles", request.GET),
    }
    status = 400 if page.error else 200
    return render(request, "articles/article_list.html", context, status=status)


def article_detail(request, pk: int, slug: str | None = None):
    article = get_object_or_404(article_for_page(pk))
    if slug != (article.slug or "article"):
        return redirect(article, permanent=True)
    comments = comment_page(article.pk, request.GET.get("comments"))
    context = {
        "article": article,
        "paragraphs": article_body(article),
        "comments": comments,
        "threads": comments.threads,
    }
    return render(request, "articles/article_detail.html", context)
