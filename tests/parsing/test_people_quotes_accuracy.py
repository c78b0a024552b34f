"""Measured accuracy of people and quote extraction on a labelled set of fictional dumps.

Labels: tests/fixtures/labels/quotes.json; scoring in people_quotes_scores.py.
"""

from __future__ import annotations

import time

import pytest

from articles.parsing.people import find_people, tokenise
from articles.parsing.quotes import find_quotes
from tests.parsing.people_quotes_scores import (
    Scored,
    load_records,
    person_scores,
    precision_recall,
    speaker_scores,
)


@pytest.fixture(scope="module")
def records() -> Scored:
    return load_records("quotes.json")


def test_the_labelled_set_is_big_enough(records: Scored) -> None:
    assert sum(len(record.body) for _, record in records) >= 40
    assert {label["title"] for label, _ in records} == {record.title for _, record in records}


def test_speaker_attribution_precision_and_recall(
    records: Scored,
) -> None:
    tp, fp, gold = speaker_scores(records)
    precision, recall = precision_recall(tp, fp, gold)
    print(f"speaker precision {precision:.3f} recall {recall:.3f} ({tp=} {fp=} {gold=})")
    assert precision >= 0.95 and recall >= 0.85


def test_person_precision_and_recall(records: Scored) -> None:
    tp, fp, gold = person_scores(records)
    precision, recall = precision_recall(tp, fp, gold)
    print(f"person precision {precision:.3f} recall {recall:.3f} ({tp=} {fp=} {gold=})")
    assert precision >= 0.95 and recall >= 0.90


def test_people_and_quotes_are_cheap(records: Scored) -> None:
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
