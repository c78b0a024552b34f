"""Curator admin: fix titles, merge people, add aliases, mark non-people, edit outlets."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count
from django.shortcuts import render
from django.utils.html import format_html, format_html_join

from articles import import_warnings
from articles.forms import LinesField
from articles.models import Article, IgnoredName, Mention, Outlet, Person, Quote
from articles.services import article_refresh_counts, person_mark_not_a_person, person_merge
from comments.models import Comment


class _LinesForm:
    """Mixin for ModelAdmins whose list-valued JSON fields are edited one per line."""

    lines_fields: tuple[str, ...] = ()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.lines_fields:
            return LinesField(
                label=db_field.verbose_name.capitalize(),
                help_text=db_field.help_text or "One per line.",
                validators=db_field.validators,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class KeepsArticleCounts:
    """Admin mixin for rows counted on their article (quotes, comments): deleting them
    keeps `Article.quote_count` / `comment_count` true."""

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        article_refresh_counts(article_ids=[obj.article_id])

    def delete_queryset(self, request, queryset):
        article_ids = set(queryset.values_list("article_id", flat=True))
        super().delete_queryset(request, queryset)
        article_refresh_counts(article_ids=article_ids)


@admin.register(Outlet)
class OutletAdmin(_LinesForm, admin.ModelAdmin):
    lines_fields = ("domains", "signatures")
    list_display = ("name", "time_zone", "domain_list", "article_total")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description="Domains")
    def domain_list(self, obj: Outlet) -> str:
        return ", ".join(obj.domains)

    @admin.display(description="Articles", ordering="article_total")
    def article_total(self, obj: Outlet) -> int:
        return obj.article_total


@admin.register(Person)
class PersonAdmin(_LinesForm, admin.ModelAdmin):
    lines_fields = ("aliases",)
    list_display = ("name", "alias_list", "mention_total", "quote_total")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    actions = ["merge_people", "mark_not_a_person"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                mention_total=Count("mentions", distinct=True),
                quote_total=Count("quotes", distinct=True),
            )
        )

    @admin.display(description="Aliases")
    def alias_list(self, obj: Person) -> str:
        return ", ".join(obj.aliases)

    @admin.display(description="Articles", ordering="mention_total")
    def mention_total(self, obj: Person) -> int:
        return obj.mention_total

    @admin.display(description="Quotes", ordering="quote_total")
    def quote_total(self, obj: Person) -> int:
        return obj.quote_total

    @admin.action(description="Merge selected people into one…")
    def merge_people(self, request, queryset):
        people = list(queryset.order_by("name"))
        if len(people) < 2:
            self.message_user(request, "Select at least two people to merge.", messages.WARNING)
            return None
        keep_id = request.POST.get("keep")
        if keep_id and "confirm" in request.POST:
            keep = next((p for p in people if str(p.pk) == keep_id), None)
            if keep is None:
                self.message_user(request, "Choose one of the selected people.", messages.ERROR)
                return None
            for other in people:
                if other.pk != keep.pk:
                    person_merge(keep=keep, absorb=other)
            self.message_user(
                request, f"Merged {len(people) - 1} into {keep.name}.", messages.SUCCESS
            )
            return None
        return render(
            request,
            "admin/articles/person/merge.html",
            {
                **self.admin_site.each_context(request),
                "title": "Merge people",
                "people": people,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )

    @admin.action(description="Mark selected as not a person")
    def mark_not_a_person(self, request, queryset):
        names = [p.name for p in queryset]
        for person in list(queryset):
            person_mark_not_a_person(person=person)
        self.message_user(request, f"Marked as not a person: {', '.join(names)}.", messages.SUCCESS)


@admin.register(IgnoredName)
class IgnoredNameAdmin(admin.ModelAdmin):
    list_display = ("name", "created_at")
    search_fields = ("name",)


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    autocomplete_fields = ("person",)


class QuoteInline(admin.StackedInline):
    model = Quote
    extra = 0
    autocomplete_fields = ("speaker",)
    fields = ("position", "speaker", "cue", "text")


class CommentInline(admin.StackedInline):
    model = Comment
    extra = 0
    fields = ("position", "author", "posted", "hidden", "text", "reply_to")
    readonly_fields = ("reply_to",)
    show_change_link = True


class HasWarningsFilter(admin.SimpleListFilter):
    """The review queue (#9): articles whose import carried warnings."""

    title = "import warnings"
    parameter_name = "has_warnings"

    def lookups(self, request, model_admin):
        return [("yes", "With warnings"), ("no", "Without warnings")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(warning_count__gt=0)
        if self.value() == "no":
            return queryset.filter(warning_count=0)
        return queryset


class WarningKindFilter(admin.SimpleListFilter):
    """Articles with a warning of one kind ("no-date", "outlet"…, see articles.import_warnings)."""

    title = "warning kind"
    parameter_name = "warning_kind"

    def lookups(self, request, model_admin):
        return import_warnings.CHOICES

    def queryset(self, request, queryset):
        kinds = dict(import_warnings.CHOICES)
        if self.value() in kinds:
            return queryset.filter(warning_kinds__contains=f" {self.value()} ")
        return queryset


@admin.register(Article)
class ArticleAdmin(_LinesForm, admin.ModelAdmin):
    lines_fields = ("authors", "tags")
    list_display = (
        "title",
        "outlet",
        "published",
        "quote_count",
        "comment_count",
        "warning_count",
    )
    list_filter = (HasWarningsFilter, WarningKindFilter, "outlet", "published")
    list_select_related = ("outlet",)
    search_fields = ("title", "url")
    date_hierarchy = "published"
    readonly_fields = (
        "url",
        "source_path",
        "content_hash",
        "imported_at",
        "curated_fields",
        "quote_count",
        "comment_count",
        "warning_list",
    )
    fields = (
        "title",
        "slug",
        "outlet",
        "url",
        "authors",
        "published",
        "updated",
        "standfirst",
        "body",
        "tags",
        "quote_count",
        "comment_count",
        "curated_fields",
        "warning_list",
        "source_path",
        "content_hash",
        "imported_at",
    )
    inlines = [MentionInline, QuoteInline, CommentInline]

    def get_ordering(self, request):
        # The review queue puts the worst imports first so curators fix them first.
        if HasWarningsFilter.parameter_name in request.GET or (
            WarningKindFilter.parameter_name in request.GET
        ):
            return ("-warning_count", "-id")
        return super().get_ordering(request)

    @admin.display(description="Import warnings")
    def warning_list(self, obj: Article):
        if not obj.import_warnings:
            return "None"
        return _warning_items(obj.import_warnings)

    def save_model(self, request, obj, form, change):
        # Remember what the curator changed so a re-import keeps it.
        edited = set(form.changed_data) & set(Article.CURATABLE_FIELDS)
        if change and edited:
            obj.curated_fields = sorted(set(obj.curated_fields) | edited)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, Quote):
                instance.curated = True
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Inline edits may hide comments or delete quotes: keep the list's counts true.
        article_refresh_counts(article_ids=[form.instance.pk])


def _warning_items(warnings: list[str]):
    """Warnings as an escaped HTML list (imported text inside: never mark_safe)."""
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((w,) for w in warnings)))


@admin.register(Quote)
class QuoteAdmin(KeepsArticleCounts, admin.ModelAdmin):
    list_display = ("short_text", "speaker", "cue", "article")
    list_filter = ("cue", "article__outlet")
    list_select_related = ("speaker", "article")
    search_fields = ("text", "speaker__name")
    autocomplete_fields = ("speaker",)
    raw_id_fields = ("article",)

    @admin.display(description="Quote")
    def short_text(self, obj: Quote) -> str:
        return obj.text[:90]

    def save_model(self, request, obj, form, change):
        obj.curated = True
        super().save_model(request, obj, form, change)
