"""Issue 5 goals on labelled sets the rules were not tuned on.

- layouts.json: ten page layouts (tests/fixtures/dumps/layouts/).
- heldout.json: six dumps written before the issue-5 rules (tests/fixtures/dumps/heldout/)
  and scored before and after them; see the issue for both figures.
- heldout2.json: six dumps (tests/fixtures/dumps/heldout2/) written before the given-name
  lexicon, aimed at double given names, role words opening sentences, appositives,
  pronouns, organisations that "said", possessive places and shared surnames. Scored
  before the lexicon (persons 0.850/0.810, speakers 0.739/0.739 by evaluate_extraction)
  and after it; two later fixes (possessive appositives, a subject set off by commas)
  came after reading its failures, so it is no longer fully held out.

Goals: speaker precision >= 0.95 with recall >= 0.85, person precision >= 0.95 with
recall >= 0.90. Scoring in people_quotes_scores.py.
"""

from __future__ import annotations

import pytest

from tests.parsing.people_quotes_scores import (
    Scored,
    load_records,
    person_scores,
    precision_recall,
    speaker_scores,
)

# Goals as stated in issue 5, asserted on every labelled set. The held-out set once fell
# short ("Sarah Jane Whitcombe" lost "Sarah" to the descriptor rule); the given-name
# lexicon closed that gap.
GOALS = {"speaker": (0.95, 0.85), "person": (0.95, 0.90)}
LABEL_SETS = [("layouts.json", GOALS), ("heldout.json", GOALS), ("heldout2.json", GOALS)]


_records: dict[str, Scored] = {}


def _load(name: str) -> Scored:
    if name not in _records:
        _records[name] = load_records(name, outlets_file="outlets2.json")
    return _records[name]


@pytest.mark.parametrize("name", ["layouts.json", "heldout.json", "heldout2.json"])
def test_every_labelled_title_is_parsed(name: str) -> None:
    records = _load(name)
    assert {label["title"] for label, _ in records} == {record.title for _, record in records}


@pytest.mark.parametrize("name", ["heldout.json", "heldout2.json"])
def test_the_heldout_set_is_big_enough(name: str) -> None:
    assert sum(len(record.body) for _, record in _load(name)) >= 30


@pytest.mark.parametrize(("name", "bars"), LABEL_SETS)
def test_speaker_attribution_meets_its_bar(name: str, bars) -> None:
    tp, fp, gold = speaker_scores(_load(name))
    precision, recall = precision_recall(tp, fp, gold)
    print(f"{name}: speaker precision {precision:.3f} recall {recall:.3f} ({tp=} {fp=} {gold=})")
    min_precision, min_recall = bars["speaker"]
    assert precision >= min_precision and recall >= min_recall


@pytest.mark.parametrize(("name", "bars"), LABEL_SETS)
def test_person_finding_meets_its_bar(name: str, bars) -> None:
    tp, fp, gold = person_scores(_load(name))
    precision, recall = precision_recall(tp, fp, gold)
    print(f"{name}: person precision {precision:.3f} recall {recall:.3f} ({tp=} {fp=} {gold=})")
    min_precision, min_recall = bars["person"]
    assert precision >= min_precision and recall >= min_recall
