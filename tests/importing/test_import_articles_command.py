"""`import_articles`: what a user running the command sees and gets."""

from __future__ import annotations

import io
import json
import time

from articles.importing import Importer
from articles.models import Article, Outlet, Person, Quote
from articles.parsing import extract
from comments.models import Comment
from tests.importing.conftest import BAD_DUMPS, IMPORT_DUMPS


def test_importing_a_folder_stores_articles_quotes_people_and_comments(run_import, courier):
    run = run_import(str(IMPORT_DUMPS), "--outlet", "Valley Courier")

    assert run.exit_code == 0, run.err
    bridge = Article.objects.get(url="https://www.valleycourier.com/local/2016/11/bridge-vote")
    assert bridge.title == "Council backs new river bridge after heated debate"
    assert bridge.outlet == courier
    assert bridge.authors == ["Nadia Ferreira"]
    assert {m.person.name: m.count for m in bridge.mentions.select_related("person")} == {
        "Ben Okafor": 3,
        "Amelia Stone": 2,
    }
    assert [(q.speaker.name, q.cue) for q in bridge.quotes.order_by("position")] == [
        ("Ben Okafor", "said"),
        ("Amelia Stone", "said"),
        ("Ben Okafor", "told"),
    ]
    eli = bridge.comments.get(author="Eli Marsh")
    assert eli.reply_to.author == "Dana Whitlow"
    assert bridge.comment_count == 3 and bridge.quote_count == 3
    assert Article.objects.count() == 2


def test_times_are_read_in_the_outlets_zone_and_stored_in_utc(run_import, courier):
    run_import(str(IMPORT_DUMPS / "courier_market.txt"), "--outlet", "Valley Courier")
    market = Article.objects.get(title__startswith="Farmers market")
    # 10:15am in New York in November is 15:15 UTC.
    assert market.published.isoformat() == "2016-11-20T15:15:00+00:00"
    assert market.comments.get(position=0).posted.isoformat() == "2016-11-20T16:02:00+00:00"


def test_summary_line_counts_everything(run_import, courier):
    run = run_import(str(IMPORT_DUMPS), "--outlet", "Valley Courier")
    summary = run.out.strip().splitlines()[-1]
    assert summary.startswith("2 files seen: 2 new, 0 updated, 0 unchanged, 0 failed.")
    assert "Stored 2 articles, 4 quotes, 5 comments" in summary
    assert "new people in" in summary and "files/s" in summary


def test_bad_files_are_reported_and_the_rest_still_imports(run_import, courier):
    run = run_import(str(BAD_DUMPS), str(IMPORT_DUMPS), "--outlet", "Valley Courier")

    assert run.exit_code == 1
    assert str(run.error) == "4 of 6 files failed"
    assert f"FAILED {BAD_DUMPS / 'empty.txt'}: empty file" in run.err
    assert f"FAILED {BAD_DUMPS / 'binary.txt'}: binary data" in run.err
    assert f"FAILED {BAD_DUMPS / 'not_an_article.txt'}: not an article" in run.err
    assert Article.objects.count() == 2
    assert "2 new, 0 updated, 0 unchanged, 4 failed" in run.out


def test_a_missing_path_is_a_per_file_failure(run_import, tmp_path, courier):
    missing = tmp_path / "nope.txt"
    run = run_import(str(missing), str(IMPORT_DUMPS / "valley_bridge.txt"))
    assert run.exit_code == 1
    assert f"FAILED {missing}: cannot read file" in run.err
    assert Article.objects.count() == 1


def test_files_over_the_size_limit_are_refused_without_reading_them(run_import, tmp_path):
    big = tmp_path / "huge.txt"
    big.write_text("## Headline\n\n" + "A long paragraph of text. " * 4000, encoding="utf-8")
    run = run_import(str(big), "--max-bytes", "10000")
    assert run.exit_code == 1
    assert "limit" in run.err and str(big) in run.err
    assert not Article.objects.exists()


def test_undecodable_and_windows_1252_files(run_import, tmp_path, courier):
    text = (IMPORT_DUMPS / "valley_bridge.txt").read_text(encoding="utf-8")
    cp1252 = tmp_path / "cp1252.txt"
    cp1252.write_bytes(text.encode("cp1252"))
    run = run_import(str(cp1252))
    assert run.exit_code == 0, run.err
    article = Article.objects.get()
    assert "“Council backs new river bridge after heated debate”" not in article.body
    assert article.comments.count() == 3
    assert Quote.objects.filter(text__startswith="This bridge will bring").exists()


