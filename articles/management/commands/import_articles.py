"""`manage.py import_articles PATH…`: import scraped page dumps into the archive."""

from __future__ import annotations

import json
import multiprocessing
import sys
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import chain

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.dump_files import Skipped, find_dumps
from articles.importing import BATCH_SIZE, Importer, ImportOutcome, register_outlets
from articles.models import Person
from articles.outlet_files import load_outlet_profiles
from articles.parsing.decode import printable_path
from articles.parsing.explain import explain_file
from articles.parsing.extract import prepare_dump
from articles.parsing.pool import prepare_dumps, start_worker
from articles.parsing.records import ExtractionError, OutletProfile, failed_json

# Files per task sent to a worker, and tasks per worker in flight (#13).
_PATHS_PER_TASK = 8
_TASKS_IN_FLIGHT = 3


class Command(BaseCommand):
    help = (
        "Import scraped news page dumps (files, folders searched recursively, or '-' to read "
        "paths from stdin) as articles with their quotes, people and reader comments. "
        "Safe to re-run: unchanged files are skipped, changed ones update their article in "
        "place, and several articles share a transaction (--batch-size): a batch commits "
        "whole or not at all, so an interrupted run never leaves half an article."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Dump files, folders, or '-' for stdin.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Parse only and write nothing to the database.",
        )
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="Output: a summary (text) or, with --dry-run, one extraction record "
            "per file as JSON lines (json).",
        )
        parser.add_argument(
            "--explain",
            action="store_true",
            help="With --dry-run: print every line of each file with the role parsing gave "
            "it (headline, byline/date, body, comment header, furniture…), then what was read.",
        )
        parser.add_argument(
            "--outlet", help="Force this outlet name for every file (overrides detection)."
        )
        parser.add_argument(
            "--outlets-file",
            help="JSON list of outlets ({name, domains, time_zone, signatures}) to register "
            "before importing.",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help="Parse in N processes (the main process writes). Default 1.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help=f"Articles stored per transaction (default {BATCH_SIZE}); batches start "
            "at 1 and double up to this, so the first article is stored at once.",
        )
        parser.add_argument("--report", help="Write per-file outcomes to FILE as JSON lines.")
        parser.add_argument(
            "--pattern",
            default="*.txt",
            help="Which files to take from folders (glob, default *.txt). Files named "
            "explicitly are always taken.",
        )
        parser.add_argument(
            "--max-bytes",
            type=int,
            help="Refuse files larger than this (default: settings.IMPORT_MAX_BYTES).",
        )
        parser.add_argument(
            "--time-limit",
            type=float,
            metavar="SECONDS",
            help="Stop parsing a file after this many seconds and report it as failed "
            "(default: settings.IMPORT_TIME_LIMIT, 10; 0 for no limit).",
        )

    def handle(self, *args, **options):
        if options["workers"] < 1:
            raise CommandError("--workers must be at least 1.")
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        outlets = self._outlets_file(options["outlets_file"]) if options["outlets_file"] else []
        if outlets and not options["dry_run"]:
            register_outlets(outlets)
        found = list(self._resolve_paths(options["paths"], options["pattern"]))
        paths = [p for p in found if not isinstance(p, Skipped)]
        skipped = [p for p in found if isinstance(p, Skipped)]
        if not found:
            raise CommandError("No files found in the given paths.")
        limits = {"max_bytes": options["max_bytes"]} if options["max_bytes"] else {}
        if options["time_limit"] is not None:
            if options["time_limit"] < 0:
                raise CommandError("--time-limit must be 0 (no limit) or more seconds.")
            limits["time_limit"] = options["time_limit"] or None
        importer = Importer(
            forced_outlet=options["outlet"], batch_size=options["batch_size"], **limits
        )
        if outlets and options["dry_run"]:
            importer.use_outlets(outlets)  # parse with them, store nothing
        self.verbosity = options["verbosity"]
        self.json_output = options["format"] == "json"
        if options["explain"]:
            if not options["dry_run"]:
                raise CommandError("--explain only works with --dry-run.")
            self._explain(paths, skipped, importer)
        elif options["dry_run"]:
            self._dry_run(paths, skipped, importer, workers=options["workers"])
        else:
            self._import(
                paths, skipped, importer, workers=options["workers"], report=options["report"]
            )

    # -- inputs ---------------------------------------------------------------

    def _outlets_file(self, path: str) -> list[OutletProfile]:
        try:
            return load_outlet_profiles(path)
        except (OSError, ValueError) as exc:
            raise CommandError(f"--outlets-file {path}: {exc}") from None

    def _resolve_paths(self, given: Iterable[str], pattern: str) -> Iterator[str | Skipped]:
        """Files to import and the entries folder walks had to skip (reported as failed)."""
        for item in given:
            if item == "-":
                yield from (line.strip() for line in sys.stdin if line.strip())
            else:
                # A missing or unreadable file becomes a per-file failure, not a crash.
                yield from find_dumps([item], pattern)

    # -- runs -----------------------------------------------------------------

    def _prepared(self, paths: list[str], importer: Importer, workers: int):
        """Yield PreparedDump per path, parsed here or in worker processes (in input order).

        With workers, at most `_TASKS_IN_FLIGHT` tasks per worker are queued or parsed and
        not yet taken: when storing lags, parsing waits, and memory stays flat (#13).
        """
        if workers == 1:
            yield from map(partial(prepare_dump, settings=importer.settings), paths)
            return
        # Fresh interpreters: workers import only the pure parsing package and never
        # touch (or inherit) a database connection; the main process does all writes.
        # The settings (every alias of every person) are sent once per worker.
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(workers, initializer=start_worker, initargs=(importer.settings,)) as pool:
            pending: deque = deque()
            for start in range(0, len(paths), _PATHS_PER_TASK):
                task = paths[start : start + _PATHS_PER_TASK]
                pending.append(pool.apply_async(prepare_dumps, (task,)))
                if len(pending) >= workers * _TASKS_IN_FLIGHT:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()

    def _outcomes(self, paths: list[str], importer: Importer, workers: int):
        """Yield ImportOutcome per path, in order. In one process, unchanged files are
        recognised by their hash before parsing; with workers, parsing happens first,
        elsewhere. Either way several articles are stored per transaction."""
        if workers == 1:
            return importer.import_paths(paths)
        return importer.import_prepared(self._prepared(paths, importer, workers))

    def _explain(self, paths: list[str], skipped: list[Skipped], importer: Importer) -> None:
        failed = len(skipped)
        for entry in skipped:
            self._problem(entry.path, entry.reason)
        settings = importer.settings
        for path in paths:
            try:
                lines = explain_file(
                    path,
                    outlets=settings.outlets,
                    max_bytes=settings.max_bytes,
                    forced_outlet=settings.forced_outlet,
                )
            except (ExtractionError, OSError, UnicodeError) as exc:
                failed += 1
                self._problem(printable_path(path), str(exc))
                continue
            for line in lines:
                self.stdout.write(line)
        if failed:
            seen = len(paths) + len(skipped)
            raise CommandError(f"{failed} of {seen} files failed", returncode=1)

    def _dry_run(
        self, paths: list[str], skipped: list[Skipped], importer: Importer, *, workers: int
    ) -> None:
        failed = 0
        seen = len(paths) + len(skipped)
        for entry in skipped:
            failed += 1
            self._problem(entry.path, entry.reason)
            if self.json_output:
                line = failed_json(printable_path(entry.path), entry.reason)
                self.stdout.write(json.dumps(line, ensure_ascii=False))
        for prepared in self._progress(self._prepared(paths, importer, workers), len(paths)):
            source = printable_path(prepared.source)
            if prepared.record is None:
                failed += 1
                self._problem(source, prepared.error)
                line = failed_json(source, prepared.error or "unknown error")
            else:
                line = prepared.record.to_json() | {"source": source}
            if self.json_output:
                self.stdout.write(json.dumps(line, ensure_ascii=False))
            elif self.verbosity >= 2:
                self.stdout.write(f"{source}: {line.get('status')}")
        summary = f"Parsed {seen} files: {seen - failed} ok, {failed} failed (dry run)."
        (self.stderr if self.json_output else self.stdout).write(summary)
        if failed:
            raise CommandError(f"{failed} of {seen} files failed", returncode=1)

    def _import(
        self,
        paths: list[str],
        skipped: list[Skipped],
        importer: Importer,
        *,
        workers: int,
        report,
    ) -> None:
        started = time.monotonic()
        people_before = Person.objects.count()
        statuses: Counter[str] = Counter()
        totals: Counter[str] = Counter()
        report_file = open(report, "w", encoding="utf-8") if report else None  # noqa: SIM115
        interrupted = False
        try:
            # Entries a folder walk skipped come first, as failures with their reason.
            walk_failures = (
                ImportOutcome(source=printable_path(s.path), status="failed", error=s.reason)
                for s in skipped
            )
            outcomes = chain(walk_failures, self._outcomes(paths, importer, workers))
            for outcome in self._progress(outcomes, len(paths) + len(skipped)):
                statuses[outcome.status] += 1
                if outcome.status in ("new", "updated"):
                    totals.update(articles=1, quotes=outcome.quotes, comments=outcome.comments)
                if outcome.status == "failed":
                    self._problem(outcome.source, outcome.error)
                elif self.verbosity >= 2:
                    self.stdout.write(f"{outcome.status}: {outcome.source}")
                if report_file:
                    report_file.write(json.dumps(outcome.to_json(), ensure_ascii=False) + "\n")
        except KeyboardInterrupt:
            interrupted = True
        finally:
            if report_file:
                report_file.close()
        elapsed = time.monotonic() - started
        self._summary(statuses, totals, Person.objects.count() - people_before, elapsed)
        if interrupted:
            raise CommandError(
                "Interrupted: every article stored so far is complete; run the same command "
                "again to finish.",
                returncode=130,
            )
        if statuses["failed"]:
            raise CommandError(
                f"{statuses['failed']} of {sum(statuses.values())} files failed", returncode=1
            )

    # -- output ---------------------------------------------------------------

    def _progress(self, iterable, total: int):
        # disable=None: a bar only when stderr is a terminal; pipes get plain lines.
        return tqdm(
            iterable,
            total=total,
            unit="file",
            file=self.stderr._out,  # the raw stream: the bar redraws with \r
            disable=None if self.verbosity >= 1 else True,
            dynamic_ncols=True,
        )

    def _problem(self, source: str, error: str | None) -> None:
        # tqdm.write keeps a running progress bar intact; in a pipe it is a plain line.
        tqdm.write(f"FAILED {printable_path(source)}: {error}", file=self.stderr._out)

    def _summary(self, statuses: Counter, totals: Counter, new_people: int, elapsed: float):
        seen = sum(statuses.values())
        rate = seen / elapsed if elapsed > 0 else 0.0
        self.stdout.write(
            f"{seen} files seen: {statuses['new']} new, {statuses['updated']} updated, "
            f"{statuses['unchanged']} unchanged, {statuses['failed']} failed. "
            f"Stored {totals['articles']} articles, {totals['quotes']} quotes, "
            f"{totals['comments']} comments, {new_people} new people "
            f"in {elapsed:.1f}s ({rate:.1f} files/s)."
        )
