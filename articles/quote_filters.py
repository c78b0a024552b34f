"""FilterSets for quotes: the quote list and a person's quotes on their page.

Shared words (`articles.vocabulary`): `person` is who said it; with `match=all` and
several people, the quotes any of them said in articles that mention all of them.
"""

from __future__ import annotations

import django_filters
from django.db.models import F

from articles.filter_fields import people_filter
from articles.models import Article, Quote
from articles.vocabulary import ListFilterSet
from search.expressions import text_search
from search.fts import QUOTES


class QuoteFilter(ListFilterSet):
    published_field = "article__published"
    outlet_field = "article__outlet"

    SORTS = {
        "newest": (F("article__published").desc(nulls_last=True), "-article_id", "position"),
        "oldest": (F("article__published").asc(nulls_last=True), "article_id", "position"),
    }

    q = django_filters.CharFilter(
        method="filter_q",
        label="Words",
        max_length=200,
        help_text='Words in the quote itself: "a phrase", -not, OR.',
    )
    person = people_filter(
        method="filter_person",
        label="Said by",
        help_text="Type part of a name; several people: see “Match”.",
    )
    sort = django_filters.ChoiceFilter(
        method="filter_nothing",
        label="Sort by",
        empty_label=None,
        choices=[("newest", "Newest first"), ("oldest", "Oldest first")],
    )

    class Meta(ListFilterSet.Meta):
        model = Quote

    def filter_search(self, queryset, text):
        return text_search(queryset, text, QUOTES)  # the article search's engine (#15)

    def filter_people(self, queryset, people, match):
        quotes = queryset.filter(speaker__in=people)
        if match == "all" and len(people) > 1:
            both = Article.objects.mentioning_all(people)
            quotes = quotes.filter(article__in=both.values("pk"))
        return quotes


class PersonQuoteFilter(QuoteFilter):
    """The quotes on a person's page: the speaker is the page's person."""

    person = None
    match = None
