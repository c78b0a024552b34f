"""Build the archive of issue #13 at full size on either database: 140,000 articles,
~490,000 quotes, ~2 M reader comments.

    DATABASE_URL=sqlite:////tmp/na_scale/scale.sqlite3 .venv/bin/python bench/scale_db.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/na_bench_scale .venv/bin/python \\
        bench/scale_db.py --createdb

Steps (each printed with its time):

1. `migrate` (with `--createdb`, `createdb` first on PostgreSQL);
2. `bench/generate_dumps.py` writes `--files` dumps (10,000, seed 1) into `--dumps`
   unless that folder already holds them, and `import_articles` stores them: real
   parsing, real rows (10,000 articles, ~34,600 quotes, ~39,800 comments);
3. the multiplier, in SQL, one INSERT … SELECT per table:
   - every article is copied `--article-factor - 1` times (default 14: 140,000 articles)
     with its mentions, quotes and comments. Copy *n* gets ids `id + n × max(id)`, the URL,
     source path and content hash made unique (`#copy-n`; the hash's first three
     characters replaced by `x` and `n + 10`, never a hex digest), and its publication,
     update and comment times moved back by `n × 91` days, so the archive spans about
     7½ years instead of 4;
   - then the comments are multiplied by `--comment-factor` (default 3.5) inside their
     own articles: whole extra copies, and for the fraction a copy of the comments whose
     `id % 100` falls below it; positions move past the article's last, replies point to
     the copy of their parent (or to none when the parent was not copied), and each
     article's `comment_count` is recounted;
4. the search indexes: on SQLite the FTS5 insert triggers are dropped during the copies
   and the three indexes rebuilt once (`search.fts.ensure_index`); on PostgreSQL the
   copied rows carry their `search_vector` and the GIN indexes take the rows as they come;
5. the archive's maintained counters, whose triggers are off during the copies, are
   rebuilt (`rebuild_archive_counts`, when the project has that command), then ANALYZE
   (PostgreSQL: VACUUM FULL of the two small count tables the rebuild rewrote, then VACUUM
   ANALYZE, so index-only scans see an up-to-date visibility map).

Run it once on an empty database. Re-running it on a built one skips what is done:
the import reports every file unchanged and the multiplier refuses to multiply twice.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DAYS_PER_COPY = 91


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("DEBUG", "1")
    return env


def _step(label: str, started: float) -> None:
    print(f"{label}: {time.monotonic() - started:.1f} s", flush=True)


def _manage(*args: str, quiet: bool = False) -> None:
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=_env(),
        check=False,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")
    os.environ.setdefault("DEBUG", "1")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # no query log


def _columns(cursor, connection, table: str) -> list[str]:
    return [c.name for c in connection.introspection.get_table_description(cursor, table)]


def _numbers(first: int, last: int) -> str:
    """A one-column table `n` of first..last, in SQL both databases read."""
    return " UNION ALL ".join(f"SELECT {n} AS n" for n in range(first, last + 1))


def _shift(vendor: str, column: str) -> str:
    """`column` moved back by n × DAYS_PER_COPY days (NULL stays NULL)."""
    if vendor == "sqlite":
        return f"datetime({column}, '-' || (k.n * {DAYS_PER_COPY}) || ' days')"
    return f"{column} - (k.n * {DAYS_PER_COPY}) * INTERVAL '1 day'"


def _copy(cursor, connection, table: str, changed: dict[str, str], where: str, numbers: str):
    columns = _columns(cursor, connection, table)
    exprs = [changed.get(c, f"t.{c}") for c in columns]
    cursor.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(exprs)} "
        f"FROM {table} t CROSS JOIN ({numbers}) k WHERE {where}"
    )
    return cursor.rowcount


def _max_id(cursor, table: str) -> int:
    cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
    return int(cursor.fetchone()[0])


def multiply(article_factor: int, comment_factor: float) -> None:
    from django.core.management.color import no_style
    from django.db import connection, transaction

    from articles import archive_counts
    from articles.models import Article, Mention, Outlet, Person, Quote
    from comments.models import Comment
    from search import fts

    vendor = connection.vendor
    with transaction.atomic(), connection.cursor() as cursor:
        articles = Article.objects.count()
        if articles == 0:
            raise SystemExit("no articles: the import stored nothing")
        a_max = _max_id(cursor, "articles_article")
        cursor.execute("SELECT COUNT(*) FROM articles_article WHERE url LIKE '%%#copy-%%'")
        if cursor.fetchone()[0]:
            print("already multiplied: nothing copied")
            return
        if vendor == "sqlite":
            for index in fts.INDEXES:
                cursor.execute(f"DROP TRIGGER IF EXISTS {index.name}_insert")
        # The kept counts' triggers would upsert a count row per copied row (2 M comments:
        # most of an hour on PostgreSQL); `settle` recounts them once instead.
        archive_counts.uninstall(connection)

        started = time.monotonic()
        numbers = _numbers(1, article_factor - 1)
        c_max, q_max = _max_id(cursor, "comments_comment"), _max_id(cursor, "articles_quote")
        m_max = _max_id(cursor, "articles_mention")
        n_text = "CAST(k.n AS TEXT)"
        copied = _copy(
            cursor,
            connection,
            "articles_article",
            {
                "id": f"t.id + k.n * {a_max}",
                "url": f"CASE WHEN t.url IS NULL THEN NULL ELSE t.url || '#copy-' || {n_text} END",
                "content_hash": "'x' || CAST(k.n + 10 AS TEXT) || substr(t.content_hash, 4)",
                "source_path": f"t.source_path || '#copy-' || {n_text}",
                "published": _shift(vendor, "t.published"),
                "updated": _shift(vendor, "t.updated"),
            },
            f"t.id <= {a_max}",
            numbers,
        )
        print(f"  articles: +{copied:,}", flush=True)
        for table, top in (("articles_mention", m_max), ("articles_quote", q_max)):
            copied = _copy(
                cursor,
                connection,
                table,
                {"id": f"t.id + k.n * {top}", "article_id": f"t.article_id + k.n * {a_max}"},
                f"t.id <= {top}",
                numbers,
            )
            print(f"  {table}: +{copied:,}", flush=True)
        copied = _copy(
            cursor,
            connection,
            "comments_comment",
            {
                "id": f"t.id + k.n * {c_max}",
                "article_id": f"t.article_id + k.n * {a_max}",
                "reply_to_id": f"t.reply_to_id + k.n * {c_max}",
                "posted": _shift(vendor, "t.posted"),
            },
            f"t.id <= {c_max}",
            numbers,
        )
        print(f"  comments (with their articles): +{copied:,}", flush=True)
        _step("  copies of articles", started)

        started = time.monotonic()
        c_max = _max_id(cursor, "comments_comment")
        cursor.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM comments_comment")
        stride = int(cursor.fetchone()[0])
        whole, part = int(comment_factor), round((comment_factor - int(comment_factor)) * 100)
        rounds = [(m, 100) for m in range(1, whole)] + ([(whole, part)] if part else [])
        for m, percent in rounds:
            keep = "" if percent == 100 else f" AND t.id % 100 < {percent}"
            parent = (
                f"t.reply_to_id + {m * c_max}"
                if percent == 100
                else f"CASE WHEN t.reply_to_id % 100 < {percent} THEN t.reply_to_id + {m * c_max}"
                " ELSE NULL END"
            )
            copied = _copy(
                cursor,
                connection,
                "comments_comment",
                {
                    "id": f"t.id + {m * c_max}",
                    "position": f"t.position + {m * stride}",
                    "reply_to_id": parent,
                },
                f"t.id <= {c_max}{keep}",
                "SELECT 1 AS n",
            )
            print(f"  comments copy {m} ({percent} %): +{copied:,}", flush=True)
        cursor.execute(
            "UPDATE articles_article SET comment_count = (SELECT COUNT(*) FROM comments_comment c"
            " WHERE c.article_id = articles_article.id) WHERE comment_count > 0"
        )
        _step("  comments multiplied", started)

        for sql in connection.ops.sequence_reset_sql(
            no_style(), [Article, Mention, Quote, Comment, Person, Outlet]
        ):
            cursor.execute(sql)
        archive_counts.install(connection, rebuild_when_missing=False)  # recounted by `settle`
        if vendor == "sqlite":
            started = time.monotonic()
            fts.ensure_index(connection)  # triggers back, the three indexes rebuilt
            _step("  FTS5 indexes rebuilt", started)


def settle() -> None:
    from django.core.management import get_commands
    from django.db import connection

    if "rebuild_archive_counts" in get_commands():
        started = time.monotonic()
        _manage("rebuild_archive_counts")
        _step("counters rebuilt", started)
    started = time.monotonic()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # the count tables are tiny but rewritten whole by the rebuild: compact them
            cursor.execute("VACUUM FULL articles_outletmonthcount, articles_personoutletcount")
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")
    _step("ANALYZE", started)


def report() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for table in (
            "articles_article",
            "articles_mention",
            "articles_quote",
            "comments_comment",
            "articles_person",
        ):
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            print(f"{table}: {cursor.fetchone()[0]:,} rows")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dumps", default="/tmp/na_scale/dumps", help="folder of dumps")
    parser.add_argument("--files", type=int, default=10_000, help="dumps to import (10000)")
    parser.add_argument("--article-factor", type=int, default=14, help="articles × (14)")
    parser.add_argument("--comment-factor", type=float, default=3.5, help="comments × (3.5)")
    parser.add_argument("--createdb", action="store_true", help="createdb first (PostgreSQL)")
    args = parser.parse_args(argv)
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        parser.error("set DATABASE_URL (sqlite:////tmp/… or postgres://…)")
    if args.createdb and url.startswith("postgres"):
        parsed = urlparse(url)
        subprocess.run(
            [
                "createdb",
                "-h",
                parsed.hostname or "127.0.0.1",
                "-p",
                str(parsed.port or 5432),
                "-U",
                parsed.username or "postgres",
                parsed.path.lstrip("/"),
            ],
            check=False,
        )
    started = time.monotonic()
    _manage("migrate", "--no-input", quiet=True)
    _step("migrate", started)

    dumps = Path(args.dumps)
    if len(list(dumps.glob("*.txt"))) < args.files:
        started = time.monotonic()
        subprocess.run(
            [PYTHON, "bench/generate_dumps.py", str(dumps), "-n", str(args.files), "--seed", "1"],
            cwd=ROOT,
            check=True,
        )
        _step("generate dumps", started)
    _setup_django()
    from articles.models import Article

    if not Article.objects.exists():
        started = time.monotonic()
        _manage("import_articles", str(dumps), "--outlets-file", "bench/outlets.json")
        _step("import", started)
    started = time.monotonic()
    multiply(args.article_factor, args.comment_factor)
    _step("multiply", started)
    settle()
    report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
