"""Formatting helpers the article pages share; the template filters in
`articles.templatetags.archive_extras` are thin wrappers around these.

Everything that ends up in HTML is built with `format_html`/`escape`, so imported
text (titles, quotes, comments) is always escaped: never `mark_safe` on it.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from search.highlight import mark_words

# Constant markup for a missing date (no imported text in it).
UNDATED = SafeString('<span class="muted">undated</span>')

LOCAL_FORMAT = "%-d %b %Y, %H:%M"


def local_datetime(value: datetime, zone: zoneinfo.ZoneInfo | str) -> str:
    """`2016-11-14 09:30 UTC` in Europe/London -> "14 Nov 2016, 09:30 GMT"."""
    if isinstance(zone, str):
        zone = zoneinfo.ZoneInfo(zone)
    local = value.astimezone(zone)
    return f"{local.strftime(LOCAL_FORMAT)} {local.tzname()}"


def utc_datetime(value: datetime) -> str:
    """`2016-11-14 04:30-05:00` -> "14 Nov 2016, 09:30 UTC"."""
    return f"{value.astimezone(UTC).strftime(LOCAL_FORMAT)} UTC"


def time_element(value: datetime | None, zone: zoneinfo.ZoneInfo | str) -> SafeString:
    """A `<time>` showing the outlet's local time, UTC in `datetime` and on hover.

    `2016-11-14 09:30 UTC`, America/New_York ->
    `<time datetime="2016-11-14T09:30:00+00:00" title="14 Nov 2016, 09:30 UTC">`
    `14 Nov 2016, 04:30 EST</time>`
    """
    if value is None:
        return UNDATED
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        value.astimezone(UTC).isoformat(),
        utc_datetime(value),
        local_datetime(value, zone),
    )


@dataclass(frozen=True)
class QuoteMark:
    """What the body needs to know about one quote to highlight it."""

    text: str  # paragraphs of one quote joined by "\n\n", without quotation marks
    paragraph: int | None = None  # index of the quote's first paragraph in the body
    speaker: str | None = None
    url: str | None = None  # the speaker's page
    position: int = 0


def _spans_in(paragraph: str, needle: str) -> tuple[int, int] | None:
    needle = needle.strip()
    if len(needle) < 2:
        return None
    start = paragraph.find(needle)
    if start < 0:
        # Importers drop the closing punctuation of some quotes: try without it.
        trimmed = needle.rstrip(".,;:!?…")
        start = paragraph.find(trimmed) if len(trimmed) >= 2 else -1
        needle = trimmed
    return (start, start + len(needle)) if start >= 0 else None


def quote_spans(paragraphs: Sequence[str], quotes: Iterable[QuoteMark]) -> dict[int, list]:
    """Where each quote sits: {paragraph index: [(start, end, quote), ...]} without overlaps.

    A quote of two paragraphs ("We will build.\\n\\nAnd we will finish.") is found piece by
    piece, starting in its recorded paragraph and else anywhere in the body.
    """
    found: dict[int, list] = {}
    for quote in quotes:
        for offset, piece in enumerate(p for p in quote.text.split("\n\n") if p.strip()):
            order = list(range(len(paragraphs)))
            if quote.paragraph is not None and 0 <= quote.paragraph + offset < len(paragraphs):
                order.remove(quote.paragraph + offset)
                order.insert(0, quote.paragraph + offset)
            for index in order:
                span = _spans_in(paragraphs[index], piece)
                if span and not any(
                    s < span[1] and span[0] < e for s, e, _ in found.get(index, [])
                ):
                    found.setdefault(index, []).append((*span, quote))
                    break
    for spans in found.values():
        spans.sort(key=lambda s: s[0])
    return found


def _mark(text: str, quote: QuoteMark) -> SafeString:
    if quote.url:
        return format_html(
            '<mark class="quote"><a href="{}" title="Quote by {}">{}</a></mark>',
            quote.url,
            quote.speaker or "",
            text,
        )
    return format_html('<mark class="quote" title="Unattributed quote">{}</mark>', text)


def highlight_paragraph(
    paragraph: str, spans: Sequence[tuple[int, int, QuoteMark]], words: Iterable[str] = ()
) -> SafeString:
    """The paragraph escaped, with each quote span wrapped in `<mark>` linking to its speaker
    and, reached from a search, the searched `words` in `<mark class="hit">` (#15).

    `'"We build," Stone said.'` with a span over `We build,` ->
    `&quot;<mark class="quote"><a href="/people/amelia-stone/" …>We build,</a></mark>`
    `&quot; Stone said.`
    """

    def text(piece: str) -> str:
        return mark_words(piece, words) if words else piece

    parts: list[str] = []
    cursor = 0
    for start, end, quote in spans:
        parts.append(text(paragraph[cursor:start]))
        parts.append(_mark(text(paragraph[start:end]), quote))
        cursor = end
    parts.append(text(paragraph[cursor:]))
    # format_html_join escapes the plain text between quotes; the marks are already safe.
    return format_html_join("", "{}", ((part,) for part in parts))


def highlighted_body(
    paragraphs: Sequence[str], quotes: Iterable[QuoteMark], words: Iterable[str] = ()
) -> list[SafeString]:
    """Every body paragraph as escaped HTML with its quotes (and searched words) highlighted."""
    spans = quote_spans(paragraphs, quotes)
    return [highlight_paragraph(p, spans.get(i, []), words) for i, p in enumerate(paragraphs)]


MAX_THREAD_DEPTH = 4  # deeper replies are listed flat under the fourth level (phones stay readable)


@dataclass
class ThreadNode:
    """One comment in a thread, with the replies that answer it."""

    comment: Any
    replies: list[ThreadNode] = field(default_factory=list)
    orphaned: bool = False  # it answers a comment that moderators hid
    parent: Any = None  # the comment it answers, when that one is shown
    show_parent: bool = False  # listed flat below its parent's level: say whom it answers
    # It answers a comment on another page of a long thread: (that page, its position).
    continues_from: tuple[int, int] | None = None

    def descendants(self) -> list[ThreadNode]:
        out: list[ThreadNode] = []
        seen = {id(self)}
        stack = list(reversed(self.replies))
        while stack:
            node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            out.append(node)
            stack.extend(reversed(node.replies))
        return out


def comment_threads(
    comments: Sequence[Any],
    max_depth: int = MAX_THREAD_DEPTH,
    *,
    elsewhere: dict[int, tuple[int, int]] | None = None,
) -> list[ThreadNode]:
    """Visible comments as nested threads, in page order.

    `comments` must be the visible ones only (each with `pk`, `reply_to_id`,
    `position`). A reply whose parent is not among them (hidden by a moderator)
    is shown at the top level, flagged `orphaned`, so readers still see it —
    unless `elsewhere` says the parent is on another page of comments
    ({parent id: (page, position)}): then it says where its thread continues from.
    Threads deeper than `max_depth` continue flat at that depth, in page order.
    """
    elsewhere = elsewhere or {}
    nodes = {c.pk: ThreadNode(c) for c in sorted(comments, key=lambda c: c.position)}
    roots: list[ThreadNode] = []
    for node in nodes.values():
        parent_id = node.comment.reply_to_id
        if parent_id is not None and parent_id in nodes and parent_id != node.comment.pk:
            node.parent = nodes[parent_id].comment
            nodes[parent_id].replies.append(node)
        elif parent_id in elsewhere:
            node.continues_from = elsewhere[parent_id]
            roots.append(node)
        else:
            node.orphaned = parent_id is not None
            roots.append(node)
    # Broken data (a reply cycle) would hide comments: show any unreachable one at the top.
    reached = {id(n) for root in roots for n in [root, *root.descendants()]}
    for node in nodes.values():
        if id(node) not in reached:
            parent = nodes[node.comment.reply_to_id]
            parent.replies = [r for r in parent.replies if r is not node]
            node.parent, node.orphaned = None, True
            roots.append(node)
            reached.update(id(n) for n in [node, *node.descendants()])
    roots.sort(key=lambda n: n.comment.position)
    for root in roots:
        _cap_depth(root, 1, max_depth)
    return roots


def _cap_depth(node: ThreadNode, depth: int, max_depth: int) -> None:
    if depth >= max_depth - 1:
        flat = sorted(node.descendants(), key=lambda n: n.comment.position)
        for child in flat:
            child.replies = []
            child.show_parent = child.parent is not node.comment
        node.replies = flat
        return
    for child in node.replies:
        _cap_depth(child, depth + 1, max_depth)


def plural_count(count: int, noun: str) -> str:
    """(1, "quote") -> "1 quote"; (3, "reply,replies") -> "3 replies"."""
    singular, _, plural = noun.partition(",")
    return f"{count:,} {singular if count == 1 else (plural or singular + 's')}"


def entered_text(value: Any) -> str:
    """A submitted value as one short line: ["ghost", "amelia-stone"] -> "ghost, amelia-stone"."""
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value if v not in (None, ""))
    text = "" if value is None else str(value)
    return text if len(text) <= 80 else text[:79] + "…"
