"""Why a page was read as it was: every line of a dump with the role parsing gave it.

``import_articles --dry-run --explain FILE`` prints this (issue 9), so anyone can see which
line became the headline, the byline, the body, a comment header or furniture.
Pure Python: no Django.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .decode import read_decoded
from .layout import parse_page
from .records import ArticleRecord, ExtractionError, OutletProfile

_WIDTH = 100


@dataclass(frozen=True)
class ExplainedLine:
    number: int  # 1-based line number in the dump
    role: str  # "headline", "byline/date", "body", "comment header (headed thread)", ...
    text: str


def explain_text(
    text: str, *, outlets: Sequence[OutletProfile], forced_outlet: str | None = None
) -> tuple[ArticleRecord | None, list[ExplainedLine], str | None]:
    """The record (None when refused), each non-blank line with its role, and the error."""
    roles: dict[int, str] = {}
    record = None
    error = None
    try:
        record = parse_page(
            text, source="-", outlets=outlets, forced_outlet=forced_outlet, explain=roles
        )
    except ExtractionError as exc:
        error = str(exc)
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    explained = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        role = roles.get(i)
        if role is None:
            role = "url" if i == first and record is not None and record.url else "unused"
        explained.append(ExplainedLine(i + 1, role, line.strip()))
    return record, explained, error


def explain_file(
    path: str, *, outlets: Sequence[OutletProfile], max_bytes: int, forced_outlet: str | None = None
) -> list[str]:
    """Printable lines: one per dump line (``  12 headline        | Ferry slip to close``),
    then what was read."""
    decoded = read_decoded(path, max_bytes=max_bytes)
    record, explained, error = explain_text(
        decoded.text, outlets=outlets, forced_outlet=forced_outlet
    )
    width = max((len(e.role) for e in explained), default=10)
    out = [f"== {path}"]
    for entry in explained:
        text = entry.text if len(entry.text) <= _WIDTH else entry.text[: _WIDTH - 1] + "…"
        out.append(f"{entry.number:>5} {entry.role:<{width}} | {text}")
    if record is None:
        out.append(f"-- refused: {error}")
        return out
    out.append(f"-- title: {record.title!r}")
    out.append(f"-- outlet: {record.outlet.name if record.outlet else None}")
    out.append(f"-- authors: {', '.join(record.authors) or '-'}")
    out.append(f"-- published: {record.published.isoformat() if record.published else '-'}")
    out.append(f"-- body: {len(record.body)} paragraphs; comments: {len(record.comments)}")
    for warning in (*decoded.warnings, *record.warnings):
        out.append(f"-- warning: {warning}")
    return out
