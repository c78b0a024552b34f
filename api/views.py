"""The read-only JSON API (#15): every list and detail, same FilterSets as the pages.

A list answers `{"count", "results", "next", "next_cursor"}`; `next` is also sent as
`Link: <…>; rel="next"`. Paging is by keyset (`api.keyset`): `cursor` is opaque,
`size` is 1–`MAX_PAGE_SIZE` (default: the page's own size), `_nocount=1` skips the
count (`"count": null`). Bad filters and bad cursors answer 400 with the reasons.
"""

from __future__ import annotations

from pathlib import Path

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from api import serializers
from api.keyset import BadCursor, keyset_page
from articles import archive_counts
from articles.browsing import PAGE_SIZE as ARTICLE_PAGE_SIZE
from articles.browsing import article_for_page
from articles.comment_pages import comment_page
from articles.filters import ArticleFilter
from articles.index_filters import OutletIndexFilter, PersonIndexFilter
from articles.index_views import INDEX_PAGE_SIZE
from articles.models import Article, Mention, Person, Quote
from articles.querysets import outlets_with_totals
from articles.quote_filters import QuoteFilter
from articles.quote_views import PAGE_SIZE as QUOTE_PAGE_SIZE
from articles.vocabulary import list_redirect
from comments.filters import CommentFilter
from comments.views import PAGE_SIZE as COMMENT_PAGE_SIZE
from comments.views import listed_comments
from search.snippets import attach_snippets

MAX_PAGE_SIZE = 200
# Words every API list understands besides its FilterSet's.
API_PARAMS = ("cursor", "size", "_nocount")
OPENAPI = Path(__file__).with_name("openapi.json")


class _Json(JsonResponse):
    def __init__(self, data, **kwargs):
        kwargs.setdefault("json_dumps_params", {"ensure_ascii": False})
        super().__init__(data, encoder=DjangoJSONEncoder, **kwargs)


def error(status: int, message: str, **details) -> JsonResponse:
    return _Json({"error": message, **details}, status=status)


def list_response(
    request, filterset, serialize, default_size: int, prepare=None, kept: str | None = None
) -> HttpResponse:
    """One keyset page of `filterset`'s rows as JSON, or a 400 saying what is wrong. With
    `kept` ("articles", "comments"), the count comes from the kept counts when they know
    it (`archive_counts.list_total`), as the HTML lists' totals do."""
    if moved := list_redirect(request, filterset):
        return moved
    if not filterset.is_valid():
        errors = {field: list(messages) for field, messages in filterset.errors.items()}
        return error(400, "invalid filters", errors=errors)
    try:
        size = int(request.GET.get("size") or default_size)
    except ValueError:
        return error(400, f"size must be a whole number from 1 to {MAX_PAGE_SIZE}")
    if not 1 <= size <= MAX_PAGE_SIZE:
        return error(400, f"size must be a whole number from 1 to {MAX_PAGE_SIZE}")
    rows = filterset.qs
    try:
        page = keyset_page(rows, request.GET.get("cursor"), size)
    except BadCursor as bad:
        return error(400, f"bad cursor: {bad}")
    if prepare is not None:
        prepare(page.rows, filterset)
    count = None
    if request.GET.get("_nocount") not in ("1", "true"):
        count = archive_counts.list_total(filterset, kept) if kept else None
        count = rows.count() if count is None else count
    base = site_url(request)
    next_url = None
    if page.next_cursor:
        params = request.GET.copy()
        params["cursor"] = page.next_cursor
        next_url = f"{base}{request.path}?{params.urlencode()}"
    response = _Json(
        {
            "count": count,
            "size": size,
            "results": [serialize(row, base) for row in page.rows],
            "next": next_url,
            "next_cursor": page.next_cursor,
        }
    )
    if next_url:
        response["Link"] = f'<{next_url}>; rel="next"'
    return response


