"""Find direct quotations in article paragraphs and who said them (issue 5).

Rule-based, pure Python. A quote is text between straight or curly double marks of
more than four words (shorter ones are scare quotes or fragments); a quote whose
paragraph ends without a closing mark continues in the next paragraph when that one
opens with a mark. The speaker comes from, in order: the words right after the
quote (`," Putin said`), the words before it in its sentence (`Mr Putin wrote:`,
`According to Mr Doe,`, `He said:`), the quote before it in the same paragraph, or
— for a quote paragraph standing alone — the paragraph before. When no rule is sure
the speaker is None: a wrong speaker is worse than none.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from .people import ROLE_WORDS, SPEECH_VERBS, Mention, MentionFinder, gender_hint
from .records import ParsedPerson, ParsedQuote

_UNSURE = ""  # the name of a mention that may denote more than one person
_MIN_WORDS = 5  # "greatly strengthen and expand" (4 words) is a fragment, not a quote

_VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_VERB_RE = re.compile(rf"\b({_VERBS})\b", re.IGNORECASE)
_ADVERBS = (
    r"(?:(?:also|then|later|has|had|have|previously|once|again|further|simply|recently|first"
    r"|would|will|\w+ly|(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today"
    r"|tonight)\s+){0,3}"
)
# Between a subject and its verb: an optional appositive and adverbs ("Mr Doe, 52, also said").
_SUBJECT_GAP = re.compile(rf"(?:\s*,[^,\"“”]{{1,100}},)?\s+{_ADVERBS}", re.IGNORECASE)
_VERB_AFTER = re.compile(rf"(?:\s*,[^,.;:\"“”]{{1,100}},)?\s+{_ADVERBS}({_VERBS})\b", re.IGNORECASE)
_ROLES = "|".join(sorted(ROLE_WORDS, key=len, reverse=True))
# Words allowed between a verb and the name it introduces: `said Russian President Vladimir Putin`.
_TITLE_CHAIN = re.compile(
    rf"\s*(?:(?:the|a|an|former|{_ROLES}|[A-Z][\w’'\-.]*)\s+){{0,5}}", re.IGNORECASE
)
_PRONOUN_VERB = re.compile(rf"\s*(he|she)\s+{_ADVERBS}({_VERBS})\b", re.IGNORECASE)
_VERB_PRONOUN = re.compile(rf"\s*({_VERBS})\s+(he|she)\b", re.IGNORECASE)
_PRONOUN_END = re.compile(rf"\b(he|she)\s+{_ADVERBS}$", re.IGNORECASE)
_LEADING_PUNCT = re.compile(r"[\s,.!?…:;—–-]*")
# "according to" + up to four words before a name: found once per paragraph, then only
# the tail after each occurrence is matched (a search per name was quadratic, issue 11).
_ACCORDING = re.compile(r"\baccording to", re.IGNORECASE)
_ACCORDING_TAIL = re.compile(r"\s+(?:[\w\-.’']+\s+){0,4}")
_ACCORDING_REACH = 8  # the tail holds <= 5 whitespace runs, so <= 5 later "according to"s
_DOCUMENT = re.compile(
    r"\b(?:letter|message|note|statement|e-?mail|tweet|post|card|memo|telegram|column|op-ed)s?\b",
    re.IGNORECASE,
)
_SIGNED_END = re.compile(r"\b(?:signed|from|by)\s+(?:[\"“]\s*)?$", re.IGNORECASE)
_POSSESSIVE_DOCUMENT = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:letter|message|note|statement|e-?mail|tweet|post|card|memo)\b",
    re.IGNORECASE,
)
# A sentence end: a run of [.!?], closers, whitespace. Possessive repeats give the same
# matches (nothing can be given back usefully); the look-behind stops a failed attempt
# from being retried at every dot of a long run ("……x" was quadratic, issue 11). A scan
# that starts inside a run first tries `_SENTENCE_END_AT` there (see `_sentence_ends`).
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++[\"”’)]*+\s+")
_SENTENCE_END_AT = re.compile(r"[.!?]++[\"”’)]*+\s+")
_DOTS = frozenset(".!?")
_ABBREVIATION = re.compile(
    r"(?:^|[\s(\"“])(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Jr|Sr|Inc|Ltd|Co|vs|No|[A-Z])\.$"
)
_LOWER_WORD = re.compile(r"\b([a-z]+)\b")
_CLAUSE_WORDS = frozenset(
    ("and", "but", "or", "that", "which", "who", "while", "as", "when", "after", "before")
)
_SPEECH_WORD = re.compile(
    rf"\b(?:{_VERBS}|saying|adding|telling|insisting|warning|arguing|claiming|writing|"
    r"explaining|stating)\b",
    re.IGNORECASE,
)
_LEADING_OPEN = re.compile(r"\s*[“\"]")
_VERB_FIRST = re.compile(rf"({_VERBS})\b", re.IGNORECASE)
_SIGNED_GAP = frozenset('"“')
_HAS_LETTER = re.compile(r"[^\W\d_]")
_NORMALISE = re.compile(r"[^0-9a-z]+")


@dataclass
class _Span:
    first: int  # paragraph of the opening mark
    start: int  # offset of the opening mark
    parts: list[str] = field(default_factory=list)
    last: int = -1  # paragraph of the closing mark
    end: int = -1  # offset just after the closing mark (paragraph length when unclosed)
    closed: bool = False

    @cached_property  # read many times; set only once all parts are in
    def text(self) -> str:
        parts = [" ".join(p.split()) for p in self.parts]
        return "\n\n".join(p for p in parts if p).strip().rstrip(",").strip()


@dataclass
class _Attributed:
    span: _Span
    speaker: str | None
    cue: str | None


def find_quotes(
    body: Sequence[str],
    persons: Sequence[ParsedPerson],
    *,
    aliases: Mapping[str, str] = {},
) -> tuple[ParsedQuote, ...]:
    """Direct quotations in `body` with speaker, cue verb and paragraph index.

    >>> find_quotes(['"We will win this fight," Mr Putin said.'], [ParsedPerson("Putin", 1)])
    (ParsedQuote(text='We will win this fight', speaker='Putin', cue='said', paragraph=0),)
    """
    spans = [s for s in _spans(body) if len(s.text.split()) >= _MIN_WORDS]
    if not spans:
        return ()
    finder = MentionFinder([p.name for p in persons], aliases)
    # A shared surname nothing settles ("Marsh said" with two Marshes) names nobody sure:
    # it still stops the search for a speaker, but as _UNSURE, reported as None.
    mentions = [
        [replace(m, name=_UNSURE) if m.ambiguous else m for m in finder.find(paragraph)]
        for paragraph in body
    ]
    context = _Context(body, mentions, spans)
    done: list[_Attributed] = []
    for span in spans:
        speaker, cue = context.attribute(span)
        done.append(_Attributed(span, speaker, cue))
        context.record(done[-1])
    return tuple(
        ParsedQuote(text=a.span.text, speaker=a.speaker or None, cue=a.cue, paragraph=a.span.first)
        for a in _dedupe(done)
    )


def _spans(body: Sequence[str]) -> list[_Span]:
    """Quoted passages; one passage may run over several paragraphs."""
    spans: list[_Span] = []
    pending: _Span | None = None
    for index, paragraph in enumerate(body):
        pos = 0
        if pending is not None:
            lead = _LEADING_OPEN.match(paragraph)
            if lead is None:
                pending.closed = False
                spans.append(pending)
                pending = None
            else:
                close = _find_close(paragraph, lead.end())
                if close is None:
                    pending.parts.append(paragraph[lead.end() :])
                    continue
                pending.parts.append(paragraph[lead.end() : close])
                pending.last, pending.end, pending.closed = index, close + 1, True
                spans.append(pending)
                pending = None
                pos = close + 1
        if pos == 0:
            lost = _lost_opening(paragraph)
            if lost is not None:
                # 'This was a big day,” Noem said.': the opening mark was lost in the scrape.
                span = _Span(first=index, start=0, parts=[paragraph[:lost]])
                span.last, span.end, span.closed = index, lost + 1, True
                spans.append(span)
                pos = lost + 1
        while True:
            start = _find_open(paragraph, pos)
            if start is None:
                break
            close = _find_close(paragraph, start + 1)
            span = _Span(first=index, start=start)
            if close is None:
                span.parts.append(paragraph[start + 1 :])
                span.last, span.end = index, len(paragraph)
                pending = span
                break
            span.parts.append(paragraph[start + 1 : close])
            span.last, span.end, span.closed = index, close + 1, True
            spans.append(span)
            pos = close + 1
    if pending is not None:
        spans.append(pending)
    spans.extend(_block_quotes(body, spans))
    spans.sort(key=lambda span: (span.first, span.start))
    return spans


_CURLY_CLOSE_ATTRIBUTED = re.compile(
    r"[,.?!]”\s+(?:[A-Z][\w’'-]+\s+){0,3}(?:said|says|told|added|wrote)\b|[,.?!]”\s+(?:said|says|told|added|wrote)\s"
)
_FIRST_PERSON = re.compile(r"\b(?:I|I’m|I've|I’ve|I'm|we|We|my|My|our|Our)\b")
_LEAD_IN_END = re.compile(r"(?::|\.\s?\.\s?\.|…)\s*$")


def _lost_opening(paragraph: str) -> int | None:
    """Offset of a closing curly mark whose opening mark the scrape lost: the paragraph opens
    with the quoted words and an attribution follows the mark."""
    close = paragraph.find("”")
    if close <= 0:
        return None
    head = paragraph[:close]
    if "“" in head or '"' in head or len(head.split()) < _MIN_WORDS:
        return None
    if not _CURLY_CLOSE_ATTRIBUTED.match(paragraph, close - 1):
        return None
    return close


def _block_quotes(body: Sequence[str], spans: list[_Span]) -> list[_Span]:
    """Set-off passages with no quotation marks: a lead-in that reports speech or writing and
    ends with a colon or an ellipsis, then first-person paragraphs (issue 10)."""
    marked = {p for span in spans for p in range(span.first, span.last + 1)}
    found: list[_Span] = []
    i = 1
    while i < len(body):
        lead = body[i - 1]
        if i - 1 in marked or not _LEAD_IN_END.search(lead) or not _SPEECH_WORD.search(lead[-200:]):
            i += 1
            continue
        parts: list[str] = []
        j = i
        while j < len(body) and j not in marked and len(parts) < 4 and _set_off(body[j]):
            parts.append(body[j])
            j += 1
        if parts and len(" ".join(parts).split()) >= _MIN_WORDS:
            span = _Span(first=i, start=0, parts=parts)
            span.last, span.end = j - 1, len(body[j - 1])
            found.append(span)
        i = max(j, i + 1)
    return found


def _set_off(paragraph: str) -> bool:
    """A paragraph of someone's own words: first person, no quotation marks."""
    return (
        not any(mark in paragraph for mark in '"“”')
        and _FIRST_PERSON.search(paragraph[:300]) is not None
    )


