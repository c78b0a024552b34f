"""Re-importing: nothing duplicated, changes applied in place, curator edits kept."""

from __future__ import annotations

from articles.models import Article, Mention, Person, Quote
from comments.models import Comment


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _snapshot():
    return (
        Article.objects.count(),
        Quote.objects.count(),
        Comment.objects.count(),
        Mention.objects.count(),
        Person.objects.count(),
    )


def test_reimporting_same_files_changes_nothing(run_import, scratch, courier):
    run_import(str(scratch), "--outlet", "Valley Courier")
    before = _snapshot()
    first_import = {a.pk: a.imported_at for a in Article.objects.all()}

    run = run_import(str(scratch), "--outlet", "Valley Courier")

    assert "0 new, 0 updated, 2 unchanged, 0 failed" in run.out
    assert _snapshot() == before
    assert {a.pk: a.imported_at for a in Article.objects.all()} == first_import


def test_a_changed_file_with_the_same_url_updates_its_article_in_place(
    run_import, scratch, courier
):
    run_import(str(scratch / "valley_bridge.txt"))
    article = Article.objects.get()
    comment_ids = set(article.comments.values_list("id", flat=True))
    _edit(scratch / "valley_bridge.txt", "nine to four", "ten to three")
    _edit(
        scratch / "valley_bridge.txt",
        "The bridge can wait a year.",
        "The bridge can wait a year.\n\nOscar Penn says:\n\nNovember 15, 2016 at 9:00 am\n\n"
        "@Priya Raman the schools got their money last year.",
    )

    run = run_import(str(scratch / "valley_bridge.txt"))

    assert "0 new, 1 updated" in run.out
    updated = Article.objects.get()
    assert updated.pk == article.pk
    assert "ten to three" in updated.standfirst + updated.body
    assert updated.quotes.count() == 3
    assert updated.comments.count() == 4 and updated.comment_count == 4
    # The comments that were there keep their rows; the new one replies to Priya.
    assert comment_ids < set(updated.comments.values_list("id", flat=True))
    assert updated.comments.get(author="Oscar Penn").reply_to.author == "Priya Raman"


def test_reimport_keeps_what_a_curator_edited(run_import, scratch, courier):
    run_import(str(scratch / "valley_bridge.txt"))
    article = Article.objects.get()
    article.title = "Council approves Alder river bridge"
    article.curated_fields = ["title"]
    article.save()
    spam = article.comments.get(author="Priya Raman")
    spam.hidden = True
    spam.save()
    quote = article.quotes.get(position=2)
    quote.speaker = None
    quote.curated = True
    quote.save()
    _edit(scratch / "valley_bridge.txt", "nine to four", "ten to three")

    run_import(str(scratch / "valley_bridge.txt"))

    article.refresh_from_db()
    assert article.title == "Council approves Alder river bridge"
    assert "ten to three" in article.standfirst + article.body
    assert article.comments.get(author="Priya Raman").hidden is True
    assert article.comment_count == 2  # hidden comments are not counted
    assert article.quotes.count() == 3
    assert article.quotes.get(pk=quote.pk).speaker is None


def test_a_changed_file_without_url_updates_the_article_from_the_same_path(
    run_import, scratch, courier
):
    run_import(str(scratch / "courier_market.txt"), "--outlet", "Valley Courier")
    _edit(scratch / "courier_market.txt", "within two years", "within eighteen months")

    run = run_import(str(scratch / "courier_market.txt"), "--outlet", "Valley Courier")

    assert "0 new, 1 updated" in run.out
    assert Article.objects.get().body.count("eighteen months") == 1
    assert Comment.objects.count() == 2
