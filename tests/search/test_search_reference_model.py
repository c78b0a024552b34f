"""A property test of search (#15): random websearch strings (words in any case, trailing
punctuation, unicode, "phrases", -negation, OR) find exactly the articles, and the quotes,
that a small pure-Python model of `websearch_to_tsquery` finds over the same fictional
corpus. The suite runs once per database, so this pins SQLite and PostgreSQL to the same
model, hence to each other; where the README documents a difference (a group of only
excluded words), the model says which database does what.

The model knows nothing of FTS5 or tsquery: it reads the query from the structure the
strategy generated, and each document as its words in order, each word reduced to its
stem class (the forms below stem alike under both Porter and Snowball; checked by hand
with `to_tsvector` and `fts5vocab`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article, Quote
from search.expressions import text_search
from search.fts import QUOTES
from tests import factories

# stem class -> the surface forms a query or a document may use
FORMS = {
    "harbour": ["harbour", "harbours"],
    "ferry": ["ferry", "ferries"],
    "bridge": ["bridge", "bridges"],
    "storm": ["storm", "storms"],
    "minister": ["minister", "ministers"],
    "café": ["café", "cafés"],
    "łódź": ["Łódź"],
    "quay": ["quay", "quays"],
    "tide": ["tide", "tides"],
    "lantern": ["lantern", "lanterns"],
}
STEM = {form.lower(): stem for stem, forms in FORMS.items() for form in forms}
STOP = {"the", "of", "and", "at", "a", "by", "on"}  # in both databases' English stop lists

CORPUS = [
    "The ferry left the harbour at dawn.",
    "Storms closed the bridge; ferries waited by the quay.",
    "The minister opened a café on the quay.",
    "Harbour bridge lanterns were lit at the tide.",
    "A storm of protest met the minister in Łódź.",
    "Cafés by the harbours served ferry crews.",
    "The tide turned, and the lantern of the bridge went dark.",
    "Ministers met at the harbour bridge on the quays.",
    "Nothing happened on the tides of Łódź, said the lantern keeper.",
    "Bridges, ferries, storms: the harbour minister's week.",
    "A quiet quay.",
    "The café lantern glowed; ferry bridge harbour.",
]


@dataclass(frozen=True)
class Term:
    stems: tuple[str, ...]  # one word, or a phrase's words
    negated: bool
    text: str  # as typed


def _words(text: str) -> list[str]:
    return [STEM.get(w.lower(), w.lower()) for w in re.findall(r"\w+", text)]


def _has(document: list[str], stems: tuple[str, ...]) -> bool:
    n = len(stems)
    return any(tuple(document[i : i + n]) == stems for i in range(len(document) - n + 1))


def model(groups: list[list[Term]], vendor: str) -> set[int]:
    """Indexes of CORPUS the websearch `groups` (OR of AND-groups) find."""
    documents = [_words(text) for text in CORPUS]
    found: set[int] = set()
    for group in groups:
        terms = [t for t in group if not all(s in STOP for s in t.stems)]
        wanted = [t for t in terms if not t.negated]
        excluded = [t for t in terms if t.negated]
        if not terms or (not wanted and vendor == "sqlite"):
            # README "Search": a group of only excluded words finds nothing on SQLite;
            # on PostgreSQL it finds every article without them.
            continue
        for i, doc in enumerate(documents):
            if all(_has(doc, t.stems) for t in wanted) and not any(
                _has(doc, t.stems) for t in excluded
            ):
                found.add(i)
    return found


def _case(text: str, how: str) -> str:
    return {"lower": text.lower(), "title": text.title(), "upper": text.upper()}.get(how, text)


word_text = st.tuples(
    st.sampled_from(sorted({f for forms in FORMS.values() for f in forms} | STOP)),
    st.sampled_from(["as is", "lower", "title", "upper"]),
    st.sampled_from(["", "", ",", "!", "?", "."]),
).map(lambda t: _case(t[0], t[1]) + t[2])


@st.composite
def terms(draw) -> Term:
    negated = draw(st.booleans()) and draw(st.booleans())  # one in four
    if draw(st.integers(0, 3)) == 0:
        words = draw(st.lists(word_text, min_size=2, max_size=3))
        words = [w for w in words if w.rstrip(",!?.").lower() not in STOP] or ["harbour", "bridge"]
        separator = draw(st.sampled_from([" ", ", "]))
        inner = separator.join(w.rstrip(",!?.") for w in words)
        text = f'"{inner}"'
        stems = tuple(_words(inner))
    else:
        text = draw(word_text)
        stems = tuple(_words(text))
    return Term(stems, negated, ("-" if negated else "") + text)


queries = st.lists(st.lists(terms(), min_size=1, max_size=3), min_size=1, max_size=3)


def render(groups: list[list[Term]]) -> str:
    return " OR ".join(" ".join(t.text for t in group) for group in groups)


@pytest.fixture
def corpus(gazette, amelia):
    articles, quotes = [], []
    for i, text in enumerate(CORPUS):
        article = factories.make_article(f"Report {i}", outlet=gazette, body=text)
        articles.append(article.pk)
        quotes.append(factories.make_quote(article, text, amelia).pk)
    return articles, quotes


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(groups=queries)
def test_search_finds_what_the_reference_model_finds(corpus, groups):
    article_ids, quote_ids = corpus
    q = render(groups)
    expected = model(groups, connection.vendor)
    found = set(Article.objects.search(q).values_list("pk", flat=True))
    assert found == {article_ids[i] for i in expected}, q
    quotes = set(text_search(Quote.objects.all(), q, QUOTES).values_list("pk", flat=True))
    assert quotes == {quote_ids[i] for i in expected}, q


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("ferries", {0, 1, 5, 9, 11}),
        ('"harbour bridge"', {3, 7}),
        ('"bridge harbour"', {11}),
        ("LANTERN -tide", {11}),
        ("łódź OR café", {2, 4, 5, 8, 11}),
        ('"ferry bridge" OR quays', {1, 2, 7, 10, 11}),
    ],
)
def test_the_model_reads_hand_checked_cases_and_so_does_the_database(corpus, q, expected):
    """The model itself, checked on cases worked out by hand, then the database."""
    groups = [
        [
            Term(tuple(_words(part.lstrip("-"))), part.startswith("-"), part)
            for part in re.findall(r'-?"[^"]*"|\S+', group)
        ]
        for group in q.split(" OR ")
    ]
    assert model(groups, connection.vendor) == expected
    found = set(Article.objects.search(q).values_list("pk", flat=True))
    assert found == {corpus[0][i] for i in expected}
