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

import re
from collections.abc import Mapping, Sequence
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
    r"|would|will|\w+ly)\s+){0,3}"
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
_ACCORDING_END = re.compile(r"\baccording to\s+(?:[\w\-.’']+\s+){0,4}$", re.IGNORECASE)
_DOCUMENT = re.compile(
    r"\b(?:letter|message|note|statement|e-?mail|tweet|post|card|memo|telegram|column|op-ed)s?\b",
    re.IGNORECASE,
)
_SIGNED_END = re.compile(r"\b(?:signed|from|by)\s+(?:[\"“]\s*)?$", re.IGNORECASE)
_POSSESSIVE_DOCUMENT = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:letter|message|note|statement|e-?mail|tweet|post|card|memo)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*\s+")
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
        speaker, cue = context.attribute(span, done)
        done.append(_Attributed(span, speaker, cue))
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
    return spans


_OPEN_MARK = re.compile(r"“|(?<![^\W_])\"")
_CLOSE_MARK = re.compile(r"[”\"]")


def _find_open(text: str, pos: int) -> int | None:
    match = _OPEN_MARK.search(text, pos)
    return match.start() if match else None


def _find_close(text: str, pos: int) -> int | None:
    match = _CLOSE_MARK.search(text, pos)
    return match.start() if match else None


