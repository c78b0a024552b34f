"""Moderation writes (`comment_<verb>`)."""

from __future__ import annotations

from django.db import transaction

from articles.services import article_refresh_counts
from comments.models import Comment


@transaction.atomic
def comment_set_hidden(*, comments, hidden: bool) -> int:
    """Hide or show comments and keep their articles' comment counts right."""
    ids = list(comments.values_list("id", flat=True))
    changed = Comment.objects.filter(pk__in=ids).exclude(hidden=hidden).update(hidden=hidden)
    article_ids = set(Comment.objects.filter(pk__in=ids).values_list("article_id", flat=True))
    article_refresh_counts(article_ids=article_ids)
    return changed
