"""Build a large archive quickly for benchmarks: import N synthetic dumps, then double the
rows in SQL until there are at least `--articles` articles (#15).

    DATABASE_URL=sqlite:////tmp/na_bench.sqlite3 .venv/bin/python bench/bulk_archive.py \\
        --articles 100000 --seed-files 2000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/na_bench_api .venv/bin/python \\
        bench/bulk_archive.py --articles 100000 --seed-files 2000

Steps: `migrate`; `bench/generate_dumps.py` writes `--seed-files` dumps to a temporary
folder and `import_articles` stores them (real parsing, real rows); then each round copies
every article with its comments, quotes and mentions under new ids (`id + max(id)`), a
new URL, hash and source path and a publication date moved back by a number of weeks, in
one INSERT … SELECT per table, until the target is reached (2,000 -> 128,000 in six
rounds). On SQLite the FTS5 triggers are dropped during the copies and the indexes
rebuilt once at the end; on PostgreSQL `search_vector` is copied with the row. Finally
ANALYZE (and VACUUM on PostgreSQL), so plans are those of a settled database.

The database must be empty or a throwaway: nothing here deletes rows, but the copies go
on from whatever is there. Prints what it did and how long each step took.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# table -> {column: SQL that gives the copy's value}; other columns are copied as they are.
# `{a}`, `{c}`, `{q}`, `{m}` are the id offsets of articles, comments, quotes, mentions;
# `{r}` is the round number; `{published}`, `{new_id_16}` are the database's own SQL.
CHANGED = {
    "articles_article": {
        "id": "id + {a}",
        "url": "CASE WHEN url IS NULL THEN NULL ELSE url || '#copy-{r}' END",
        "content_hash": "substr(content_hash, 1, 48) || {new_id_16}",  # unique, 64 chars
        "source_path": "source_path || '#copy-{r}'",
        "published": "{published}",
    },
    "comments_comment": {
        "id": "id + {c}",
        "article_id": "article_id + {a}",
        "reply_to_id": "reply_to_id + {c}",
    },
    "articles_quote": {"id": "id + {q}", "article_id": "article_id + {a}"},
    "articles_mention": {"id": "id + {m}", "article_id": "article_id + {a}"},
}
OFFSETS = {"a": "articles_article", "c": "comments_comment", "q": "articles_quote"}
OFFSETS["m"] = "articles_mention"


def _log(message: str) -> None:
    print(message, flush=True)


def _manage(*args: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], check=True, cwd=ROOT)


def import_seed(files: int, seed: int) -> None:
    """`files` synthetic dumps through the real importer."""
    with tempfile.TemporaryDirectory(prefix="na-bulk-") as folder:
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "generate_dumps.py"), folder, "-n", str(files)]
            + ["--seed", str(seed)],
            check=True,
        )
        outlets = str(ROOT / "bench" / "outlets.json")
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "import_articles", folder]
            + ["--outlets-file", outlets],
            cwd=ROOT,
            check=False,  # a dump that fails is reported and the rest imported
            stdout=subprocess.DEVNULL,
        )


def _columns(cursor, connection, table: str) -> list[str]:
    return [c.name for c in connection.introspection.get_table_description(cursor, table)]


def double(connection, round_number: int) -> int:
    """Copy every row of the four tables once; returns the number of articles after."""
    vendor = connection.vendor
    weeks = 7 * 37 * round_number  # each copy lands about 37 weeks * round earlier
    published = (
        f"published - interval '{weeks} days'"
        if vendor == "postgresql"
        else f"datetime(published, '-{weeks} days')"
    )
    new_id_16 = (
        "lpad((id + {a})::text, 16, '0')"
        if vendor == "postgresql"
        else "printf('%%016d', id + {a})"  # %% for the driver's params
    )
    with connection.cursor() as cursor:
        offsets = {}
        for key, table in OFFSETS.items():
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
            offsets[key] = cursor.fetchone()[0]
        for table, changed in CHANGED.items():
            columns = _columns(cursor, connection, table)
            values = [
                changed.get(c, c)
                .replace("{published}", published)
                .replace("{new_id_16}", new_id_16)
                .format(r=round_number, **offsets)
                for c in columns
            ]
            quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
            cursor.execute(
                f"INSERT INTO {table} ({quoted}) SELECT {', '.join(values)} FROM {table}"
                f" WHERE id <= %s",
                [offsets[next(k for k, t in OFFSETS.items() if t == table)]],
            )
        cursor.execute("SELECT COUNT(*) FROM articles_article")
        return cursor.fetchone()[0]


def reset_sequences(connection) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in OFFSETS.values():
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT MAX(id) FROM {table}))"
            )


def settle(connection) -> None:
    """ANALYZE (and VACUUM on PostgreSQL, outside a transaction)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")


def build(articles: int, seed_files: int, seed: int) -> None:
    import django

    django.setup()
    from django.db import connection, transaction

    from search import fts

    started = time.monotonic()
    _manage("migrate", "--verbosity", "0")
    _log(f"migrated in {time.monotonic() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM articles_article")
        present = cursor.fetchone()[0]
    if present == 0:
        step = time.monotonic()
        import_seed(seed_files, seed)
        _log(f"imported {seed_files} dumps in {time.monotonic() - step:.0f} s")
    fts.drop_index(connection)  # SQLite: no trigger work per copied row; rebuilt below
    round_number, total = 0, present or seed_files
    while total < articles:
        round_number += 1
        step = time.monotonic()
        with transaction.atomic():
            total = double(connection, round_number)
        _log(f"round {round_number}: {total} articles in {time.monotonic() - step:.0f} s")
    reset_sequences(connection)
    step = time.monotonic()
    fts.ensure_index(connection, rebuild=True)
    settle(connection)
    _log(f"search indexes and statistics in {time.monotonic() - step:.0f} s")
    with connection.cursor() as cursor:
        counts = []
        for table in OFFSETS.values():
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            counts.append(cursor.fetchone()[0])
    _log(
        "archive: {} articles, {} comments, {} quotes, {} mentions; {:.0f} s in all".format(
            *counts, time.monotonic() - started
        )
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="at least this many")
    parser.add_argument("--seed-files", type=int, default=2000, help="dumps imported first")
    parser.add_argument("--seed", type=int, default=1, help="generate_dumps.py seed")
    args = parser.parse_args(argv)
    if not os.environ.get("DATABASE_URL"):
        parser.error("set DATABASE_URL to a throwaway database (sqlite:////tmp/… or postgres://…)")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")
    os.environ.setdefault("DEBUG", "1")
    sys.path.insert(0, str(ROOT))
    build(args.articles, args.seed_files, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