class _Context:
    """Everything attribution needs about the article: paragraphs, mentions, quote spans."""

    def __init__(self, body: Sequence[str], mentions: list[list[Mention]], spans: list[_Span]):
        self.body = body
        self.mentions = mentions
        self.inside: list[list[tuple[int, int]]] = [[] for _ in body]
        for span in spans:
            for p in range(span.first, span.last + 1):
                start = span.start if p == span.first else 0
                end = span.end if p == span.last else len(body[p])
                self.inside[p].append((start, end))
        self.gender: dict[str, str] = {}
        for row in mentions:
            for m in row:
                hint = m.gender or gender_hint(m.honorific)
                if hint and m.name and m.name not in self.gender:
                    self.gender[m.name] = hint

    # -- attribution -------------------------------------------------------------

    def attribute(self, span: _Span, done: list[_Attributed]) -> tuple[str | None, str | None]:
        if span.closed:
            found = self._from_tail(span)
            if found is not None:
                return found
        previous_here = [a for a in done if a.span.last == span.first and a.span.end <= span.start]
        paragraph = self.body[span.first]
        floor = previous_here[-1].span.end if previous_here else 0
        lead_start = _sentence_start(paragraph, span.start, floor)
        lead = paragraph[lead_start : span.start]
        if _HAS_LETTER.search(lead):
            return self._from_lead(span.first, lead_start, lead)
        if previous_here:
            return previous_here[-1].speaker, previous_here[-1].cue
        if lead_start > floor:  # '"Short," Doe said. "The quote…"': the sentence before
            before_start = _sentence_start(paragraph, lead_start - 1, floor)
            return self._from_lead(span.first, before_start, paragraph[before_start:lead_start])
        if lead_start == 0 and span.first > 0:
            return self._from_previous_paragraph(span.first - 1, done)
        return None, None

    def _from_tail(self, span: _Span) -> tuple[str | None, str | None] | None:
        paragraph = self.body[span.last]
        stop = _sentence_end(paragraph, span.end)
        nxt = _find_open(paragraph, span.end)
        if nxt is not None and nxt < stop:
            stop = nxt
        skip = _LEADING_PUNCT.match(paragraph, span.end).end()
        tail = paragraph[skip:stop]
        if not _HAS_LETTER.search(tail):
            return None
        here = [m for m in self.mentions[span.last] if skip <= m.start < stop]
        for m in here[:1]:
            chain = _TITLE_CHAIN.fullmatch(paragraph, skip, m.start)
            verb = _VERB_AFTER.match(paragraph, m.end, stop)
            if chain and verb and not m.possessive:
                return m.name, verb.group(1).lower()
        verb_first = re.match(rf"({_VERBS})\b", tail, re.IGNORECASE)
        if verb_first:
            cue = verb_first.group(1).lower()
            for m in here[:1]:
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
        here = [
            m
            for m in self.mentions[index]
            if lead_start <= m.start and m.end <= lead_end and not self._quoted(index, m)
        ]
        for m in here:
            if not m.possessive and _ACCORDING_END.search(paragraph, lead_start, m.start):
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
            after = [m for m in here if m.start >= verb.end()]
            if after and _TITLE_CHAIN.fullmatch(paragraph, verb.end(), after[0].start):
                return (None if after[0].possessive else after[0].name), cue
            return None, cue
        if _DOCUMENT.search(lead):
            all_here = [m for m in self.mentions[index] if lead_start <= m.start < lead_end]
            for m in all_here:
                if _SIGNED_END.search(paragraph, lead_start, m.start) or (
                    m.possessive and _POSSESSIVE_DOCUMENT.match(paragraph, m.end, lead_end)
                ):
                    return m.name, "wrote"
        return None, None

    def _from_previous_paragraph(
        self, index: int, done: list[_Attributed]
    ) -> tuple[str | None, str | None]:
        """A quote paragraph standing alone: the speaker is whoever the paragraph before quotes."""
        ending_there = [a for a in done if a.span.last == index]
        if ending_there and ending_there[-1].speaker is not None:
            last = ending_there[-1]
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
        first_end = _sentence_end(paragraph, 0)
        if (
            free
            and free[0].start < first_end
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
        """The person `he`/`she` points back to: the subject of the nearest sentence naming one."""
        wanted = "f" if pronoun.lower() == "she" else "m"
        for p in range(index, max(-1, index - 3), -1):
            paragraph = self.body[p]
            limit = pos if p == index else len(paragraph)
            mentions = [
                m
                for m in self.mentions[p]
                if m.end <= limit and not self._quoted(p, m) and not m.possessive
            ]
            bounds = _sentence_bounds(paragraph, limit)
            for start, end in reversed(bounds):
                subjects = [
                    m
                    for m in mentions
                    if start <= m.start < end
                    and self.gender.get(m.name, wanted) == wanted
                    and not _after_preposition(paragraph, start, m.start)
                ]
                if subjects:
                    return subjects[0].name
        return None

    def _quoted(self, index: int, m: Mention) -> bool:
        return any(start < m.start < end for start, end in self.inside[index])


def _closed_appositive_gap(text: str, m: Mention, verb_start: int) -> bool:
    """A name set off by commas right before its verb: "His daughter, Lena Vogel, said:"."""
    return (
        text[m.end : m.end + 1] == ","
        and text[: m.start].rstrip().endswith(",")
        and _SUBJECT_GAP.fullmatch(text, m.end + 1, verb_start) is not None
    )


def _after_preposition(text: str, sentence_start: int, pos: int) -> bool:
    """Whether the name at `pos` follows a preposition ("…released by Mr Trump")."""
    words = text[sentence_start:pos].split()
    while words and (
        words[-1][:1].isupper() or words[-1].lower() in ROLE_WORDS or words[-1] in _CHAIN_WORDS
    ):
        words.pop()  # the title chain: "by the former US President"
    return bool(words) and words[-1].lower().strip(",;:") in _PREPOSITION_WORDS


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


def _sentence_start(text: str, pos: int, floor: int) -> int:
    start = floor
    for match in _SENTENCE_END.finditer(text, floor, pos):
        if _ABBREVIATION.search(text, max(0, match.start() - 6), match.start() + 1):
            continue
        start = match.end()
    return start


def _sentence_end(text: str, pos: int) -> int:
    for match in _SENTENCE_END.finditer(text, pos):
        if _ABBREVIATION.search(text, max(0, match.start() - 6), match.start() + 1):
            continue
        return match.end()
    return len(text)


def _sentence_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, limit):
        if _ABBREVIATION.search(text, max(0, match.start() - 6), match.start() + 1):
            continue
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, limit))
    return bounds


def _dedupe(quotes: list[_Attributed]) -> list[_Attributed]:
    """Drop a quote repeated in the body (a pull quote): keep the fuller, attributed one."""
    keys = [_NORMALISE.sub(" ", q.span.text.lower()).strip() for q in quotes]
    dropped: set[int] = set()
    for i in range(len(quotes)):
        for j in range(len(quotes)):
            if i == j or i in dropped or j in dropped:
                continue
            short, long_ = keys[i], keys[j]
            if len(short) > len(long_) or (len(short) == len(long_) and i < j):
                continue
            if _near_prefix(short, long_):
                dropped.add(i)
                if quotes[i].speaker and not quotes[j].speaker:
                    quotes[j].speaker, quotes[j].cue = quotes[i].speaker, quotes[i].cue
    return [q for k, q in enumerate(quotes) if k not in dropped]


def _near_prefix(short: str, long_: str) -> bool:
    if not short:
        return True
    if long_.startswith(short) or short in long_:
        return True
    common = 0
    for a, b in zip(short, long_, strict=False):
        if a != b:
            break
        common += 1
    return common >= 40 and common >= 0.9 * len(short)
