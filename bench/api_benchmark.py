"""Time and peak memory of the lists, the API, search and the NDJSON export on a big archive
(#15). Prints figures; it is not a test and asserts nothing.

    DATABASE_URL=sqlite:////tmp/na_bench_api.sqlite3 .venv/bin/python bench/api_benchmark.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/na_bench_api .venv/bin/python \\
        bench/api_benchmark.py

Build the archive first with `bench/bulk_archive.py` (>= 125,000 articles for page 5,000).
Requests go through Django's test client in this process (no server, no network): the
figures are the application's and the database's cost per request, as a worker would pay
it, without HTTP. Each figure is the median of `--repeat` runs after one warm-up; peak
memory is tracemalloc's peak of Python allocations during one more run of the request
(the streamed export's includes everything it held at once). Page 5,000 is reached by the
cursor *Next* would carry there (its row found once, untimed, by OFFSET); "OFFSET page
5,000" times the query the old paginator ran, for comparison.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = 25
DEEP = 5000
SEARCH = '"hospital merger" cabinet -strike'


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")
    os.environ.setdefault("DEBUG", "1")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # no query log growing through the run
    settings.ALLOWED_HOSTS = ["testserver"]


def _consume(response) -> int:
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def measure(client, url: str, repeat: int) -> tuple[float, float, int, int]:
    """(median ms, peak MB, bytes, status) of GET `url`; a request slower than 2 s is
    timed twice, not `repeat` times."""
    started = time.perf_counter()
    response = client.get(url)
    size = _consume(response)
    if time.perf_counter() - started > 2:
        repeat = min(repeat, 2)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        _consume(response)
        times.append((time.perf_counter() - started) * 1000)
    tracemalloc.start()
    _consume(client.get(url))
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return statistics.median(times), peak, size, response.status_code


def deep_cursor(page: int) -> str:
    """The cursor *Next* carries to `page` of the default article list."""
    from django.http import QueryDict

    from api.keyset import encode_cursor, row_values, with_keys
    from articles.filters import ArticleFilter
    from articles.models import Article

    rows = ArticleFilter(QueryDict(""), queryset=Article.objects.for_listing()).qs
    annotated, keys = with_keys(rows)
    position = (page - 1) * PAGE
    last = annotated[position - 1]  # untimed: finding the row Next would start after
    return encode_cursor(keys, row_values(last, keys), position=position)


def offset_query_ms(page: int, repeat: int) -> float:
    from django.http import QueryDict

    from articles.filters import ArticleFilter
    from articles.models import Article

    rows = ArticleFilter(QueryDict(""), queryset=Article.objects.for_listing()).qs
    start = (page - 1) * PAGE
    times = []
    for _ in range(repeat + 1):
        began = time.perf_counter()
        list(rows[start : start + PAGE])
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times[1:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per figure")
    parser.add_argument("--no-export", action="store_true", help="skip the NDJSON export")
    parser.add_argument(
        "--skip", action="append", default=[], help="skip requests whose label holds this"
    )
    args = parser.parse_args(argv)
    _setup()
    from django.db import connection
    from django.test import Client
    from django.utils.http import urlencode

    from articles.models import Article
    from comments.models import Comment

    articles, comments = Article.objects.count(), Comment.objects.count()
    print(
        f"{connection.vendor}: {articles} articles, {comments} comments; "
        f"median of {args.repeat} after a warm-up"
    )
    if articles < DEEP * PAGE:
        print(f"page {DEEP} needs {DEEP * PAGE} articles: build more with bench/bulk_archive.py")
        return 1
    client = Client()
    cursor = deep_cursor(DEEP)
    q = urlencode({"q": SEARCH})
    runs = [
        ("HTML list, page 1", "/"),
        (f"HTML list, page {DEEP} (cursor)", f"/?cursor={cursor}"),
        ("API list, page 1", "/api/articles/"),
        (f"API list, page {DEEP} (cursor)", f"/api/articles/?cursor={cursor}"),
        ("API list, page 1, _nocount", "/api/articles/?_nocount=1"),
        (f"API list, page {DEEP}, _nocount", f"/api/articles/?_nocount=1&cursor={cursor}"),
        (f"HTML search {SEARCH} + snippets", f"/?{q}"),
        (f"API search {SEARCH} + snippets", f"/api/articles/?{q}"),
        ("HTML comment list, page 1", "/comments/"),
        ("API comment list, page 1", "/api/comments/"),
    ]
    if not args.no_export:
        runs.append(("NDJSON export of all comments", "/export/comments.ndjson"))
    print("| request | median ms | peak MB (tracemalloc) | bytes | status |")
    print("|---|---|---|---|---|")
    runs = [(label, url) for label, url in runs if not any(s in label for s in args.skip)]
    for label, url in runs:
        repeat = 1 if "export" in url else args.repeat
        ms, peak, size, status = measure(client, url, repeat)
        print(f"| {label} | {ms:,.1f} | {peak:,.1f} | {size:,} | {status} |", flush=True)
    # The list's own cost, without the facet sidebar (#13's counts): patched out here only.
    import articles.views

    facets = articles.views.article_facets
    articles.views.article_facets = lambda *args, **kwargs: []
    for label, url in runs[:2]:
        ms, peak, size, status = measure(client, url, args.repeat)
        print(f"| {label}, facets off | {ms:,.1f} | {peak:,.1f} | {size:,} | {status} |")
    articles.views.article_facets = facets
    print(
        f"| OFFSET page {DEEP} (the old paginator's row query alone) | "
        f"{offset_query_ms(DEEP, args.repeat):,.1f} | | | |"
    )
    import resource

    print(f"process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
