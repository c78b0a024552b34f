"""Scoring extraction records against labels (articles/evaluation.py); no database.

The cast is fictional (see sample_data/README.md): Mayor Grace Okafor of Kestrel Bay,
Finance Minister Tomas Brandt, and readers "Lamar Whitby" and "RJ".
"""

from __future__ import annotations

import copy
import json

import pytest

from articles.evaluation import FIELDS, FieldScore, evaluate, format_report, load_labels

LABEL = {
    "file": "bridge.txt",
    "title": "Old harbour bridge closed after inspectors find cracked supports",
    "authors": ["Lucy Tran"],
    "published": "2016-11-22T08:15:00+04:00",
    "outlet": "The Morning Lantern",
    "persons": ["Grace Okafor", "Tomas Brandt"],
    "quotes": [
        {"speaker": "Grace Okafor", "starts": "I would rather have a traffic"},
        {"speaker": "Tomas Brandt", "starts": "The bridge is a national asset"},
    ],
    "comments": [
        {
            "author": None,
            "posted": "2016-11-22T09:00:00+04:00",
            "starts": "Finally some good news from this",
            "reply_to": None,
        },
        {
            "author": "Lamar Whitby",
            "posted": "2016-11-22T09:12:00+04:00",
            "starts": "I will believe it when I",
            "reply_to": None,
        },
        {
            "author": "RJ",
            "posted": "2016-11-22T10:40:00+04:00",
            "starts": "@Lamar Whitby: agreed, well said.",
            "reply_to": "Lamar Whitby",
        },
    ],
}

RECORD = {
    "source": "bridge.txt",
    "status": "ok",
    "title": "Old harbour bridge closed after  inspectors find cracked supports",
    "authors": ["Lucy Tran"],
    "published": "2016-11-22T04:15:00+00:00",  # the same instant in UTC
    "outlet": {"name": "The Morning Lantern", "domain": "morninglantern.ae"},
    "persons": [{"name": "Grace Okafor", "mentions": 3}, {"name": "Tomas Brandt", "mentions": 1}],
    "quotes": [
        {"speaker": "Grace Okafor", "text": "I would rather have a traffic jam than a tragedy."},
        {"speaker": "Tomas Brandt", "text": "The bridge is a national asset, not a city one."},
    ],
    "comments": [
        {"author": None, "posted": "2016-11-22T05:00:00+00:00", "text": "Finally some good "
         "news from this city.", "reply_to": None},
        {"author": "Lamar Whitby", "posted": "2016-11-22T09:12:00+04:00",
         "text": "I will believe it when I see it.", "reply_to": None},
        {"author": "RJ", "posted": "2016-11-22T10:40:00+04:00",
         "text": "@Lamar Whitby: agreed, well said.", "reply_to": 1},
    ],
}  # fmt: skip


def _score(record: dict | None, label: dict = LABEL) -> dict[str, FieldScore]:
    records = {} if record is None else {label["file"]: record}
    return evaluate([label], records)


def _changed(**changes) -> dict:
    record = copy.deepcopy(RECORD)
    record.update(changes)
    return record


def test_a_perfect_record_scores_one_on_every_field():
    scores = _score(RECORD)

    assert set(scores) == set(FIELDS)
    for name, score in scores.items():
        assert (score.precision, score.recall) == (1.0, 1.0), name


def test_a_wrong_title_is_one_false_positive_and_one_false_negative():
    scores = _score(_changed(title="Old harbour bridge closed"))

    assert scores["title"] == FieldScore(tp=0, fp=1, fn=1)
    assert scores["persons"].precision == 1.0


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("title", None, FieldScore(fn=1)),
        ("outlet", None, FieldScore(fn=1)),
        ("outlet", {"name": "morning lantern", "domain": None}, FieldScore(fp=1, fn=1)),
        ("outlet", {"name": "the morning LANTERN", "domain": None}, FieldScore(tp=1)),
        ("published", "2016-11-22T08:15:00+00:00", FieldScore(fp=1, fn=1)),
        ("published", "2016-11-22T08:15:00", FieldScore(fp=1, fn=1)),  # naive: not an instant
        ("published", None, FieldScore(fn=1)),
    ],
)
def test_single_value_fields_compare_one_value_per_file(field, value, expected):
    if field == "outlet" and value is None:
        record = _changed(outlet=None)
    else:
        record = _changed(**{field: value})

    assert _score(record)[field] == expected


def test_a_value_found_where_the_label_says_none_is_a_false_positive():
    label = {"file": "x.txt", "published": None}

    scores = evaluate([label], {"x.txt": {"published": "2016-11-22T08:15:00+00:00"}})

    assert scores["published"] == FieldScore(fp=1)


