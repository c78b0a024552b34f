"""The searched words on an article's page, when it is reached from a search (#15).

Search result links carry `?q=`; the article page asks the database which words of its
text matched (FTS5 `highlight()` / PostgreSQL `ts_headline` with `HighlightAll`, over the
words the search asks for, never the excluded ones), so stemming works as in search
("ferries" marks "Ferries" and "ferry"). Python then marks those words wherever they
stand, escaping everything else: imported text never reaches the page unescaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import connections
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.fts import ARTICLES
from search.snippets import START, STOP
from search.websearch import to_fts5, wanted_terms

_MARKED = re.compile(f"{START}(.*?){STOP}", re.S)
MAX_WORDS = 50


def matched_words(article_id: int, text: str, *, using: str = "default") -> frozenset[str]:
    """The words of the article (lower-cased, as written) that the search `text` matched:
    `"ferries -strike"` over "Ferries ran; the ferry…" -> {"ferries", "ferry"}."""
    wanted = wanted_terms(text or "")
    if wanted is None:
        return frozenset()
    connection = connections[using]
    if connection.vendor == "postgresql":
        options = f"HighlightAll=true, StartSel={START}, StopSel={STOP}"
        sql = (
            "SELECT ts_headline('english', concat_ws(' ', title, standfirst, body), "
            "websearch_to_tsquery('english', %s), %s) FROM articles_article WHERE id = %s"
        )
        params = [wanted, options, article_id]
    else:
        columns = ", ".join(
            f"highlight({ARTICLES.name}, {i}, %s, %s)" for i in range(len(ARTICLES.columns))
        )
        sql = f"SELECT {columns} FROM {ARTICLES.name} WHERE {ARTICLES.name} MATCH %s AND rowid = %s"
        params = [START, STOP] * len(ARTICLES.columns) + [to_fts5(wanted), article_id]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    found = {w.strip().lower() for marked in row or () for w in _MARKED.findall(marked or "")}
    return frozenset(sorted(w for w in found if w)[:MAX_WORDS])


def _pattern(words: Iterable[str]) -> re.Pattern | None:
    words = sorted(set(words), key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, words)) + r")(?!\w)", re.I)


def mark_words(text: str, words: Iterable[str]) -> SafeString:
    """`text` escaped, each of `words` (whole words, any case) in `<mark class="hit">`:
    `mark_words("<b>Ferry</b> late", {"ferry"})` ->
    `'&lt;b&gt;<mark class="hit">Ferry</mark>&lt;/b&gt; late'`."""
    pattern = _pattern(words)
    if pattern is None:
        return escape(text)
    parts, cursor = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[cursor : match.start()]))
        parts.append(f'<mark class="hit">{escape(match.group(0))}</mark>')
        cursor = match.end()
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))  # every piece of text above went through escape()
