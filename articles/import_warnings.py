"""Import warnings sorted into the kinds the admin's review queue filters by (#9).

Parsers write warnings as free text ("no publication date found", "unknown outlet
domain 'x.com': times read as UTC"); curators filter by a few stable kinds. Pure
Python, no Django: the importer stores `warning_kinds(...)` beside the texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# (kind, label, pattern). The first pattern that matches a warning names its kind;
# order matters: a comment's date warning is a comment problem, not the article's date.
KINDS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "decoding",
        "Fallback decoding or odd file name",
        re.compile(r"^(?:decoded as|file name is not valid UTF-8)\b", re.I),
    ),
    ("comments", "Comment problems", re.compile(r"^comment", re.I)),
    ("headline", "No headline", re.compile(r"\b(?:headline|title)\b", re.I)),
    ("no-date", "No date", re.compile(r"\bno (?:publication )?date\b", re.I)),
    ("date", "Doubtful date", re.compile(r"\bdate|day/month|time zone\b", re.I)),
    ("outlet", "Unknown outlet", re.compile(r"\boutlet\b", re.I)),
    ("speakerless", "Speakerless quotes", re.compile(r"\bwithout a speaker\b", re.I)),
    ("byline", "Byline problems", re.compile(r"\b(?:byline|author)", re.I)),
    ("body", "Body problems", re.compile(r"\b(?:body|paragraph)", re.I)),
)
OTHER = ("other", "Other")
CHOICES: tuple[tuple[str, str], ...] = (*((k, label) for k, label, _ in KINDS), OTHER)


def warning_kind(warning: str) -> str:
    """The kind of one warning: `warning_kind("no publication date found")` → "no-date"."""
    for kind, _label, pattern in KINDS:
        if pattern.search(warning):
            return kind
    return OTHER[0]


def warning_kinds(warnings: Iterable[str]) -> str:
    """The distinct kinds as one searchable string: `["no publication date found",
    "outlet not recognised (…)"]` → `" no-date outlet "` (spaces at both ends so a
    `contains=" no-date "` lookup works on every database)."""
    kinds = sorted({warning_kind(w) for w in warnings})
    return f" {' '.join(kinds)} " if kinds else ""


def speakerless_warning(count: int) -> str | None:
    """`speakerless_warning(2)` → "2 quotes without a speaker"; None for 0."""
    if count <= 0:
        return None
    return f"{count} quote{'s' if count != 1 else ''} without a speaker"
