"""Highlighted snippets for search results on both databases (#15).

The database marks the matched words with two private-use characters (FTS5's
`snippet()`, PostgreSQL's `ts_headline`); `marked_html` then escapes everything and
turns only those markers into `<mark>`: imported text never reaches the page
unescaped, and no inline style is needed (the CSP stays strict).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connections
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.fts import TABLE
from search.websearch import to_fts5

START, STOP = "\ue000", "\ue001"
ELLIPSIS = "…"
SNIPPET_WORDS = 24


def marked_html(text: str) -> SafeString:
    """`"the \\ue000harbour\\ue001 <b>"` -> `'the <mark>harbour</mark> &lt;b&gt;'`; stray or
    unbalanced markers are dropped, never left open."""
    parts: list[str] = []
    open_mark = False
    for piece in _split(text):
        if piece == START:
            if not open_mark:
                parts.append('<mark class="hit">')
                open_mark = True
        elif piece == STOP:
            if open_mark:
                parts.append("</mark>")
                open_mark = False
        else:
            parts.append(escape(piece))
    if open_mark:
        parts.append("</mark>")
    return mark_safe("".join(parts))  # every piece of text above went through escape()


def _split(text: str) -> Iterable[str]:
    piece = []
    for char in text:
        if char in (START, STOP):
            if piece:
                yield "".join(piece)
                piece = []
            yield char
        else:
            piece.append(char)
    if piece:
        yield "".join(piece)


def article_snippets(ids: list[int], text: str, *, using: str = "default") -> dict[int, str]:
    """Article id -> marked snippet text (markers, not HTML) for the search `text`, in one
    query for a page of results. Articles without a match in their text get none."""
    text = (text or "").strip()
    if not ids or not text:
        return {}
    connection = connections[using]
    placeholders = ", ".join(["%s"] * len(ids))
    if connection.vendor == "postgresql":
        options = (
            f"StartSel={START}, StopSel={STOP}, MaxWords={SNIPPET_WORDS}, MinWords=12, "
            f'MaxFragments=2, FragmentDelimiter=" {ELLIPSIS} "'
        )
        sql = (
            "SELECT id, ts_headline('english', "
            "concat_ws(' ', title, '—', standfirst, body), "
            "websearch_to_tsquery('english', %s), %s) "
            f"FROM articles_article WHERE id IN ({placeholders})"
        )
        params = [text, options, *ids]
    else:
        match = to_fts5(text)
        if match is None:
            return {}
        sql = (
            f"SELECT rowid, snippet({TABLE}, -1, %s, %s, %s, {SNIPPET_WORDS}) FROM {TABLE} "
            f"WHERE {TABLE} MATCH %s AND rowid IN ({placeholders})"
        )
        params = [START, STOP, ELLIPSIS, match, *ids]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {pk: snippet for pk, snippet in cursor.fetchall() if START in (snippet or "")}


def attach_snippets(articles: list, text: str) -> list:
    """Sets `search_snippet` (safe HTML) on each article of a page of search results."""
    if not articles:
        return articles
    found = article_snippets([a.pk for a in articles], text, using=articles[0]._state.db)
    for article in articles:
        if article.pk in found:
            article.search_snippet = marked_html(found[article.pk])
    return articles
