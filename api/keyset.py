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
from django.db.models import F, Q, QuerySet
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


def after(queryset: QuerySet, keys: list[SortKey], values: list[Any]) -> QuerySet:
    """Rows of `queryset` (annotated by `with_keys`) that come after the row with `values`."""
    condition = Q(pk__in=[])  # always false; OR-ed with one branch per key
    equal = Q()
    for alias, key, value in zip(_aliases(keys), keys, values, strict=True):
        if value is None:
            later = Q(**{f"{alias}__isnull": False}) if not key.nulls_last else None
            same = Q(**{f"{alias}__isnull": True})
        else:
            later = Q(**{f"{alias}__{'lt' if key.descending else 'gt'}": value})
            if key.nulls_last:
                later |= Q(**{f"{alias}__isnull": True})
            same = Q(**{alias: value})
        if later is not None:
            condition |= equal & later
        equal &= same
    return queryset.filter(condition)


def row_values(row: models.Model, keys: list[SortKey]) -> list[Any]:
    return [getattr(row, alias) for alias in _aliases(keys)]


def encode_cursor(keys: list[SortKey], values: list[Any]) -> str:
    """`[datetime(2016, 11, 14, …), 7]` -> an opaque url-safe string."""
    payload = {"o": order_tag(keys), "v": [_encode_value(v) for v in values]}
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, keys: list[SortKey]) -> list[Any]:
    """The sort values in `cursor`, or `BadCursor` saying what is wrong with it."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise BadCursor("cursor is not one this API gave out (not base64url JSON)") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("v"), list):
        raise BadCursor("cursor is not one this API gave out (wrong shape)")
    if payload.get("o") != order_tag(keys):
        raise BadCursor("cursor belongs to another sort order; start again without it")
    if len(payload["v"]) != len(keys):
        raise BadCursor("cursor has the wrong number of values for this sort")
    return [_decode_value(v) for v in payload["v"]]


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


def keyset_page(queryset: QuerySet, cursor: str | None, size: int) -> KeysetPage:
    """Up to `size` rows of the ordered `queryset` after `cursor` (from the start without),
    and the cursor of the page after, if there are more rows."""
    annotated, keys = with_keys(queryset)
    if cursor:
        values = decode_cursor(cursor, keys)
        _check_types(annotated, keys, values)
        annotated = after(annotated, keys, values)
    rows = list(annotated[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    next_cursor = encode_cursor(keys, row_values(rows[-1], keys)) if more and rows else None
    return KeysetPage(rows, next_cursor)


def iterate_keyset(queryset: QuerySet, chunk: int = 500):
    """Every row of the ordered `queryset`, fetched `chunk` rows at a time by keyset, so
    memory stays flat and no OFFSET scan grows (the NDJSON exports)."""
    annotated, keys = with_keys(queryset)
    values = None
    while True:
        page = annotated if values is None else after(annotated, keys, values)
        rows = list(page[:chunk])
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
