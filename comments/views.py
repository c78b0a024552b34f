"""Visible reader comments across the archive, filtered and exported."""

from __future__ import annotations

from django.shortcuts import render

from articles import archive_counts
from articles.export_views import EXPORT_PARAMS, export_filtered
from articles.paging import list_page, without_paging
from articles.vocabulary import list_links, list_redirect, match_note
from comments.filters import CommentFilter
from comments.models import Comment

PAGE_SIZE = 25


def listed_comments():
    """Visible comments with their article and outlet (the FilterSet's `sort` orders them)."""
    return Comment.objects.visible().for_listing()


def comment_list(request):
    filterset = CommentFilter(request.GET, queryset=listed_comments())
    if moved := list_redirect(request, filterset):
        return moved
    comments = filterset.qs if filterset.is_valid() else Comment.objects.none()
    page = list_page(comments, request.GET, PAGE_SIZE)
    if not page.error and (known := archive_counts.list_total(filterset, "comments")) is not None:
        page.count = known  # the kept counts know it: no COUNT(*) of 2 M comments (#13)
    context = {
        "filter": filterset,
        "page": page,
        "match_note": match_note(filterset, without_paging(request.GET)),
        "list_links": list_links("comments", request.GET),
    }
    status = 400 if page.error else 200
    return render(request, "comments/comment_list.html", context, status=status)


def export_comments(request, fmt: str):
    filterset = CommentFilter(request.GET, queryset=listed_comments(), extra_params=EXPORT_PARAMS)
    return export_filtered(request, filterset, "comments", fmt)
