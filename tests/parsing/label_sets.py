"""The hand-labelled fixture sets, shared by the accuracy tests (no database).

Scoring is `articles.evaluation.evaluate`, the same code `manage.py evaluate_extraction`
runs, so a test and the command can never disagree on what a figure means.
"""

from __future__ import annotations

from pathlib import Path

from articles.evaluation import FieldScore, evaluate, load_labels
from articles.outlet_files import load_outlet_profiles
from articles.parsing.decode import read_dump
from articles.parsing.layout import parse_page
from articles.parsing.outlets import DEFAULT_OUTLETS
from articles.parsing.records import ArticleRecord, OutletProfile

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def fixture_outlets(filename: str = "outlets.json") -> tuple[OutletProfile, ...]:
    """The default registry plus the fictional outlets of tests/fixtures/`filename`."""
    return DEFAULT_OUTLETS + tuple(load_outlet_profiles(FIXTURES / filename))


def label_set(name: str) -> list[dict]:
    """tests/fixtures/labels/`name`: one label per dump, `file` relative to fixtures/dumps."""
    return load_labels(FIXTURES / "labels" / name)


def parse_fixture(file: str, outlets: tuple[OutletProfile, ...]) -> ArticleRecord:
    path = FIXTURES / "dumps" / file
    return parse_page(read_dump(path), source=str(path), outlets=outlets)


def layout_scores(labels: list[dict], outlets: tuple[OutletProfile, ...]) -> dict[str, FieldScore]:
    """Per-field scores of the page parser (no people/quotes) over a labelled set."""
    records = {label["file"]: parse_fixture(label["file"], outlets).to_json() for label in labels}
    return evaluate(labels, records)