_OPEN_MARK = re.compile(r"“|(?<![^\W_])\"")
_CLOSE_MARK = re.compile(r"[”\"]")


def _find_open(text: str, pos: int) -> int | None:
    match = _OPEN_MARK.search(text, pos)
    return match.start() if match else None


def _find_close(text: str, pos: int) -> int | None:
    match = _CLOSE_MARK.search(text, pos)
    return match.start() if match else None


class _Context:
    """Everything attribution needs about the article: paragraphs, mentions, quote spans.

    Lookups are by bisection over per-paragraph sorted offsets, built once, so attributing
    n quotes in one long paragraph costs O(n log n), not O(n²) (issue 11).
    """

    def __init__(self, body: Sequence[str], mentions: list[list[Mention]], spans: list[_Span]):
        self.body = body
        self.mentions = mentions
        self.starts = [[m.start for m in row] for row in mentions]  # finder order: by offset
        # Quoted stretches of each paragraph: disjoint and in order, as spans are found.
        self.inside: list[list[tuple[int, int]]] = [[] for _ in body]
        for span in spans:
            for p in range(span.first, span.last + 1):
                start = span.start if p == span.first else 0
                end = span.end if p == span.last else len(body[p])
                self.inside[p].append((start, end))
        self.inside_starts = [[start for start, _ in row] for row in self.inside]
        self.gender: dict[str, str] = {}
        for row in mentions:
            for m in row:
                hint = m.gender or gender_hint(m.honorific)
                if hint and m.name and m.name not in self.gender:
                    self.gender[m.name] = hint
        self.last_ending: dict[int, _Attributed] = {}  # paragraph -> last quote closing there
        self._boundaries: dict[int, list[int]] = {}
        self._according: dict[int, list[tuple[int, int]]] = {}
        self._subjects: dict[tuple[int, str], tuple[list[Mention], list[int]]] = {}

    def record(self, attributed: _Attributed) -> None:
        self.last_ending[attributed.span.last] = attributed

    # -- attribution -------------------------------------------------------------

    def attribute(self, span: _Span) -> tuple[str | None, str | None]:
        if span.closed:
            found = self._from_tail(span)
            if found is not None:
                return found
        # Spans are attributed in order, so the last one closing in this paragraph is the
        # nearest quote before this one there.
        previous = self.last_ending.get(span.first)
        paragraph = self.body[span.first]
        floor = previous.span.end if previous else 0
        lead_start = _sentence_start(paragraph, span.start, floor)
        lead = paragraph[lead_start : span.start]
        if _HAS_LETTER.search(lead):
            return self._from_lead(span.first, lead_start, lead)
        if previous:
            return previous.speaker, previous.cue
        if lead_start > floor:  # '"Short," Doe said. "The quote…"': the sentence before
            before_start = _sentence_start(paragraph, lead_start - 1, floor)
            return self._from_lead(span.first, before_start, paragraph[before_start:lead_start])
        if lead_start == 0 and span.first > 0:
            return self._from_previous_paragraph(span.first - 1)
        return None, None

    def _mentions_from(self, index: int, start: int) -> Iterator[Mention]:
        """Mentions in paragraph `index` starting at or after `start`, in order."""
        row = self.mentions[index]
        for k in range(bisect_left(self.starts[index], start), len(row)):
            yield row[k]

    def _from_tail(self, span: _Span) -> tuple[str | None, str | None] | None:
        paragraph = self.body[span.last]
        nxt = _find_open(paragraph, span.end)
        # The sentence end only matters before the next quote: scanning past it made
        # n quotes in one sentence cost n² (issue 11).
        stop = _sentence_end(paragraph, span.end, len(paragraph) if nxt is None else nxt)
        if nxt is not None and nxt < stop:
            stop = nxt
        skip = _LEADING_PUNCT.match(paragraph, span.end).end()
        tail = paragraph[skip:stop]
        if not _HAS_LETTER.search(tail):
            return None
        here = [m for m in _take(self._mentions_from(span.last, skip), 1) if m.start < stop]
        for m in here:
            chain = _TITLE_CHAIN.fullmatch(paragraph, skip, m.start)
            verb = _VERB_AFTER.match(paragraph, m.end, stop)
            if chain and verb and not m.possessive:
                return m.name, verb.group(1).lower()
        verb_first = _VERB_FIRST.match(tail)
        if verb_first:
            cue = verb_first.group(1).lower()
            for m in here:
                if _TITLE_CHAIN.fullmatch(paragraph, skip + verb_first.end(), m.start):
                    return (None if m.possessive else m.name), cue
            pronoun = _VERB_PRONOUN.match(tail)
            if pronoun:
                return self._resolve_pronoun(pronoun.group(2), span.first, span.start), cue
            return None, cue
        pronoun = _PRONOUN_VERB.match(tail)
        if pronoun:
            return self._resolve_pronoun(pronoun.group(1), span.first, span.start), pronoun.group(
                2
            ).lower()
        verb = _VERB_RE.search(tail)
        if verb:
            words = tail[: verb.start()].lower().split()
            if len(words) <= 5 and not _CLAUSE_WORDS.intersection(words):
                return None, verb.group(1).lower()  # ", the Kremlin said": not a person we know
        return None

    def _from_lead(self, index: int, lead_start: int, lead: str) -> tuple[str | None, str | None]:
        paragraph = self.body[index]
        lead_end = lead_start + len(lead)
        all_here = []
        for m in self._mentions_from(index, lead_start):
            if m.start >= lead_end:
                break
            all_here.append(m)
        here = [m for m in all_here if m.end <= lead_end and not self._quoted(index, m)]
        for m in here:
            if not m.possessive and self._according_before(index, lead_start, m.start):
                return m.name, "according to"
        verbs = [
            w for w in _LOWER_WORD.finditer(paragraph, lead_start, lead_end) if w[1] in SPEECH_VERBS
        ]
        if verbs:
            verb = verbs[-1]
            cue = verb.group(1).lower()
            subject = [m for m in here if m.end <= verb.start()]
            if subject:
                m = subject[-1]
                if not m.possessive and (
                    _SUBJECT_GAP.fullmatch(paragraph, m.end, verb.start())
                    or _closed_appositive_gap(paragraph, m, verb.start())
                ):
                    return m.name, cue
            pronoun = _PRONOUN_END.search(paragraph, lead_start, verb.start())
            if pronoun:
                return self._pronoun_in_lead(pronoun, here, index, lead_start), cue
            subject = self._coordinated_subject(index, lead_start, here, verb.start())
            if subject is not None:
                return subject, cue
            after = [m for m in here if m.start >= verb.end()]
            if after and _TITLE_CHAIN.fullmatch(paragraph, verb.end(), after[0].start):
                return (None if after[0].possessive else after[0].name), cue
            return None, cue
        if _DOCUMENT.search(lead):
            for m in all_here:
                if _signed_before(paragraph, lead_start, m.start) or (
                    m.possessive and _POSSESSIVE_DOCUMENT.match(paragraph, m.end, lead_end)
                ):
                    return m.name, "wrote"
        return None, None

    def _coordinated_subject(
        self, index: int, lead_start: int, here: list[Mention], verb_start: int
    ) -> str | None:
        """ "Chief Dorsey approached the mayor … and advised": the sentence's subject, when
        the speech verb is joined to its first verb by "and" and nobody else is named."""
        paragraph = self.body[index]
        if not paragraph[max(lead_start, verb_start - 5) : verb_start].rstrip().endswith("and"):
            return None
        named = {m.name for m in here if m.end <= verb_start}
        if len(named) != 1:
            return None
        first = here[0]
        opening = paragraph[lead_start : first.start].split()
        if (
            first.possessive
            or len(opening) > 6
            or _after_preposition(paragraph, lead_start, first.start)
        ):
            return None
        return first.name

    def _according_before(self, index: int, lead_start: int, pos: int) -> bool:
        """Whether "according to" and at most four words lead from `lead_start` up to `pos`."""
        found = self._according.get(index)
        if found is None:
            found = [m.span() for m in _ACCORDING.finditer(self.body[index])]
            self._according[index] = found
        ends = bisect_right(found, (pos, pos))
        for start, end in reversed(found[max(0, ends - _ACCORDING_REACH) : ends]):
            if start < lead_start:
                break
            if end <= pos and _ACCORDING_TAIL.fullmatch(self.body[index], end, pos):
                return True
        return False

    def _from_previous_paragraph(self, index: int) -> tuple[str | None, str | None]:
        """A quote paragraph standing alone: the speaker is whoever the paragraph before quotes."""
        last = self.last_ending.get(index)
        if last is not None and last.speaker is not None:
            rest = self.body[index][last.span.end :]
            if len(rest.split()) <= 8:
                return last.speaker, last.cue
        paragraph = self.body[index]
        if paragraph.rstrip().endswith(":"):  # "She told a packed meeting on Tuesday:"
            start = _sentence_start(paragraph, len(paragraph.rstrip()), 0)
            return self._from_lead(index, start, paragraph[start:])
        free = [m for m in self.mentions[index] if not m.possessive and not self._quoted(index, m)]
        for m in free:
            verb = _VERB_AFTER.match(paragraph, m.end)
            if verb:
                return m.name, verb.group(1).lower()
        # "X on Thursday defended the plan, saying…": the first sentence's subject, when the
        # paragraph reports speech at all.
        if (
            free
            and free[0].start < _sentence_end(paragraph, 0, free[0].start + 1)
            and _SPEECH_WORD.search(paragraph)
            and not _after_preposition(paragraph, 0, free[0].start)
        ):
            return free[0].name, None
        return None, None

    def _pronoun_in_lead(
        self, pronoun: re.Match[str], here: list[Mention], index: int, lead_start: int
    ) -> str | None:
        """`he`/`she` in the quote's own sentence: a person named earlier in that sentence.

        "When the harbour master, Agnes Whitlow, announced the change she said:" -> Whitlow.
        One such person is the antecedent; two or more leave it unsure (None); none sends
        the search back to the sentences before.
        """
        wanted = "f" if pronoun.group(1).lower() == "she" else "m"
        names = {
            m.name
            for m in here
            if m.end <= pronoun.start()
            and not m.possessive
            and self.gender.get(m.name, wanted) == wanted
        }
        if len(names) == 1:
            return names.pop()
        if names:
            return None
        return self._resolve_pronoun(pronoun.group(1), index, lead_start)

    def _resolve_pronoun(self, pronoun: str, index: int, pos: int) -> str | None:
        """The person `he`/`she` points back to: the subject of the nearest sentence naming one.

        That is the first fitting subject of the sentence holding the last fitting subject
        before `pos` (this paragraph) or anywhere in the two paragraphs before.
        """
        wanted = "f" if pronoun.lower() == "she" else "m"
        for p in range(index, max(-1, index - 3), -1):
            subjects, sentence_of = self._fitting_subjects(p, wanted)
            limit = pos if p == index else len(self.body[p])
            # Mentions do not overlap, so their ends are in order too.
            last = bisect_right(subjects, limit, key=lambda m: m.end) - 1
            if last >= 0:
                first = bisect_left(sentence_of, sentence_of[last])
                return subjects[first].name
        return None

    def _fitting_subjects(self, index: int, wanted: str) -> tuple[list[Mention], list[int]]:
        """Mentions of paragraph `index` that can be the subject `he`/`she` points back to,
        with the start of the sentence holding each (non-decreasing)."""
        key = (index, wanted)
        cached = self._subjects.get(key)
        if cached is not None:
            return cached
        words = _Words(self.body[index])
        bounds = self._sentence_starts(index)
        subjects: list[Mention] = []
        sentence_of: list[int] = []
        for m in self.mentions[index]:
            if m.possessive or self._quoted(index, m) or self.gender.get(m.name, wanted) != wanted:
                continue
            start = bounds[bisect_right(bounds, m.start) - 1]
            if not words.after_preposition(start, m.start):
                subjects.append(m)
                sentence_of.append(start)
        self._subjects[key] = (subjects, sentence_of)
        return subjects, sentence_of

    def _sentence_starts(self, index: int) -> list[int]:
        """0 and the offset after every sentence end of paragraph `index`."""
        found = self._boundaries.get(index)
        if found is None:
            paragraph = self.body[index]
            found = [0, *(m.end() for m in _sentence_ends(paragraph, 0, len(paragraph)))]
            self._boundaries[index] = found
        return found

    def _quoted(self, index: int, m: Mention) -> bool:
        k = bisect_left(self.inside_starts[index], m.start) - 1
        return k >= 0 and m.start < self.inside[index][k][1]


