"""One dump file in, one extraction record out: the parsing pipeline's front door.

Wires the page layout parser (`layout.parse_page`) to people and quote finding
(`people.find_people`, `quotes.find_quotes`). Pure Python: no Django.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from .decode import DEFAULT_MAX_BYTES, read_decoded
from .layout import parse_page
from .people import find_people
from .quotes import find_quotes
from .records import ArticleRecord, ExtractionError, OutletProfile, ParsedPerson, ParsedQuote
from .time_budget import time_budget
from .transcripts import find_transcript_turns

DEFAULT_TIME_LIMIT = 10.0  # seconds of parsing per file before it is stopped (#11)


@dataclasses.dataclass(frozen=True)
class ExtractionSettings:
    """Everything parsing needs from the outside world, as plain data (picklable for workers)."""

    outlets: tuple[OutletProfile, ...] = ()
    forced_outlet: str | None = None
    aliases: Mapping[str, str] = dataclasses.field(default_factory=dict)  # alias -> canonical name
    not_people: Collection[str] = ()  # names curators marked as not a person
    max_bytes: int = DEFAULT_MAX_BYTES
    time_limit: float | None = DEFAULT_TIME_LIMIT  # None or 0: no limit


def extract_text(
    text: str,
    *,
    source: str,
    settings: ExtractionSettings,
    decode_warnings: Sequence[str] = (),
) -> ArticleRecord:
    """Parse a decoded dump: `extract_text("## Title\\n\\nBody…", source="a.txt", settings=s)`.

    `decode_warnings` (what decoding had to do, see `decode.Decoded`) open the record's warnings.
    A parse longer than `settings.time_limit` raises `ParseTimeout` (an `ExtractionError`).
    """
    with time_budget(settings.time_limit):
        record = parse_page(
            text, source=source, outlets=settings.outlets, forced_outlet=settings.forced_outlet
        )
        persons, quotes = find_people_and_quotes(
            record.title,
            record.body,
            authors=record.authors,
            settings=settings,
            crossheads=record.crossheads,
        )
    return dataclasses.replace(
        record,
        persons=persons,
        quotes=quotes,
        warnings=(*decode_warnings, *record.warnings),
    )


def find_people_and_quotes(
    title: str,
    body: Sequence[str],
    *,
    authors: Sequence[str],
    settings: ExtractionSettings,
    crossheads: Sequence[str] = (),
) -> tuple[tuple[ParsedPerson, ...], tuple[ParsedQuote, ...]]:
    """The people an article mentions (its authors excluded) and its quotes with speakers."""
    persons = find_people(
        title,
        [*body, *crossheads],
        exclude=[a for a in authors if not named_in_prose(a, body)],
        aliases=settings.aliases,
        not_people=settings.not_people,
    )
    quotes = find_quotes(body, persons, aliases=settings.aliases)
    turns = find_transcript_turns(body, persons)
    if turns:
        # A transcript's turns are its quotes; quotation marks inside a turn are not more.
        first_turn = min(turn.paragraph for turn in turns)
        kept = [q for q in quotes if q.paragraph is None or q.paragraph < first_turn]
        quotes = tuple(sorted([*kept, *turns], key=lambda q: q.paragraph or 0))
    return persons, quotes


def named_in_prose(name: str, body: Sequence[str]) -> bool:
    """Whether the body names ``name`` in a sentence of its own, not in a credit: the
    reporter who is also in the story ("Radio Harbour's Ada Finch was there") is one of
    its people; "Photo by Ada Finch" or "Reporting by Ada Finch" is only a credit."""
    if len(name.split()) < 2:
        return False
    for paragraph in body:
        at = paragraph.find(name)
        if at == -1:
            continue
        long_enough = len(paragraph.split(None, 5)) >= 6  # six words at least
        while at != -1:
            # The word before, from a short window: splitting all the text before each
            # mention was quadratic on a paragraph of repeated credits (issue 11).
            before = paragraph[max(0, at - 40) : at].split()
            if before:
                credit = before[-1].casefold().rstrip(":") in _CREDIT_WORDS
            else:
                credit = not paragraph[:at].strip()  # the paragraph opens with the name
            if not credit and long_enough:
                return True
            at = paragraph.find(name, at + len(name))
    return False


_CREDIT_WORDS = frozenset(("by", "©", "(c)", "credit", "photo", "photos", "picture", "reporting"))


def extract_file(path: str | Path, *, settings: ExtractionSettings) -> ArticleRecord:
    """Read, decode and parse one dump file; raises `ExtractionError` with the reason."""
    decoded = read_decoded(path, max_bytes=settings.max_bytes)
    return extract_text(
        decoded.text, source=str(path), settings=settings, decode_warnings=decoded.warnings
    )


@dataclasses.dataclass(frozen=True)
class PreparedDump:
    """A dump read, hashed and parsed, ready to store (what a worker process returns)."""

    source: str
    content_hash: str | None = None
    record: ArticleRecord | None = None
    error: str | None = None


def content_hash(text: str) -> str:
    """SHA-256 of the decoded text: the import's "unchanged" key."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def prepare_dump(path: str, settings: ExtractionSettings) -> PreparedDump:
    """Read + hash + parse one file; bad input gives `error`, never an exception.

    Pure and picklable, so `import_articles --workers N` runs it in fresh processes.
    """
    try:
        decoded = read_decoded(path, max_bytes=settings.max_bytes)
        return PreparedDump(
            source=path,
            content_hash=content_hash(decoded.text),
            record=extract_text(
                decoded.text, source=path, settings=settings, decode_warnings=decoded.warnings
            ),
        )
    except ExtractionError as exc:
        return PreparedDump(source=path, error=str(exc))
    except (OSError, UnicodeError) as exc:
        return PreparedDump(source=path, error=f"cannot read file: {exc}")
