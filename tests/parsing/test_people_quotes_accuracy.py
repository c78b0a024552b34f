"""Measured accuracy of people and quote extraction on a labelled set of fictional dumps.

Labels: tests/fixtures/labels/quotes.json. A quote counts as correct when its first words
match a label and its speaker equals the label's; a quote with a wrong speaker (or one that
is not a labelled quote at all) is a false positive; a quote left with speaker None is a
miss, never a false positive. Labelled quotes with speaker null only count against us when
we name a speaker for them.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from articles.parsing.decode import read_dump
from articles.parsing.extract import ExtractionSettings, extract_text
from articles.parsing.outlets import DEFAULT_OUTLETS
from articles.parsing.people import find_people, tokenise
from articles.parsing.quotes import find_quotes
from articles.parsing.records import ArticleRecord

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LABELS = json.loads((FIXTURES / "labels" / "quotes.json").read_text(encoding="utf-8"))
_WORD = re.compile(r"[\w’']+")


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _extract(label: dict) -> ArticleRecord:
    path = FIXTURES / "dumps" / label["file"]
    settings = ExtractionSettings(outlets=DEFAULT_OUTLETS)
    return extract_text(read_dump(path), source=str(path), settings=settings)


@pytest.fixture(scope="module")
def records() -> list[tuple[dict, ArticleRecord]]:
    return [(label, _extract(label)) for label in LABELS]


def _speaker_scores(records: list[tuple[dict, ArticleRecord]]) -> tuple[int, int, int]:
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


def _person_scores(records: list[tuple[dict, ArticleRecord]]) -> tuple[int, int, int]:
    tp = fp = gold = 0
    for label, record in records:
        wanted = set(label["persons"])
        got = {p.name for p in record.persons}
        tp += len(wanted & got)
        fp += len(got - wanted)
        gold += len(wanted)
    return tp, fp, gold


def test_the_labelled_set_is_big_enough(records: list[tuple[dict, ArticleRecord]]) -> None:
    assert sum(len(record.body) for _, record in records) >= 40
    assert {label["title"] for label, _ in records} == {record.title for _, record in records}


def test_speaker_attribution_precision_and_recall(
    records: list[tuple[dict, ArticleRecord]],
) -> None:
    tp, fp, gold = _speaker_scores(records)
    precision, recall = tp / max(1, tp + fp), tp / max(1, gold)
    print(f"speaker precision {precision:.3f} recall {recall:.3f} ({tp=} {fp=} {gold=})")
    assert precision >= 0.95 and recall >= 0.85


def test_person_precision_and_recall(records: list[tuple[dict, ArticleRecord]]) -> None:
    tp, fp, gold = _person_scores(records)
    precision, recall = tp / max(1, tp + fp), tp / max(1, gold)
    print(f"person precision {precision:.3f} recall {recall:.3f} ({tp=} {fp=} {gold=})")
    assert precision >= 0.95 and recall >= 0.90


def test_people_and_quotes_are_cheap(records: list[tuple[dict, ArticleRecord]]) -> None:
    rounds = 20
    started = time.perf_counter()
    for _ in range(rounds):
        tokenise.cache_clear()  # each article is tokenised once in real runs
        for _, record in records:
            persons = find_people(record.title, record.body, exclude=record.authors)
            find_quotes(record.body, persons)
    per_article_ms = (time.perf_counter() - started) * 1000 / (rounds * len(records))
    print(f"people + quotes: {per_article_ms:.3f} ms per article")
    # Target 0.5 ms on an idle machine; the bound only catches pathological slow-downs
    # (shared CI runners are several times slower and noisy).
    assert per_article_ms < 25