def test_utf8_with_bom_imports_like_plain_utf8(run_import, tmp_path, courier):
    text = (IMPORT_DUMPS / "valley_bridge.txt").read_text(encoding="utf-8")
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    run = run_import(str(bom))
    assert run.exit_code == 0, run.err
    assert Article.objects.get().url == "https://www.valleycourier.com/local/2016/11/bridge-vote"


def test_paths_can_come_on_stdin(run_import, monkeypatch, courier):
    paths = f"{IMPORT_DUMPS / 'valley_bridge.txt'}\n\n{IMPORT_DUMPS / 'courier_market.txt'}\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(paths))
    run = run_import("-", "--outlet", "Valley Courier")
    assert run.exit_code == 0, run.err
    assert Article.objects.count() == 2


def test_report_file_holds_one_outcome_per_file(run_import, tmp_path, courier):
    report = tmp_path / "report.jsonl"
    run_import(
        str(BAD_DUMPS / "empty.txt"),
        str(IMPORT_DUMPS / "valley_bridge.txt"),
        "--report",
        str(report),
    )
    lines = [json.loads(line) for line in report.read_text().splitlines()]
    assert [(o["status"], o["source"].rsplit("/", 1)[-1]) for o in lines] == [
        ("failed", "empty.txt"),
        ("new", "valley_bridge.txt"),
    ]
    assert lines[0]["error"].startswith("empty file")
    assert lines[1]["quotes"] == 3 and lines[1]["comments"] == 3


def test_dry_run_prints_extraction_records_and_writes_nothing(run_import, courier):
    people_before = Person.objects.count()
    run = run_import(
        str(IMPORT_DUMPS / "valley_bridge.txt"),
        str(BAD_DUMPS / "empty.txt"),
        "--dry-run",
        "--format",
        "json",
    )

    records = [json.loads(line) for line in run.out.splitlines()]
    assert [r["status"] for r in records] == ["ok", "failed"]
    bridge = records[0]
    for key in (
        "source",
        "error",
        "url",
        "outlet",
        "title",
        "authors",
        "published",
        "updated",
        "standfirst",
        "body",
        "tags",
        "persons",
        "quotes",
        "comments",
        "comments_declared",
        "warnings",
    ):
        assert key in bridge
    assert bridge["outlet"] == {"name": "Valley Courier", "domain": "valleycourier.com"}
    assert bridge["published"] == "2016-11-14T00:00:00-05:00"
    assert bridge["comments"][1]["reply_to"] == 0
    assert records[1]["error"].startswith("empty file")
    assert "Parsed 2 files" in run.err  # the summary stays off stdout
    assert not Article.objects.exists() and Person.objects.count() == people_before


def test_outlet_option_forces_the_outlet(run_import, gazette):
    run_import(str(IMPORT_DUMPS / "valley_bridge.txt"), "--outlet", "Harbour Gazette")
    assert Article.objects.get().outlet == gazette


def test_unknown_outlet_without_url_is_unknown_with_a_warning(run_import, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        (IMPORT_DUMPS / "courier_market.txt").read_text().replace("Notice Box", "Banner"),
        encoding="utf-8",
    )
    report = tmp_path / "r.jsonl"
    run_import(str(page), "--report", str(report))
    assert Article.objects.get().outlet.name == "Unknown"
    assert any("outlet" in w for w in json.loads(report.read_text())["warnings"])


def test_outlets_file_registers_outlets_before_importing(run_import, tmp_path):
    registry = tmp_path / "outlets.json"
    registry.write_text(
        json.dumps(
            [
                {
                    "name": "Valley Courier",
                    "domains": ["valleycourier.com"],
                    "time_zone": "America/New_York",
                    "signatures": ["Notice Box Dear visitor"],
                }
            ]
        )
    )
    run = run_import(str(IMPORT_DUMPS), "--outlets-file", str(registry))
    assert run.exit_code == 0, run.err
    assert set(Article.objects.values_list("outlet__name", flat=True)) == {"Valley Courier"}
    assert Outlet.objects.get(name="Valley Courier").time_zone == "America/New_York"


