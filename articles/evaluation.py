"""Score extraction records against a hand-labelled set: precision and recall per field.

Pure Python (no Django), so it runs anywhere the records are. A label file is a JSON
list with one object per dump; a key left out means "not labelled for this file":

    [{"file": "006_lantern_okafor_housing_plan.txt",
      "title": "Mayor Okafor unveils plan for 12,000 homes on old rail yards",
      "authors": [], "published": "2016-10-03T09:30:00+04:00", "outlet": "The Morning Lantern",
      "persons": ["Grace Okafor", "Tomas Brandt"],
      "quotes": [{"speaker": "Grace Okafor", "starts": "For ten years we have talked"}],
      "comments": [{"author": null, "posted": "2016-10-03T11:20:00+04:00",
                    "starts": "First time in years a mayor", "reply_to": null}]}]

Records are `ArticleRecord.to_json()` dicts keyed by the label's `file`. How fields count:

- title, outlet, published: one value per file. Right → tp; wrong → fp and fn; missing → fn;
  found where the label says null → fp. A label time with an offset is compared as an
  instant; one without an offset is the wall-clock time printed on the page, so it is
  compared with the record's local time; a date-only label compares dates (issue 9).
  An outlet is right when its name or its domain (``outlet_domain``) matches; pages labelled
  ``outlet_recognisable: false`` are not scored for the outlet.
- authors, persons: sets of names (case and spacing folded).
- quotes: matched on the first six words (punctuation and case folded), speakers ignored;
  quote_speakers: the same with the speaker: a wrong speaker is one fp and one fn, naming
  someone for a quote the label leaves unattributed is an fp, and leaving a named quote
  unattributed (speaker None) is only an fn (issue 10: a wrong speaker is worse than none).
- comments: aligned in page order (longest common subsequence) on author + posted +
  first six words; comment_replies: the author each aligned comment replies to.
"""

from __future__ import annotations

import json
import operator
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

FIELDS = (
    "title",
    "outlet",
    "published",
    "authors",
    "persons",
    "quotes",
    "quote_speakers",
    "comments",
    "comment_replies",
)
START_WORDS = 6

_WORD_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s+")
_ANONYMOUS = "(anonymous)"
_APOSTROPHES = str.maketrans({"\u2019": "", "\u2018": "", "'": ""})


@dataclass(frozen=True)
class FieldScore:
    """Counts for one field; precision/recall are None when undefined (nothing to count)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def __add__(self, other: FieldScore) -> FieldScore:
        return FieldScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def load_labels(path: str | Path) -> list[dict]:
    """Read a label file; raises ValueError naming the entry that is malformed."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON list of label objects")
    for n, label in enumerate(data):
        if not isinstance(label, dict) or not isinstance(label.get("file"), str):
            raise ValueError(f'{path}: entry {n} has no "file"')
        for key in ("authors", "persons", "quotes", "comments"):
            if key in label and not isinstance(label[key], list):
                raise ValueError(f"{path}: entry {n} ({label['file']}): {key} must be a list")
    return data


def evaluate(
    labels: Sequence[Mapping],
    records: Mapping[str, Mapping],
    *,
    mismatches: list[str] | None = None,
) -> dict[str, FieldScore]:
    """Score `records` (keyed by label `file`) against `labels`, one FieldScore per field.

    A file with no record, or a failed one, counts as finding nothing. Pass a list as
    `mismatches` to collect one readable line per error, e.g.
    `"a.txt: title: expected 'X', got 'Y'"`.
    """
    totals = {name: FieldScore() for name in FIELDS}
    for label in labels:
        record = records.get(label["file"]) or {}
        if record.get("status", "ok") != "ok":
            record = {}
        notes: list[str] = []
        for name, score in _score_file(label, record, notes).items():
            totals[name] += score
        if mismatches is not None:
            mismatches.extend(f"{label['file']}: {note}" for note in notes)
    return totals


def format_report(scores: Mapping[str, FieldScore]) -> str:
    """A fixed-width table: field, tp, fp, fn, precision, recall ("-" when undefined)."""
    rows = [f"{'field':<16}{'tp':>6}{'fp':>6}{'fn':>6}{'precision':>11}{'recall':>8}"]
    for name, score in scores.items():
        rows.append(
            f"{name:<16}{score.tp:>6}{score.fp:>6}{score.fn:>6}"
            f"{_ratio(score.precision):>11}{_ratio(score.recall):>8}"
        )
    return "\n".join(rows)


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


# -- one file ---------------------------------------------------------------------------


