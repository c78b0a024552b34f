"""Thin views: a FilterSet or a lookup, a paginator, a template."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render

from articles.browsing import active_filters, article_body, article_for_page, paginate_articles
from articles.comment_pages import comment_page
from articles.facets import article_facets
from articles.filters import ArticleFilter
from articles.models import Article
from articles.vocabulary import list_links, list_redirect, match_note
from search.snippets import attach_snippets


def article_list(request):
    filterset = ArticleFilter(request.GET, queryset=Article.objects.for_listing())
    if moved := list_redirect(request, filterset):
        return moved
    articles = filterset.qs if filterset.is_valid() else Article.objects.none()
    page = paginate_articles(articles, request.GET.get("page"))
    if filterset.is_valid() and filterset.form.cleaned_data.get("q"):
        page.object_list = attach_snippets(list(page.object_list), filterset.form.cleaned_data["q"])
    context = {
        "filter": filterset,
        "page": page,
        "facets": article_facets(filterset, request.GET, total=page.paginator.count),
        "active_filters": active_filters(filterset, request.GET),
        "match_note": match_note(filterset, request.GET),
        "list_links": list_links("articles", request.GET),
    }
    return render(request, "articles/article_list.html", context)


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