def test_names_compare_as_sets_ignoring_case_and_spacing():
    record = _changed(persons=[{"name": "grace  okafor", "mentions": 1}, {"name": "Helena Varga"}])

    assert _score(record)["persons"] == FieldScore(tp=1, fp=1, fn=1)


def test_a_missed_quote_lowers_recall_of_quotes_and_speakers():
    record = _changed(quotes=RECORD["quotes"][:1])

    scores = _score(record)

    assert scores["quotes"] == FieldScore(tp=1, fp=0, fn=1)
    assert scores["quote_speakers"] == FieldScore(tp=1, fp=0, fn=1)


def test_a_wrong_speaker_counts_against_speakers_only():
    quotes = [dict(RECORD["quotes"][0]), dict(RECORD["quotes"][1], speaker="Grace Okafor")]

    scores = _score(_changed(quotes=quotes))

    assert scores["quotes"] == FieldScore(tp=2)
    assert scores["quote_speakers"] == FieldScore(tp=1, fp=1, fn=1)


@pytest.mark.parametrize(
    "text",
    [
        "“I would rather have a traffic jam”",
        "i would RATHER have a traffic, jam",
        "I would rather  have a\ntraffic",
    ],
)
def test_quote_starts_fold_punctuation_case_and_spacing(text):
    quotes = [dict(RECORD["quotes"][0], text=text), RECORD["quotes"][1]]

    assert _score(_changed(quotes=quotes))["quotes"] == FieldScore(tp=2)


def test_a_missing_comment_is_a_false_negative_and_the_rest_still_align():
    comments = [RECORD["comments"][0], dict(RECORD["comments"][2], reply_to=None)]

    scores = _score(_changed(comments=comments))

    assert scores["comments"] == FieldScore(tp=2, fp=0, fn=1)
    assert scores["comment_replies"] == FieldScore(tp=0, fp=0, fn=1)


def test_an_extra_comment_is_a_false_positive():
    extra = {"author": "Kit", "posted": None, "text": "Same story every year.", "reply_to": 0}
    comments = [*RECORD["comments"], extra]

    scores = _score(_changed(comments=comments))

    assert scores["comments"] == FieldScore(tp=3, fp=1, fn=0)
    assert scores["comment_replies"] == FieldScore(tp=1, fp=1, fn=0)


def test_a_reply_to_the_wrong_comment_counts_against_replies():
    comments = copy.deepcopy(RECORD["comments"])
    comments[2]["reply_to"] = 0  # the anonymous comment, not Lamar Whitby's

    scores = _score(_changed(comments=comments))

    assert scores["comments"] == FieldScore(tp=3)
    assert scores["comment_replies"] == FieldScore(tp=0, fp=1, fn=1)


def test_a_comment_with_a_wrong_time_does_not_align():
    comments = copy.deepcopy(RECORD["comments"])
    comments[1]["posted"] = "2016-11-22T09:13:00+04:00"

    assert _score(_changed(comments=comments))["comments"] == FieldScore(tp=2, fp=1, fn=1)


@pytest.mark.parametrize("record", [None, {"source": "bridge.txt", "status": "failed"}])
def test_a_missing_or_failed_record_finds_nothing(record):
    scores = _score(record)

    assert scores["title"] == FieldScore(fn=1)
    assert scores["quotes"] == FieldScore(fn=2)
    assert scores["comments"] == FieldScore(fn=3)
    assert scores["comment_replies"] == FieldScore(fn=1)
    assert scores["quotes"].precision is None


def test_fields_absent_from_a_label_are_not_scored():
    label = {"file": "bridge.txt", "title": LABEL["title"]}

    scores = _score(_changed(title="Something else entirely"), label)

    assert scores["title"] == FieldScore(fp=1, fn=1)
    assert all(scores[name] == FieldScore() for name in FIELDS if name != "title")


def test_scores_add_up_over_files():
    other = dict(LABEL, file="other.txt")
    records = {"bridge.txt": RECORD, "other.txt": _changed(title="Wrong")}

    scores = evaluate([LABEL, other], records)

    assert scores["title"] == FieldScore(tp=1, fp=1, fn=1)
    assert scores["title"].precision == 0.5
    assert scores["persons"] == FieldScore(tp=4)


def test_mismatches_explain_each_error():
    notes: list[str] = []

    evaluate([LABEL], {"bridge.txt": _changed(title="Wrong")}, mismatches=notes)

    assert notes == ["bridge.txt: title: expected '" + LABEL["title"] + "', got 'Wrong'"]