def _score_file(label: Mapping, record: Mapping, notes: list[str]) -> dict[str, FieldScore]:
    scores: dict[str, FieldScore] = {}
    if "title" in label:
        scores["title"] = _single(
            "title", _text_key(label["title"]), _text_key(record.get("title")), notes
        )
    if "outlet" in label and label.get("outlet_recognisable", True):
        scores["outlet"] = _outlet(label, record.get("outlet") or {}, notes)
    if "published" in label:
        expected = label["published"]
        found = record.get("published")
        scores["published"] = _single(
            "published", _time_key(expected, expected), _time_key(found, expected), notes
        )
    if "authors" in label:
        scores["authors"] = _bag("authors", label["authors"], record.get("authors") or [], notes)
    if "persons" in label:
        found = [p.get("name") for p in record.get("persons") or []]
        scores["persons"] = _bag("persons", label["persons"], found, notes)
    if "quotes" in label:
        scores.update(_quotes(label["quotes"], record.get("quotes") or [], notes))
    if "comments" in label:
        scores.update(_comments(label["comments"], record.get("comments") or [], notes))
    return scores


def _single(name: str, expected: Hashable, found: Hashable, notes: list[str]) -> FieldScore:
    if expected == found:
        return FieldScore(tp=1) if expected is not None else FieldScore()
    notes.append(f"{name}: expected {expected!r}, got {found!r}")
    return FieldScore(
        fp=int(found is not None),
        fn=int(expected is not None),
    )


def _outlet(label: Mapping, found: Mapping, notes: list[str]) -> FieldScore:
    """The outlet is right by name, or by domain when the label gives the site's domain."""
    expected = _name_key(label["outlet"])
    domain = _name_key(label.get("outlet_domain"))
    got_domain = _name_key(found.get("domain"))
    if (
        domain is not None
        and got_domain is not None
        and (got_domain == domain or got_domain.endswith("." + domain))
    ):
        return FieldScore(tp=1)
    return _single("outlet", expected, _name_key(found.get("name")), notes)


def _bag(name: str, expected: Iterable, found: Iterable, notes: list[str]) -> FieldScore:
    """Multiset comparison of names (duplicates in a record count as false positives)."""
    score = _multiset(
        Counter(_name_key(n) for n in expected if n), Counter(_name_key(n) for n in found if n)
    )
    if score.fp or score.fn:
        missing = sorted(set(map(_name_key, expected)) - set(map(_name_key, found)))
        extra = sorted(set(map(_name_key, found)) - set(map(_name_key, expected)))
        notes.append(f"{name}: missing {missing}, unexpected {extra}")
    return score


def _multiset(expected: Counter, found: Counter) -> FieldScore:
    tp = sum((expected & found).values())
    return FieldScore(tp=tp, fp=sum(found.values()) - tp, fn=sum(expected.values()) - tp)


def _quotes(expected: Sequence[Mapping], found: Sequence[Mapping], notes: list[str]):
    gold = [(_starts(q.get("starts")), _name_key(q.get("speaker"))) for q in expected]
    got = [(_starts(q.get("text")), _name_key(q.get("speaker"))) for q in found]
    quotes = _multiset(Counter(s for s, _ in gold), Counter(s for s, _ in got))
    speakers = _speakers(gold, got)
    if quotes.fp or quotes.fn:
        notes.append(
            f"quotes: missing {sorted(set(s for s, _ in gold) - set(s for s, _ in got))}, "
            f"unexpected {sorted(set(s for s, _ in got) - set(s for s, _ in gold))}"
        )
    found_speaker = dict(got)
    for starts, speaker in gold:
        if starts in found_speaker and found_speaker[starts] != speaker:
            notes.append(f"quote {starts!r}: speaker {speaker!r}, got {found_speaker[starts]!r}")
    return {"quotes": quotes, "quote_speakers": speakers}


def _speakers(gold: Sequence[tuple], got: Sequence[tuple]) -> FieldScore:
    """Speaker attribution, where leaving a quote unattributed is no claim (issue 10).

    Quotes pair up by their first words. Right speaker, or None where the page names
    nobody → tp. None where the page names someone → fn only. A name where the page names
    nobody → fp. A wrong name → fp and fn (worse than none). A missed quote with a named
    speaker → fn; an extra quote given a name → fp.
    """
    pool: dict[tuple, list] = {}
    for starts, speaker in got:
        pool.setdefault(starts, []).append(speaker)
    tp = fp = fn = 0
    for starts, speaker in gold:
        candidates = pool.get(starts)
        if not candidates:
            fn += speaker is not None
            continue
        found = speaker if speaker in candidates else candidates[0]
        candidates.remove(found)
        if found == speaker:
            tp += 1
        elif found is None:
            fn += 1
        else:
            fp += 1
            fn += speaker is not None
    fp += sum(1 for left in pool.values() for speaker in left if speaker is not None)
    return FieldScore(tp=tp, fp=fp, fn=fn)


