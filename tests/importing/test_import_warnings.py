"""Warnings of an import are stored with the article and rewritten by a re-import (#9, #11)."""

from __future__ import annotations

from articles.models import Article
from tests.importing.conftest import IMPORT_DUMPS


def test_import_stores_its_warnings_with_the_article(run_import, tmp_path):
    page = tmp_path / "no_outlet.txt"
    page.write_text(
        "## Quiet week at the harbour\n\nNothing much happened on the quay this week.\n\n"
        "The ferry ran on time and the fish market opened as usual on Tuesday.\n",
        "utf-8",
    )

    run = run_import(str(page))

    assert run.exit_code == 0, run.err

    article = Article.objects.get()
    assert "no publication date found" in article.import_warnings
    assert any(w.startswith("outlet not recognised") for w in article.import_warnings)
    assert article.warning_count == len(article.import_warnings)
    assert " no-date " in article.warning_kinds and " outlet " in article.warning_kinds


def test_reimport_rewrites_the_stored_warnings(run_import, tmp_path, courier):
    page = tmp_path / "bridge.txt"
    text = (IMPORT_DUMPS / "valley_bridge.txt").read_text(encoding="utf-8")
    page.write_text(text.replace("| Published 14 November 2016", ""), encoding="utf-8")
    run_import(str(page))
    assert "no publication date found" in Article.objects.get().import_warnings

    page.write_text(text, encoding="utf-8")
    run_import(str(page))

    article = Article.objects.get()
    assert "no publication date found" not in article.import_warnings
    assert " no-date " not in article.warning_kinds


def test_a_cut_off_utf8_file_imports_as_utf8_with_a_warning_on_the_article(
    run_import, tmp_path, courier
):
    text = (IMPORT_DUMPS / "valley_bridge.txt").read_text(encoding="utf-8")
    page = tmp_path / "cut.txt"
    page.write_bytes((text.rstrip("\n") + " — Café Zürich ”").encode()[:-2])

    run = run_import(str(page))

    assert run.exit_code == 0, run.err
    article = Article.objects.get()
    assert "Ã" not in article.body + article.title + article.standfirst
    assert "Café Zürich" in " ".join(article.comments.values_list("text", flat=True))
    assert any(w.startswith("decoded as UTF-8 without") for w in article.import_warnings)
    assert " decoding " in article.warning_kinds


def test_a_windows_1252_file_carries_a_fallback_warning(run_import, tmp_path, courier):
    text = (IMPORT_DUMPS / "valley_bridge.txt").read_text(encoding="utf-8")
    page = tmp_path / "cp1252.txt"
    page.write_bytes(text.encode("cp1252"))

    run = run_import(str(page), "--report", str(tmp_path / "report.jsonl"))

    assert run.exit_code == 0, run.err
    article = Article.objects.get()
    assert any(w.startswith("decoded as Windows-1252") for w in article.import_warnings)
    assert "decoded as Windows-1252" in (tmp_path / "report.jsonl").read_text(encoding="utf-8")
