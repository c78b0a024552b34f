"""Curator admin: fix titles, merge people, add aliases, mark non-people, edit outlets.

Curation never damages data (#12): change forms store only what the curator changed
(`CuratorAdmin`), every curator write is in Django's admin log and listed on the
object's change page, and an article's comments are moderated from the comment list.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count
from django.forms import Textarea, TextInput
from django.forms.models import BaseInlineFormSet
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from articles import display, import_warnings
from articles.forms import CuratorForm, LinesField
from articles.models import Article, IgnoredName, Mention, Outlet, Person, Quote
from articles.services import (
    article_forget_curation,
    article_refresh_counts,
    person_mark_not_a_person,
    person_merge,
    person_save_edit,
)

# Rows of a change page's curator history; the History link shows them all.
HISTORY_ROWS = 10


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


class CuratorAdmin(admin.ModelAdmin):
    """Change forms that write only what the curator changed, and show who changed what.

    Saving an unchanged form writes nothing (not even an admin log entry); a changed
    form UPDATEs only its changed columns (plus `extra_update_fields(...)`).
    """

    form = CuratorForm

    def save_model(self, request, obj, form, change):
        if not change:
            return super().save_model(request, obj, form, change)
        fields = self.update_fields(request, obj, form)
        if fields:
            obj.save(update_fields=fields)

    def update_fields(self, request, obj, form) -> list[str]:
        """The columns to write for a changed form (override to add remembered flags)."""
        return form.model_fields_changed()

    def log_change(self, request, obj, message):
        if not message:  # "No fields changed.": nothing was written, nothing to record
            return None
        return super().log_change(request, obj, message)

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        return (*fields, "curator_history") if obj is not None else fields

    def get_fields(self, request, obj=None):
        fields = tuple(super().get_fields(request, obj))
        if obj is None:
            return tuple(f for f in fields if f != "curator_history")
        return fields if "curator_history" in fields else (*fields, "curator_history")

    @admin.display(description="Curator history")
    def curator_history(self, obj):
        return curator_history(obj)


def curator_history(obj):
    """The latest admin log entries for `obj`: when, who, what (escaped)."""
    entries = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
        )
        .select_related("user")
        .order_by("-action_time", "-id")[:HISTORY_ROWS]
    )
    rows = [
        (
            display.utc_datetime(e.action_time),
            e.user.get_username(),
            e.get_change_message() or e.get_action_flag_display(),
        )
        for e in entries
    ]
    history_url = reverse(
        f"admin:{obj._meta.app_label}_{obj._meta.model_name}_history", args=[obj.pk]
    )
    if not rows:
        return "No curator edits yet."
    return format_html(
        '<ul class="curator-history">{}</ul><a href="{}">Full history</a>',
        format_html_join("", "<li>{} — {} — {}</li>", rows),
        history_url,
    )


def _local_time_with_zone(value, outlet: Outlet) -> str:
    """ "14 Nov 2016, 18:30 EST (America/New_York)", or "–" for no time."""
    if value is None:
        return "–"
    return f"{display.local_datetime(value, outlet.time_zone)} ({outlet.time_zone})"


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
class OutletAdmin(_LinesForm, CuratorAdmin):
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
class PersonAdmin(_LinesForm, CuratorAdmin):
    lines_fields = ("aliases",)
    list_display = ("name", "alias_list", "mention_total", "quote_total")
    ordering = ("name", "pk")  # Meta.ordering does not apply to the counts' GROUP BY
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

    def get_prepopulated_fields(self, request, obj=None):
        # Renaming someone keeps their address: only a new person's slug follows the name.
        return {} if obj is not None else self.prepopulated_fields

    @admin.display(description="Aliases")
    def alias_list(self, obj: Person) -> str:
        return ", ".join(obj.aliases)

    @admin.display(description="Articles", ordering="mention_total")
    def mention_total(self, obj: Person) -> int:
        return obj.mention_total

    @admin.display(description="Quotes", ordering="quote_total")
    def quote_total(self, obj: Person) -> int:
        return obj.quote_total

    def save_model(self, request, obj, form, change):
        if not change:
            return super().save_model(request, obj, form, change)
        person_save_edit(
            person=obj, fields=form.model_fields_changed(), old_slug=form._stored["slug"]
        )

    @admin.action(description="Merge selected people into one…")
    def merge_people(self, request, queryset):
        people = list(queryset.order_by("name"))
        if len(people) < 2:
            self.message_user(request, "Select at least two people to merge.", messages.WARNING)
            return None
        keep_id = request.POST.get("keep")
        keep = next((p for p in people if str(p.pk) == keep_id), None)
        if "confirm" in request.POST and keep is not None:
            for other in people:
                if other.pk != keep.pk:
                    message = f"Merged {other.name} ({other.slug}) into this person."
                    person_merge(keep=keep, absorb=other)
                    self.log_change(request, keep, message)
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
                "people": _with_totals(people),
                "unchosen": "confirm" in request.POST,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )

    @admin.action(description="Mark selected as not a person")
    def mark_not_a_person(self, request, queryset):
        names = [p.name for p in queryset]
        ignored_admin = self.admin_site._registry[IgnoredName]
        for person in list(queryset):
            for ignored in person_mark_not_a_person(person=person):
                ignored_admin.log_addition(
                    request, ignored, f"Marked not a person (was {person.name}, {person.slug})."
                )
        self.message_user(request, f"Marked as not a person: {', '.join(names)}.", messages.SUCCESS)


def _with_totals(people: list[Person]) -> list[Person]:
    """The merge page shows, for each person, their articles, quotes and aliases."""
    totals = Person.objects.filter(pk__in=[p.pk for p in people]).annotate(
        n_articles=Count("mentions", distinct=True), n_quotes=Count("quotes", distinct=True)
    )
    by_id = {p.pk: (p.n_articles, p.n_quotes) for p in totals}
    for person in people:
        person.n_articles, person.n_quotes = by_id.get(person.pk, (0, 0))
    return people


@admin.register(IgnoredName)
class IgnoredNameAdmin(CuratorAdmin):
    list_display = ("name", "created_at")
    search_fields = ("name",)


class CappedInlineFormSet(BaseInlineFormSet):
    """An inline of at most `cap` rows, so an article's change page stays small (#12);
    the rest are a link away (`more_link`) in the model's own admin list."""

    cap = 50

    def get_queryset(self):
        if not hasattr(self, "_queryset"):
            self._queryset = super().get_queryset()[: self.cap]
        return self._queryset


