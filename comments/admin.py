"""Moderators hide and show reader comments."""

from __future__ import annotations

from django.contrib import admin, messages

from articles.admin import KeepsArticleCounts
from comments.models import Comment
from comments.services import comment_set_hidden


@admin.register(Comment)
class CommentAdmin(KeepsArticleCounts, admin.ModelAdmin):
    list_display = ("author_or_anonymous", "posted", "short_text", "article", "hidden")
    list_filter = ("hidden", "article__outlet", "posted")
    list_select_related = ("article",)
    search_fields = ("author", "text", "article__title")
    date_hierarchy = "posted"
    raw_id_fields = ("article", "reply_to")
    actions = ["hide_comments", "show_comments"]

    @admin.display(description="Author", ordering="author")
    def author_or_anonymous(self, obj: Comment) -> str:
        return obj.author or "Anonymous"

    @admin.display(description="Comment")
    def short_text(self, obj: Comment) -> str:
        return obj.text[:90]

    @admin.action(description="Hide selected comments")
    def hide_comments(self, request, queryset):
        n = comment_set_hidden(comments=queryset, hidden=True)
        self.message_user(request, f"Hid {n} comment(s).", messages.SUCCESS)

    @admin.action(description="Show selected comments")
    def show_comments(self, request, queryset):
        n = comment_set_hidden(comments=queryset, hidden=False)
        self.message_user(request, f"Showed {n} comment(s).", messages.SUCCESS)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "hidden" in form.changed_data:
            comment_set_hidden(comments=Comment.objects.filter(pk=obj.pk), hidden=obj.hidden)
