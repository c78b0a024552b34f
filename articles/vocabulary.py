"""One filter language for the article, quote and comment lists (#14).

Every list understands the same query-string words, with the same meaning:

| word | meaning on every list |
|---|---|
| `q` | words in what the list shows (the article, the quote, the comment) |
| `person` | repeatable: the article mentions or quotes them (on quotes: they said it) |
| `match` | `any` (default) or `all` of the chosen people |
| `outlet` | repeatable: the article's outlet |
| `month` | `2016-11`: the article was published that month (UTC) |
| `published_from`, `published_to` | whole days the article was published, inclusive |
| `sort` | `newest` (default) or `oldest`, plus the list's own orders |
| `page` | the page number |
| `cursor` | the page after (or before) a row: the lists' Next and Previous links |

A list may add its own words (articles: `has_comments`; comments: `author`,
`posted_from`, `posted_to`). Any other word is reported as an error beside the
form, like a bad value, and the list is emptied: `?speakr=ben` never silently
shows everything. Old names (`speaker` on quotes) answer 301 to the new name.
"""

from __future__ import annotations

from dataclasses import dataclass

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponsePermanentRedirect, QueryDict
from django.urls import reverse

from articles.filter_fields import (
    DayFilter,
    MonthFilter,
    moved_people_redirect,
    outlets_filter,
    people_filter,
)

SHARED_PARAMS = ("q", "person", "match", "outlet", "month", "published_from", "published_to")
ALWAYS_ALLOWED = ("page", "cursor")  # paging (`articles.paging`)
# Parameters older pages and bookmarks used, and the word they now are.
RENAMED = {"speaker": "person"}

MATCH_CHOICES = [("any", "Any of them"), ("all", "All of them")]


class ListForm(forms.Form):
    """A filter form that also refuses query-string words its list does not know."""

    unknown_params: tuple[str, ...] = ()
    known_params: tuple[str, ...] = ()

    def clean(self):
        cleaned = super().clean()
        if self.unknown_params:
            names = ", ".join(f"“{name}”" for name in self.unknown_params)
            raise ValidationError(
                "Unknown filter %(names)s: this list understands %(known)s.",
                code="unknown_filter",
                params={"names": names, "known": ", ".join(self.known_params)},
            )
        return cleaned


class ListFilterSet(django_filters.FilterSet):
    """The shared vocabulary; subclasses say how each word applies to their rows.

    Subclasses set `published_field` and `outlet_field` (lookups to the article's date and
    outlet), implement `filter_search` and `filter_people(queryset, people, match)`, and
    declare `sort` with their `SORTS`.
    """

    published_field = "published"
    outlet_field = "outlet"
    extra_params: tuple[str, ...] = ()
    SORTS: dict = {}

    q = django_filters.CharFilter(method="filter_q", label="Search", max_length=200)
    person = people_filter(
        method="filter_person",
        label="People",
        help_text="Type part of a name; several people: see “Match”.",
    )
    match = django_filters.ChoiceFilter(
        method="filter_nothing",  # read by filter_person
        label="Match",
        empty_label=None,
        choices=MATCH_CHOICES,
        help_text="With several people: any of them (the default) or all of them.",
    )
    outlet = outlets_filter(method="filter_outlet")
    month = MonthFilter(field_name="published", label="Month")
    published_from = DayFilter(field_name="published", bound="from", label="Published from")
    published_to = DayFilter(
        field_name="published", bound="to", label="Published to", help_text="Whole days, in UTC."
    )

    class Meta:
        form = ListForm
        fields: list[str] = []

    def __init__(self, data=None, *args, extra_params: tuple[str, ...] = (), **kwargs):
        if data is not None:
            data = data.copy()
            if "match" in self.base_filters and not data.get("match"):
                data["match"] = "any"
            if "sort" in self.base_filters and not data.get("sort"):
                data["sort"] = self.default_sort(data)
        super().__init__(data, *args, **kwargs)
        for name in ("month", "published_from", "published_to"):
            if name in self.filters:
                self.filters[name].field_name = self.published_field
        # The shared words first, in the same order on every list; `sort` last.
        order = [n for n in (*SHARED_PARAMS, *self.filters) if n in self.filters and n != "sort"]
        self.filters = {
            name: self.filters[name] for name in (*order, "sort") if name in self.filters
        }
        self._extra_params = (*self.extra_params, *extra_params)

    @property
    def form(self):
        form = super().form
        if self.is_bound and not hasattr(form, "_vocabulary_checked"):
            form._vocabulary_checked = True
            form.known_params = self.known_params()
            form.unknown_params = tuple(k for k in self.data if k not in form.known_params)
        return form

    def known_params(self) -> tuple[str, ...]:
        return (*self.filters, *ALWAYS_ALLOWED, *self._extra_params)

    def default_sort(self, data: QueryDict) -> str:
        return "newest"

    @property
    def match_mode(self) -> str:
        data = self.form.cleaned_data if hasattr(self.form, "cleaned_data") else {}
        return data.get("match") or "any"

    def filter_q(self, queryset, name, value):
        return self.filter_search(queryset, value.strip()) if value.strip() else queryset

    def filter_person(self, queryset, name, value):
        if not value:  # an empty choice arrives as an empty QuerySet, not []
            return queryset
        return self.filter_people(queryset, list(value), self.match_mode)

    def filter_outlet(self, queryset, name, value):
        return queryset.filter(**{f"{self.outlet_field}__in": value}) if value else queryset

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if "sort" not in self.filters:
            return queryset
        sort = self.form.cleaned_data.get("sort") or "newest"
        return self.order(queryset, sort)

    def order(self, queryset, sort: str):
        return queryset.order_by(*self.SORTS[sort])

    # Subclasses: how the words apply to their rows.
    def filter_search(self, queryset, text: str):
        raise NotImplementedError

    def filter_people(self, queryset, people: list, match: str):
        raise NotImplementedError


