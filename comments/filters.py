"""FilterSet for the comment list (every value lives in the query string)."""

from __future__ import annotations

import django_filters

from articles.filter_fields import DayFilter, outlets_filter, people_filter
from articles.models import Article
from comments.models import Comment


class CommentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="text",
        lookup_expr="icontains",  # trigram GIN index on UPPER(text) on PostgreSQL
        label="Text contains",
        max_length=200,
    )
    author = django_filters.CharFilter(
        method="filter_author",
        label="Author",
        max_length=200,
        help_text='Part of the name; in "double quotes" for the exact name.',
    )
    person = people_filter(method="filter_person", label="Article mentions")
    outlet = outlets_filter(method="filter_outlet")
    posted_from = DayFilter(field_name="posted", bound="from", label="Posted from")
    posted_to = DayFilter(field_name="posted", bound="to", label="Posted to")

    class Meta:
        model = Comment
        fields: list[str] = []

    def filter_author(self, queryset, name, value: str):
        """`Dana` matches "Dana" and "Dana K"; `"Dana"` (quoted) matches only "Dana"."""
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            return queryset.filter(author__iexact=value[1:-1].strip())
        return queryset.filter(author__icontains=value)

    def filter_person(self, queryset, name, value):
        """Comments under articles that mention (or quote) any of the people."""
        if not value:  # an empty choice arrives as an empty QuerySet, not []
            return queryset
        return queryset.filter(article__in=Article.objects.mentioning(value).values("pk"))

    def filter_outlet(self, queryset, name, value):
        return queryset.filter(article__outlet__in=value) if value else queryset