def _take(items: Iterator[Mention], count: int) -> list[Mention]:
    return [m for _, m in zip(range(count), items, strict=False)]


def _signed_before(text: str, lead_start: int, pos: int) -> bool:
    """Whether "signed"/"from"/"by" (and a quote mark) lead up to `pos`: `…signed "`.

    Walks back over the blank and quote marks first, so only a few characters are
    searched: a search from `lead_start` per name was quadratic in long leads (issue 11).
    """
    start = pos
    while start > lead_start and (text[start - 1].isspace() or text[start - 1] in _SIGNED_GAP):
        start -= 1
    return _SIGNED_END.search(text, max(lead_start, start - len("signed")), pos) is not None


def _closed_appositive_gap(text: str, m: Mention, verb_start: int) -> bool:
    """A name set off by commas right before its verb: "His daughter, Lena Vogel, said:"."""
    return (
        text[m.end : m.end + 1] == ","
        and _ends_with_comma(text, m.start)
        and _SUBJECT_GAP.fullmatch(text, m.end + 1, verb_start) is not None
    )


def _ends_with_comma(text: str, pos: int) -> bool:
    """`text[:pos].rstrip().endswith(",")` without copying `text[:pos]`."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos > 0 and text[pos - 1] == ","


def _after_preposition(text: str, sentence_start: int, pos: int) -> bool:
    """Whether the name at `pos` follows a preposition ("…released by Mr Trump")."""
    words = text[sentence_start:pos].split()
    while words and _in_title_chain(words[-1]):
        words.pop()  # the title chain: "by the former US President"
    return bool(words) and words[-1].lower().strip(",;:") in _PREPOSITION_WORDS


def _in_title_chain(word: str) -> bool:
    return word[:1].isupper() or word.lower() in ROLE_WORDS or word in _CHAIN_WORDS


_WORD = re.compile(r"\S+")  # the words of str.split()


class _Words:
    """A paragraph's words, each with the last word up to it outside a title chain.

    `after_preposition(start, pos)` answers `_after_preposition(text, start, pos)` by
    lookup: popping the chain word by word for every name was quadratic in sentences
    of thousands of capitalised words (fuzzing, issue 11).
    """

    def __init__(self, text: str):
        self.text = text
        spans = [m.span() for m in _WORD.finditer(text)]
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]
        self.last_free: list[int] = []  # index of the last non-chain word at or before k
        last = -1
        for k, (start, end) in enumerate(spans):
            if not _in_title_chain(text[start:end]):
                last = k
            self.last_free.append(last)

    def after_preposition(self, sentence_start: int, pos: int) -> bool:
        first = bisect_left(self.starts, sentence_start)
        if first > 0 and self.ends[first - 1] > sentence_start:  # starts mid-word: rare
            return _after_preposition(self.text, sentence_start, pos)
        k = bisect_left(self.starts, pos) - 1  # the last word starting before `pos`
        if k < first:
            return False
        if self.ends[k] > pos:  # cut by `pos` ('("Marsh' -> '("')
            cut = self.text[self.starts[k] : pos]
            if not _in_title_chain(cut):
                return cut.lower().strip(",;:") in _PREPOSITION_WORDS
            k -= 1
        free = self.last_free[k] if k >= 0 else -1
        if free < first:
            return False
        word = self.text[self.starts[free] : self.ends[free]]
        return word.lower().strip(",;:") in _PREPOSITION_WORDS


_CHAIN_WORDS = frozenset(("the", "a", "an", "former"))
_PREPOSITION_WORDS = frozenset(
    [
        "to",
        "with",
        "from",
        "by",
        "of",
        "for",
        "about",
        "against",
        "on",
        "at",
        "than",
        "into",
        "onto",
        "toward",
        "towards",
        "between",
        "among",
        "like",
        "unlike",
        "via",
        "calling",
        "called",
    ]
)


def _sentence_ends(text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
    """Sentence ends in `text[pos:endpos]` that are not abbreviations ("Mr. ", "J. ").

    The same matches as `re.finditer(r"[.!?]+[\\"”’)]*\\s+", text, pos, endpos)` (minus
    abbreviations), in time linear in `endpos - pos`.
    """
    match = None
    if 0 < pos < endpos and text[pos] in _DOTS and text[pos - 1] in _DOTS:
        match = _SENTENCE_END_AT.match(text, pos, endpos)  # starting inside a run of dots
    if match is not None:
        if not _is_abbreviation(text, match.start()):
            yield match
        pos = match.end()
    for match in _SENTENCE_END.finditer(text, pos, endpos):
        if not _is_abbreviation(text, match.start()):
            yield match


def _is_abbreviation(text: str, dot: int) -> bool:
    return _ABBREVIATION.search(text, max(0, dot - 6), dot + 1) is not None


def _sentence_start(text: str, pos: int, floor: int) -> int:
    start = floor
    for match in _sentence_ends(text, floor, pos):
        start = match.end()
    return start


def _sentence_end(text: str, pos: int, endpos: int) -> int:
    """The end of the sentence running at `pos`, or `endpos` when it runs past `endpos`."""
    for match in _sentence_ends(text, pos, endpos):
        return match.end()
    return endpos


def _dedupe(quotes: list[_Attributed]) -> list[_Attributed]:
    """Drop a quote repeated in the body (a pull quote): keep the fuller, attributed one.

    Quote i goes when an earlier kept quote or any later one at least as long contains it,
    or nearly starts with it; the first such quote inherits its speaker. Only quotes that
    can qualify are compared (same text, same first 40 characters, or sharing its rarest
    inner word), not every pair (3,200 quotes took 11 s, issue 11).
    """
    keys = [_NORMALISE.sub(" ", q.span.text.lower()).strip() for q in quotes]
    dropped: set[int] = set()
    # An ordinary article has a few dozen quotes: comparing every pair is cheapest there.
    # The index finds the same first match among many quotes without visiting every pair.
    if len(quotes) <= _PAIRWISE_MAX:
        candidates = None
        every = range(len(quotes))
    else:
        candidates = _DedupeIndex(keys, dropped)
    for i in range(len(quotes)):
        short = keys[i]
        for j in every if candidates is None else candidates.for_key(i):
            if j == i or j in dropped:
                continue
            long_ = keys[j]
            if len(short) > len(long_) or (len(short) == len(long_) and i < j):
                continue
            if _near_prefix(short, long_):
                if candidates is None:
                    dropped.add(i)
                else:
                    candidates.drop(i)
                if quotes[i].speaker and not quotes[j].speaker:
                    quotes[j].speaker, quotes[j].cue = quotes[i].speaker, quotes[i].cue
                break
    return [q for k, q in enumerate(quotes) if k not in dropped]


_PAIRWISE_MAX = 48  # up to this many quotes `_dedupe` compares every pair
_PREFIX = 40  # `_near_prefix` needs this many leading characters in common


class _DedupeIndex:
    """For each key, the indices (ascending) of the keys it can be a near prefix of.

    Keys already dropped are skipped without being visited again: a line repeated 2,000
    times behind a longer copy of it made every repeat walk past all the dropped ones.
    """

    def __init__(self, keys: list[str], dropped: set[int]):
        self.keys = keys
        self.dropped = dropped
        self.same: dict[str, list[int]] = {}
        self.prefix: dict[str, list[int]] = {}
        self.postings: dict[str, list[int]] = {}
        self.nonempty = [i for i, key in enumerate(keys) if key]
        for i, key in enumerate(keys):
            self.same.setdefault(key, []).append(i)
            if len(key) >= _PREFIX:
                self.prefix.setdefault(key[:_PREFIX], []).append(i)
            for word in set(key.split()):
                self.postings.setdefault(word, []).append(i)
        self._alive: dict[int, _Alive] = {}  # by id() of a list above, made when first read
        self._lists: list[list[_Alive]] = [[] for _ in keys]  # the read lists holding a key

    def drop(self, i: int) -> None:
        self.dropped.add(i)
        for alive in self._lists[i]:
            alive.drop(i)

    def _read(self, items: list[int]) -> Iterator[int]:
        alive = self._alive.get(id(items))
        if alive is None:
            alive = self._alive[id(items)] = _Alive(items, self.dropped)
            for index in items:
                self._lists[index].append(alive)
        return iter(alive)

    def for_key(self, i: int) -> Iterator[int]:
        key = self.keys[i]
        if not key:  # the empty key is a prefix of everything
            return heapq.merge(self._read(self.same[key]), self._read(self.nonempty))
        sources = [self._read(self.same[key])]
        if len(key) >= _PREFIX:
            sources.append(self._read(self.prefix[key[:_PREFIX]]))
        words = key.split()
        # A key inside another has its inner words whole in it ("a b c d" in "x a b c d e").
        # A key of one or two words counts as inside another only with its words whole
        # there too: searching the page's text for every short key was quadratic (issue 11).
        inner = words[1:-1] if len(words) >= 3 else words
        sources.append(self._read(min((self.postings[w] for w in inner), key=len)))
        return heapq.merge(*sources)


class _Alive:
    """An ascending list of key indices that skips dropped ones (union-find over positions)."""

    def __init__(self, items: list[int], dropped: set[int]):
        self.items = items
        # position -> a position at or before the first kept one from it
        self._next = [p + 1 if index in dropped else p for p, index in enumerate(items)]
        self._next.append(len(items))
        self._position = {index: p for p, index in enumerate(items)}

    def drop(self, index: int) -> None:
        p = self._position[index]
        self._next[p] = p + 1

    def _find(self, p: int) -> int:
        root = p
        while self._next[root] != root:
            root = self._next[root]
        while self._next[p] != root:
            self._next[p], p = root, self._next[p]
        return root

    def __iter__(self) -> Iterator[int]:
        p = self._find(0)
        while p < len(self.items):
            yield self.items[p]
            p = self._find(p + 1)


def _near_prefix(short: str, long_: str) -> bool:
    if not short:
        return True
    if short.count(" ") < 2:
        # One or two words: inside another key only as whole words ("war" is not in "warns").
        if f" {short} " in f" {long_} ":
            return True
    elif long_.startswith(short) or short in long_:
        return True
    common = 0
    for a, b in zip(short, long_, strict=False):
        if a != b:
            break
        common += 1
    return common >= 40 and common >= 0.9 * len(short)
