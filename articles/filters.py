"""FilterSets for the article list (every value lives in the query string).

The words every list shares (q, person, match, outlet, month, published_from/to,
sort) come from `articles.vocabulary.ListFilterSet`; this adds the article-only ones.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.functional import cached_property

from articles.models import Article
from articles.querysets import NEWEST_FIRST
from articles.vocabulary import ListFilterSet


class ArticleFilter(ListFilterSet):
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
        method="filter_q",
        label="Search",
        help_text="Words in the article: headline, standfirst, body.",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Words in the article"}),
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

    class Meta(ListFilterSet.Meta):
        model = Article

    def listed(self) -> tuple[QuerySet, bool]:
        """What a page of the list reads: `qs`, except that "Best match" over a broad search
        ranks at most `SEARCH_RANK_LIMIT` matches (`ArticleQuerySet.best_first`; True when
        it did). Exports read `qs`: every match, in rank order."""
        articles = self.qs
        ranked = "rank" in articles.query.annotations
        if ranked and self.form.cleaned_data.get("sort") == "relevance":
            return articles.best_first(settings.SEARCH_RANK_LIMIT)
        return articles, False

    def default_sort(self, data) -> str:
        # Best match when searching, else newest.
        return "relevance" if data.get("q", "").strip() else "newest"

    def filter_people(self, queryset, people, match):
        if match == "all":
            return queryset.mentioning_all(people)
        return queryset.mentioning(people)

    def filter_search(self, queryset, text):
        # Ranked only for "Best match": another order does not pay for the rank.
        ranked = self.form.cleaned_data.get("sort") == "relevance"
        return queryset.search(text, ranked=ranked, matches=self._few_matches)

    @cached_property
    def _few_matches(self) -> list[int] | None:
        """The search's matches when few (PostgreSQL), gathered once for the list, its
        count and each facet that re-applies the search (`ArticleQuerySet.few_matches`)."""
        return Article.objects.using(self.queryset.db).few_matches(
            self.form.cleaned_data.get("q", "")
        )

    def filter_has_comments(self, queryset, name, value):
        return queryset.filter(comment_count__gt=0) if value else queryset

    def order(self, queryset, sort):
        if sort == "relevance":
            # ArticleQuerySet.search annotates `rank` on both databases (#15).
            if "rank" in queryset.query.annotations:
                return queryset.order_by("-rank", *NEWEST_FIRST)
            sort = "newest"
        return queryset.order_by(*self.SORTS[sort])
