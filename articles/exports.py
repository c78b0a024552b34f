"""Streamed CSV and JSON exports of filtered articles, quotes and comments.

Rows come from `queryset.iterator(chunk_size=...)`, so memory stays flat however
many rows match; JSON is written as one array, element by element. CSV starts
with a byte-order mark (unless `bom=False`) so spreadsheets read it as UTF-8, and
cells a spreadsheet would run as a formula are neutralised (CSV injection,
`neutralise_cell`).
"""

from __future__ import annotations

import csv
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model, Prefetch, QuerySet
from django.http import StreamingHttpResponse

from api.keyset import iterate_keyset
from articles.models import Article, Mention, Quote
from comments.models import Comment

CHUNK_SIZE = 500
FORMATS = ("csv", "json", "ndjson")
BOM = "\ufeff"
# OWASP "CSV Injection": a cell starting with one of these may be read as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?%?")
# After "@": a function call (`@SUM(`), a DDE pipe (`@x|cmd`) or an operator.
_AT_FORMULA = re.compile(r"@[\w.]*[(!=+\-*/^&<>]")


@dataclass(frozen=True)
class Column:
    name: str
    value: Callable[[Any], Any]
    is_path: bool = False  # a site path, exported as an absolute URL


def neutralise_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP).

    `=HYPERLINK("http://evil")` -> `'=HYPERLINK("http://evil")`, `@SUM(A1)` -> `'@SUM(A1)`,
    `-cmd|' /C calc'!A0` -> `'-cmd|…`; cells starting with a tab or carriage return too.
    Ordinary text is left alone: `@Dana agreed` (a reply's handle, no formula after it),
    `-5` and `+44.1` (plain numbers), `hello =x` (not at the start).
    """
    if not isinstance(value, str) or not value.startswith(_FORMULA_STARTS):
        return value
    first = value[0]
    if first in "+-" and _PLAIN_NUMBER.fullmatch(value):
        return value
    if first == "@" and not _AT_FORMULA.match(value) and "|" not in value:
        return value
    return "'" + value


def csv_lines(
    columns: Sequence[Column], rows: Iterable[Any], *, base_url: str = ""
) -> Iterator[str]:
    """The header line, then one CSV line per row: `id,title\\r\\n`, `7,Harbour plan\\r\\n`."""
    writer = csv.writer(_Echo())
    yield writer.writerow([c.name for c in columns])
    for row in rows:
        yield writer.writerow([neutralise_cell(_cell(_value(c, row, base_url))) for c in columns])


def json_lines(
    columns: Sequence[Column], rows: Iterable[Any], *, base_url: str = ""
) -> Iterator[str]:
    """A JSON array written one object at a time: `[\\n{"id": 7, ...},\\n{...}\\n]\\n`."""
    yield "["
    separator = "\n"
    for row in rows:
        item = {c.name: _value(c, row, base_url) for c in columns}
        yield separator + json.dumps(item, cls=DjangoJSONEncoder, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


def ndjson_lines(
    columns: Sequence[Column], rows: Iterable[Any], *, base_url: str = ""
) -> Iterator[str]:
    """One JSON object per line (NDJSON, #15): `{"id": 7, ...}\\n{"id": 6, ...}\\n`."""
    for row in rows:
        item = {c.name: _value(c, row, base_url) for c in columns}
        yield json.dumps(item, cls=DjangoJSONEncoder, ensure_ascii=False) + "\n"


def export_response(
    columns: Sequence[Column],
    queryset: QuerySet,
    *,
    fmt: str,
    filename: str,
    base_url: str = "",
    bom: bool = True,
) -> StreamingHttpResponse:
    """A streamed attachment of `queryset` in `fmt` ("csv", "json" or "ndjson").

    NDJSON walks the list's own order by keyset (`api.keyset.iterate_keyset`), 500 rows
    a query: memory stays flat and no query slows with depth, however many rows (#15).

    `base_url` ("https://archive.example.org") turns page paths into absolute links;
    `bom` starts a CSV with the UTF-8 byte-order mark spreadsheets look for.
    """
    rows = queryset.iterator(chunk_size=CHUNK_SIZE)
    if fmt == "ndjson":
        content = ndjson_lines(columns, iterate_keyset(queryset, CHUNK_SIZE), base_url=base_url)
        content_type = "application/x-ndjson; charset=utf-8"
    elif fmt == "csv":
        content = csv_lines(columns, rows, base_url=base_url)
        if bom:
            content = itertools.chain([BOM], content)
        content_type = "text/csv; charset=utf-8"
    else:
        content = json_lines(columns, rows, base_url=base_url)
        content_type = "application/json; charset=utf-8"
    response = StreamingHttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


# What each export contains. Lists (authors, people) become "; "-joined text in CSV.

ARTICLE_COLUMNS = (
    Column("id", lambda a: a.pk),
    Column("title", lambda a: a.title),
    Column("outlet", lambda a: a.outlet.name),
    Column("published", lambda a: a.published),
    Column("authors", lambda a: list(a.authors)),
    Column("url", lambda a: a.url),
    Column("standfirst", lambda a: a.standfirst),
    Column("body", lambda a: a.body),
    Column("tags", lambda a: list(a.tags)),
    Column("people", lambda a: [m.person.name for m in a.mentions.all()]),
    Column("quote_count", lambda a: a.quote_count),
    Column("comment_count", lambda a: a.comment_count),
    Column("page", lambda a: a.get_absolute_url(), is_path=True),
)

QUOTE_COLUMNS = (
    Column("id", lambda q: q.pk),
    Column("speaker", lambda q: q.speaker.name if q.speaker_id else None),
    Column("speaker_slug", lambda q: q.speaker.slug if q.speaker_id else None),
    Column("text", lambda q: q.text),
    Column("cue", lambda q: q.cue),
    Column("article_id", lambda q: q.article_id),
    Column("article_title", lambda q: q.article.title),
    Column("outlet", lambda q: q.article.outlet.name),
    Column("published", lambda q: q.article.published),
    Column("page", lambda q: q.get_absolute_url(), is_path=True),
)

COMMENT_COLUMNS = (
    Column("id", lambda c: c.pk),
    Column("author", lambda c: c.author),
    Column("posted", lambda c: c.posted),
    Column("text", lambda c: c.text),
    Column("reply_to", lambda c: c.reply_to_id),
    Column("article_id", lambda c: c.article_id),
    Column("article_title", lambda c: c.article.title),
    Column("outlet", lambda c: c.article.outlet.name),
    Column("page", lambda c: c.get_absolute_url(), is_path=True),
)


def articles_for_export(articles: QuerySet[Article]) -> QuerySet[Article]:
    """People prefetched per chunk (Django runs the prefetch for each `iterator` chunk)."""
    return articles.prefetch_related(
        Prefetch("mentions", queryset=Mention.objects.select_related("person"))
    )


def quotes_for_export(quotes: QuerySet[Quote]) -> QuerySet[Quote]:
    return quotes.select_related("speaker", "article__outlet")


def comments_for_export(comments: QuerySet[Comment]) -> QuerySet[Comment]:
    # Never trust the caller to have hidden the hidden comments.
    return comments.filter(hidden=False).select_related("article__outlet")


def _value(column: Column, row: Any, base_url: str) -> Any:
    value = column.value(row)
    return f"{base_url}{value}" if column.is_path and value else value


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Model):
        return str(value)
    return value


class _Echo:
    """A file-like object whose `write` returns the line, for streaming `csv.writer`."""

    def write(self, value: str) -> str:
        return value


# kind -> (columns, rows_for_export): what each export view streams.
EXPORTS = {
    "articles": (ARTICLE_COLUMNS, articles_for_export),
    "quotes": (QUOTE_COLUMNS, quotes_for_export),
    "comments": (COMMENT_COLUMNS, comments_for_export),
}
