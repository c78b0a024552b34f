"""Comments are unique by position, not text: a page may carry two identical comments (#11)."""

from __future__ import annotations

from articles.models import Article
from comments.models import Comment
from tests.importing.conftest import IMPORT_DUMPS

_SAME = (
    "Dana Whitlow says:\n\nNovember 14, 2016 at 6:12 pm\n\n"
    "Finally. I have waited twenty years for this bridge.\n\nReply\n\n"
)


def _page_with_identical_comments(tmp_path):
    text = (IMPORT_DUMPS / "valley_bridge.txt").read_text(encoding="utf-8")
    assert _SAME in text
    page = tmp_path / "valley_bridge.txt"
    # The same comment posted twice (a double click on "Post").
    page.write_text(text.replace(_SAME, _SAME + _SAME), encoding="utf-8")
    return page


def test_a_page_with_two_identical_comments_imports_and_reimports(run_import, tmp_path, courier):
    page = _page_with_identical_comments(tmp_path)
    first = run_import(str(page))
    assert first.exit_code == 0, first.err
    article = Article.objects.get()
    assert article.comments.filter(author="Dana Whitlow").count() == 2
    ids_before = list(article.comments.order_by("position").values_list("id", flat=True))
    page.write_text(
        page.read_text(encoding="utf-8").replace("nine to four", "ten to three"), encoding="utf-8"
    )

    run = run_import(str(page))

    assert run.exit_code == 0, run.err
    assert "0 new, 1 updated" in run.out
    article.refresh_from_db()
    assert article.comment_count == 4
    # Each stored comment kept its row: duplicates pair up one to one.
    assert list(article.comments.order_by("position").values_list("id", flat=True)) == ids_before


def test_hiding_one_of_two_identical_comments_survives_a_reimport(run_import, tmp_path, courier):
    page = _page_with_identical_comments(tmp_path)
    run_import(str(page))
    article = Article.objects.get()
    second = article.comments.filter(author="Dana Whitlow").order_by("position")[1]
    Comment.objects.filter(pk=second.pk).update(hidden=True)
    # A new comment at the top shifts every position by one.
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace(
            _SAME,
            "Oscar Penn says:\n\nNovember 14, 2016 at 5:00 pm\n\nFirst!\n\nReply\n\n" + _SAME,
            1,
        ),
        encoding="utf-8",
    )

    run = run_import(str(page))

    assert run.exit_code == 0, run.err
    rows = list(article.comments.order_by("position").values_list("author", "hidden", "id"))
    assert [(a, h) for a, h, _ in rows] == [
        ("Oscar Penn", False),
        ("Dana Whitlow", False),
        ("Dana Whitlow", True),
        ("Eli Marsh", False),
        ("Priya Raman", False),
    ]
    assert rows[2][2] == second.pk
    article.refresh_from_db()
    assert article.comment_count == 4
