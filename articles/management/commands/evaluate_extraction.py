"""`manage.py evaluate_extraction LABELS.json [FILE…]`: how well parsing matches hand labels."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.evaluation import evaluate, format_report, load_labels
from articles.outlet_files import load_outlet_profiles
from articles.parsing.extract import ExtractionSettings, extract_file
from articles.parsing.outlets import DEFAULT_OUTLETS
from articles.parsing.records import ExtractionError, OutletProfile, failed_json


class Command(BaseCommand):
    help = (
        "Parse labelled dump files (nothing is written to the database) and print precision "
        "and recall per field: title, outlet, published, authors, persons, quotes, quote "
        "speakers, comments, comment replies. Use it after changing the parser to see what "
        "got better or worse. The label format is described in articles/evaluation.py."
    )

    def add_arguments(self, parser):
        parser.add_argument("labels", help="JSON label file: a list of {file, title, …} objects.")
        parser.add_argument(
            "files",
            nargs="*",
            help="Only score these dump files (default: every file the labels name).",
        )
        parser.add_argument(
            "--base",
            help="Folder the labels' `file` paths are relative to "
            "(default: the `dumps` folder next to the labels' folder, i.e. LABELS/../../dumps; "
            "sample_data/labels/labels.json -> sample_data/dumps).",
        )
        parser.add_argument(
            "--outlets-file",
            help="JSON list of outlets ({name, domains, time_zone, signatures}) to know "
            "besides the built-in ones.",
        )
        parser.add_argument(
            "--min-precision",
            type=float,
            help="Exit with status 1 when any field's precision is below this (0-1).",
        )
        parser.add_argument(
            "--min-recall",
            type=float,
            help="Exit with status 1 when any field's recall is below this (0-1).",
        )

    def handle(self, *args, **options):
        labels_path = Path(options["labels"])
        try:
            labels = load_labels(labels_path)
        except (OSError, ValueError) as exc:
            raise CommandError(f"{labels_path}: {exc}") from None
        base = Path(options["base"]) if options["base"] else labels_path.parent.parent / "dumps"
        labels = self._select(labels, base, options["files"])
        settings = ExtractionSettings(outlets=self._outlets(options["outlets_file"]))
        records = {label["file"]: self._extract(base / label["file"], settings) for label in labels}
        mismatches: list[str] = []
        scores = evaluate(labels, records, mismatches=mismatches)
        if options["verbosity"] >= 2:
            for line in mismatches:
                self.stdout.write(line)
        failed = sum(1 for r in records.values() if r["status"] != "ok")
        self.stdout.write(format_report(scores))
        self.stdout.write(f"Scored {len(labels)} labelled files ({failed} failed to parse).")
        self._check_thresholds(scores, options["min_precision"], options["min_recall"])

    def _select(self, labels: list[dict], base: Path, files: list[str]) -> list[dict]:
        """The labels to score: all of them, or those naming one of `files`."""
        if not files:
            return labels
        wanted = {Path(f).resolve() for f in files}
        chosen = [label for label in labels if (base / label["file"]).resolve() in wanted]
        unlabelled = wanted - {(base / label["file"]).resolve() for label in chosen}
        for path in sorted(unlabelled):
            self.stderr.write(f"No label for {path} (labels are relative to {base}).")
        if not chosen:
            raise CommandError("None of the given files has a label.")
        return chosen

    def _outlets(self, outlets_file: str | None) -> tuple[OutletProfile, ...]:
        if not outlets_file:
            return DEFAULT_OUTLETS
        try:
            extra = load_outlet_profiles(outlets_file)
        except (OSError, ValueError) as exc:
            raise CommandError(f"--outlets-file {outlets_file}: {exc}") from None
        names = {profile.name.casefold() for profile in extra}
        kept = tuple(p for p in DEFAULT_OUTLETS if p.name.casefold() not in names)
        return kept + tuple(extra)

    def _extract(self, path: Path, settings: ExtractionSettings) -> dict:
        try:
            return extract_file(path, settings=settings).to_json()
        except (ExtractionError, OSError) as exc:
            self.stderr.write(f"FAILED {path}: {exc}")
            return failed_json(str(path), str(exc))

    def _check_thresholds(self, scores, min_precision: float | None, min_recall: float | None):
        """Fields whose precision or recall is defined and under the bar fail the run."""
        below = []
        for name, score in scores.items():
            for measure, value, bar in (
                ("precision", score.precision, min_precision),
                ("recall", score.recall, min_recall),
            ):
                if bar is not None and value is not None and value < bar:
                    below.append(f"{name} {measure} {value:.3f} < {bar}")
        if below:
            raise CommandError("Below threshold: " + "; ".join(below), returncode=1)
