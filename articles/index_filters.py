"""FilterSets for the people and outlet indexes (`/people/`, `/outlets/`): a name
search and a sort, every value in the query string like the other lists."""

from __future__ import annotations

import django_filters
from django import forms

from articles.models import Outlet, Person
from articles.vocabulary import ListForm


class IndexFilterSet(django_filters.FilterSet):
    """`q` searches names (every word), `sort` orders; unknown words are errors (#14)."""

    SORTS: dict[str, tuple] = {}

    q = django_filters.CharFilter(
        method="filter_name",
        label="Name contains",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    class Meta:
        form = ListForm
        fields: list[str] = []

    def __init__(self, data=None, *args, extra_params: tuple[str, ...] = (), **kwargs):
        if data is not None and not data.get("sort"):
            data = data.copy()
            data["sort"] = next(iter(self.SORTS))
        super().__init__(data, *args, **kwargs)
        self._extra_params = extra_params  # the API's cursor, size, _nocount (#15)

    @property
    def form(self):
        form = super().form
        if self.is_bound:
            form.known_params = (*self.filters, "page", *self._extra_params)
            form.unknown_params = tuple(k for k in self.data if k not in form.known_params)
        return form

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return queryset.order_by(*self.SORTS[self.form.cleaned_data.get("sort") or "articles"])


class PersonIndexFilter(IndexFilterSet):
    SORTS = {
        "articles": ("-article_total", "name", "pk"),
        "mentions": ("-mention_total", "name", "pk"),
        "quotes": ("-quote_total", "name", "pk"),
        "name": ("name", "pk"),
    }
    sort = django_filters.ChoiceFilter(
        method="filter_nothing",
        label="Sort by",
        empty_label=None,
        choices=[
            ("articles", "Most articles"),
            ("mentions", "Most mentions"),
            ("quotes", "Most quotes"),
            ("name", "Name (A–Z)"),
        ],
    )

    class Meta(IndexFilterSet.Meta):
        model = Person

    def filter_name(self, queryset, name, value):
        words = value.split()
        for word in words[:6]:
            queryset = queryset.filter(name__icontains=word)
        return queryset


class OutletIndexFilter(IndexFilterSet):
    SORTS = {
        "articles": ("-article_total", "name", "pk"),
        "quotes": ("-quote_total", "name", "pk"),
        "comments": ("-comment_total", "name", "pk"),
        "name": ("name", "pk"),
    }
    sort = django_filters.ChoiceFilter(
        method="filter_nothing",
        label="Sort by",
        empty_label=None,
        choices=[
            ("articles", "Most articles"),
            ("quotes", "Most quotes"),
            ("comments", "Most reader comments"),
            ("name", "Name (A–Z)"),
        ],
    )

    class Meta(IndexFilterSet.Meta):
        model = Outlet

    filter_name = PersonIndexFilter.filter_name
