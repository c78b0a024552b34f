"""Keyset ("seek") pagination over any ordered QuerySet, with opaque cursors (#15).

A list's order (what its FilterSet's `sort` chose) ends in a unique key (`id`, or
`article_id, position`), so the last row of a page says exactly where the next page
starts: `WHERE (published, id) < (last.published, last.id)` in the list's own order,
NULLs placed where the database places them. Page 5,000 then costs what page 1 costs,
and rows inserted between two requests neither repeat nor hide others.

The cursor is base64url JSON of the last row's sort values and a tag of the order it
belongs to; clients treat it as opaque. A cursor that cannot be read, or belongs to
another order, raises `BadCursor` with a reason (the API answers 400).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connections, models
from django.db.models import F, Q, QuerySet, prefetch_related_objects
from django.db.models.expressions import OrderBy
from django.db.models.functions import Cast


class BadCursor(ValueError):
    """The `cursor` parameter cannot be used; the message says why."""


@dataclass(frozen=True)
class SortKey:
    """One column of a list's order: `expression` descending or not, NULLs last or first."""

    expression: Any
    descending: bool
    nulls_last: bool


def sort_keys(queryset: QuerySet) -> list[SortKey]:
    """The keys of `queryset`'s ORDER BY, with the database's NULL placement made explicit.

    `order_by(F("published").desc(nulls_last=True), "-id")` ->
    `[SortKey(F(published), True, True), SortKey(F(id), True, <db default>)]`
    """
    vendor = connections[queryset.db].vendor
    ordering = queryset.query.order_by or queryset.model._meta.ordering
    keys = []
    for item in ordering:
        if isinstance(item, str):
            descending = item.startswith("-")
            name = item.lstrip("-")
            expression, nulls = F("pk" if name == "pk" else name), None
        elif isinstance(item, OrderBy):
            expression, descending = item.expression, item.descending
            nulls = True if item.nulls_last else (False if item.nulls_first else None)
        elif isinstance(item, F):
            expression, descending, nulls = item, False, None
        else:  # pragma: no cover - every list orders by names or OrderBy
            raise TypeError(f"cannot page by {item!r}")
        if nulls is None:
            # SQLite: NULL is the smallest value; PostgreSQL: the largest.
            nulls = descending if vendor == "sqlite" else not descending
        keys.append(SortKey(expression, descending, nulls))
    return keys


def order_tag(keys: list[SortKey]) -> str:
    """A short tag of an order, so a cursor from `sort=oldest` is refused by `sort=newest`."""
    text = "|".join(f"{k.expression!r}:{k.descending}:{k.nulls_last}" for k in keys)
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def _aliases(keys: list[SortKey]) -> list[str]:
    return [f"_key{i}" for i in range(len(keys))]


def with_keys(queryset: QuerySet) -> tuple[QuerySet, list[SortKey]]:
    """`queryset` with each sort key annotated as `_key0`, `_key1`, … (read off the last row)."""
    keys = sort_keys(queryset)
    expressions = dict(zip(_aliases(keys), (key.expression for key in keys), strict=True))
    probe = queryset.annotate(**expressions)  # builds SQL only: nothing is run
    for alias in expressions:
        if isinstance(probe.query.annotations[alias].output_field, models.FloatField):
            # PostgreSQL's ts_rank is a `real`: compared with the cursor's value (a double)
            # it never equals itself, so the key is read and compared as double precision.
            expressions[alias] = Cast(expressions[alias], models.FloatField())
    return queryset.annotate(**expressions), keys


def _nullable(queryset: QuerySet, alias: str) -> bool:
    return getattr(queryset.query.annotations[alias].output_field, "null", True)


def _later(queryset: QuerySet, keys, values, aliases) -> Q:
    """The condition "after `values`" on `keys`, one OR branch per key (lexicographic)."""
    condition = Q(pk__in=[])  # always false; OR-ed with one branch per key
    equal = Q()
    for alias, key, value in zip(aliases, keys, values, strict=True):
        nullable = _nullable(queryset, alias)
        if value is None:
            later = Q(**{f"{alias}__isnull": False}) if not key.nulls_last else None
            same = Q(**{f"{alias}__isnull": True})
        else:
            later = Q(**{f"{alias}__{'lt' if key.descending else 'gt'}": value})
            if key.nulls_last and nullable:
                later |= Q(**{f"{alias}__isnull": True})
            same = Q(**{alias: value})
        if later is not None:
            condition |= equal & later
        equal &= same
    return condition