def test_report_is_a_table_with_a_row_per_field():
    report = format_report(_score(_changed(title="Wrong", comments=[])))
    lines = report.splitlines()

    assert lines[0].split() == ["field", "tp", "fp", "fn", "precision", "recall"]
    assert lines[1].split() == ["title", "0", "1", "1", "0.000", "0.000"]
    assert lines[8].split() == ["comments", "0", "0", "3", "-", "0.000"]
    assert len(lines) == 1 + len(FIELDS)


def test_load_labels_reads_a_list_of_objects(tmp_path):
    path = tmp_path / "labels.json"
    path.write_text(json.dumps([LABEL]), encoding="utf-8")

    assert load_labels(path) == [LABEL]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{}", "expected a JSON list"),
        ("[{}]", 'entry 0 has no "file"'),
        ('[{"file": "a.txt", "persons": "Grace Okafor"}]', "persons must be a list"),
        ("[", "not valid JSON"),
    ],
)
def test_load_labels_names_what_is_wrong(tmp_path, content, message):
    path = tmp_path / "labels.json"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(ValueError, match=message):
        load_labels(path)


@pytest.mark.parametrize(
    ("label", "found", "expected"),
    [
        # No offset in the label: the wall-clock time printed on the page.
        ("2016-11-22T08:15", "2016-11-22T08:15:00+04:00", FieldScore(tp=1)),
        ("2016-11-22T08:15", "2016-11-22T04:15:00+00:00", FieldScore(fp=1, fn=1)),
        ("2016-11-22T08:15:30", "2016-11-22T08:15:00+04:00", FieldScore(fp=1, fn=1)),
        # Date-only label: the page printed only a date.
        ("2016-11-22", "2016-11-22T00:00:00-05:00", FieldScore(tp=1)),
        ("2016-11-22", "2016-11-23T00:00:00-05:00", FieldScore(fp=1, fn=1)),
        # An offset in the label: instants.
        ("2016-11-22T08:15:00+04:00", "2016-11-22T04:15:00+00:00", FieldScore(tp=1)),
        ("2016-11-22T08:15:00+04:00", "2016-11-22T08:15:00", FieldScore(fp=1, fn=1)),
    ],
)
def test_label_times_without_offset_compare_as_printed_wall_clock(label, found, expected):
    scores = evaluate([{"file": "x.txt", "published": label}], {"x.txt": {"published": found}})

    assert scores["published"] == expected


def test_comment_times_without_offset_align_on_the_printed_time():
    label = {
        "file": "x.txt",
        "comments": [{"author": "Ida", "posted": "2019-01-13T21:05", "starts": "Fine words but"}],
    }
    record = {
        "comments": [
            {"author": "Ida", "posted": "2019-01-13T21:05:00-05:00", "text": "Fine words but..."}
        ]
    }

    assert evaluate([label], {"x.txt": record})["comments"] == FieldScore(tp=1)


def test_outlet_counts_by_domain_and_unrecognisable_pages_are_not_scored():
    label = {"file": "x.txt", "outlet": "Harbour Gazette", "outlet_domain": "harbourgazette.ie"}
    by_domain = {"outlet": {"name": "harbourgazette.ie", "domain": "harbourgazette.ie"}}
    unknown = {"file": "y.txt", "outlet": "Quay Post", "outlet_recognisable": False}

    scores = evaluate([label, unknown], {"x.txt": by_domain, "y.txt": {"outlet": None}})

    assert scores["outlet"] == FieldScore(tp=1)


@pytest.mark.parametrize(
    ("gold", "found", "expected"),
    [
        ("Ada Finch", "Ada Finch", FieldScore(tp=1)),
        (None, None, FieldScore(tp=1)),  # rightly unattributed
        ("Ada Finch", None, FieldScore(fn=1)),  # no claim: a miss, not an error
        (None, "Ada Finch", FieldScore(fp=1)),  # naming someone the page does not
        ("Ada Finch", "Tom Reyes", FieldScore(fp=1, fn=1)),  # worse than none
    ],
)
def test_speaker_scoring_counts_a_wrong_speaker_worse_than_none(gold, found, expected) -> None:
    label = {
        "file": "x.txt",
        "quotes": [{"speaker": gold, "starts": "The slip will reopen in May"}],
    }
    record = {"quotes": [{"speaker": found, "text": "The slip will reopen in May, she said."}]}

    assert evaluate([label], {"x.txt": record})["quote_speakers"] == expected


def test_a_missed_quote_with_a_named_speaker_and_an_extra_named_quote_count() -> None:
    label = {
        "file": "x.txt",
        "quotes": [{"speaker": "Ada Finch", "starts": "One two three four five"}],
    }
    record = {"quotes": [{"speaker": "Tom Reyes", "text": "Six seven eight nine ten eleven"}]}

    assert evaluate([label], {"x.txt": record})["quote_speakers"] == FieldScore(fp=1, fn=1)
