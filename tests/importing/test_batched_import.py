"""Several articles per transaction (#13): a batch commits whole or not at all, one bad
article costs only itself, a rerun finishes, and storing takes few statements."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.importing import Importer
from articles.linking import PeopleDirectory
from articles.models import Article, Mention, Quote
from comments.models import Comment
from tests.conftest import REPO
from tests.importing.conftest import BENCH_OUTLETS


def _stored_whole() -> bool:
    """Every stored article has exactly the comments and quotes it says it has."""
    for article in Article.objects.all():
        if article.comments.count() != article.comment_count:
            return False
        if article.quotes.count() != article.quote_count:
            return False
    return True


def test_a_crash_inside_a_batch_stores_none_of_that_batch_and_a_rerun_finishes(
    run_import, synthetic_dumps, monkeypatch
):
    folder = str(synthetic_dumps(20)[0].parent)
    original = Importer._insert_comments

    def crash_in_fourth_batch(self, created):
        if len(created) == 8:  # files 8-15, after their article rows were written
            raise KeyboardInterrupt
        return original(self, created)

    monkeypatch.setattr(Importer, "_insert_comments", crash_in_fourth_batch)

    run = run_import(folder, "--outlets-file", BENCH_OUTLETS, "--batch-size", "8")

    assert run.exit_code == 130
    assert Article.objects.count() == 1 + 2 + 4  # the first three batches, whole
    assert _stored_whole()
    assert not Comment.objects.exclude(article__in=Article.objects.all()).exists()

    monkeypatch.undo()
    rerun = run_import(folder, "--outlets-file", BENCH_OUTLETS, "--batch-size", "8")

    assert rerun.exit_code == 0
    assert "13 new, 0 updated, 7 unchanged" in rerun.out
    assert Article.objects.count() == 20 and _stored_whole()


def test_one_bad_article_in_a_batch_costs_only_itself(run_import, synthetic_dumps, monkeypatch):
    paths = synthetic_dumps(20)
    folder = str(paths[0].parent)
    original = Importer._insert_comments

    def fail_on_bad(self, created):
        if any(record.source.endswith(paths[10].name) for _, record in created):
            raise RuntimeError("disk full")
        return original(self, created)

    monkeypatch.setattr(Importer, "_insert_comments", fail_on_bad)

    run = run_import(folder, "--outlets-file", BENCH_OUTLETS, "--batch-size", "8")

    assert run.exit_code == 1
    assert "19 new, 0 updated, 0 unchanged, 1 failed" in run.out
    assert f"{paths[10].name}: could not store: RuntimeError: disk full" in run.err
    assert Article.objects.count() == 19
    assert not Article.objects.filter(source_path__endswith=paths[10].name).exists()
    assert _stored_whole()


def test_storing_takes_a_few_statements_per_batch_not_per_article(run_import, synthetic_dumps):
    folder = str(synthetic_dumps(60)[0].parent)

    with CaptureQueriesContext(connection) as queries:
        run = run_import(folder, "--outlets-file", BENCH_OUTLETS, "--batch-size", "32")

    assert run.exit_code == 0 and Article.objects.count() == 60
    assert Comment.objects.exists() and Quote.objects.exists() and Mention.objects.exists()
    # Before #13: about ten statements per article (600 here). Now a batch (1, 2, 4, 8,
    # 16, 29 files) costs about fifteen, plus the run's start-up reads and outlets.
    assert len(queries) <= 120, len(queries)


def test_kill_9_during_a_batched_import_leaves_whole_articles_and_a_rerun_finishes(
    synthetic_dumps, tmp_path
):
    """A real SIGKILL, in a separate process writing to a SQLite file."""
    folder = str(synthetic_dumps(600)[0].parent)
    database = tmp_path / "kill.sqlite3"
    env = dict(
        os.environ, DATABASE_URL=f"sqlite:///{database}", DJANGO_SETTINGS_MODULE="tests.settings"
    )
    manage = [sys.executable, str(REPO / "manage.py")]
    subprocess.run([*manage, "migrate", "-v", "0"], env=env, check=True, cwd=REPO)
    command = [*manage, "import_articles", folder, "--outlets-file", BENCH_OUTLETS]
    command += ["--batch-size", "16"]
    importer = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while _count(database, "articles_article") < 40 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert importer.poll() is None, "the import ended before it could be killed"
        importer.send_signal(signal.SIGKILL)
    finally:
        importer.wait()

    stored = _count(database, "articles_article")
    # Batches of 1, 2, 4, 8, 16, 16 …: whatever was stored is a run of whole batches.
    assert stored in {1, 3, 7, 15} | {15 + 16 * k for k in range(1, 40)}, stored
    with sqlite3.connect(database) as db:
        mismatched = db.execute(
            "SELECT count(*) FROM articles_article a WHERE comment_count != "
            "(SELECT count(*) FROM comments_comment c WHERE c.article_id = a.id) "
            "OR quote_count != (SELECT count(*) FROM articles_quote q WHERE q.article_id = a.id)"
        ).fetchone()[0]
    assert mismatched == 0

    rerun = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{600 - stored} new, 0 updated, {stored} unchanged" in rerun.stdout
    assert _count(database, "articles_article") == 600


def _count(database, table: str) -> int:
    try:
        with sqlite3.connect(database, timeout=5) as db:
            return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
    except sqlite3.OperationalError:  # the table is not there yet, or the file is busy
        return 0


def test_workers_never_run_far_ahead_of_storing(monkeypatch):
    """`--workers`: parsed files wait in a bounded queue, not all in memory (#13)."""
    from articles.management.commands import import_articles

    submitted: list[list[str]] = []

    class Done:
        def __init__(self, paths):
            self.paths = paths

        def get(self):
            return [f"parsed {p}" for p in self.paths]

    class FakePool:
        def __init__(self, workers, initializer, initargs):
            initializer(*initargs)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def apply_async(self, func, args):
            submitted.append(args[0])
            return Done(args[0])

    class FakeContext:
        Pool = FakePool

    monkeypatch.setattr(import_articles.multiprocessing, "get_context", lambda _: FakeContext)
    importer = type("Importer", (), {"settings": None})()
    paths = [f"{n}.txt" for n in range(1000)]

    parsed = import_articles.Command()._prepared(paths, importer, workers=2)
    taken = 0
    for item in parsed:
        taken += 1
        in_flight = sum(len(task) for task in submitted) - taken
        assert in_flight <= 2 * 3 * 8, in_flight  # workers × tasks in flight × files a task
        assert item == f"parsed {taken - 1}.txt"
    assert taken == 1000


def test_a_person_renamed_while_waiting_for_its_insert_still_answers_to_the_old_form(db):
    """Inside a batch, new people are inserted at its end; one renamed meanwhile ("Cordova",
    then "Omar Cordova") is matched afterwards as if saved at once and renamed after: the
    bare surname still names them, even once another Cordova exists."""
    people = PeopleDirectory()
    cordova = people.resolve_all(["Cordova"], save=False)["Cordova"]
    people.resolve_all(["Omar Cordova"], save=False)
    people.save_pending()
    leila = people.resolve("Leila Cordova")

    assert cordova.name == "Omar Cordova" and leila.pk != cordova.pk
    assert people.resolve("Cordova") == cordova
