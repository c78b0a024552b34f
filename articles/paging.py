"""Pages of the article, quote and comment lists, by keyset (#15).

The lists page the way the API does (`api.keyset`, one mechanism): *Next* and *Previous*
carry an opaque `cursor` naming the row the page starts after (or ends before), so page
5,000 costs what page 1 costs and rows added meanwhile neither repeat nor hide others.
`?page=N` still jumps to a numbered page: by OFFSET up to `MAX_NUMBERED_PAGE` (a small
result, or the first pages of a large one), and the last page (*Last »*) is read
backwards from the end, as cheap as the first. A cursor that cannot be used gives the
page an `error` (the view answers 400 with it beside an empty list), never a 500.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import QuerySet
from django.http import QueryDict

from api.keyset import BadCursor, KeysetPage, keyset_page, last_page_cursor, offset_page

PAGING_PARAMS = ("page", "cursor")
# ?page=N by OFFSET up to here (1,000 rows of 25); deeper numbers show this page and a note.
MAX_NUMBERED_PAGE = 40


def without_paging(params: QueryDict) -> QueryDict:
    """`?q=ferry&page=3&cursor=…` -> `?q=ferry`: the filters, for links that change them."""
    params = params.copy()
    for key in PAGING_PARAMS:
        params.pop(key, None)
    return params


def _url(params: QueryDict, **changes: str) -> str:
    params = without_paging(params)
    for key, value in changes.items():
        params[key] = value
    return f"?{params.urlencode()}" if params else "?"


@dataclass
class ListPage:
    """One page of a list, shaped like Django's `Page` for the templates (`object_list`,
    `number`, `paginator.count`, `start_index`, …) plus the links of its pager."""

    queryset: QuerySet
    params: QueryDict
    size: int
    object_list: list = field(default_factory=list)
    next_cursor: str | None = None
    previous_cursor: str | None = None
    start: int | None = 0
    error: str | None = None
    note: str | None = None
    count_known: bool = True  # False: `count` is an estimate, so no "of N pages", no Last

    @property
    def paginator(self) -> ListPage:  # `page.paginator.count` as with Django's Page
        return self

    @cached_property
    def count(self) -> int:
        return 0 if self.error else self.queryset.count()

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.size))

    @property
    def number(self) -> int | None:
        return None if self.start is None else self.start // self.size + 1

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def has_next(self) -> bool:
        return self.next_cursor is not None

    def has_previous(self) -> bool:
        return self.previous_cursor is not None

    def has_other_pages(self) -> bool:
        return self.has_next() or self.has_previous()

    def start_index(self) -> int:
        return 0 if not self.object_list or self.start is None else self.start + 1

    def end_index(self) -> int:
        return 0 if self.start is None else self.start + len(self.object_list)

    @property
    def first_url(self) -> str:
        return _url(self.params)

    @property
    def next_url(self) -> str | None:
        return _url(self.params, cursor=self.next_cursor) if self.next_cursor else None

    @property
    def previous_url(self) -> str | None:
        if self.previous_cursor is None:
            return None
        if self.start is not None and self.start <= self.size:
            return self.first_url  # back to the start: a plain link
        return _url(self.params, cursor=self.previous_cursor)

    @property
    def last_url(self) -> str:
        return _url(self.params, page=str(self.num_pages))


def list_page(
    queryset: QuerySet, params: QueryDict, size: int, count: int | None = None
) -> ListPage:
    """The page of the ordered `queryset` that `params` asks for (`cursor`, else `page`);
    `count`, when the caller knows it (the kept counts, #13), spares the COUNT(*).

    `?cursor=…` -> the keyset page; `?page=3` -> rows 51-75 (OFFSET, up to page 40);
    `?page=999999` or the last page number -> the last page, read backwards from the end.
    """
    page = ListPage(queryset, params, size)
    if count is not None:
        page.count = count
    try:
        if cursor := params.get("cursor"):
            found = keyset_page(queryset, cursor, size)
            if not found.rows and page.count:  # past the end (rows deleted): the last page
                found = _last_page(page)
        else:
            found = _numbered_page(page, params.get("page"))
    except BadCursor as bad:
        page.error = f"This page link cannot be used ({bad}). Start again from the first page."
        return page
    page.object_list = found.rows
    page.next_cursor, page.previous_cursor = found.next_cursor, found.previous_cursor
    page.start = found.start
    return page


def _numbered_page(page: ListPage, number_text: str | None) -> KeysetPage:
    try:
        number = int(number_text or 1)
    except ValueError:
        number = 1
    if number > 1:
        number = min(number, page.num_pages)
    if number <= 1:
        return keyset_page(page.queryset, None, page.size)
    if number == page.num_pages:
        return _last_page(page)
    if number > MAX_NUMBERED_PAGE:
        page.note = (
            f"Pages are numbered up to {MAX_NUMBERED_PAGE}; this is page {MAX_NUMBERED_PAGE}. "
            "Go on with Next, or narrow the filters."
        )
        number = MAX_NUMBERED_PAGE
    return offset_page(page.queryset, (number - 1) * page.size, page.size)


def _last_page(page: ListPage) -> KeysetPage:
    """The last numbered page, read backwards from the end (no OFFSET at any depth)."""
    rows_on_last = page.count - (page.num_pages - 1) * page.size
    cursor = last_page_cursor(page.queryset, position=page.count)
    return keyset_page(page.queryset, cursor, max(rows_on_last, 1))
