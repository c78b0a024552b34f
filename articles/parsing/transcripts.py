"""Transcript turns as quotes: ``NAME: words`` or a ``NAME:`` line over the words (issue 10).

A broadcast or interview transcript marks each turn with its speaker, with or without
quotation marks::

    RICHARD QUEST, HOST, QUEST MEANS BUSINESS: Tonight, …     (full name and roles, shouted)
    QUEST: And if you hadn't got this, …                        (surname only afterwards)
    Amol Rajan: ‘What is the plan?’   …   AR: ‘That won't …’    (initials afterwards)
    Jim Chalmers:                                               (a label line over the words)
    Well, there's not a unanimous view …

A page counts as a transcript only when it repeats the shape (two turns or more), so a
lone ``Subjects: inflation`` line or an epigraph is never read as one. Each turn of more
than four words is a quote; its speaker is the label resolved to a person of the article
(full name, surname, or initials of a name met before), else the label itself when it is a
full name, else None. Stage directions (``(BEGIN VIDEO CLIP)``) end a turn.
Pure Python: no Django.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .bylines import normalise_name
from .names import name_key, surname
from .records import ParsedPerson, ParsedQuote

_LABEL_RE = re.compile(
    r"^(?P<label>(?:[A-Z][\w'’.-]*)(?: [A-Z][\w'’.-]*){0,3})"
    r"(?P<roles>(?:, [A-Z][A-Za-z'’ &.-]{1,40}){0,3})"
    r"(?: \((?P<aside>[a-z][\w ]{0,20})\))?:\s*(?P<text>.*)$",
    re.DOTALL,
)
_STAGE_RE = re.compile(r"^\((?:begin|end|crosstalk|laughter|applause|commercial)[^)]*\)$", re.I)
_OPENERS = "‘“'\""
_CLOSERS = "’”'\""
_MIN_WORDS = 5
# Words that end a label-shaped prefix which is not a speaker ("Subjects: …", "Note: …").
_NOT_SPEAKERS = frozenset(
    (
        "note", "subjects", "subject", "topics", "update", "updates", "editor", "source",
        "sources", "photo", "caption", "warning", "read", "more", "related", "transcript", "tags",
    )
)  # fmt: skip


def find_transcript_turns(
    body: Sequence[str], persons: Sequence[ParsedPerson]
) -> list[ParsedQuote]:
    """The turns of a transcript in ``body`` as quotes, or [] when the body is not one.

    >>> [q.speaker for q in find_transcript_turns(
    ...     ["ANA RUIZ, HOST: Welcome back to the show.", "Tom Hale: Thanks for having me."], [])]
    ['Ana Ruiz', 'Tom Hale']
    """
    starts = [_label(p) for p in body]
    if sum(1 for s in starts if s is not None) < 2:
        return []
    names = _Resolver([p.name for p in persons])
    quotes: list[ParsedQuote] = []
    i = 0
    while i < len(body):
        found = starts[i]
        if found is None:
            i += 1
            continue
        label, text = found
        speaker = names.resolve(label)
        first = i
        parts = [text] if text else []
        i += 1
        # A turn runs on over the paragraphs below it until the next label or a stage
        # direction ("(BEGIN VIDEO CLIP)").
        while i < len(body) and starts[i] is None and not _STAGE_RE.match(body[i].strip()):
            parts.append(body[i])
            i += 1
        words = " ".join(parts).split()
        if len(words) >= _MIN_WORDS:
            spoken = "\n\n".join(_unquote(p) for p in parts if p.strip())
            quotes.append(ParsedQuote(spoken, speaker, cue="transcript", paragraph=first))
    return quotes


def _label(paragraph: str) -> tuple[str, str] | None:
    """(label, words after it) when the paragraph opens with a speaker label."""
    if ":" not in paragraph[:160]:
        return None
    text = paragraph.strip()
    if ":" not in text[:120]:
        return None
    match = _LABEL_RE.match(text)
    if match is None:
        return None
    label = match.group("label")
    words = label.split()
    if words[0].casefold() in _NOT_SPEAKERS or label.casefold() in _NOT_SPEAKERS:
        return None
    initials = len(words) == 1 and 2 <= len(label) <= 3 and label.isupper()
    shouted = label.isupper()
    if not (initials or shouted or len(words) >= 2):
        return None
    if len(words) == 1 and not (initials or shouted):
        return None
    return label, match.group("text").strip()


class _Resolver:
    """Labels to names: full names first, then surnames and initials of names met before."""

    def __init__(self, persons: Sequence[str]):
        self.known: list[str] = list(persons)

    def resolve(self, label: str) -> str | None:
        display = _display(label)
        key = name_key(display)
        for name in self.known:
            if name_key(name) == key:
                return name
        words = display.split()
        if len(words) >= 2:
            self.known.append(display)
            return display
        if len(label) <= 3 and label.isupper():
            fits = [n for n in self.known if _initials(n) == label]
        else:
            fits = [n for n in self.known if name_key(surname(n)) == key]
        unique = list(dict.fromkeys(fits))
        return unique[0] if len(unique) == 1 else None


def _display(label: str) -> str:
    """``WILLA BAY`` → ``Willa Bay``; initials (``AR``) stay as printed."""
    return label if len(label) <= 3 else normalise_name(label)


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[:1].isupper())


def _unquote(text: str) -> str:
    text = text.strip()
    if text[:1] in _OPENERS:
        text = text[1:]
        if text[-1:] in _CLOSERS:
            text = text[:-1]
    return text.strip()