def test_workers_give_the_same_result_as_one_process(run_import, courier):
    run = run_import(str(IMPORT_DUMPS), "--outlet", "Valley Courier", "--workers", "2")
    assert run.exit_code == 0, run.err
    assert Article.objects.count() == 2
    assert Comment.objects.count() == 5
    assert sorted(Quote.objects.values_list("speaker__name", flat=True)) == [
        "Amelia Stone",
        "Ben Okafor",
        "Ben Okafor",
        "Rosa Lind",
    ]


def test_dry_run_parses_with_an_outlets_file_without_storing_it(run_import, tmp_path):
    registry = tmp_path / "outlets.json"
    registry.write_text(
        json.dumps(
            [
                {
                    "name": "Valley Courier",
                    "domains": [],
                    "time_zone": "America/New_York",
                    "signatures": ["Notice Box Dear visitor"],
                }
            ]
        )
    )
    run = run_import(
        str(IMPORT_DUMPS / "courier_market.txt"),
        "--dry-run",
        "--format",
        "json",
        "--outlets-file",
        str(registry),
    )
    record = json.loads(run.out)
    assert record["outlet"]["name"] == "Valley Courier"
    assert record["published"] == "2016-11-20T10:15:00-05:00"
    assert not Outlet.objects.filter(name="Valley Courier").exists()


def test_a_page_with_hundreds_of_comments_keeps_every_comment_and_reply(
    run_import, tmp_path, courier
):
    base = (IMPORT_DUMPS / "courier_market.txt").read_text(encoding="utf-8")
    head = base[: base.index("Comments (2) Closed")]
    comments = []
    for n in range(620):
        minute = f"{10 + n // 60 % 12}:{n % 60:02d}am"
        text = f"@Reader {n - 1} point number {n} about the market." if n % 3 == 1 else f"Note {n}."
        comments.append(f"Reader {n} Nov 21, 2016 {minute}\n\n{text}")
    page = tmp_path / "busy.txt"
    page.write_text(head + "Comments (620) Closed\n\n" + "\n\n".join(comments) + "\n", "utf-8")

    run = run_import(str(page), "--outlet", "Valley Courier")

    assert run.exit_code == 0, run.err
    article = Article.objects.get()
    assert article.comments.count() == 620 == article.comment_count
    replies = article.comments.filter(reply_to__isnull=False)
    assert replies.count() == len(range(1, 620, 3))
    last = article.comments.get(position=619)
    assert last.reply_to.position == 618 and last.reply_to.author == "Reader 618"


def test_an_undecodable_file_is_reported_and_the_rest_imports(run_import, tmp_path, courier):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"## Headline\n\nSome text with a byte no encoding we read has: \x81\x8d.\n")
    run = run_import(str(broken), str(IMPORT_DUMPS / "valley_bridge.txt"))
    assert run.exit_code == 1
    assert f"FAILED {broken}: undecodable" in run.err
    assert Article.objects.count() == 1


def test_a_file_whose_parse_runs_too_long_is_stopped_and_the_rest_imports(
    run_import, monkeypatch, courier
):
    real_parse = extract.parse_page

    def stuck_on_market(text, **kwargs):
        if "market" in kwargs["source"]:
            while True:  # a parser bug or a pattern that backtracks forever
                time.sleep(0.01)
        return real_parse(text, **kwargs)

    monkeypatch.setattr(extract, "parse_page", stuck_on_market)
    started = time.monotonic()

    run = run_import(str(IMPORT_DUMPS), "--time-limit", "0.5")

    assert time.monotonic() - started < 10
    assert run.exit_code == 1
    market = IMPORT_DUMPS / "courier_market.txt"
    assert f"FAILED {market}: parse took longer than 0.5 s, stopped" in run.err
    assert "1 new, 0 updated, 0 unchanged, 1 failed" in run.out
    assert Article.objects.get().url.endswith("bridge-vote")


def test_the_time_limit_defaults_to_the_setting(settings, db):
    settings.IMPORT_TIME_LIMIT = 3
    assert Importer().settings.time_limit == 3
    settings.IMPORT_TIME_LIMIT = 0
    assert Importer().settings.time_limit is None


def test_a_worker_stops_a_parse_that_runs_too_long(monkeypatch):
    # What each --workers process runs: the same budget guards it.
    monkeypatch.setattr(extract, "parse_page", lambda *a, **k: time.sleep(30))
    settings = extract.ExtractionSettings(time_limit=0.3)

    prepared = extract.prepare_dump(str(IMPORT_DUMPS / "valley_bridge.txt"), settings)

    assert prepared.error == "parse took longer than 0.3 s, stopped"
