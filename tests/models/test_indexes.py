"""No index is a copy of the start of another (#13): each one costs every import a B-tree
insertion per row, and a query served by `(article_id)` is served as well by
`(article_id, position)`. Read from the database itself, on both databases, after the
migrations (articles 0012 and comments 0006 dropped seven such indexes)."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.views.plans import POSTGRES, explain, full_scans, index_conditions

TABLES = [
    "articles_article",
    "articles_mention",
    "articles_quote",
    "articles_person",
    "articles_outlet",
    "comments_comment",
]


def _plain_indexes(table: str) -> dict[str, dict]:
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, table)
    return {
        name: info
        for name, info in found.items()
        if (info["index"] or info["unique"]) and info["columns"] and all(info["columns"])
    }


def _is_partial(table: str, name: str) -> bool:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [name])
        else:
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [name])
        row = cursor.fetchone()
    return bool(row and row[0] and " WHERE " in row[0].upper())


@pytest.mark.django_db
@pytest.mark.parametrize("table", TABLES)
def test_no_index_repeats_the_start_of_a_wider_one(table):
    indexes = {n: i for n, i in _plain_indexes(table).items() if not _is_partial(table, n)}
    repeated = [
        (name, other)
        for name, info in indexes.items()
        if not (info["unique"] or info["primary_key"])
        for other, wider in indexes.items()
        if other != name
        and len(wider["columns"]) > len(info["columns"])
        and wider["columns"][: len(info["columns"])] == info["columns"]
    ]
    assert repeated == [], f"{table}: indexes served by a wider one: {repeated}"


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["quote", "mention", "comment"])
def test_lookups_by_article_still_read_an_index(model):
    """The dropped foreign-key indexes' work: an article's quotes, mentions and comments
    are found through the wider unique index that leads with `article_id`."""
    from articles.models import Mention, Quote
    from comments.models import Comment

    queryset = {"quote": Quote, "mention": Mention, "comment": Comment}[model].objects
    plan = explain(queryset.filter(article_id=1).order_by())

    assert not full_scans(plan), plan
    if POSTGRES:
        reads = index_conditions(plan, queryset.model._meta.db_table)
        assert any(c.startswith("(article_id =") for cs in reads.values() for c in cs), plan
    else:
        assert "(article_id=?)" in plan, plan
