"""The SQLite FTS5 index of articles (#15): its schema, the triggers that keep it in
step, and its rebuild. PostgreSQL keeps `search_vector` by trigger (articles 0002/0007)
and needs none of this: every function here does nothing there.

`article_fts` is an external-content FTS5 table over `articles_article` (title,
standfirst, body): the text is stored once, in the article row; the index holds only
the tokens. Tokens are lower-cased and Porter-stemmed like PostgreSQL's `english`
configuration; accents are kept, as PostgreSQL keeps them.

SQLite drops a table's triggers when Django remakes the table (an ALTER the database
cannot do in place), so `ensure_index` runs after every `migrate` (`apps.py`) and puts
back any trigger a later migration lost, rebuilding the index when it had to.
"""

from __future__ import annotations

TABLE = "article_fts"

CREATE_TABLE = f"""
CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(
    title, standfirst, body,
    content='articles_article', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 0'
)
"""

_COLUMNS = "title, standfirst, body"
_OLD = "old.id, old.title, old.standfirst, old.body"
_NEW = "new.id, new.title, new.standfirst, new.body"
TRIGGERS = {
    "article_fts_insert": f"""
CREATE TRIGGER IF NOT EXISTS article_fts_insert AFTER INSERT ON articles_article BEGIN
  INSERT INTO {TABLE}(rowid, {_COLUMNS}) VALUES ({_NEW});
END""",
    "article_fts_delete": f"""
CREATE TRIGGER IF NOT EXISTS article_fts_delete AFTER DELETE ON articles_article BEGIN
  INSERT INTO {TABLE}({TABLE}, rowid, {_COLUMNS}) VALUES ('delete', {_OLD});
END""",
    "article_fts_update": f"""
CREATE TRIGGER IF NOT EXISTS article_fts_update
AFTER UPDATE OF title, standfirst, body ON articles_article BEGIN
  INSERT INTO {TABLE}({TABLE}, rowid, {_COLUMNS}) VALUES ('delete', {_OLD});
  INSERT INTO {TABLE}(rowid, {_COLUMNS}) VALUES ({_NEW});
END""",
}


def ensure_index(connection, *, rebuild: bool = False) -> bool:
    """Create the FTS5 table and its triggers where missing (SQLite only); rebuild the
    index from the articles when anything was missing or `rebuild` is asked.
    Returns whether it rebuilt."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') AND name IN "
            f"({', '.join(['%s'] * (len(TRIGGERS) + 1))})",
            [TABLE, *TRIGGERS],
        )
        present = {row[0] for row in cursor.fetchall()}
        missing = {TABLE, *TRIGGERS} - present
        cursor.execute(CREATE_TABLE)
        for sql in TRIGGERS.values():
            cursor.execute(sql)
        if missing or rebuild:
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")
            return True
    return False


def drop_index(connection) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for name in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