def shared_query(params: QueryDict) -> str:
    """The shared words of `params` as a query string, for links to the other lists:
    `?person=a&sort=comments&page=3` -> `person=a`."""
    kept = QueryDict(mutable=True)
    for key in SHARED_PARAMS:
        values = [v for v in params.getlist(key) if v]
        if values and not (key == "match" and values == ["any"]):
            kept.setlist(key, values)
    return kept.urlencode()


def renamed_params_redirect(request) -> HttpResponsePermanentRedirect | None:
    """301 from an old parameter name to its vocabulary word: `?speaker=x` -> `?person=x`."""
    if not any(old in request.GET for old in RENAMED):
        return None
    params = request.GET.copy()
    for old, new in RENAMED.items():
        if old in params:
            params.setlist(new, params.getlist(new) + params.pop(old))
    return HttpResponsePermanentRedirect(f"{request.path}?{params.urlencode()}")


def list_redirect(request, filterset) -> HttpResponsePermanentRedirect | None:
    """The 301 a list answers instead of itself, if any: an old parameter name, a merged
    person's old slug (#12), or a person typed by name and found (#14)."""
    return renamed_params_redirect(request) or moved_people_redirect(request, filterset)


@dataclass(frozen=True)
class ListLink:
    label: str
    url: str


# list -> (label of a link from another list to it, URL name)
_LISTS = {
    "articles": ("Articles with these filters", "articles:article_list"),
    "quotes": ("Quotes in these results", "articles:quote_list"),
    "comments": ("Comments on these results", "comments:comment_list"),
}


def list_links(here: str, params: QueryDict) -> list[ListLink]:
    """Links from list `here` to the two others, keeping every shared word:
    `/?person=a&month=2016-11&sort=comments` -> `/quotes/?person=a&month=2016-11`, …"""
    query = shared_query(params)
    return [
        ListLink(label, f"{reverse(url_name)}?{query}" if query else reverse(url_name))
        for name, (label, url_name) in _LISTS.items()
        if name != here
    ]


@dataclass(frozen=True)
class MatchNote:
    text: str
    switch_label: str
    switch_url: str


def match_note(filterset, params: QueryDict) -> MatchNote | None:
    """With two or more people chosen: which match is in force, and a link to the other.

    `?person=a&person=b` -> "Any of the 2 people (the default)", link "Require all of them".
    """
    if not filterset.is_valid() or "match" not in filterset.filters:
        return None
    people = filterset.form.cleaned_data.get("person") or []
    if len(people) < 2:
        return None
    mode = filterset.form.cleaned_data.get("match") or "any"
    other = QueryDict(mutable=True)
    other.update(params)
    other.pop("page", None)
    if mode == "all":
        other.pop("match", None)
        return MatchNote(
            f"All of the {len(people)} people (match=all)",
            "Any of them instead",
            f"?{other.urlencode()}",
        )
    other["match"] = "all"
    return MatchNote(
        f"Any of the {len(people)} people (match=any, the default)",
        "Require all of them",
        f"?{other.urlencode()}",
    )
