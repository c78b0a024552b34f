"""Moderators hide and show reader comments, a whole article's from one list (#12).

`?article=<id>` narrows the list to one article (its change page links here); hide and
show are recorded in the admin log on each comment and on its article.
"""

from __future__ import annotations

from django.contrib import admin, messages

from articles.admin import ArticleListFilter, CuratorAdmin, KeepsArticleCounts
from articles.display import local_datetime
from articles.models import Article
from comments.models import Comment
from comments.services import comment_set_hidden


@admin.register(Comment)
class CommentAdmin(KeepsArticleCounts, CuratorAdmin):
    list_display = ("author_or_anonymous", "posted_local", "short_text", "article_title", "hidden")
    list_filter = (ArticleListFilter, "hidden", "article__outlet", "posted")
    list_select_related = ("article", "article__outlet")
    search_fields = ("author", "text", "article__title")
    date_hierarchy = "posted"
    raw_id_fields = ("article", "reply_to")
    actions = ["hide_comments", "show_comments"]

    @admin.display(description="Author", ordering="author")
    def author_or_anonymous(self, obj: Comment) -> str:
        return obj.author or "Anonymous"

    @admin.display(description="Posted (outlet's time)", ordering="posted")
    def posted_local(self, obj: Comment) -> str:
        if obj.posted is None:
            return "–"
        return local_datetime(obj.posted, obj.article.outlet.time_zone)

    @admin.display(description="Article", ordering="article__title")
    def article_title(self, obj: Comment) -> str:
        return obj.article.title[:60]

    @admin.display(description="Comment")
    def short_text(self, obj: Comment) -> str:
        return obj.text[:90]

    @admin.action(description="Hide selected comments")
    def hide_comments(self, request, queryset):
        n = self._set_hidden(request, queryset, hidden=True)
        self.message_user(request, f"Hid {n} comment(s).", messages.SUCCESS)

    @admin.action(description="Show selected comments")
    def show_comments(self, request, queryset):
        n = self._set_hidden(request, queryset, hidden=False)
        self.message_user(request, f"Showed {n} comment(s).", messages.SUCCESS)

    def _set_hidden(self, request, queryset, *, hidden: bool) -> int:
        changing = list(queryset.exclude(hidden=hidden).select_related("article"))
        n = comment_set_hidden(comments=queryset, hidden=hidden)
        self._log_moderation(request, changing, hidden=hidden)
        return n

    def _log_moderation(self, request, comments: list[Comment], *, hidden: bool) -> None:
        """One log entry per comment and one per article it belongs to."""
        article_admin = self.admin_site._registry[Article]
        verb = "Hid" if hidden else "Showed"
        for comment in comments:
            self.log_change(request, comment, "Hidden." if hidden else "Shown.")
        for article in {c.article_id: c.article for c in comments}.values():
            mine = [c for c in comments if c.article_id == article.pk]
            what = "; ".join(
                f"{verb} comment #{c.position} by {c.author or 'Anonymous'}" for c in mine
            )
            article_admin.log_change(request, article, what + ".")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "hidden" in form.changed_data:
            comment_set_hidden(comments=Comment.objects.filter(pk=obj.pk), hidden=obj.hidden)