class CappedInline:
    cap = CappedInlineFormSet.cap
    formset = CappedInlineFormSet
    form = CuratorForm
    extra = 0


class MentionInline(CappedInline, admin.TabularInline):
    model = Mention
    autocomplete_fields = ("person",)


class QuoteInline(CappedInline, admin.TabularInline):
    model = Quote
    autocomplete_fields = ("speaker",)
    fields = ("position", "speaker", "cue", "text")
    # One compact row per quote: 50 stacked quotes made a page thousands of pixels long.
    formfield_overrides = {
        models.CharField: {"widget": TextInput(attrs={"size": 10})},
        models.TextField: {"widget": Textarea(attrs={"rows": 2, "cols": 50})},
    }


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


class ArticleListFilter(admin.SimpleListFilter):
    """`?article=<id>`: the rows of one article (linked from its change page)."""

    title = "article"
    parameter_name = "article"

    def lookups(self, request, model_admin):
        value = self.value()
        if not (value and value.isdigit()):
            return []
        article = Article.objects.filter(pk=value).only("title").first()
        return [(value, article.title[:80])] if article else []

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        return queryset.filter(article_id=value) if value.isdigit() else queryset.none()


@admin.register(Article)
class ArticleAdmin(_LinesForm, CuratorAdmin):
    lines_fields = ("authors", "tags")
    list_display = (
        "title",
        "outlet",
        "published_local",
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
        "local_times",
        "quotes_link",
        "comments_link",
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
        "local_times",
        "standfirst",
        "body",
        "tags",
        "quotes_link",
        "comments_link",
        "curated_fields",
        "warning_list",
        "source_path",
        "content_hash",
        "imported_at",
    )
    actions = ["forget_curation"]
    # Comments are moderated from their own list (`comments_link`), never inline: a page
    # with thousands of comments made this page megabytes big and unsaveable (#12).
    inlines = [MentionInline, QuoteInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("outlet")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("published", "updated") and field is not None:
            field.help_text = "Stored and edited in UTC; the outlet's local time is shown below."
        return field

    @admin.display(description="Published (outlet's time)", ordering="published")
    def published_local(self, obj: Article) -> str:
        return _local_time_with_zone(obj.published, obj.outlet)

    @admin.display(description="Local times")
    def local_times(self, obj: Article):
        rows = [
            (label, _local_time_with_zone(value, obj.outlet), display.utc_datetime(value))
            for label, value in (("Published", obj.published), ("Updated", obj.updated))
            if value is not None
        ]
        if not rows:
            return "No dates."
        return format_html_join("", '<div>{}: {} <span class="help">= {}</span></div>', rows)

    @admin.display(description="Quotes")
    def quotes_link(self, obj: Article):
        url = reverse("admin:articles_quote_changelist") + f"?article={obj.pk}"
        shown = min(obj.quote_count, QuoteInline.cap)
        return format_html(
            '<a href="{}">All {} quotes in the quote list</a> (the first {} are below)',
            url,
            obj.quote_count,
            shown,
        )

    @admin.display(description="Comments")
    def comments_link(self, obj: Article):
        hidden = obj.comments.filter(hidden=True).count()
        url = reverse("admin:comments_comment_changelist") + f"?article={obj.pk}"
        return format_html(
            '<a href="{}">Moderate the {} comments</a> ({} shown, {} hidden)',
            url,
            obj.comment_count + hidden,
            obj.comment_count,
            hidden,
        )

    @admin.action(description="Let imports update the selected articles' curated fields again")
    def forget_curation(self, request, queryset):
        for article in article_forget_curation(articles=queryset):
            fields = ", ".join(article.curated_fields)
            self.log_change(request, article, f"Curated fields released to imports: {fields}.")
        self.message_user(request, "Curated fields released: the next changed import updates them.")

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

    def update_fields(self, request, obj, form) -> list[str]:
        # Remember what the curator changed so a re-import keeps it; a field is curated
        # only when its value really changed (CuratorForm), never by an unchanged Save.
        fields = form.model_fields_changed()
        edited = set(fields) & set(Article.CURATABLE_FIELDS)
        if edited - set(obj.curated_fields):
            obj.curated_fields = sorted(set(obj.curated_fields) | edited)
            fields.append("curated_fields")
        return fields

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
        # Inline edits may delete quotes: keep the list's counts true.
        article_refresh_counts(article_ids=[form.instance.pk])


def _warning_items(warnings: list[str]):
    """Warnings as an escaped HTML list (imported text inside: never mark_safe)."""
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((w,) for w in warnings)))


@admin.register(Quote)
class QuoteAdmin(KeepsArticleCounts, CuratorAdmin):
    list_display = ("short_text", "speaker", "cue", "article")
    list_filter = (ArticleListFilter, "cue", "article__outlet")
    list_select_related = ("speaker", "article")
    search_fields = ("text", "speaker__name")
    autocomplete_fields = ("speaker",)
    raw_id_fields = ("article",)

    @admin.display(description="Quote")
    def short_text(self, obj: Quote) -> str:
        return obj.text[:90]

    def update_fields(self, request, obj, form) -> list[str]:
        fields = form.model_fields_changed()
        if not fields:
            return []
        obj.curated = True  # edited by a curator: a re-import keeps it
        return [*fields, "curated"]
