"""FilterSet for the comment list (every value lives in the query string).

Shared words (`articles.vocabulary`) describe the article a comment is under: its
people, outlet and publication date. `author`, `posted_from` and `posted_to` are the
comment's own.
"""

from __future__ import annotations

import django_filters
from django.db.models import F

from articles.filter_fields import DayFilter, people_filter
from articles.models import Article
from articles.vocabulary import ListFilterSet
from comments.models import Comment
from search.expressions import text_search
from search.fts import COMMENTS


class CommentFilter(ListFilterSet):
    published_field = "article__published"
    outlet_field = "article__outlet"

    SORTS = {
        "newest": (F("posted").desc(nulls_last=True), "-id"),
        "oldest": (F("posted").asc(nulls_last=True), "id"),
    }

    q = django_filters.CharFilter(
        method="filter_q",
        label="Words",
        max_length=200,
        help_text='Words in the comment itself: "a phrase", -not, OR.',
    )
    author = django_filters.CharFilter(
        method="filter_author",
        label="Author",
        max_length=200,
        help_text='Part of the name; in "double quotes" for the exact name.',
    )
    person = people_filter(
        method="filter_person",
        label="Article mentions",
        help_text="Type part of a name; several people: see “Match”.",
    )
    posted_from = DayFilter(field_name="posted", bound="from", label="Posted from")
    posted_to = DayFilter(field_name="posted", bound="to", label="Posted to")
    sort = django_filters.ChoiceFilter(
        method="filter_nothing",
        label="Sort by",
        empty_label=None,
        choices=[("newest", "Newest first"), ("oldest", "Oldest first")],
    )

    class Meta(ListFilterSet.Meta):
        model = Comment

    def filter_search(self, queryset, text):
        return text_search(queryset, text, COMMENTS)  # the article search's engine (#15)

    def filter_author(self, queryset, name, value: str):
        """`Dana` matches "Dana" and "Dana K"; `"Dana"` (quoted) matches only "Dana"."""
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            return queryset.filter(author__iexact=value[1:-1].strip())
        return queryset.filter(author__icontains=value)

    def filter_people(self, queryset, people, match):
        """Comments under articles that mention (or quote) any / all of the people."""
        articles = Article.objects.all()  # a set to join, not a page: the UNION form
        articles = (
            articles.mentioning_all(people)
            if match == "all"
            else articles.mentioning(people)
        )
        return queryset.filter(article__in=articles.values("pk"))
