"""Long comment threads split into pages of whole threads (#11).

An article may carry 100,000 comments; its page shows one page of them. Pages are
planned from an outline of the visible comments (id, position, reply_to_id: three
integers a row), then only that page's rows are loaded. A thread — a top-level comment
with every reply under it — stays on one page; only a thread longer than
`MAX_THREAD_PAGE` is split, and its continuation says where it came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from articles.display import ThreadNode, comment_threads
from comments.models import Comment

COMMENTS_PER_PAGE = 50
MAX_THREAD_PAGE = 200  # a single thread longer than this is split into pages too

Outline = Sequence[tuple[int, int, int | None]]  # (id, position, reply_to_id), visible only


def thread_of(outline: Outline) -> dict[int, int]:
    """Comment id -> id of its thread's top comment (a reply to a hidden or missing
    comment starts a thread of its own; a reply cycle in bad data is cut at its first row).

    `[(1, 0, None), (2, 1, 1), (3, 2, 2)]` -> `{1: 1, 2: 1, 3: 1}`
    """
    parent = {pk: reply_to for pk, _, reply_to in outline}
    top: dict[int, int] = {}
    for pk, _, _ in outline:
        chain, in_chain, node = [], set(), pk
        while node not in top:
            chain.append(node)
            in_chain.add(node)
            up = parent.get(node)
            if up is None or up not in parent or up in in_chain:
                top[node] = node
                break
            node = up
        for seen in chain:
            top[seen] = top[node]
    return top


def plan_pages(
    outline: Outline, *, per_page: int = COMMENTS_PER_PAGE, max_thread: int = MAX_THREAD_PAGE
) -> list[list[int]]:
    """The ids on each page: whole threads in page order, at least `per_page` comments a
    page where threads allow; a thread over `max_thread` gets pages of its own.

    `plan_pages([(1, 0, None), (2, 1, 1), (3, 2, None)], per_page=1)` -> `[[1, 2], [3]]`
    """
    position = {pk: pos for pk, pos, _ in outline}
    top = thread_of(outline)
    threads: dict[int, list[int]] = {}
    for pk, _, _ in sorted(outline, key=lambda row: row[1]):
        threads.setdefault(top[pk], []).append(pk)
    pages: list[list[int]] = []
    current: list[int] = []
    for root in sorted(threads, key=position.__getitem__):
        members = threads[root]
        if len(members) > max_thread:
            if current:
                pages.append(current)
                current = []
            pages.extend(members[i : i + per_page] for i in range(0, len(members), per_page))
            continue
        if current and len(current) + len(members) > per_page:
            pages.append(current)
            current = []
        current.extend(members)
    if current:
        pages.append(current)
    return pages


@dataclass
class CommentPage:
    """One page of an article's visible comments, as threads, with what the pager needs."""

    number: int
    num_pages: int
    total: int
    threads: list[ThreadNode] = field(default_factory=list)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def comment_page(article_id: int, page_number: str | None) -> CommentPage:
    """Page `page_number` ("2"; junk or out of range is clamped) of an article's visible
    comments, in two queries (outline + that page's rows) however many there are."""
    outline = list(
        Comment.objects.visible()
        .filter(article_id=article_id)
        .order_by("position")
        .values_list("id", "position", "reply_to_id")
    )
    pages = plan_pages(outline)
    number = _clamp(page_number, len(pages))
    if not pages:
        return CommentPage(number=1, num_pages=1, total=0)
    ids = pages[number - 1]
    rows = list(Comment.objects.filter(pk__in=ids).order_by("position"))
    # Parents shown on an earlier page (a split thread): say where the thread continues from.
    on_page = set(ids)
    page_of = {pk: n for n, members in enumerate(pages, start=1) for pk in members}
    position = {pk: pos for pk, pos, _ in outline}
    elsewhere = {
        r.reply_to_id: (page_of[r.reply_to_id], position[r.reply_to_id])
        for r in rows
        if r.reply_to_id in page_of and r.reply_to_id not in on_page
    }
    return CommentPage(
        number=number,
        num_pages=len(pages),
        total=len(outline),
        threads=comment_threads(rows, elsewhere=elsewhere),
    )


def _clamp(page_number: str | None, num_pages: int) -> int:
    try:
        number = int(page_number or 1)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), max(num_pages, 1))
