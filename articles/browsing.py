"""Reads and page pieces behind the articles list and the article page.

Kept out of the views so they stay short: the prefetches each page needs (fixed
query counts, whatever the page size or number of comments), the "active
filters" with their remove links, and the article body with quotes highlighted.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import SafeString

from articles.display import QuoteMark, highlighted_body
from articles.facets import toggle_url
from articles.models import Article, Mention, Quote
from articles.paging import ListPage, list_page
from search.highlight import mark_words, matched_words

PAGE_SIZE = 25


def paginate_articles(articles: QuerySet, params: QueryDict, count: int | None = None) -> ListPage:
    """One page of results with their people chips: two queries (count + rows) plus one
    prefetch, at any depth (keyset paging, `articles.paging`).

    `?page=` is whatever the query string says ("3", "999999", "abc"): it is clamped.
    """
    chips = Mention.objects.select_related("person").only(
        "article_id", "count", "person__name", "person__slug"
    )
    articles = articles.prefetch_related(Prefetch("mentions", queryset=chips))
    return list_page(articles, params, PAGE_SIZE, count)


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    remove_url: str


def active_filters(filterset, params: QueryDict) -> list[ActiveFilter]:
    """Each filter the reader set, with a link to the same page without it.

    `?person=amelia-stone&month=2016-11` -> [Person: Amelia Stone (remove -> ?month=2016-11),
    Month: Nov 2016 (remove -> ?person=amelia-stone)].
    """
    if not filterset.is_valid():
        return []
    data = filterset.form.cleaned_data
    found: list[ActiveFilter] = []

    def add(label: str, key: str, value: str) -> None:
        found.append(ActiveFilter(label, toggle_url(params, key, value, multiple=True)))

    if data.get("q"):
        add(f"Search: “{data['q']}”", "q", params.get("q", ""))
    for person in data.get("person") or []:
        add(f"Person: {person.name}", "person", person.slug)
    for outlet in data.get("outlet") or []:
        add(f"Outlet: {outlet.name}", "outlet", outlet.slug)
    if data.get("month"):
        add(f"Month: {data['month']:%b %Y}", "month", params.get("month", ""))
    if data.get("published_from"):
        add(f"From {data['published_from']:%-d %b %Y}", "published_from", params["published_from"])
    if data.get("published_to"):
        add(f"To {data['published_to']:%-d %b %Y}", "published_to", params["published_to"])
    if data.get("has_comments"):
        add("With reader comments", "has_comments", params.get("has_comments", ""))
    return found


def article_for_page(pk: int) -> QuerySet:
    """The article with what its page shows, in three queries (article, mentions, quotes);
    its comments come a page at a time from `articles.comment_pages.comment_page`."""
    return (
        Article.objects.for_detail()
        .prefetch_related(
            Prefetch("mentions", queryset=Mention.objects.select_related("person")),
            Prefetch(
                "quotes", queryset=Quote.objects.select_related("speaker").order_by("position")
            ),
        )
        .filter(pk=pk)
    )


MAX_SEARCH_TEXT = 200


@dataclass(frozen=True)
class SearchMarks:
    """An article reached from a search (`?q=`): the words that matched, marked (#15)."""

    text: str
    words: frozenset[str]
    title: SafeString
    standfirst: SafeString
    results_url: str


def search_marks(article: Article, params: QueryDict) -> SearchMarks | None:
    """`?q=ferries -strike` -> the words of the article that search matched ("Ferries",
    "ferry"), its title and standfirst escaped with them marked; None without `q`."""
    text = params.get("q", "").strip()[:MAX_SEARCH_TEXT].replace("\x00", "")
    if not text:
        return None
    words = matched_words(article.pk, text, using=article._state.db)
    return SearchMarks(
        text=text,
        words=words,
        title=mark_words(article.title, words),
        standfirst=mark_words(article.standfirst, words),
        results_url=f"{reverse('articles:article_list')}?{urlencode({'q': text})}",
    )


def search_query(filterset) -> str:
    """`q=…` for the links from search results to articles (empty without a search)."""
    text = filterset.form.cleaned_data.get("q") if filterset.is_valid() else ""
    return urlencode({"q": text.strip()}) if text and text.strip() else ""


def article_body(article: Article, words: frozenset[str] = frozenset()) -> list:
    """Body paragraphs as escaped HTML, each quote wrapped in a `<mark>` linking to its
    speaker and, from a search, the matched `words` marked."""
    marks = [
        QuoteMark(
            text=q.text,
            paragraph=q.paragraph,
            speaker=q.speaker.name if q.speaker_id else None,
            url=q.speaker.get_absolute_url() if q.speaker_id else None,
            position=q.position,
        )
        for q in article.quotes.all()
    ]
    paragraphs = highlighted_body(article.paragraphs, marks, words)
    if article.standfirst and article.paragraphs[:1] == [article.standfirst]:
        # The import keeps the standfirst as the body's first paragraph (quote positions
        # count it); the page already shows it under the headline.
        return paragraphs[1:]
    return paragraphs
