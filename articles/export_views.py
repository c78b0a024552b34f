"""Exports of the filtered lists: the same query string as the list page, as CSV or JSON.

`/export/articles.csv?person=amelia-stone` streams what `/?person=amelia-stone`
lists; an invalid query string answers 400 with the filter errors, never a 500.
CSV starts with a UTF-8 byte-order mark so spreadsheets read names like "Łukasz"
right; `?bom=0` leaves it out for scripts.
"""

from __future__ import annotations

from django.http import HttpResponse

from articles import exports
from articles.filters import ArticleFilter
from articles.models import Article, Quote
from articles.quote_filters import QuoteFilter
from articles.vocabulary import list_redirect

# Words an export understands besides its list's filters.
EXPORT_PARAMS = ("bom",)


def export_articles(request, fmt: str):
    filterset = ArticleFilter(
        request.GET, queryset=Article.objects.for_detail(), extra_params=EXPORT_PARAMS
    )
    return export_filtered(request, filterset, "articles", fmt)


def export_quotes(request, fmt: str):
    filterset = QuoteFilter(
        request.GET, queryset=Quote.objects.for_listing(), extra_params=EXPORT_PARAMS
    )
    return export_filtered(request, filterset, "quotes", fmt)


def export_filtered(request, filterset, kind: str, fmt: str):
    """Stream `filterset`'s rows as `kind` ("articles", "quotes", "comments"), or a 400."""
    if moved := list_redirect(request, filterset):
        return moved
    if not filterset.is_valid():
        return filter_errors_response(filterset)
    columns, rows_for_export, plan = exports.EXPORTS[kind]
    return exports.export_response(
        columns,
        rows_for_export(filterset.qs),
        fmt=fmt,
        filename=kind,
        base_url=site_url(request),
        bom=request.GET.get("bom") != "0",
        plan=plan,
    )


def site_url(request) -> str:
    """ "https://archive.example.org" for the current request (no trailing slash)."""
    return request.build_absolute_uri("/").rstrip("/")


def filter_errors_response(filterset) -> HttpResponse:
    """400 with one line per invalid filter: `person: Select a valid choice. ...`."""
    lines = [f"{field}: {' '.join(messages)}" for field, messages in filterset.errors.items()]
    return HttpResponse(
        "Invalid filters:\n" + "\n".join(lines) + "\n",
        status=400,
        content_type="text/plain; charset=utf-8",
    )