def after_parts(queryset: QuerySet, keys: list[SortKey], values: list[Any]) -> list[QuerySet]:
    """Rows of `queryset` (annotated by `with_keys`) after the row with `values`, as disjoint
    querysets to read one after the other, each a range of the list's index.

    One condition `published < X OR (published = X AND id < Y) OR published IS NULL` would
    be right but no index range: the databases walk the index from its start (page 5,000
    then costs 125,000 rows). So the leading key gets its bound AND-ed in (`published <= X
    AND (…)`, an index seek), and its NULLs, which come last, are a second part, read only
    when the first runs out.
    """
    aliases = _aliases(keys)
    alias, key, value = aliases[0], keys[0], values[0]
    rest = _later(queryset, keys[1:], values[1:], aliases[1:])
    if value is None:
        parts = [queryset.filter(Q(**{f"{alias}__isnull": True}) & rest)]
        if not key.nulls_last:  # NULLs first: every valued row is still to come
            parts.append(queryset.filter(**{f"{alias}__isnull": False}))
        return parts
    bound, strict = ("lte", "lt") if key.descending else ("gte", "gt")
    head = Q(**{f"{alias}__{bound}": value}) & (
        Q(**{f"{alias}__{strict}": value}) | (Q(**{alias: value}) & rest)
    )
    parts = [queryset.filter(head)]
    if key.nulls_last and _nullable(queryset, alias):
        parts.append(queryset.filter(**{f"{alias}__isnull": True}))
    return parts


def after(queryset: QuerySet, keys: list[SortKey], values: list[Any]) -> QuerySet:
    """Rows of `queryset` (annotated by `with_keys`) that come after the row with `values`,
    as one queryset (`after_parts` reads them by index ranges)."""
    return queryset.filter(_later(queryset, keys, values, _aliases(keys)))


def read_parts(parts: list[QuerySet], limit: int) -> list:
    """Up to `limit` rows from `parts` in turn: one query, two at a list's NULL tail;
    the parts' prefetches run once, over all the rows."""
    lookups = parts[0]._prefetch_related_lookups
    rows: list = []
    for part in parts:
        rows.extend(part.prefetch_related(None)[: limit - len(rows)])
        if len(rows) >= limit:
            break
    if lookups and rows:
        prefetch_related_objects(rows, *lookups)
    return rows


def row_values(row: models.Model, keys: list[SortKey]) -> list[Any]:
    return [getattr(row, alias) for alias in _aliases(keys)]


@dataclass(frozen=True)
class Cursor:
    """Where a page starts: after the row with `values` (or, `before`, ending just before
    it; `values` None with `before`: the end of the list). `position` is how many rows
    precede the row (for "Showing 26-50"; a hint, not a key)."""

    values: list[Any] | None
    before: bool = False
    position: int | None = None