def site_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def article_list(request):
    chips = Mention.objects.select_related("person").only(
        "article_id", "count", "person__name", "person__slug"
    )
    articles = Article.objects.for_listing().prefetch_related(Prefetch("mentions", queryset=chips))
    filterset = ArticleFilter(request.GET, queryset=articles, extra_params=API_PARAMS)
    return list_response(
        request,
        filterset,
        serializers.article_row,
        ARTICLE_PAGE_SIZE,
        prepare=_snippets,
        kept="articles",
    )


def _snippets(articles: list, filterset) -> None:
    """With `q`: each article's `snippet`, the matched words in `<mark>` (#15)."""
    if text := filterset.form.cleaned_data.get("q"):
        attach_snippets(articles, text)


def quote_list(request):
    filterset = QuoteFilter(
        request.GET, queryset=Quote.objects.for_listing(), extra_params=API_PARAMS
    )
    return list_response(request, filterset, serializers.quote_row, QUOTE_PAGE_SIZE)


def comment_list(request):
    filterset = CommentFilter(request.GET, queryset=listed_comments(), extra_params=API_PARAMS)
    return list_response(
        request, filterset, serializers.comment_row, COMMENT_PAGE_SIZE, kept="comments"
    )


def person_list(request):
    filterset = PersonIndexFilter(
        request.GET, queryset=Person.objects.with_totals(), extra_params=API_PARAMS
    )
    return list_response(request, filterset, serializers.person_row, INDEX_PAGE_SIZE)


def outlet_list(request):
    filterset = OutletIndexFilter(
        request.GET, queryset=outlets_with_totals(), extra_params=API_PARAMS
    )
    return list_response(request, filterset, serializers.outlet_row, INDEX_PAGE_SIZE)


def article_detail(request, pk: int):
    """The article, its body, its people, quotes and one page of its comment threads
    (`?comments=2`; threads kept whole, as on the page)."""
    article = get_object_or_404(article_for_page(pk))
    base = site_url(request)
    comments = comment_page(article.pk, request.GET.get("comments"))
    data = serializers.article_row(article, base)
    data["body"] = article.body
    data["quotes"] = [
        {k: v for k, v in serializers.quote_row(q, base).items() if k != "article"}
        for q in _with_article(article.quotes.all(), article)
    ]
    data["comments"] = {
        "total": comments.total,
        "page": comments.number,
        "pages": comments.num_pages,
        "results": [
            serializers.comment_row(node.comment, base, with_article=False)
            for node in _walk(comments.threads)
        ],
        "next": (
            f"{base}{request.path}?comments={comments.next_page_number}"
            if comments.has_next
            else None
        ),
    }
    return _Json(data)


def person_detail(request, slug: str):
    person = get_object_or_404(Person.objects.with_totals(), slug=slug)
    base = site_url(request)
    data = serializers.person_row(person, base)
    data["articles_api_url"] = f"{base}{reverse('api:article_list')}?person={person.slug}"
    data["quotes_api_url"] = f"{base}{reverse('api:quote_list')}?person={person.slug}"
    return _Json(data)


def outlet_detail(request, slug: str):
    outlet = get_object_or_404(outlets_with_totals(), slug=slug)
    base = site_url(request)
    data = serializers.outlet_row(outlet, base)
    for kind in ("article", "quote", "comment"):
        data[f"{kind}s_api_url"] = f"{base}{reverse(f'api:{kind}_list')}?outlet={outlet.slug}"
    return _Json(data)


def index(request):
    base = site_url(request)
    lists = {"articles": "article", "quotes": "quote", "comments": "comment"}
    lists |= {"people": "person", "outlets": "outlet"}
    return _Json(
        {
            "lists": {key: base + reverse(f"api:{name}_list") for key, name in lists.items()},
            "openapi": base + reverse("api:openapi"),
            "max_page_size": MAX_PAGE_SIZE,
        }
    )


def openapi(request):
    """The OpenAPI 3.1 description of this API (a static document kept beside the code)."""
    return HttpResponse(OPENAPI.read_bytes(), content_type="application/json")


def _with_article(quotes, article):
    for quote in quotes:
        quote.article = article
        yield quote


def _walk(threads):
    for node in threads:
        yield node
        yield from _walk(node.replies)
