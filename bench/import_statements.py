"""Count the SQL statements and transactions `import_articles` sends per stored article.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scratch DEBUG=1 \\
        .venv/bin/python bench/import_statements.py DUMPS_FOLDER [--batch-size 50]

Run it on an empty, migrated database (it imports the folder with `--outlets-file
bench/outlets.json`). Each transaction also costs a BEGIN and a COMMIT round trip, which
the second figure counts. Before #13: 9.3 statements (11.3 round trips) per article.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--batch-size", help="passed on to import_articles when given")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from articles.models import Article

    statements: Counter[str] = Counter()
    commits = 0

    def count(execute, sql, params, many, context):
        statements[" ".join(sql.split()[:3])[:48]] += 1
        return execute(sql, params, many, context)

    commit = connection.commit

    def counted_commit():
        nonlocal commits
        commits += 1
        return commit()

    connection.commit = counted_commit
    with connection.execute_wrapper(count):
        call_command(
            "import_articles",
            args.folder,
            "--outlets-file",
            str(ROOT / "bench" / "outlets.json"),
            *(["--batch-size", args.batch_size] if args.batch_size else []),
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    articles = Article.objects.count()
    total = sum(statements.values())
    print(
        f"{articles} articles: {total} statements in {commits} transactions, "
        f"{total / articles:.2f} statements and {(total + 2 * commits) / articles:.2f} "
        f"round trips per article ({connection.vendor})"
    )
    for sql, n in statements.most_common(12):
        print(f"{n:8d}  {sql}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
