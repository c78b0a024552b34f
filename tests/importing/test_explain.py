"""`import_articles --dry-run --explain FILE`: every line with the role parsing gave it (issue 9)."""

from __future__ import annotations

from articles.models import Article

PAGE = (
    "https://www.quaypost.example/news/2019/03/05/ferry-slip-to-close/\n\n"
    "HOME >> NEWS >> HARBOUR\n\n"
    "Ferry slip to close\n\n"
    "Posted by Ada Finch / March 5, 2019\n\n"
    "The harbour board voted on Tuesday to close the old ferry slip for repairs, a move that "
    "islanders say will cut them off for most of the winter.\n\n"
    "Mira / March 5, 2019 at 10:15 am\nThe shuttle will never run on time.\n"
    "Jon / March 5, 2019 at 10:20 am\nIt might, for once.\n"
)


def _roles(out: str) -> dict[str, str]:
    roles = {}
    for line in out.splitlines():
        if "|" in line and not line.startswith(("==", "--")):
            head, _, text = line.partition(" | ")
            roles[text.strip()] = " ".join(head.split()[1:])
    return roles


def test_explain_prints_each_line_with_its_role_and_writes_nothing(run_import, tmp_path):
    dump = tmp_path / "slip.txt"
    dump.write_text(PAGE, encoding="utf-8")

    run = run_import(str(dump), "--dry-run", "--explain")

    assert run.exit_code == 0, run.err
    roles = _roles(run.out)
    assert roles["Ferry slip to close"] == "headline"
    assert roles["HOME >> NEWS >> HARBOUR"] == "header furniture"
    assert roles["Posted by Ada Finch / March 5, 2019"] == "byline/date"
    assert roles["Mira / March 5, 2019 at 10:15 am"].startswith("comment header")
    assert roles["The shuttle will never run on time."].startswith("comment text")
    assert "-- title: 'Ferry slip to close'" in run.out
    assert "-- body: 1 paragraphs; comments: 2" in run.out
    assert Article.objects.count() == 0


def test_explain_needs_dry_run(run_import, tmp_path):
    dump = tmp_path / "slip.txt"
    dump.write_text(PAGE, encoding="utf-8")

    run = run_import(str(dump), "--explain")

    assert run.exit_code != 0
    assert "--explain only works with --dry-run" in str(run.error)


def test_explain_says_why_a_page_was_refused(run_import, tmp_path):
    dump = tmp_path / "menu.txt"
    dump.write_text("Home\n\nNews\n\nSport\n\nContact us\n", encoding="utf-8")

    run = run_import(str(dump), "--dry-run", "--explain")

    assert "-- refused: not an article" in run.out
    assert "unused" in run.out
