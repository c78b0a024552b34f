"""Streamed CSV and JSON exports of filtered articles, quotes and comments.

CSV and JSON read plain rows (`values_list`, never model objects) through
`queryset.iterator(chunk_size=CHUNK_SIZE)` — a server-side cursor on PostgreSQL, so
memory stays flat however many rows match — build each row's page link from one
`reverse()` (`PagePaths`), and hand the server one string per chunk of rows, not one
per row (#13: the export spent a third of its time in `reverse()`, a quarter building
model objects, a sixth in one socket write per row). JSON is written as one array,
element by element. CSV starts with a byte-order mark (unless `bom=False`) so
spreadsheets read it as UTF-8, and cells a spreadsheet would run as a formula are
neutralised (CSV injection, `neutralise_cell`). NDJSON walks model rows by keyset
(`api.keyset`, #15) with the `Column`s below.
"""

from __future__ import annotations

import csv
import io
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
from django.urls import reverse

from api.keyset import iterate_keyset
from articles.models import Article, Mention, Quote
from comments.models import Comment

CHUNK_SIZE = 2000  # rows per database fetch and per piece of the streamed response
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
    plan: RowPlan | None = None,
) -> StreamingHttpResponse:
    """A streamed attachment of `queryset` in `fmt` ("csv", "json" or "ndjson").

    NDJSON walks the list's own order by keyset (`api.keyset.iterate_keyset`), 500 rows
    a query: memory stays flat and no query slows with depth, however many rows (#15).

    `base_url` ("https://archive.example.org") turns page paths into absolute links;
    `bom` starts a CSV with the UTF-8 byte-order mark spreadsheets look for; `plan`
    reads CSV and JSON as plain rows (the lean path, #13) instead of model objects.
    """
    if fmt == "ndjson":
        content = ndjson_lines(columns, iterate_keyset(queryset, CHUNK_SIZE), base_url=base_url)
        content_type = "application/x-ndjson; charset=utf-8"
    else:
        names = [c.name for c in columns]
        if plan is not None:
            rows = plan.rows(queryset, base_url)
        else:
            rows = _model_rows(columns, queryset.iterator(chunk_size=CHUNK_SIZE), base_url)
        if fmt == "csv":
            content = csv_chunks(names, rows)
            if bom:
                content = itertools.chain([BOM], content)
            content_type = "text/csv; charset=utf-8"
        else:
            content = json_chunks(names, rows)
            content_type = "application/json; charset=utf-8"
    response = StreamingHttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def csv_chunks(names: Sequence[str], rows: Iterable[list]) -> Iterator[str]:
    """The header line, then CSV lines `CHUNK_SIZE` rows to a string (cells neutralised)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(names)
    for n, row in enumerate(rows, 1):
        writer.writerow([neutralise_cell(_cell(v)) for v in row])
        if n % CHUNK_SIZE == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_chunks(names: Sequence[str], rows: Iterable[list]) -> Iterator[str]:
    """A JSON array, `CHUNK_SIZE` objects to a string: `[\n{"id": 7, ...},\n{...}\n]\n`."""
    encoder = DjangoJSONEncoder(ensure_ascii=False)
    parts, separator = ["["], "\n"
    for n, row in enumerate(rows, 1):
        parts.append(separator + encoder.encode(dict(zip(names, row, strict=True))))
        separator = ",\n"
        if n % CHUNK_SIZE == 0:
            yield "".join(parts)
            parts = []
    parts.append("\n]\n")
    yield "".join(parts)


def _model_rows(columns: Sequence[Column], rows: Iterable[Any], base_url: str):
    for row in rows:
        yield [_value(c, row, base_url) for c in columns]


class PagePaths:
    """Article page paths from one `reverse()`, not one per row:
    `PagePaths().article(7, "harbour-plan")` -> "/articles/7/harbour-plan/"."""

    _PK, _SLUG = "987654321", "slug-placeholder"

    def __init__(self) -> None:
        path = reverse("articles:article_detail", args=[int(self._PK), self._SLUG])
        self._head, rest = path.split(self._PK, 1)
        self._middle, self._tail = rest.split(self._SLUG, 1)

    def article(self, pk: int, slug: str) -> str:
        # the same fallback as Article.get_absolute_url
        return f"{self._head}{pk}{self._middle}{slug or 'article'}{self._tail}"


@dataclass(frozen=True)
class RowPlan:
    """A lean export (#13): `fields` read with `values_list`, `cells(row, page, people)`
    the columns' values in `Column` order, `page` the article path builder, `people`
    (articles) each article's people, read once per chunk of rows."""

    fields: tuple[str, ...]
    cells: Callable[[tuple, Callable[[tuple], str], dict | None], list]
    article_key: tuple[int, int]  # positions of the article's id and slug in a row
    people: bool = False

    def rows(self, queryset: QuerySet, base_url: str) -> Iterator[list]:
        paths, (pk_at, slug_at) = PagePaths(), self.article_key

        def page(row: tuple) -> str:
            return base_url + paths.article(row[pk_at], row[slug_at])

        queryset = queryset.prefetch_related(None).values_list(*self.fields)
        rows = queryset.iterator(chunk_size=CHUNK_SIZE)
        while chunk := list(itertools.islice(rows, CHUNK_SIZE)):
            people = _people_by_article([r[0] for r in chunk]) if self.people else None
            for row in chunk:
                yield self.cells(row, page, people)


def _people_by_article(article_ids: list[int]) -> dict[int, list[str]]:
    """{article id: people's names, most mentioned first}: one query per chunk."""
    found: dict[int, list[str]] = {}
    mentions = Mention.objects.filter(article_id__in=article_ids).order_by("-count", "person__name")
    for article_id, name in mentions.values_list("article_id", "person__name"):
        found.setdefault(article_id, []).append(name)
    return found


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


# The lean rows of the same columns, in the same order (CSV and JSON).
ARTICLE_ROWS = RowPlan(
    fields=(
        "id",
        "title",
        "outlet__name",
        "published",
        "authors",
        "url",
        "standfirst",
        "body",
        "tags",
        "quote_count",
        "comment_count",
        "slug",
    ),
    cells=lambda r, page, people: [*r[:9], people.get(r[0], []), r[9], r[10], page(r)],
    article_key=(0, 11),
    people=True,
)
QUOTE_ROWS = RowPlan(
    fields=(
        "id",
        "speaker__name",
        "speaker__slug",
        "text",
        "cue",
        "article_id",
        "article__title",
        "article__outlet__name",
        "article__published",
        "article__slug",
        "position",
    ),
    cells=lambda r, page, _: [*r[:9], f"{page(r)}#quote-{r[10]}"],
    article_key=(5, 9),
)
COMMENT_ROWS = RowPlan(
    fields=(
        "id",
        "author",
        "posted",
        "text",
        "reply_to_id",
        "article_id",
        "article__title",
        "article__outlet__name",
        "article__slug",
        "position",
    ),
    cells=lambda r, page, _: [*r[:8], f"{page(r)}#comment-{r[9]}"],
    article_key=(5, 8),
)

# kind -> (columns, rows_for_export, lean rows): what each export view streams.
EXPORTS = {
    "articles": (ARTICLE_COLUMNS, articles_for_export, ARTICLE_ROWS),
    "quotes": (QUOTE_COLUMNS, quotes_for_export, QUOTE_ROWS),
    "comments": (COMMENT_COLUMNS, comments_for_export, COMMENT_ROWS),
}
