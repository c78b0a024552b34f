"""Serve the archive `bench/scale_db.py` built and print p50/p95 per page, the full comment
export's time and memory, and (SQLite, when Datasette is installed) Datasette's time on the
same file (#13).

    DATABASE_URL=sqlite:////tmp/na_scale/scale.sqlite3 .venv/bin/python bench/scale_pages.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/na_bench_scale .venv/bin/python \\
        bench/scale_pages.py --repeat 20 --no-export

Requests go through Django's test client in this process with `DEBUG` off (no server, no
network): each figure is what a worker spends on the request, the database's time
included, HTTP excluded. Each page is fetched once untimed (warm caches), then `--repeat`
times; p50 and p95 are nearest-rank percentiles of those. The pages are those of issue
#13's table: the picks (the outlet with most articles, the person in most articles, the
article with most comments) are looked up once before timing.

The export (`/export/comments.csv`, every visible comment) runs in a child process of its
own, so its peak resident memory (`ru_maxrss`) is the export's alone; its time is the
whole response read to the end.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEARCH_WORD = "budget"  # one of the generator's 15 topics: tens of thousands of articles


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")
    os.environ.setdefault("DEBUG", "1")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # no query log, the production error pages
    settings.ALLOWED_HOSTS = ["testserver"]


def _read(response) -> int:
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def percentile(values: list[float], share: float) -> float:
    """Nearest rank: percentile([5, 1, 3], 0.5) -> 3."""
    ordered = sorted(values)
    rank = max(1, -(-int(share * 100) * len(ordered) // 100))
    return ordered[rank - 1]


def time_get(client, url: str, repeat: int) -> dict:
    response = client.get(url)
    size = _read(response)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        _read(response)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "url": url,
        "status": response.status_code,
        "kb": size / 1024,
        "p50": percentile(times, 0.5),
        "p95": percentile(times, 0.95),
    }


def pages() -> list[tuple[str, str]]:
    """(label, url) of each timed page, the picks looked up once."""
    from django.db.models import Count

    from articles.models import Article, Outlet, Person

    outlet = Outlet.objects.annotate(n=Count("articles")).order_by("-n").first()
    person = Person.objects.annotate(n=Count("mentions")).order_by("-n").first()
    rare = Person.objects.annotate(n=Count("mentions")).filter(n__gt=0).order_by("n", "pk").first()
    article = Article.objects.order_by("-comment_count").first()
    return [
        ("home (articles list + facets)", "/"),
        ("comments list", "/comments/"),
        ("outlet page", outlet.get_absolute_url()),
        (f"broad full-text search (q={SEARCH_WORD})", f"/?q={SEARCH_WORD}"),
        ("list filtered by person", f"/?person={person.slug}"),
        ("list filtered by person + outlet", f"/?person={person.slug}&outlet={outlet.slug}"),
        ("page 500", "/?page=500"),
        ("last page", "/?page=999999"),
        (f"article page ({article.comment_count} comments)", article.get_absolute_url()),
        ("quotes list", "/quotes/"),
        ("person page", person.get_absolute_url()),
        ("comments search", f"/comments/?q={SEARCH_WORD}"),
        # pages beyond the table, each once found slow at this size
        ("list filtered by the person in fewest articles", f"/?person={rare.slug}"),
        ("people index", "/people/"),
        ("people index by quotes", "/people/?sort=quotes"),
        ("outlets index", "/outlets/"),
        (f"quotes search (q={SEARCH_WORD})", f"/quotes/?q={SEARCH_WORD}"),
    ]


def export_child(url: str) -> None:
    """In a child process: read `url` to the end, print seconds, bytes and peak RSS."""
    _setup()
    from django.test import Client

    started = time.perf_counter()
    size = _read(Client().get(url))
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "bytes": size, "peak_mb": peak_mb}))


def time_export(url: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--export-child", url],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def datasette_side_by_side(client, path: str, repeat: int) -> list[tuple[str, float, float]]:
    """(what, datasette p50 ms, ours p50 ms) for the home and outlet-filtered table with
    outlet and month facets, Datasette's suggestions off (`_nosuggest=1`), on the same
    file; empty when Datasette is not installed (it is optional, not a requirement)."""
    binary = shutil.which("datasette")
    if binary is None:
        return []
    from django.db.models import Count

    from articles.models import Outlet

    outlet = Outlet.objects.annotate(n=Count("articles")).order_by("-n").first()
    port = _free_port()
    server = subprocess.Popen(
        [binary, "serve", "--immutable", path, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/{Path(path).stem}/articles_article"
        facets = "_facet=outlet_id&_facet_date=published&_nosuggest=1&_sort_desc=published"
        for _ in range(50):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        rows = []
        for what, theirs, ours in (
            ("table with facets", f"{base}?{facets}", "/"),
            (
                "outlet-filtered table with facets",
                f"{base}?outlet_id={outlet.pk}&{facets}",
                f"/?outlet={outlet.slug}",
            ),
        ):
            times = []
            urllib.request.urlopen(theirs).read()
            for _ in range(repeat):
                started = time.perf_counter()
                urllib.request.urlopen(theirs).read()
                times.append((time.perf_counter() - started) * 1000)
            rows.append((what, percentile(times, 0.5), time_get(client, ours, repeat)["p50"]))
        return rows
    finally:
        server.terminate()
        server.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10, help="timed requests per page (10)")
    parser.add_argument("--no-export", action="store_true", help="skip the comment export")
    parser.add_argument("--only", default="", help="time only pages whose label has this")
    parser.add_argument("--skip", default="", help="leave out pages whose label has this")
    parser.add_argument("--export-child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.export_child:
        export_child(args.export_child)
        return 0
    _setup()
    from django.db import connection
    from django.test import Client

    from articles.models import Article, Quote
    from comments.models import Comment

    print(
        f"{connection.vendor}: {Article.objects.count():,} articles, "
        f"{Quote.objects.count():,} quotes, {Comment.objects.count():,} comments; "
        f"p50/p95 of {args.repeat} requests after one warm-up (test client, DEBUG off)"
    )
    client = Client()
    print(f"{'page':<48} {'p50 ms':>8} {'p95 ms':>8} {'KB':>7}  status")
    for label, url in pages():
        if (args.only and args.only not in label) or (args.skip and args.skip in label):
            continue
        row = time_get(client, url, args.repeat)
        print(
            f"{label:<48} {row['p50']:>8.0f} {row['p95']:>8.0f} {row['kb']:>7.0f}  {row['status']}",
            flush=True,
        )
    if connection.vendor == "sqlite":
        for what, theirs, ours in datasette_side_by_side(
            client, connection.settings_dict["NAME"], args.repeat
        ):
            print(f"Datasette {what}: {theirs:.0f} ms, ours {ours:.0f} ms ({ours / theirs:.1f}×)")
    if not args.no_export:
        found = time_export("/export/comments.csv")
        print(
            f"export /export/comments.csv: {found['seconds']:.1f} s, "
            f"{found['bytes'] / 1e6:.0f} MB, peak RSS {found['peak_mb']:.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