def _comments(expected: Sequence[Mapping], found: Sequence[Mapping], notes: list[str]):
    gold = [_comment_key(c.get("author"), c.get("posted"), c.get("starts")) for c in expected]
    got = [_comment_key(c.get("author"), c.get("posted"), c.get("text")) for c in found]
    pairs = _align(gold, got, same=_same_comment)
    comments = FieldScore(tp=len(pairs), fp=len(got) - len(pairs), fn=len(gold) - len(pairs))
    if comments.fp or comments.fn:
        notes.append(
            f"comments: {len(gold)} expected, {len(got)} found, {len(pairs)} aligned"
            + _first_unaligned(gold, got, pairs)
        )
    gold_replies = [_name_key(c.get("reply_to")) for c in expected]
    got_replies = [_reply_author(c, found) for c in found]
    tp = fp = fn = 0
    for g, r in pairs:
        if gold_replies[g] == got_replies[r]:
            tp += gold_replies[g] is not None
            continue
        fp += got_replies[r] is not None
        fn += gold_replies[g] is not None
        notes.append(f"comment {g + 1}: replies to {gold_replies[g]!r}, got {got_replies[r]!r}")
    matched_gold = {g for g, _ in pairs}
    matched_got = {r for _, r in pairs}
    fn += sum(1 for i, a in enumerate(gold_replies) if a is not None and i not in matched_gold)
    fp += sum(1 for i, a in enumerate(got_replies) if a is not None and i not in matched_got)
    return {"comments": comments, "comment_replies": FieldScore(tp=tp, fp=fp, fn=fn)}


def _reply_author(comment: Mapping, comments: Sequence[Mapping]) -> str | None:
    """The (folded) author a record comment replies to; `reply_to` is an index.

    A reply to an anonymous comment is still a claimed reply, so it gets a placeholder
    name that no label can match.
    """
    index = comment.get("reply_to")
    if not isinstance(index, int) or not 0 <= index < len(comments):
        return None
    return _name_key(comments[index].get("author")) or _ANONYMOUS


def _align(gold: Sequence, got: Sequence, same=operator.eq) -> list[tuple[int, int]]:
    """Index pairs of a longest common subsequence: comments matched in page order."""
    rows, cols = len(gold), len(got)
    lengths = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            if same(gold[i], got[j]):
                lengths[i][j] = lengths[i + 1][j + 1] + 1
            else:
                lengths[i][j] = max(lengths[i + 1][j], lengths[i][j + 1])
    pairs = []
    i = j = 0
    while i < rows and j < cols:
        if same(gold[i], got[j]):
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif lengths[i + 1][j] >= lengths[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _first_unaligned(gold: Sequence, got: Sequence, pairs: list[tuple[int, int]]) -> str:
    missing = next((i for i in range(len(gold)) if i not in {g for g, _ in pairs}), None)
    if missing is None:
        return ""
    return f"; first missing: comment {missing + 1} {gold[missing]!r}"


# -- normalisation ----------------------------------------------------------------------


def _text_key(text: str | None) -> str | None:
    """Whitespace collapsed, typographic quotes folded: `“Hi”  there` → `"Hi" there`."""
    if text is None:
        return None
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
    return _SPACE_RE.sub(" ", text).strip() or None


def _name_key(name: str | None) -> str | None:
    """`Grace  OKAFOR` → `grace okafor`; None stays None."""
    key = _text_key(name)
    return key.casefold() if key else None


def _starts(text: str | None) -> tuple[str, ...]:
    """First six words, case and punctuation folded: `“For ten years, we…` → ('for', 'ten', …)."""
    if not text:
        return ()
    folded = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    return tuple(_WORD_RE.findall(folded)[:START_WORDS])


def _instant(value: str | None) -> datetime | None:
    """An ISO 8601 string as an aware datetime (naive values are kept naive: never equal)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None


def _time_key(value: str | None, label: str | None) -> object:
    """``value`` in the form the label's time is compared in.

    Label with an offset: the UTC instant. Label without one: the wall-clock time as printed
    (an aware value loses its offset, seconds dropped when the label prints none). Date-only
    label: the date.
    """
    moment = _instant(value)
    if moment is None:
        return None
    if not label or _instant(label) is None:
        return moment
    if len(label.strip()) <= 10:
        return moment.date()
    if _instant(label).tzinfo is not None:
        return moment if moment.tzinfo is not None else ("naive", moment)
    wall = moment.replace(tzinfo=None)
    return wall if label.count(":") >= 2 else wall.replace(second=0, microsecond=0)


def _comment_key(author: str | None, posted: str | None, text: str | None) -> tuple:
    return (_name_key(author), posted, _starts(text))


def _same_comment(gold: tuple, got: tuple) -> bool:
    """Author and first words equal, and the time equal in the label's own form."""
    if gold[0] != got[0] or gold[2] != got[2]:
        return False
    return _time_key(gold[1], gold[1]) == _time_key(got[1], gold[1])