def encode_cursor(
    keys: list[SortKey], values: list[Any] | None, *, before: bool = False, position=None
) -> str:
    """`[datetime(2016, 11, 14, …), 7]` -> an opaque url-safe string."""
    payload: dict[str, Any] = {"o": order_tag(keys)}
    payload["v"] = None if values is None else [_encode_value(v) for v in values]
    if before:
        payload["b"] = 1
    if position is not None:
        payload["n"] = position
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, keys: list[SortKey]) -> Cursor:
    """What `cursor` says, or `BadCursor` saying what is wrong with it."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise BadCursor("cursor is not one this API gave out (not base64url JSON)") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("v", 0), list | None):
        raise BadCursor("cursor is not one this API gave out (wrong shape)")
    if payload.get("o") != order_tag(keys):
        raise BadCursor("cursor belongs to another sort order; start again without it")
    before = payload.get("b") == 1
    if payload["v"] is None and not before:
        raise BadCursor("cursor is not one this API gave out (wrong shape)")
    if payload["v"] is not None and len(payload["v"]) != len(keys):
        raise BadCursor("cursor has the wrong number of values for this sort")
    position = payload.get("n")
    if position is not None and (
        isinstance(position, bool) or not isinstance(position, int) or not 0 <= position < 2**53
    ):
        raise BadCursor("cursor holds a position that cannot be read")
    values = None if payload["v"] is None else [_decode_value(v) for v in payload["v"]]
    return Cursor(values, before, position)


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise TypeError(f"cannot put {type(value).__name__} in a cursor")


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict):
        try:
            parsed = datetime.fromisoformat(value["t"])
        except (KeyError, TypeError, ValueError):
            raise BadCursor("cursor holds a date that cannot be read") from None
        if parsed.tzinfo is None:
            raise BadCursor("cursor holds a date without a time zone")
        return parsed
    if value is None or isinstance(value, int | float | str):
        if isinstance(value, str) and len(value) > 1000:
            raise BadCursor("cursor value too long")
        return value
    raise BadCursor("cursor holds a value of an unknown type")


@dataclass
class KeysetPage:
    rows: list
    next_cursor: str | None
    previous_cursor: str | None = None
    start: int | None = None  # rows before the first row, when known


def _reversed(keys: list[SortKey]) -> list[SortKey]:
    return [SortKey(k.expression, not k.descending, not k.nulls_last) for k in keys]


def keyset_page(queryset: QuerySet, cursor: str | None, size: int) -> KeysetPage:
    """Up to `size` rows of the ordered `queryset` after `cursor` (from the start without;
    before it, for a cursor of the page before), with the cursors of the pages after and
    before, when there are rows there. Each page is one query on the list's index, however
    deep it is."""
    annotated, keys = with_keys(queryset)
    if not cursor:
        return _page(annotated, keys, annotated[: size + 1], size, start=0, first=True)
    where = decode_cursor(cursor, keys)
    if where.values is not None:
        _check_types(annotated, keys, where.values)
    if not where.before:
        rows = read_parts(after_parts(annotated, keys, where.values), size + 1)
        return _page(annotated, keys, rows, size, start=where.position, first=False)
    # The page before the anchor: the rows before it in reverse order, read backwards.
    backwards = annotated.reverse()
    parts = [backwards]
    if where.values is not None:
        parts = after_parts(backwards, _reversed(keys), where.values)
    rows = read_parts(parts, size + 1)
    at_start = len(rows) <= size
    rows = rows[:size][::-1]
    if at_start:
        start = 0
    elif where.position is not None:
        start = max(where.position - len(rows), 0)
    else:
        start = None
    more = bool(rows) and where.values is not None  # the anchor row follows
    return _page(annotated, keys, rows, size, start=start, first=at_start, more=more)


def offset_page(queryset: QuerySet, offset: int, size: int) -> KeysetPage:
    """The page at `offset` (a numbered page of a small result), with keyset cursors to the
    pages around it: OFFSET costs grow with depth, so callers cap it."""
    annotated, keys = with_keys(queryset)
    rows = annotated[offset : offset + size + 1]
    return _page(annotated, keys, rows, size, start=offset, first=offset == 0)


def _page(annotated, keys, rows, size: int, *, start, first: bool, more=None) -> KeysetPage:
    rows = list(rows)
    if more is None:
        more = len(rows) > size
        rows = rows[:size]
    if not rows:
        return KeysetPage([], None, None, start)
    end = None if start is None else start + len(rows)
    following = encode_cursor(keys, row_values(rows[-1], keys), position=end) if more else None
    previous = (
        None
        if first
        else encode_cursor(keys, row_values(rows[0], keys), before=True, position=start)
    )
    return KeysetPage(rows, following, previous, start)


def last_page_cursor(queryset: QuerySet, position: int | None = None) -> str:
    """The cursor of the list's last page (read backwards from its end: as cheap as page 1)."""
    return encode_cursor(sort_keys(queryset), None, before=True, position=position)


def iterate_keyset(queryset: QuerySet, chunk: int = 500):
    """Every row of the ordered `queryset`, fetched `chunk` rows at a time by keyset, so
    memory stays flat and no OFFSET scan grows (the NDJSON exports)."""
    annotated, keys = with_keys(queryset)
    values = None
    while True:
        parts = [annotated] if values is None else after_parts(annotated, keys, values)
        rows = read_parts(parts, chunk)
        yield from rows
        if len(rows) < chunk:
            return
        values = row_values(rows[-1], keys)


_TYPES = {
    models.DateTimeField: (datetime,),
    models.IntegerField: (int,),
    models.FloatField: (float, int),
    models.CharField: (str,),
    models.TextField: (str,),
}


def _check_types(queryset: QuerySet, keys: list[SortKey], values: list[Any]) -> None:
    """Refuse a cursor whose values do not fit the columns (a 400, not a database error)."""
    for alias, value in zip(_aliases(keys), values, strict=True):
        if value is None:
            continue
        field = queryset.query.annotations[alias].output_field
        if isinstance(field, models.ForeignKey):
            field = field.target_field
        for field_class, types in _TYPES.items():
            if isinstance(field, field_class):
                if isinstance(value, bool) or not isinstance(value, types):
                    raise BadCursor("cursor holds a value of the wrong type for this sort")
                if isinstance(value, int) and abs(value) > 2**63 - 1:
                    raise BadCursor("cursor holds a number out of range")
                break
