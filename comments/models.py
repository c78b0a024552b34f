"""Reader comments under an article, with reply threads and moderation."""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class CommentQuerySet(models.QuerySet):
    def visible(self) -> CommentQuerySet:
        """Comments readers may see: not hidden by a moderator."""
        return self.filter(hidden=False)

    def for_listing(self) -> CommentQuerySet:
        return self.select_related("article", "article__outlet").defer(
            "article__body", "article__search_vector", "article__curated_fields"
        )


class Comment(models.Model):
    article = models.ForeignKey(  # indexed by comment_unique_position (article, position)
        "articles.Article", on_delete=models.CASCADE, related_name="comments", db_index=False
    )
    author = models.CharField(
        max_length=200, null=True, blank=True, help_text="Empty for an anonymous comment."
    )
    posted = models.DateTimeField(null=True, blank=True)
    text = models.TextField()
    position = models.PositiveIntegerField(help_text="Order on the page, from 0.")
    reply_to = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replies"
    )
    hidden = models.BooleanField(default=False, help_text="Hidden by a moderator: never shown.")

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="comment_unique_position"),
        ]
        indexes = [
            # comment list: visible comments, newest first, undated last (and the date
            # filter). SQLite sorts NULLs last in a DESC index already; PostgreSQL sorts
            # them first, so there `comment_visible_newest_idx` (posted DESC NULLS LAST,
            # comments migration 0004) serves "newest", this one backwards "oldest" (#13)
            models.Index(
                fields=["-posted", "-id"],
                name="comment_visible_posted_idx",
                condition=Q(hidden=False),
            ),
            # outlet page: visible comments per month and their total, read from the
            # index alone, article by article of the outlet (#13); `hidden` is in it
            # because SQLite does not read a partial index's condition as a column
            models.Index(
                fields=["article", "posted", "hidden"],
                name="comment_article_posted_idx",
                condition=Q(hidden=False),
            ),
            # the author column as stored (the admin sorts by it). The list's exact author
            # filter (`?author="Dana"`, iexact) cannot use it: `comment_author_exact_idx`
            # (comments migration 0005) serves that, `author COLLATE NOCASE` on SQLite,
            # `UPPER(author)` then newest first on PostgreSQL. The substring filter reads
            # every visible comment: no B-tree serves `%Dana%` (#13)
            models.Index(fields=["author"], name="comment_author_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.author or 'Anonymous'}: {self.text[:60]}"

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#comment-{self.position}"

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]
