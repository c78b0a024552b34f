"""Thin views: a FilterSet or a lookup, a paginator, a template."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render

from articles import archive_counts
from articles.browsing import (
    active_filters,
    article_body,
    article_for_page,
    paginate_articles,
    search_marks,
    search_query,
)
from articles.comment_pages import comment_page
from articles.facets import article_facets
from articles.filters import ArticleFilter
from articles.models import Article
from articles.paging import without_paging
from articles.totals import article_list_total
from articles.vocabulary import list_links, list_redirect, match_note
from search.snippets import attach_snippets


def article_list(request):
    filterset = ArticleFilter(request.GET, queryset=Article.objects.for_listing())
    if moved := list_redirect(request, filterset):
        return moved
    articles, ranked_share = (
        filterset.listed() if filterset.is_valid() else (Article.objects.none(), False)
    )
    known = archive_counts.list_total(filterset, "articles")  # no COUNT(*) where kept (#13)
    page = paginate_articles(articles, request.GET, known)
    total = article_list_total(filterset, page, ranked_share=ranked_share, known=known)
    if filterset.is_valid() and filterset.form.cleaned_data.get("q"):
        page.object_list = attach_snippets(list(page.object_list), filterset.form.cleaned_data["q"])
    filters = without_paging(request.GET)  # links that change a filter start at page 1
    context = {
        "filter": filterset,
        "page": page,
        "total": total,
        "ranked_share": ranked_share,
        "facets": article_facets(filterset, filters, total=total.n if total.exact else None),
        "active_filters": active_filters(filterset, filters),
        "match_note": match_note(filterset, filters),
        "list_links": list_links("articles", request.GET),
        "search_query": search_query(filterset),  # result links carry ?q= (#15)
    }
    status = 400 if page.error else 200
    return render(request, "articles/article_list.html", context, status=status)


def article_detail(request, pk: int, slug: str | None = None):
    article = get_object_or_404(article_for_page(pk))
    if slug != (article.slug or "article"):
        query = request.GET.urlencode()
        return redirect(
            f"{article.get_absolute_url()}?{query}" if query else article.get_absolute_url(),
            permanent=True,
        )
    comments = comment_page(article.pk, request.GET.get("comments"))
    marks = search_marks(article, request.GET)
    context = {
        "article": article,
        "search": marks,
        "paragraphs": article_body(article, marks.words if marks else frozenset()),
        "comments": comments,
        "threads": comments.threads,
    }
    return render(request, "articles/article_detail.html", context)
