"""FilterSets for the article and quote lists (every value lives in the query string)."""

from __future__ import annotations

import django_filters
from django import forms

from articles.filter_fields import DayFilter, MonthFilter, outlets_filter, people_filter
from articles.models import Article
from articles.querysets import NEWEST_FIRST


class ArticleFilter(django_filters.FilterSet):
    """The articles page: search, people, outlets, dates, comments, sort.

    `?person=amelia-stone&outlet=harbour-gazette&month=2016-11&sort=comments`
    Every filter and sort is served by an index on Article, Mention or Quote.
    """

    SORTS = {
        # sort value -> ordering; each matches an Article.Meta index
        "newest": NEWEST_FIRST,
        "oldest": ("published", "id"),
        "comments": ("-comment_count", *NEWEST_FIRST),
        "quotes": ("-quote_count", *NEWEST_FIRST),
    }

    q = django_filters.CharFilter(
        method="filter_search",
        label="Search",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Words in the article"}),
    )
    person = people_filter(method="filter_people", help_text="Mentioned or quoted.")
    outlet = outlets_filter(method="filter_outlets")
    month = MonthFilter(field_name="published", label="Month")
    published_from = DayFilter(field_name="published", bound="from", label="From")
    published_to = DayFilter(
        field_name="published", bound="to", label="To", help_text="Whole days, counted in UTC."
    )
    has_comments = django_filters.BooleanFilter(
        method="filter_has_comments",
        label="Only articles with reader comments",
        widget=forms.CheckboxInput,
    )
    sort = django_filters.ChoiceFilter(
        method="filter_nothing",  # applied last, in filter_queryset
        label="Sort by",
        empty_label=None,
        choices=[
            ("newest", "Newest first"),
            ("oldest", "Oldest first"),
            ("comments", "Most commented"),
            ("quotes", "Most quoted"),
            ("relevance", "Best match"),
        ],
    )

    class Meta:
        model = Article
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("sort"):
            # Show the default sort in the form: best match when searching, else newest.
            data = data.copy()
            data["sort"] = "relevance" if data.get("q", "").strip() else "newest"
        super().__init__(data, *args, **kwargs)

    def filter_people(self, queryset, name, value):
        return queryset.mentioning(value) if value else queryset

    def filter_outlets(self, queryset, name, value):
        return queryset.filter(outlet__in=value) if value else queryset

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_has_comments(self, queryset, name, value):
        return queryset.filter(comment_count__gt=0) if value else queryset

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        sort = self.form.cleaned_data.get("sort") or "newest"
        if sort == "relevance":
            # Ranked only on PostgreSQL (ArticleQuerySet.search annotates `rank`).
            if "rank" in queryset.query.annotations:
                return queryset.order_by("-rank", *NEWEST_FIRST)
            sort = "newest"
        return queryset.order_by(*self.SORTS[sort])
