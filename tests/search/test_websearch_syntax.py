"""websearch_to_tsquery syntax -> FTS5 MATCH (#15): pure, no database."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search.websearch import to_fts5


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("harbour bridge", '("harbour" AND "bridge")'),
        ('"harbour bridge"', '("harbour bridge")'),
        ("ferry -strike", '(("ferry") NOT "strike")'),
        ('ferry -"toll bridge"', '(("ferry") NOT "toll bridge")'),
        ("ferry OR bus", '("ferry") OR ("bus")'),
        ("ferry or bus", '("ferry") OR ("bus")'),
        ("the harbour", '("harbour")'),
        ("Łódź café", '("łódź" AND "café")'),
        ("C++ NEAR(a b) *:^", '("c" AND "near a" AND "b")'),
        ('unclosed "phrase here', '("unclosed" AND "phrase here")'),
        ("don't", '("don t")'),
    ],
)
def test_websearch_words_become_quoted_fts5_terms(typed, expected):
    assert to_fts5(typed) == expected


@pytest.mark.parametrize("typed", ["", "   ", "the", "-", '""', "OR", "!!! ???", "-ferry"])
def test_queries_without_a_positive_word_match_nothing(typed):
    assert to_fts5(typed) is None


@given(st.text(max_size=60))
def test_any_text_gives_nothing_or_quoted_terms_only(typed):
    """No typed character reaches FTS5 as syntax: outside double quotes only AND, OR,
    NOT and parentheses."""
    match = to_fts5(typed)
    if match is None:
        return
    outside = match.split('"')[0::2]
    assert all(set(part) <= set("()ANDOTR ") for part in outside), match
