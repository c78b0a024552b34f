"""The extraction record: what parsing one dump file yields.

Pure data, no Django. Every parser module returns these frozen dataclasses;
`importing.py` turns an `ArticleRecord` into rows and `--dry-run --format json`
prints `ArticleRecord.to_json()` (key names fixed by docs/input-format.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


class ExtractionError(Exception):
    """A file that cannot become an article (empty, binary, not an article...).

    The message is the user-facing reason, e.g. "empty file" or
    "binary data (NUL bytes), not a text dump".
    """


@dataclass(frozen=True)
class OutletProfile:
    """What parsing knows of an outlet (built from the `Outlet` rows, or defaults).

    >>> OutletProfile(name="Dawn", domains=("dawn.com",), time_zone="Asia/Karachi")
    """

    name: str
    domains: tuple[str, ...] = ()
    time_zone: str = "UTC"
    signatures: tuple[str, ...] = ()  # lines whose presence identifies the outlet's pages


@dataclass(frozen=True)
class OutletGuess:
    name: str
    domain: str | None = None
    time_zone: str | None = None


@dataclass(frozen=True)
class ParsedPerson:
    name: str  # canonical full form found in the article, e.g. "Vladimir Putin"
    mentions: int


@dataclass(frozen=True)
class ParsedQuote:
    text: str  # without the quotation marks; paragraphs of one quote joined by "\n\n"
    speaker: str | None  # canonical name as in ArticleRecord.persons, or None when unsure
    cue: str | None = None  # "said", "wrote", "told"... or None
    paragraph: int | None = None  # index in ArticleRecord.body of the quote's first paragraph


@dataclass(frozen=True)
class ParsedComment:
    author: str | None  # None when anonymous
    posted: datetime | None  # aware datetime (outlet's zone), None when unknown
    text: str  # paragraphs joined by "\n\n"
    reply_to: int | None = None  # index of the replied-to comment in the comment list


@dataclass(frozen=True)
class ArticleRecord:
    source: str
    title: str
    url: str | None = None
    outlet: OutletGuess | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None  # aware
    updated: datetime | None = None  # aware
    standfirst: str | None = None
    body: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    persons: tuple[ParsedPerson, ...] = ()
    quotes: tuple[ParsedQuote, ...] = ()
    comments: tuple[ParsedComment, ...] = ()
    comments_declared: int | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    # Short headings inside the story ("Council to sue Brannock"): not body paragraphs, but
    # the article's own words, read for the people it names.
    crossheads: tuple[str, ...] = ()

    def to_json(self) -> dict:
        """The JSON-ready extraction record (keys of docs/input-format.md)."""
        return {
            "source": self.source,
            "status": "ok",
            "error": None,
            "url": self.url,
            "outlet": (
                {"name": self.outlet.name, "domain": self.outlet.domain} if self.outlet else None
            ),
            "title": self.title,
            "authors": list(self.authors),
            "published": _iso(self.published),
            "updated": _iso(self.updated),
            "standfirst": self.standfirst,
            "body": list(self.body),
            "tags": list(self.tags),
            "persons": [{"name": p.name, "mentions": p.mentions} for p in self.persons],
            "quotes": [
                {"speaker": q.speaker, "text": q.text, "cue": q.cue, "paragraph": q.paragraph}
                for q in self.quotes
            ],
            "comments": [
                {
                    "author": c.author,
                    "posted": _iso(c.posted),
                    "text": c.text,
                    "reply_to": c.reply_to,
                }
                for c in self.comments
            ],
            "comments_declared": self.comments_declared,
            "warnings": list(self.warnings),
        }


def failed_json(source: str, error: str) -> dict:
    """The extraction record of a file that failed: status "failed" plus the reason."""
    return {"source": source, "status": "failed", "error": error}


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
