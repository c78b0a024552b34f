"""Fuzz inputs for parsing: the project's own fixture dumps mutated, and generated text.

A Hypothesis strategy draws a small *plan* (which seed page, which mutations, how many
repeats) and `build` turns it into the page text, so shrinking works on the plan and a
failing input is reported as a short recipe. Seeds are `tests/fixtures/dumps/**/*.txt`
only (no real pages from outside the project).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import strategies as st

from articles.parsing.decode import decode_dump
from articles.parsing.records import ExtractionError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "dumps"
# Fuzz pages stay under this many characters: big enough for every quadratic path seen
# in issue 11 to show against the 2 s budget, small enough that a linear parse of the
# largest page (~2 ms/KB worst shape) stays far under it. Sizes up to the 5 MB import
# limit are measured by bench/parse_per_kb.py instead.
MAX_CHARS = 400_000

# Tokens that have made parsing slow or wrong somewhere: quote marks, sentence ends,
# abbreviations, speech cues, pronouns, comma lists, signatures, dashes, brackets.
HOSTILE = (
    '"', "“", "”", "‘", "’", "'", "...", "…", ". ", "!", "?", ".”", '."', "?”", "Mr. ", "Dr. ",
    "J. ", " he said", " she said", ", he said. ", "according to ", "signed ", " by ", " wrote ",
    " told reporters: ", "Mr Marsh", "Agnes Whitlow", "Lena Vogel's letter ", ", ", ",", ":",
    " — ", "–", "-", "(", ")", "[", "\n", "\n\n", "## ", "By ", "Published 16 March 2017",
    "Comments (3) Closed", "Sir, ", "Margaret Hale, Lowfield", "@", "http://x.example/a", "\t",
    "\u00a0", "\u2028", "É", "ß", "ﬁ", "İ", "0", "12:15am", "Feb 4, 2017", "said", "says",
    "The", "President", "former", "the", "of", "Jr", "van", "al-", "O'", "MARSH", "UPDATED: ",
)  # fmt: skip


@cache
def seed_pages() -> tuple[str, ...]:
    """The decoded fixture dumps (files that cannot be decoded are left out)."""
    pages = []
    for path in sorted(FIXTURES.rglob("*.txt")):
        try:
            pages.append(decode_dump(path.read_bytes()))
        except ExtractionError:
            continue
    return tuple(pages)


_SHUFFLE, _DUPLICATE, _SPLICE, _INSERT, _DELETE, _JOIN = range(6)

_mutation = st.tuples(
    st.integers(0, 5),  # kind
    st.integers(0, 10_000),  # where (modulo the line count / line length)
    st.integers(0, 10_000),  # what (another line, another seed, a token)
    st.sampled_from((1, 1, 1, 2, 3, 10, 50, 300, 2_000)),  # how many times
)
plans = st.one_of(
    st.tuples(st.just("mutate"), st.integers(0, 10_000), st.lists(_mutation, max_size=8)),
    st.tuples(
        st.just("generate"),
        st.integers(0, 10_000),
        st.lists(
            st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40)), min_size=1, max_size=60
        ),
    ),
)


def build(plan: tuple) -> str:
    """The page text a plan describes: `build(("mutate", 3, [(1, 5, 7, 10)]))` -> "https://…"."""
    kind, seed, steps = plan
    pages = seed_pages()
    page = pages[seed % len(pages)]
    if kind == "generate":
        # A real page head (URL, headline, byline, date) over a generated body.
        head = "\n\n".join(page.split("\n\n")[:4])
        return (head + "\n\n" + "".join(steps))[:MAX_CHARS]
    lines = page.split("\n")
    for op, where, what, times in steps:
        at = where % (len(lines) + 1)
        if op == _SHUFFLE:
            lines = lines[at:] + lines[:at]
            lines[::3] = reversed(lines[::3])
        elif op == _DUPLICATE and lines:
            lines[at:at] = [lines[what % len(lines)]] * times
        elif op == _SPLICE:
            other = pages[what % len(pages)].split("\n")
            lines = lines[:at] + other[where % (len(other) + 1) :]
        elif op == _INSERT and lines:
            line = lines[at % len(lines)]
            cut = what % (len(line) + 1)
            lines[at % len(lines)] = line[:cut] + HOSTILE[what % len(HOSTILE)] * times + line[cut:]
        elif op == _DELETE:
            del lines[at : at + times]
        elif op == _JOIN and lines:
            lines[at % len(lines) :] = [" ".join(lines[at % len(lines) :])]
        if sum(len(line) + 1 for line in lines) > MAX_CHARS:
            break
    return "\n".join(lines)[:MAX_CHARS]
