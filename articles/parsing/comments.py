"""Reader comments: the section heading, each comment's header, text and reply link.

Header shapes: ``KH Nov 21, 2016 09:58am``, ``on Nov 21, 2016 09:47am`` (anonymous),
``dazel21Sep. 16, 13 7:07 PM`` (name glued to the date), ``Posted by Ana Ruiz on 16 March 2017``,
and ``Ana Ruiz says:`` followed by a date line. A comment is every paragraph up to the
next header; ``@Name`` / ``@Name:`` at its start points at that author's latest earlier comment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from .dates import DateMatch, search_date
from .records import ParsedComment

_HEADING_RES = (
    # "Comments (22) Closed", "Comments: 4", "## Reader comments", "COMMENTS"
    re.compile(
        r"^(?:#+\s*)?(?:(?:reader(?:s['’]?)?\s+|user\s+|your\s+)?comments?"
        r"|(?:reader(?:['’]?s['’]?)?|user|your)\s+(?:opinions?|views|reactions?|responses?))"
        r"\s*(?:\((?P<n>\d+)\)|:\s*(?P<n2>\d+))?(?:\s*[-–|]?\s*(?:closed|open))?\s*:?$",
        re.IGNORECASE,
    ),
    # "22 Comments", "3 Responses to “Title”", "5 thoughts on “Title”"
    re.compile(
        r"^(?:#+\s*)?(?P<n>\d+)\s+(?:comments?|responses?|replies|thoughts?)\b.{0,200}$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:#+\s*)?(?:one|no)\s+(?:comments?|responses?|thoughts?)\b.{0,200}$", re.IGNORECASE
    ),
    re.compile(r"^(?:#+\s*)?(?:join the )?(?:discussion|conversation)\s*:?$", re.IGNORECASE),
)
_ANONYMOUS_RE = re.compile(r"^(?:posted\s+|written\s+)?(?:on|at)\s+", re.IGNORECASE)
_NAME_CUE_RE = re.compile(
    r"^(?P<name>.{1,50}?)\s+(?:says|said|wrote|writes|commented|replied)\s*(?::|\.{2,4}|…)?\s*$",
    re.IGNORECASE,
)
# "Danny replying to a comment from Bob Forde", "Ann in reply to Bo": a reply in the header.
_REPLYING_RE = re.compile(
    r"^(?P<name>.{1,50}?)\s+(?:replying|in\s+reply|replied)\s+to\s+"
    r"(?:(?:a|the)\s+comment\s+(?:from|by)\s+)?(?P<to>.{1,50})$",
    re.IGNORECASE,
)
# "NANA ( New York )", "Ann Bo (Leeds)": a commenter's place after the name.
_PLACE_SUFFIX_RE = re.compile(r"\s*\(\s*[^()]{1,40}\s*\)\s*$")
# Form-table labels around a header's parts: "Posted by: | Ann Bo | |", "Date/Time: | …".
_TABLE_LABEL_RE = re.compile(
    r"^\s*(?:(?:posted|written|submitted)\s+by|author|name|from|date(?:\s*/\s*time)?|time)"
    r"\s*:\s*",
    re.IGNORECASE,
)
CUE_WORDS = ("says", "said", "wrote", "writes", "commented", "replied")
_LEAD_CUE_RE = re.compile(r"^(?:posted|written|submitted|comment)?\s*by\s+", re.IGNORECASE)
# A comment's running number before its header: "#3 Posted by Nell Drury, 03/03/2018 20:05".
_NUMBER_RE = re.compile(r"^(?:#|no\.\s*)\d{1,5}\b[.:)]?\s*|^\d{1,4}[.)]\s+", re.IGNORECASE)
# A date printed under the comment text: "(Posted on 3.3.2018 at 22:12)".
_TRAILING_DATE_RE = re.compile(
    r"^[(\[]?\s*(?:(?:posted|written|submitted|sent)\s*)?(?:(?:on|at)\s+)?:?\s*$", re.IGNORECASE
)
_TRAILING_END_RE = re.compile(r"^\s*[)\]]?\s*$")
_NAME_TAIL_RE = re.compile(
    r"(?:\s*[|,·•\-–—/]\s*|\s+(?:on|at|posted|wrote|says|said)\s*:?)+$", re.IGNORECASE
)
_HEADER_TAIL_RE = re.compile(
    r"^\s*(?:[|·•\-–—]\s*)?(?:reply|permalink|report|said|says|wrote|#\d+)?\s*:?\s*$",
    re.IGNORECASE,
)
_TAIL_WORDS = ("reply", "permalink", "report", "said", "says", "wrote")
_TAIL_PUNCT = " :|·•-–—"
_DATE_ENDINGS = ("am", "pm", "a.m.", "p.m.", "a.m", "p.m", "utc", "gmt", "bst", "cet", "cest")
_DATE_ENDINGS += ("est", "edt", "cdt", "mst", "mdt", "pst", "pdt", "pkt", "z")
_DATE_ENDINGS += (" et", " ct", " mt", " pt")
_FURNITURE_RE = re.compile(
    r"^(?:reply|report(?: abuse| comment)?|flag|share|like|permalink|recommend(?:ed)?"
    r"|\d+\s+(?:likes?|replies|points?|recommendations?)"
    r"|(?:load|show|view|see)\s+(?:more|all|older|newer)\b.*"
    r"|(?:post|leave|add|write)\s+a\s+(?:comment|reply)\b.*|comments are closed\.?"
    r"|reply\s*delete|login to (?:comment|leave a comment|reply)|log in to (?:comment|reply))$",
    re.IGNORECASE,
)
_REPLY_RE = re.compile(r"^@\s?(?P<rest>\S.*)", re.DOTALL)
_CLOSING_RE = re.compile(
    r"^(?:(?:post|leave|add|write)\s+a\s+(?:comment|reply)\b.*|comments are closed\.?"
    r"|log\s?in to (?:comment|leave a comment|reply))$",
    re.IGNORECASE,
)
_DATE_LEADS = ("", "posted", "posted on", "posted at", "on", "at", "written on", "submitted on")
_FUNCTION_WORDS = {"on", "at", "by", "from", "in", "written", "posted", "the", "and"}
# First three letters a date line can open with: weekdays, months, posted/written/submitted.
_DATE_OPENERS = frozenset(
    (
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may",
        "jun", "jul", "aug", "sep", "oct", "nov", "dec", "pos", "wri", "sub",
    )
)  # fmt: skip
_CLOCK_RE = re.compile(r"\d{1,2}:\d{2}")
_CALENDAR_WORDS = {
    "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs",
    "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday", "today", "yesterday",
    "posted", "updated", "published", "date", "time", "date/time", "aired", "broadcast",
    "filed", "created", "modified", "edited",
}  # fmt: skip
_STATUS_RE = re.compile(
    r"\s*\([a-z][a-z ]{2,20}\)(?:\s*[-–]\s*[a-z]{3,12})?$|\s+[-–]\s+[a-z]{3,12}$"
)
_INITIAL_END_RE = re.compile(r"(?:^|\s|\.)[A-Z]\.$")
# Placeholder names outlets print for readers who gave none.
ANONYMOUS_NAMES = {
    "anonymous", "anon", "guest", "unknown", "a reader", "reader", "visitor", "name withheld",
}  # fmt: skip
_BUTTON_WORDS = {"context", "parent", "link", "edit", "delete", "quote", "thread", "top"}
_MAX_HEADER = (
    110  # header lines are short; longer lines are comment text (and skip the date search)
)


@dataclass
class _Draft:
    author: str | None
    posted: datetime | None
    paragraphs: list[str] = field(default_factory=list)
    waiting_for_date: bool = False
    date_may_trail: bool = False  # a "Name wrote:" header with no date line under it
    closed: bool = False  # a reply form followed its text: later lines are not its text


def find_comments_heading(lines: Sequence[str], start: int = 0) -> tuple[int, int | None] | None:
    """Index of the comments heading line at or after ``start`` and the count it declares.

    >>> find_comments_heading(["Body.", "Comments (22) Closed"])
    (1, 22)
    """
    for index in range(start, len(lines)):
        raw = lines[index]
        if not raw or len(raw) > 220 and len(raw.strip()) > 220:
            continue  # a paragraph (this runs on every line of every page)
        line = raw.strip()
        if not line or len(line) > 220 or line[-1:] in ".!?" and not line.endswith("…"):
            continue
        for pattern in _HEADING_RES:
            match = pattern.match(line)
            if match is not None:
                count = match.groupdict().get("n") or match.groupdict().get("n2")
                if count is None and line.lower().startswith(("one ", "# one")):
                    count = "1"
                if count is None and line.lower().startswith("no "):
                    count = "0"
                return index, int(count) if count is not None else None
    return None


def parse_comments(
    lines: Sequence[str], zone: str | None, *, declared: int | None = None
) -> tuple[tuple[ParsedComment, ...], list[str]]:
    """Comments from the lines after the heading, plus warnings.

    >>> parse_comments(["KH Nov 21, 2016 09:58am", "", "Good move."], "Asia/Karachi")[0][0].author
    'KH'
    """
    warnings: list[str] = []
    drafts: list[_Draft] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        current = drafts[-1] if drafts else None
        if current is not None and current.waiting_for_date:
            found = search_date(line, zone) if len(line) <= _MAX_HEADER else None
            if found is not None and found.start <= 4 and _HEADER_TAIL_RE.match(line[found.end :]):
                current.posted = found.value
                current.waiting_for_date = False
                if found.warning:
                    warnings.append(f"comment {len(drafts)}: {found.warning}")
                continue
            current.waiting_for_date = False
            current.date_may_trail = True
        if current is not None and current.date_may_trail and current.paragraphs:
            found = _trailing_date(line, zone)
            if found is not None:
                current.posted = found.value
                current.date_may_trail = False
                if found.warning:
                    warnings.append(f"comment {len(drafts)}: {found.warning}")
                continue
        header = _header(line, zone, warnings, len(drafts) + 1)
        if header is not None:
            drafts.append(header)
            continue
        if current is None or current.closed:
            continue
        if _FURNITURE_RE.match(line):
            # After a comment's text, a "Leave a reply" form or the like closes the thread
            # for good: what follows until another header is the page's own furniture.
            current.closed = bool(current.paragraphs) and bool(_CLOSING_RE.match(line))
            continue
        current.paragraphs.append(line)

    comments: list[ParsedComment] = []
    for draft in drafts:
        if not draft.paragraphs:
            warnings.append(f"comment header without text skipped: {draft.author or 'anonymous'}")
            continue
        text = "\n\n".join(draft.paragraphs)
        comments.append(ParsedComment(draft.author, draft.posted, text, _reply_to(text, comments)))
    if declared is not None and declared != len(comments):
        warnings.append(f"comments: page declares {declared}, found {len(comments)}")
    return tuple(comments), warnings


def comment_header(
    lines: Sequence[str], i: int, zone: str | None, warnings: list[str] | None = None
) -> tuple[int, str | None, datetime | None, str | None] | None:
    """A comment header starting at line ``i``: (lines it takes, author, posted, replied-to name).

    One line (``Mark / August 28, 2014 at 10:15 am``, ``Sola says:``) or two: a name line
    then a date line (``Tom Johnson`` / ``Posted on 15 Apr 2005 1:40 pm``), also with a
    place (``NANA ( New York )`` / ``2018-09-24 17:51:41``).

    >>> comment_header(["Ann Bo / May 2, 2019 at 9:15 am"], 0, "UTC")[:2]
    (1, 'Ann Bo')
    """
    raw = lines[i].strip()
    if not raw or len(raw) > _MAX_HEADER:
        return None
    # Cheap tests first (this runs on every line of every page): a one-line header ends
    # with its date or a speech cue; a two-line one is a short line over a line with digits.
    if not (_may_end_with_date(raw) or raw.rstrip(" :.…|").lower().endswith(CUE_WORDS)):
        if len(raw) > 60:
            return None
        nxt = _next_line(lines, i + 1)
        if nxt is None or not _has_digit(lines[nxt][:60]):
            return None
    nxt = _next_line(lines, i + 1)
    line = _table_cells(raw)
    if not line:
        return None
    scratch: list[str] = []
    reply_name = None
    replying = _REPLYING_RE.match(line) if " to " in line else None
    if replying is not None:
        found = search_date(replying.group("to"), zone)
        if found is not None and found.start > 0:
            reply_name = _clean_name(replying.group("to")[: found.start])
            line = replying.group("name") + " / " + replying.group("to")[found.start :]
    draft = _header(line, zone, scratch, 0)
    if draft is not None and warnings is not None:
        warnings.extend(w.removeprefix("comment 0: ") for w in scratch)
    if draft is not None:
        if draft.waiting_for_date and nxt is not None:
            date_line = _table_cells(lines[nxt].strip())
            found = search_date(date_line, zone) if len(date_line) <= _MAX_HEADER else None
            if (
                found is not None
                and found.start <= 4
                and _HEADER_TAIL_RE.match(date_line[found.end :])
            ):
                if found.warning and warnings is not None:
                    warnings.append(found.warning)
                return nxt - i + 1, draft.author, found.value, reply_name
        if draft.author is None and draft.posted is None and not draft.waiting_for_date:
            return None
        return 1, draft.author, draft.posted, reply_name
    # A name line, then a line that is only a date.
    if nxt is None or nxt != i + 1 and nxt != i + 2:
        return None
    name = _clean_name(_PLACE_SUFFIX_RE.sub("", line))
    if not name or not _plausible_name(name) or len(name.split()) > 4:
        return None
    if name[-1:] == ":" or any(ch.isdigit() for ch in name):
        return None
    date_line = _table_cells(lines[nxt].strip())
    if len(date_line) > 60 or not any(ch.isdigit() for ch in date_line):
        return None
    opening = date_line.split(None, 1)[0].strip(",.").casefold() if date_line else ""
    if not (opening[:1].isdigit() or opening in _DATE_LEADS or opening[:3] in _DATE_OPENERS):
        return None  # the next line is text or another header, not this header's date
    found = search_date(date_line, zone)
    if found is None or not (found.has_time or _CLOCK_RE.search(date_line)):
        return None
    lead = date_line[: found.start].strip(" ,").casefold()
    if lead not in _DATE_LEADS and lead.rstrip(".") not in _CALENDAR_WORDS:
        return None
    if not _HEADER_TAIL_RE.match(date_line[found.end :]):
        return None
    author = None if name.casefold() in ANONYMOUS_NAMES else name
    return nxt - i + 1, author, found.value, reply_name


def is_comment_furniture(line: str) -> bool:
    """Reply/report/vote lines around comments: ``Reply``, ``12 likes``, ``Permalink | Context``."""
    line = line.strip()
    if _FURNITURE_RE.match(line):
        return True
    parts = [p.strip() for p in re.split(r"[|·•]", line) if p.strip()]
    return len(parts) > 1 and all(
        _FURNITURE_RE.match(p) or p.casefold() in _BUTTON_WORDS for p in parts
    )


def reply_index(text: str, reply_name: str | None, earlier: Sequence[ParsedComment]) -> int | None:
    """The earlier comment a comment answers: named in its header, or by an ``@name`` opening."""
    if reply_name:
        key = reply_name.casefold()
        for index in range(len(earlier) - 1, -1, -1):
            if (earlier[index].author or "").casefold() == key:
                return index
        return None
    return _reply_to(text, earlier)


def _has_digit(text: str) -> bool:
    return _DIGIT_RE.search(text) is not None


_DIGIT_RE = re.compile(r"\d")


_DIGITS = frozenset("0123456789")


def _next_line(lines: Sequence[str], i: int) -> int | None:
    for j in range(i, min(len(lines), i + 3)):
        if lines[j].strip():
            return j
    return None


def _table_cells(line: str) -> str:
    """``Posted by: | Ann Bo | |`` → ``Ann Bo``: form-table pipes and labels dropped."""
    if "|" not in line and ":" not in line[:20]:
        return line
    cells = [c.strip() for c in line.split("|") if c.strip()]
    if not cells:
        return ""
    label = _TABLE_LABEL_RE.match(cells[0])
    if label is not None:
        rest = cells[0][label.end() :].strip()
        cells = ([rest] if rest else []) + cells[1:]
    if "|" in line and len(cells) == 1:
        return cells[0]
    return line if "|" in line else " ".join(cells)


def _header(line: str, zone: str | None, warnings: list[str], number: int) -> _Draft | None:
    if len(line) > _MAX_HEADER:
        return None
    cue = _NAME_CUE_RE.match(line) if line.rstrip(" :.…").lower().endswith(CUE_WORDS) else None
    if cue is not None and _plausible_name(cue.group("name")):
        name = _clean_name(cue.group("name"))
        author = None if name.casefold() in ANONYMOUS_NAMES else name
        return _Draft(author, None, waiting_for_date=True)
    if not _may_end_with_date(line):
        return None
    found = search_date(line, zone)
    if found is None or not _HEADER_TAIL_RE.match(line[found.end :]):
        return None
    prefix = line[: found.start]
    if not prefix.strip() or _ANONYMOUS_RE.fullmatch(prefix):
        if not prefix.strip() and not found.has_time:
            return None  # a bare day with no name and no time reads as text, not a header
        name = None
    else:
        name = _clean_name(prefix)
        if not _plausible_name(name):
            return None
        if name.casefold() in ANONYMOUS_NAMES:
            name = None
    if found.warning:
        warnings.append(f"comment {number}: {found.warning}")
    return _Draft(name, found.value)


def _trailing_date(line: str, zone: str | None) -> DateMatch | None:
    """A line that is only a comment's date, under its text: ``(Posted on 3.3.2018 at 22:12)``."""
    if len(line) > _MAX_HEADER or not _may_end_with_date(line):
        return None
    found = search_date(line, zone)
    if (
        found is None
        or not _TRAILING_DATE_RE.match(line[: found.start])
        or not _TRAILING_END_RE.match(line[found.end :])
    ):
        return None
    return found


