"""PostgreSQL's `websearch_to_tsquery` syntax, translated to an SQLite FTS5 MATCH (#15).

Pure Python, no Django. What a reader types means the same on both databases:

| typed | PostgreSQL | FTS5 |
|---|---|---|
| `harbour bridge` | both words | `"harbour" AND "bridge"` |
| `"harbour bridge"` | the phrase | `"harbour bridge"` |
| `ferry -strike` | ferry, not strike | `"ferry" NOT "strike"` |
| `ferry OR bus` | either | `"ferry" OR "bus"` |

Every word reaches FTS5 inside double quotes, so nothing typed (`*`, `:`, `(`, `NEAR`,
`AND`) is ever read as FTS5 syntax. English stop words are dropped like PostgreSQL's
`english` configuration drops them; a query left with no word matches nothing, as on
PostgreSQL. A group of only excluded words (`-strike` alone) matches nothing here
(PostgreSQL would list every article without the word): README "Search".
"""

from __future__ import annotations

import re

# PostgreSQL's english.stop (Snowball), which `to_tsvector('english', …)` leaves out.
_STOP_TEXT = """i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what which
    who whom this that these those am is are was were be been being have has had having do
    does did doing a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t can will just
    don should now"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r'"([^"]*)"?|(\S+?)(?=\s|"|$)')


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _quoted(words: list[str]) -> str:
    return '"' + " ".join(words) + '"'  # \w+ words hold no double quote


def _groups(text: str) -> list[tuple[list[list[str]], list[list[str]]]]:
    """The OR-groups of `text`, each (wanted terms, excluded terms), a term being its words."""
    groups: list[tuple[list[list[str]], list[list[str]]]] = [([], [])]
    for match in _TOKEN.finditer(text or ""):
        phrase, bare = match.group(1), match.group(2)
        start = match.start()
        negated = start > 0 and text[start - 1] == "-" and (start < 2 or text[start - 2].isspace())
        if bare is not None:
            if bare.lower() == "or":
                if groups[-1][0] or groups[-1][1]:
                    groups.append(([], []))
                continue
            negated = bare.startswith("-")
            bare = bare.lstrip("-")
            words = _words(bare)
            if len(words) == 1 and words[0] in STOP_WORDS:
                continue
        else:
            words = _words(phrase)
            if all(w in STOP_WORDS for w in words):
                continue
        if not words:
            continue
        groups[-1][1 if negated else 0].append(words)
    return groups


def to_fts5(text: str) -> str | None:
    """The FTS5 MATCH expression for websearch-style `text`, or None to match nothing.

    `'"harbour bridge" -toll OR ferry'` -> `'("harbour bridge" NOT "toll") OR ("ferry")'`
    """
    parts = []
    for positives, negatives in _groups(text):
        if not positives:
            continue
        expression = " AND ".join(_quoted(words) for words in positives)
        for negative in negatives:
            expression = f"({expression}) NOT {_quoted(negative)}"
        parts.append(f"({expression})")
    return " OR ".join(parts) if parts else None


def wanted_terms(text: str) -> str | None:
    """The words and phrases `text` asks for, without the excluded ones, as one websearch
    query of alternatives (what a page highlights), or None when it asks for nothing.

    `'"harbour bridge" ferry -strike'` -> `'"harbour bridge" OR "ferry"'`
    """
    terms = [_quoted(words) for positives, _ in _groups(text) for words in positives]
    return " OR ".join(dict.fromkeys(terms)) or None
