"""An interrupted import leaves no half article, and running it again finishes the job."""

from __future__ import annotations

from articles.importing import Importer
from articles.models import Article, Mention, Quote
from comments.models import Comment


def _fail_on(monkeypatch, exc: BaseException, title_start: str) -> None:
    """Make storing the batch that holds the article whose title starts with `title_start`
    blow up mid-way, after the batch's article rows were written."""
    original = Importer._insert_comments

    def exploding(self, created):
        if any(record.title.startswith(title_start) for _, record in created):
            raise exc
        return original(self, created)

    monkeypatch.setattr(Importer, "_insert_comments", exploding)


def test_a_crash_while_storing_one_article_leaves_no_trace_of_it(
    run_import, scratch, courier, monkeypatch
):
    _fail_on(monkeypatch, RuntimeError("disk full"), "Council backs")

    run = run_import(str(scratch), "--outlet", "Valley Courier")

    assert run.exit_code == 1
    assert "could not store: RuntimeError: disk full" in run.err
    assert list(Article.objects.values_list("title", flat=True)) == [
        "Farmers market returns to the old depot square"
    ]
    market = Article.objects.get()
    assert Quote.objects.exclude(article=market).count() == 0
    assert Mention.objects.exclude(article=market).count() == 0


def test_ctrl_c_stops_cleanly_and_a_rerun_finishes(run_import, scratch, courier, monkeypatch):
    _fail_on(monkeypatch, KeyboardInterrupt(), "Council backs")

    run = run_import(str(scratch), "--outlet", "Valley Courier")

    assert run.exit_code == 130
    assert "run the same command again to finish" in str(run.error)
    assert "1 new" in run.out  # the summary is still printed
    # courier_market.txt comes first and is complete; the bridge was never half-stored.
    assert list(Article.objects.values_list("title", flat=True)) == [
        "Farmers market returns to the old depot square"
    ]
    assert Comment.objects.count() == 2 and Quote.objects.count() == 1

    monkeypatch.undo()
    rerun = run_import(str(scratch), "--outlet", "Valley Courier")

    assert rerun.exit_code == 0
    assert "1 new, 0 updated, 1 unchanged" in rerun.out
    assert Article.objects.count() == 2 and Comment.objects.count() == 5
