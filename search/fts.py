"""The SQLite FTS5 indexes (#15): articles, quotes and comments, their schema, the triggers
that keep them in step, and their rebuild. PostgreSQL keeps `search_vector` by trigger
for articles (articles 0002/0007) and indexes quote and comment text with GIN
expression indexes (search 0002): every function here does nothing there.

Each index is an external-content FTS5 table over its Django table: the text is stored
once, in the row; the index holds only the tokens. Tokens are lower-cased and
Porter-stemmed like PostgreSQL's `english` configuration; accents are kept, as
PostgreSQL keeps them.

SQLite drops a table's triggers when Django remakes the table (an ALTER the database
cannot do in place), so `ensure_index` runs after every `migrate` (`apps.py`) and puts
back any trigger a later migration lost, rebuilding that index when it had to.
"""

from __future__ import annotations

from dataclasses import dataclass

TOKENIZE = "porter unicode61 remove_diacritics 0"


@dataclass(frozen=True)
class FtsIndex:
    """One FTS5 index: `name` over `columns` of `table`, keyed by its `id`."""

    name: str
    table: str
    columns: tuple[str, ...]

    @property
    def create_table(self) -> str:
        return (
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {self.name} USING fts5("
            f"{', '.join(self.columns)}, content='{self.table}', content_rowid='id', "
            f"tokenize='{TOKENIZE}')"
        )

    @property
    def triggers(self) -> dict[str, str]:
        columns = ", ".join(self.columns)
        old = ", ".join(["old.id", *(f"old.{c}" for c in self.columns)])
        new = ", ".join(["new.id", *(f"new.{c}" for c in self.columns)])
        insert = f"INSERT INTO {self.name}(rowid, {columns}) VALUES ({new});"
        delete = f"INSERT INTO {self.name}({self.name}, rowid, {columns}) VALUES ('delete', {old});"
        return {
            f"{self.name}_insert": (
                f"CREATE TRIGGER IF NOT EXISTS {self.name}_insert AFTER INSERT ON {self.table} "
                f"BEGIN {insert} END"
            ),
            f"{self.name}_delete": (
                f"CREATE TRIGGER IF NOT EXISTS {self.name}_delete AFTER DELETE ON {self.table} "
                f"BEGIN {delete} END"
            ),
            f"{self.name}_update": (
                f"CREATE TRIGGER IF NOT EXISTS {self.name}_update "
                f"AFTER UPDATE OF {columns} ON {self.table} BEGIN {delete} {insert} END"
            ),
        }


ARTICLES = FtsIndex("article_fts", "articles_article", ("title", "standfirst", "body"))
QUOTES = FtsIndex("quote_fts", "articles_quote", ("text",))
COMMENTS = FtsIndex("comment_fts", "comments_comment", ("text",))
INDEXES = (ARTICLES, QUOTES, COMMENTS)
TABLE = ARTICLES.name


def ensure_index(connection, *, rebuild: bool = False, indexes=INDEXES) -> list[str]:
    """Create each FTS5 table and its triggers where missing (SQLite only); rebuild an index
    from its rows when anything of it was missing or `rebuild` is asked.
    Returns the names of the indexes it rebuilt."""
    if connection.vendor != "sqlite":
        return []
    rebuilt = []
    with connection.cursor() as cursor:
        for index in indexes:
            names = [index.name, *index.triggers]
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') AND name IN "
                f"({', '.join(['%s'] * len(names))})",
                names,
            )
            missing = set(names) - {row[0] for row in cursor.fetchall()}
            cursor.execute(index.create_table)
            for sql in index.triggers.values():
                cursor.execute(sql)
            if missing or rebuild:
                cursor.execute(f"INSERT INTO {index.name}({index.name}) VALUES ('rebuild')")
                rebuilt.append(index.name)
    return rebuilt


def drop_index(connection, *, indexes=INDEXES) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for index in indexes:
            for name in index.triggers:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(f"DROP TABLE IF EXISTS {index.name}")
