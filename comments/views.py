"""Visible reader comments across the archive, filtered and exported."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import F
from django.shortcuts import render

from articles.export_views import export_filtered
from articles.filter_fields import moved_people_redirect
from comments.filters import CommentFilter
from comments.models import Comment

PAGE_SIZE = 25


def listed_comments():
    """Visible comments, newest first (undated last), with their article and outlet."""
    return (
        Comment.objects.visible().for_listing().order_by(F("posted").desc(nulls_last=True), "-id")
    )


def comment_list(request):
    filterset = CommentFilter(request.GET, queryset=listed_comments())
    if moved := moved_people_redirect(request, filterset):
        return moved
    comments = filterset.qs if filterset.is_valid() else Comment.objects.none()
    page = Paginator(comments, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "comments/comment_list.html", {"filter": filterset, "page": page})


def export_comments(request, fmt: str):
    filterset = CommentFilter(request.GET, queryset=listed_comments())
    return export_filtered(request, filterset, "comments", fmt)
