"""Shared scoring for the people and quote accuracy tests (labelled sets of fictional dumps).

A label file is a JSON list of {file, title, persons, quotes: [{speaker, starts}]} objects,
`file` relative to tests/fixtures/dumps. A quote counts as correct when its first words
match a label and its speaker equals the label's; a quote with a wrong speaker (or one that
is not a labelled quote at all) is a false positive; a quote left with speaker None is a
miss, never a false positive. Labelled quotes with speaker null only count against us when
we name a speaker for them.
"""

from __future__ import annotations

import re

from articles.parsing.decode import read_dump
from articles.parsing.extract import ExtractionSettings, extract_text
from articles.parsing.outlets import DEFAULT_OUTLETS
from articles.parsing.records import ArticleRecord
from tests.parsing.label_sets import FIXTURES, fixture_outlets, label_set

_WORD = re.compile(r"[\w’']+")

Scored = list[tuple[dict, ArticleRecord]]


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def load_records(labels_name: str, *, outlets_file: str | None = None) -> Scored:
    """Each label of tests/fixtures/labels/`labels_name` with the record parsed from its dump."""
    labels = label_set(labels_name)
    settings = ExtractionSettings(
        outlets=fixture_outlets(outlets_file) if outlets_file else DEFAULT_OUTLETS
    )
    scored = []
    for label in labels:
        path = FIXTURES / "dumps" / label["file"]
        scored.append((label, extract_text(read_dump(path), source=str(path), settings=settings)))
    return scored


def speaker_scores(records: Scored) -> tuple[int, int, int]:
    """(true positives, false positives, labelled quotes with a speaker)."""
    tp = fp = gold = 0
    for label, record in records:
        wanted = [(q["speaker"], _words(q["starts"])) for q in label["quotes"]]
        gold += sum(1 for speaker, _ in wanted if speaker is not None)
        for quote in record.quotes:
            if quote.speaker is None:
                continue
            words = _words(quote.text)
            match = [s for s, starts in wanted if words[: len(starts)] == starts]
            if match and match[0] == quote.speaker:
                tp += 1
            else:
                fp += 1
    return tp, fp, gold


def person_scores(records: Scored) -> tuple[int, int, int]:
    """(true positives, false positives, labelled persons)."""
    tp = fp = gold = 0
    for label, record in records:
        wanted = set(label["persons"])
        got = {p.name for p in record.persons}
        tp += len(wanted & got)
        fp += len(got - wanted)
        gold += len(wanted)
    return tp, fp, gold


def precision_recall(tp: int, fp: int, gold: int) -> tuple[float, float]:
    return tp / max(1, tp + fp), tp / max(1, gold)
