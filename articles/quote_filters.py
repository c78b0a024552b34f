"""FilterSets for quotes: the quote list and a person's quotes on their page."""

from __future__ import annotations

import django_filters

from articles.filter_fields import DayFilter, outlets_filter, people_filter
from articles.models import Quote


class QuoteFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="text",
        lookup_expr="icontains",  # trigram GIN index on UPPER(text) on PostgreSQL
        label="Text contains",
        max_length=200,
    )
    speaker = people_filter(method="filter_speaker", label="Speakers")
    outlet = outlets_filter(method="filter_outlet")
    published_from = DayFilter(
        field_name="article__published", bound="from", label="Published from"
    )
    published_to = DayFilter(field_name="article__published", bound="to", label="Published to")

    class Meta:
        model = Quote
        fields: list[str] = []

    def filter_speaker(self, queryset, name, value):
        return queryset.filter(speaker__in=value) if value else queryset

    def filter_outlet(self, queryset, name, value):
        return queryset.filter(article__outlet__in=value) if value else queryset


class PersonQuoteFilter(QuoteFilter):
    """The quotes on a person's page: the speaker is the page's person."""

    speaker = None