def _may_end_with_date(line: str) -> bool:
    """Cheap string test run before the date regex: header lines end with their date."""
    end = line.rstrip(_TAIL_PUNCT).lower()
    if end.endswith(_TAIL_WORDS):
        for word in _TAIL_WORDS:
            if end.endswith(word):
                end = end[: -len(word)].rstrip(_TAIL_PUNCT)
    end = end.rstrip(")")
    return end[-1:].isdigit() or end.endswith(_DATE_ENDINGS)


def _clean_name(text: str) -> str:
    text = _LEAD_CUE_RE.sub("", _NUMBER_RE.sub("", text.strip()))
    text = _NAME_TAIL_RE.sub("", text).strip()
    # "Pxtl (registered) - website": a lower-case status in brackets and a link label
    # after the name are not part of it ("D HEROLD (USA)" keeps its place).
    return _STATUS_RE.sub("", text).strip()


def _plausible_name(name: str) -> bool:
    name = name.strip()
    if ":" in name:
        return False  # "The Post – Page: 7" is a print credit, not a commenter
    if name.casefold().rstrip(".,") in _CALENDAR_WORDS or name.casefold() in _FUNCTION_WORDS:
        return False  # "Wed, 10/08/2008": a weekday before a date is not a commenter
    if not 0 < len(name) <= 50 or len(name.split()) > 6 or not any(ch.isalpha() for ch in name):
        return False
    # A final full stop only after an initial ("Imran K."), never after a sentence.
    return name[-1] not in "!?,;" and (name[-1] != "." or _INITIAL_END_RE.search(name) is not None)


def _reply_to(text: str, earlier: Sequence[ParsedComment]) -> int | None:
    match = _REPLY_RE.match(text)
    if match is None:
        return None
    rest = match.group("rest").casefold()
    best: tuple[int, int] | None = None  # (name length, index)
    for index in range(len(earlier) - 1, -1, -1):
        author = earlier[index].author
        if not author:
            continue
        key = author.casefold()
        fits = rest.startswith(key) and (len(rest) == len(key) or not rest[len(key)].isalnum())
        if fits and (best is None or len(key) > best[0]):
            best = (len(key), index)
    return best[1] if best else None
