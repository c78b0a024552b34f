"""Several importers at once on one PostgreSQL (#13): over overlapping file sets they end
with exactly what one importer stores — no duplicate articles, people or outlets, no
deadlock failures."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.db.models import Count

from articles.models import Article, Mention, Outlet, Person, Quote
from comments.models import Comment
from tests.conftest import REPO
from tests.importing.conftest import BENCH_OUTLETS

pytestmark = pytest.mark.django_db(transaction=True)


def _snapshot() -> dict:
    return {
        "articles": Article.objects.count(),
        "files": Article.objects.values("source_path").distinct().count(),
        "comments": Comment.objects.count(),
        "quotes": Quote.objects.count(),
        "mentions": Mention.objects.count(),
        # Full names only: whether a bare surname ("Falk") in a page that names several
        # Falks becomes a person of its own depends on which pages came first, for one
        # importer as for several (forward and reversed order differ the same way).
        "people": sorted(n for n in Person.objects.values_list("name", flat=True) if " " in n),
        "outlets": sorted(Outlet.objects.values_list("name", flat=True)),
    }


def _database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def test_four_importers_over_overlapping_files_store_what_one_importer_stores(
    synthetic_dumps,
):
    if connection.vendor != "postgresql":
        pytest.skip(
            "concurrent importers need PostgreSQL (SQLite has one writer at a time); "
            "this test runs in the suite's PostgreSQL pass"
        )
    paths = [str(p) for p in synthetic_dumps(150, seed=7)]
    # Overlapping sets, in different orders: every file is taken by three or four importers.
    sets = [paths[:100], paths[50:], list(reversed(paths)), paths[1::2] + paths[::2]]
    env = dict(os.environ, DATABASE_URL=_database_url(), DJANGO_SETTINGS_MODULE="tests.settings")
    importers = [
        subprocess.Popen(
            # Each registers the outlets too, as importers started on several machines do.
            [sys.executable, "manage.py", "import_articles", "-", "--batch-size", "16"]
            + ["--outlets-file", BENCH_OUTLETS],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in sets
    ]
    for importer, files in zip(importers, sets, strict=True):
        importer.stdin.write("\n".join(files) + "\n")
        importer.stdin.close()
    results = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in importers]
    for returncode, out, err in results:
        assert returncode == 0, out + err
        assert "0 failed" in out

    together = _snapshot()
    assert together["articles"] == together["files"] == 150
    assert not Person.objects.values("name").annotate(n=Count("id")).filter(n__gt=1).exists()
    assert not Person.objects.filter(mentions=None, quotes=None).exists()  # no stray rows

    # The same files, one importer, on an emptied archive.
    Article.objects.all().delete()
    Person.objects.all().delete()
    call_command("import_articles", *paths, stdout=StringIO())

    assert _snapshot() == together


def test_kill_9_during_an_import_into_postgresql_leaves_whole_articles_and_a_rerun_finishes(
    synthetic_dumps,
):
    """A real SIGKILL of an importer writing to PostgreSQL: what it stored is whole batches
    of whole articles (counts agree with rows), and the same command finishes the rest."""
    if connection.vendor != "postgresql":
        pytest.skip("the SQLite case is tests/importing/test_batched_import.py")
    folder = str(synthetic_dumps(600, seed=11)[0].parent)
    env = dict(os.environ, DATABASE_URL=_database_url(), DJANGO_SETTINGS_MODULE="tests.settings")
    command = [sys.executable, "manage.py", "import_articles", folder, "--batch-size", "16"]
    command += ["--outlets-file", BENCH_OUTLETS]
    importer = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while Article.objects.count() < 40 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert importer.poll() is None, "the import ended before it could be killed"
        importer.send_signal(signal.SIGKILL)
    finally:
        importer.wait()

    stored = Article.objects.count()
    # Batches of 1, 2, 4, 8, 16, 16 …: whatever was stored is a run of whole batches.
    assert stored in {1, 3, 7, 15} | {15 + 16 * k for k in range(1, 40)}, stored
    counted = Article.objects.annotate(
        comments_stored=Count("comments", distinct=True),
        quotes_stored=Count("quotes", distinct=True),
    )
    assert not [
        a.pk
        for a in counted
        if a.comments_stored != a.comment_count or a.quotes_stored != a.quote_count
    ]

    rerun = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{600 - stored} new, 0 updated, {stored} unchanged" in rerun.stdout
    assert Article.objects.count() == 600


def test_storing_beside_parsing_stores_what_storing_in_turn_stores(synthetic_dumps, monkeypatch):
    """Into PostgreSQL outside a transaction, batches are stored by a thread of their own
    while the next is parsed; inside one (here: `atomic`), in turn. Same rows, same
    outcomes in the same order, and the thread's connection is closed at the end."""
    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL stores beside parsing")
    import threading

    from django.db import transaction

    from articles.importing import Importer

    paths = [str(p) for p in synthetic_dumps(40, seed=5)]

    stores = []
    original = Importer._finish

    thread_connections = []

    def spy(self, batch, **kwargs):
        stores.append(threading.current_thread() is threading.main_thread())
        if not stores[-1]:
            thread_connections.append(connections["default"])  # the thread's own
        return original(self, batch, **kwargs)

    monkeypatch.setattr(Importer, "_finish", spy)
    beside = [(o.source, o.status) for o in Importer(batch_size=8).import_paths(paths)]
    together = _snapshot()
    Article.objects.all().delete()
    Person.objects.all().delete()
    with transaction.atomic():
        in_turn = [(o.source, o.status) for o in Importer(batch_size=8).import_paths(paths)]

    assert beside == in_turn and [s for _, s in beside] == ["new"] * 40
    assert _snapshot() == together
    half = len(stores) // 2  # batches of 1, 2, 4, 8 … each way
    assert half and stores == [False] * half + [True] * half  # the thread's, then this one's
    # the store thread had one connection of its own, closed at the end
    assert len({id(c) for c in thread_connections}) == 1
    assert thread_connections[0] is not connections["default"]  # not this thread's
    assert thread_connections[0].connection is None
