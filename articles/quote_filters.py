"""FilterSets for quotes: the quote list and a person's quotes on their page."""

from __future__ import annotations

import django_filters
from django import forms

from articles.filter_fields import PickerWidget
from articles.models import Outlet, Person, Quote


class QuoteFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="text",
        lookup_expr="icontains",  # trigram GIN index on UPPER(text) on PostgreSQL
        label="Text contains",
        max_length=200,
    )
    speaker = django_filters.ModelMultipleChoiceFilter(
        queryset=Person.objects.only("name", "slug"),
        to_field_name="slug",
        method="filter_speaker",
        label="Speakers",
        widget=PickerWidget(attrs={"data-noun": "person"}),
    )
    outlet = django_filters.ModelMultipleChoiceFilter(
        queryset=Outlet.objects.only("name", "slug"),
        to_field_name="slug",
        method="filter_outlet",
        label="Outlets",
        widget=PickerWidget(attrs={"data-noun": "outlet"}),
    )
    published_from = django_filters.DateFilter(
        field_name="article__published",
        lookup_expr="date__gte",
        label="Published from",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    published_to = django_filters.DateFilter(
        field_name="article__published",
        lookup_expr="date__lte",
        label="Published to",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

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
