"""Reader-comment threads found by their structure, with or without a heading.

A thread is a run of blocks that share a shape (issue 9):

- **header-led**: each comment opens with a header line (``NAME / date at time``,
  ``NAME says:``, a name line then a ``Posted on …`` line, ``NAME ( Place )`` then a
  timestamp…); two or more headers after the article, or one under a comments heading,
  make a thread;
- **signed**: each comment or letter closes with a signature (``— NAME``, ``– NAME``,
  ``NAME`` alone, ``NAME, Town`` or ``NAME,`` then ``Town`` / ``On email.``); two or more
  signatures after running text make a thread (a letters page or a "best comments" page);
- **separated**: each comment closes with the same furniture line (vote counts
  ``2 ( +4 / -2 )``, ``ReplyDelete``): two or more make a thread of unsigned comments.

Only shapes, never outlet names, decide. The article ends where its thread begins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from .bylines import looks_like_name, normalise_name, parse_byline
from .comments import (
    ANONYMOUS_NAMES,
    CUE_WORDS,
    comment_header,
    find_comments_heading,
    is_comment_furniture,
    parse_comments,
    reply_index,
)
from .dates import search_date
from .given_names import is_given_name
from .records import ParsedComment

# "2 ( +4 / -2 )", "-1 (+2/-3)", "12 points", "ReplyDelete", "Reply Delete"
_SEPARATOR_RE = re.compile(
    r"^(?:-?\d{1,5}\s*\(\s*\+\d{1,5}\s*/\s*-\d{1,5}\s*\)|reply\s*delete|delete\s*reply"
    r"|like\s*reply|reply\s*report|report\s*reply)$",
    re.IGNORECASE,
)
# A signature line: an optional dash, a name, an optional ", Place" (or a trailing comma).
_SIGNATURE_LINE_RE = re.compile(
    r"^(?P<dash>[—–―-]\s*)?(?P<name>[^,;:!?()\"“”]{2,40}?)\s*(?:,(?P<place>[^;!?\"“”]{0,50}))?$"
)
# "… the end of the comment. — Shane R." : a signature closing a line of comment text.
_INLINE_SIGNATURE_RE = re.compile(r"\s[—–―]\s?(?P<name>[^—–―.!?]{2,30}?\.?)\s*$")
_NUMBERED_RE = re.compile(r"^\s*\d{1,4}[.)]\s+")
_BULLET_RE = re.compile(r"^\s*[•·▪◦‣]\s*")
_PLACE_LINE_RE = re.compile(
    r"^(?:on\s+e-?mail\.?|via\s+e-?mail\.?|by\s+e-?mail\.?)$", re.IGNORECASE
)
_MAX_SIGNATURE_WORDS = 4
_DIGIT_RE = re.compile(r"\d")
_ADDRESS_LINE_RE = re.compile(r"^[A-Z][\w'’ .-]{1,30}[,.]$")
_SALUTATION_RE = re.compile(r"^(?:sir|madam|dear\s+(?:sir|madam|editor))\s*[,:—–-]", re.IGNORECASE)
# "– Yours, etc,", "Yours faithfully,": a letter's closing formula before its signature.
_SIGN_OFF_RE = re.compile(r"\byours\b[\w\s,.]{0,20},\s*$", re.IGNORECASE)
_CUE_END_RE = re.compile(r"\b(?:says|said|writes|wrote)\s*(?::|\.{2,4}|…)\s*$", re.IGNORECASE)
_META_WORDS_RE = re.compile(r":|\b(?:published|updated|posted|source|by)\b", re.IGNORECASE)
# A capital inside a word after two lower-case letters ("TransportColin"); "McDonald",
# "DeSantis" and "O'Brien" have one lower-case letter or none before it.
_GLUED_RE = re.compile(r"[a-z]{3}[A-Z]")


@dataclass
class Thread:
    """Where a page's comments begin, the comments and what the page declared."""

    start: int  # line index (in the dump) where the thread, or its heading, begins
    comments: tuple[ParsedComment, ...]
    declared: int | None = None
    shape: str = "header-led"  # "header-led", "signed" or "separated": shown by --explain
    cued: bool = False  # its first header has a speech cue ("NAME writes:")
    warnings: list[str] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)  # line index -> role, for --explain


@dataclass
class _Draft:
    author: str | None
    posted: datetime | None
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line index, raw line)
    reply_to_name: str | None = None
    waiting_for_date: bool = False


def find_thread(
    lines: Sequence[str], first: int, zone: str | None, *, article_start: int
) -> Thread | None:
    """The page's reader comments, found by heading or by repeated structure.

    ``first`` is the first text line (after a URL line); ``article_start`` is the first line
    of running text, before which a header-led thread needs a heading of its own.
    """
    heading = find_comments_heading(lines, first)
    if heading is not None and heading[1]:
        # The common page: "Comments (12)" over twelve dated comments. The line-by-line
        # reader finds them all at a fraction of the cost of weighing every thread shape.
        at, declared = heading
        plain, plain_warnings = parse_comments(lines[at + 1 :], zone)
        if len(plain) == declared and all(c.posted is not None for c in plain):
            roles = {j: "comment" for j in range(at + 1, len(lines)) if lines[j].strip()}
            roles[at] = "comments heading"
            thread = Thread(at, plain, shape="header-led", warnings=plain_warnings, roles=roles)
            thread.declared = declared
            return thread
    # Under a heading only the lines after it can hold the thread's headers.
    scan = _scan_headers(lines, first if heading is None else heading[0] + 1, zone)
    if heading is not None:
        at, declared = heading
        headed = _header_led(lines, at + 1, zone, need=1, scan=scan)
        if headed is not None and declared is not None and len(headed.comments) >= declared:
            found = [headed]  # every declared comment found: no other reading can do better
        else:
            found = [
                t
                for t in (
                    headed,
                    _separated(lines, at + 1, need=1),
                    _signed(lines, at + 1, need=1),
                )
                if t is not None
            ]
        # Under a heading every shape may apply: the reading that finds most comments wins.
        thread = max(found, key=lambda t: len(t.comments)) if found else None
        # The line-by-line reader of headed threads also knows dates printed under the text
        # ("Name wrote:" … "(Posted on 3.3.2018 at 22:12)"): asked when a time is missing.
        if thread is None or any(c.posted is None for c in thread.comments):
            plain, plain_warnings = parse_comments(lines[at + 1 :], zone)
            if plain and (thread is None or len(plain) >= len(thread.comments)):
                roles = {j: "comment" for j in range(at + 1, len(lines)) if lines[j].strip()}
                thread = Thread(at, plain, shape="header-led", warnings=plain_warnings, roles=roles)
        if thread is not None:
            thread.start, thread.declared = at, declared
            thread.roles[at] = "comments heading"
            _check_declared(thread)
            return thread
        return Thread(at, (), declared, roles={at: "comments heading"})
    candidates = [
        t
        for t in (
            _header_led(lines, first, zone, need=2, after=article_start, scan=scan),
            _signed(lines, first, need=2),
            _separated(lines, first, need=2),
        )
        if t is not None
    ]
    if not candidates:
        return (
            _comment_only_page(lines, first, zone, article_start, scan)
            or _comment_after_body(lines, first, zone, article_start, scan)
            or _forum_reply(lines, first)
        )
    # The thread that starts first wins; on a tie the one finding more comments.
    return min(candidates, key=lambda t: (t.start, -len(t.comments)))


def _check_declared(thread: Thread) -> None:
    if thread.declared is not None and thread.declared != len(thread.comments):
        thread.warnings.append(
            f"comments: page declares {thread.declared}, found {len(thread.comments)}"
        )


# -- header-led threads -------------------------------------------------------------------


_Scan = list[tuple[int, int, str | None, datetime | None, str | None, list[str]]]


def _scan_headers(lines: Sequence[str], start: int, zone: str | None) -> _Scan:
    """Every comment header from ``start`` on: (line, lines used, author, posted, replied-to
    name, warnings). Scanned once per page and shared by every thread reading."""
    found: _Scan = []
    n = len(lines)
    # Cheap tests first: a header is a short line with a digit (its date) or ending in a
    # speech cue, or a short line over a line with a digit. Everything else (most lines:
    # blank ones and paragraphs) never reaches the header parser.
    i = start
    while i < n:
        line = lines[i]
        if not line or len(line) > 130 or line.isspace():
            i += 1
            continue
        if not (
            _DIGIT_RE.search(line) is not None
            or _next_has_digit(lines, i + 1)
            or line.rstrip(" :.…|\t").lower().endswith(CUE_WORDS)
        ):
            i += 1
            continue
        said: list[str] = []
        header = comment_header(lines, i, zone, said)
        if header is not None:
            used, author, posted, reply_name = header
            found.append((i, used, author, posted, reply_name, said))
            i += used
            continue
        i += 1
    return found


def _next_has_digit(lines: Sequence[str], j: int) -> bool:
    """Whether the next non-blank line from ``j`` on has a digit near its start."""
    while j < len(lines) and (not lines[j] or lines[j].isspace()):
        j += 1
    return j < len(lines) and _DIGIT_RE.search(lines[j], 0, 60) is not None


def _header_led(
    lines: Sequence[str],
    start: int,
    zone: str | None,
    *,
    need: int,
    after: int = 0,
    scan: _Scan | None = None,
) -> Thread | None:
    if scan is None:
        scan = _scan_headers(lines, start, zone)
    n = len(lines)
    headers: list[tuple[int, int, _Draft]] = []  # (first line, lines used, draft)
    header_warnings: dict[int, list[str]] = {}
    for at, used, author, posted, reply_name, said in scan:
        if at < start:
            continue
        header_warnings[at] = said
        headers.append((at, used, _Draft(author, posted, reply_to_name=reply_name)))
    if len(headers) < need:
        timed = {h[0]: h for h in headers}
        placed = _place_headers(lines, start)
        headers = [timed.get(h[0], h) for h in placed] or headers
    # A header-led thread starts after the article has begun (a byline is not a comment),
    # unless the page opens with a header: then the page is a thread.
    if headers and headers[0][0] != start:
        # Before the running text only headers of the thread's own shape stay: a
        # "Posted by NAME / date" byline is not one of "NAME / date at time" comments.
        keys = [_shape_key(lines[h[0]], h[2]) for h in headers]
        common = max(set(keys), key=keys.count)
        headers = [h for h, k in zip(headers, keys) if h[0] >= after or k == common]
        if len(set(keys)) == 1 and headers and headers[0][0] < after and len(headers) < 2:
            headers = []
    if len(headers) < need:
        return None
    # Headers must be followed by comment text before the next header.
    drafts: list[_Draft] = []
    roles: dict[int, str] = {}
    for k, (at, used, draft) in enumerate(headers):
        last = k + 1 == len(headers)
        end = n if last else headers[k + 1][0]
        for j in range(at, at + used):
            roles[j] = "comment header"
        for j in range(at + used, end):
            line = lines[j].strip()
            if not line:
                continue
            if last and draft.lines and is_comment_furniture(line):
                break  # the page's own furniture follows the last comment's buttons
            draft.lines.append((j, lines[j]))
        drafts.append(draft)
    comments, warnings = _finish(drafts, roles)
    if len(comments) < need:
        return None
    for k, header in enumerate(headers):
        for warning in header_warnings.get(header[0], ()):
            warnings.append(f"comment {k + 1}: {warning}")
    cued = bool(_CUE_END_RE.search(lines[headers[0][0]].strip()))
    return Thread(
        headers[0][0], comments, shape="header-led", warnings=warnings, roles=roles, cued=cued
    )


_NAME_PLACE_RE = re.compile(r"^(?P<name>[^()]{1,40}?)\s*\((?P<place>[^()]{2,40})\)$")


def _place_headers(lines: Sequence[str], start: int) -> list[tuple[int, int, _Draft]]:
    """``AdrianB (Mississippi)`` lines over comment text, with no time: a header shape only
    when the page repeats it."""
    found: list[tuple[int, int, _Draft]] = []
    for i in range(start, len(lines)):
        raw = lines[i]
        if "(" not in raw:
            continue
        line = raw.strip()
        if len(line) > 70:
            continue
        match = _NAME_PLACE_RE.match(line)
        if match is None or any(ch.isdigit() for ch in match.group("name")):
            continue
        name = match.group("name").strip()
        if not name or len(name.split()) > 4 or name[-1:] in ".:,;!?":
            continue
        found.append((i, 1, _Draft(name, None)))
    return found if len(found) >= 2 else []


def _shape_key(line: str, draft: _Draft) -> tuple[bool, bool]:
    timed = draft.posted is not None and (draft.posted.hour, draft.posted.minute) != (0, 0)
    return bool(_BYLINE_CUE_RE.match(line.strip())), timed


_BYLINE_CUE_RE = re.compile(r"^(?:posted|written|story|words)?\s*by\b", re.IGNORECASE)


def _comment_after_body(
    lines: Sequence[str], first: int, zone: str | None, article_start: int, scan: _Scan
) -> Thread | None:
    """One timed comment header after the article's running text (a one-comment thread)."""
    thread = _header_led(lines, first, zone, need=1, after=article_start + 1, scan=scan)
    if thread is None or thread.start <= article_start or len(thread.comments) != 1:
        return None
    header = lines[thread.start].strip()
    if _META_WORDS_RE.search(thread.comments[0].author or ":"):
        return None
    if _BYLINE_CUE_RE.match(header) or not any(
        ch.isdigit() for ch in "".join(lines[thread.start : thread.start + 3])
    ):
        return None
    return thread


_REPLY_TITLE_RE = re.compile(r"^(?:re|reply\s+to)\s*:\s*\S", re.IGNORECASE)


def _forum_reply(lines: Sequence[str], first: int) -> Thread | None:
    """A forum reply page: ``Reply To: <topic>``, the replier's name alone, their text."""
    if not _REPLY_TITLE_RE.match(lines[first].strip()):
        return None
    at = _next_text_index(lines, first + 1)
    if at is None:
        return None
    name = lines[at].strip()
    if not _signer(name) or name[-1:] in ".:,;!?" or parse_byline(name) is not None:
        return None
    text = [(j, lines[j]) for j in range(at + 1, len(lines)) if lines[j].strip()]
    stop = next((k for k, (_, line) in enumerate(text) if is_comment_furniture(line)), None)
    text = text[:stop] if stop is not None else text
    if not text or not _text_block(text[:1]):
        return None
    roles = {at: "comment header"}
    comments, warnings = _finish([_Draft(normalise_name(name), None, text)], roles)
    return Thread(at, comments, shape="header-led", warnings=warnings, roles=roles)


def _comment_only_page(
    lines: Sequence[str], first: int, zone: str | None, article_start: int, scan: _Scan
) -> Thread | None:
    """A page that is one reader comment: a timed header before any running text, then a
    short text (an article under a name-and-date byline runs on for many paragraphs)."""
    thread = _header_led(lines, first, zone, need=1, scan=scan)
    if thread is None or thread.start > article_start or len(thread.comments) != 1:
        return None
    comment = thread.comments[0]
    if comment.author is None or comment.text.count("\n\n") > 3:
        return None
    if comment.posted is None and not thread.cued:
        return None  # a bare name over text is a byline; "NAME writes:" is a comment
    if _META_WORDS_RE.search(comment.author):
        return None  # "Source: Xinhua Published: …" is a dateline, not a commenter
    if parse_byline(lines[thread.start].strip()) is not None:
        return None  # "Posted by Ada Finch / May 2, 2019" over a short article: a byline
    return thread


# -- signed threads -----------------------------------------------------------------------


def _signed(lines: Sequence[str], start: int, *, need: int) -> Thread | None:
    """Comments or letters closed by signatures."""
    drafts: list[_Draft] = []
    roles: dict[int, str] = {}
    first_line: int | None = None
    segment_start = start
    i = start
    n = len(lines)
    while i < n:
        line = lines[i]
        # Cheap tests first: a signed line has a dash; a signature line is short.
        dashed = "—" in line or "–" in line or "―" in line
        if not dashed and (not line or line.isspace() or len(line) > 60 and len(line.strip()) > 60):
            i += 1
            continue
        inline = _inline_signature(line) if dashed else None
        if inline is not None:
            text, name = inline
            draft = _Draft(name, None, [(i, text)])
            drafts.append(draft)
            roles[i] = "comment + signature"
            first_line = i if first_line is None else first_line
            segment_start = i + 1
            i += 1
            continue
        signature = _signature_at(lines, i, segment_start)
        if signature is None:
            i += 1
            continue
        name, used = signature
        text_lines = _segment_text(lines, segment_start, i)
        if text_lines:
            drafts.append(_Draft(name, None, text_lines))
            for j, _ in text_lines:
                roles[j] = "comment text"
            for j in range(i, i + used):
                roles[j] = "signature"
            first_line = text_lines[0][0] if first_line is None else first_line
        segment_start = i + used
        i += used
    if not drafts or first_line is None:
        return None
    # Text after the last signature is one more letter, cut off before its signature,
    # when the page is a run of signed texts (two signatures, or one under a heading).
    tail = _segment_text(lines, segment_start, len(lines))
    if sum(len(line.split()) for _, line in tail) < 4:
        tail = []
    if tail and (len(drafts) >= 2 or need == 1 or _opens_page(lines, start, first_line)):
        drafts.append(_Draft(None, None, tail))
        for j, _ in tail:
            roles[j] = "comment text"
    if len(drafts) < need:
        return None
    comments, warnings = _finish(drafts, roles)
    if len(comments) < need:
        return None
    return Thread(first_line, comments, shape="signed", warnings=warnings, roles=roles)


def _opens_page(lines: Sequence[str], start: int, first_line: int) -> bool:
    """Whether at most a headline-sized line stands above the first signed text."""
    above = [line for line in lines[start:first_line] if line.strip()]
    return len(above) <= 1 and all(len(line.split()) <= 16 for line in above)


def _inline_signature(line: str) -> tuple[str, str] | None:
    """``• Joe did that! — Mac R.`` → (``Joe did that!``, ``Mac R.``)."""
    text = _BULLET_RE.sub("", line.strip())
    if len(text) > 600 or not any(d in text for d in "—–―"):
        return None
    match = _INLINE_SIGNATURE_RE.search(text)
    if match is None:
        return None
    name = match.group("name").strip()
    body = text[: match.start()].strip()
    if not body or not _signer(name):
        return None
    return body, normalise_name(name)


def _signature_at(lines: Sequence[str], i: int, segment_start: int) -> tuple[str, int] | None:
    """A signature at line ``i`` closing text above it: (name, lines it takes)."""
    line = lines[i].strip()
    if not line or i == segment_start or len(line) > 60 or _DIGIT_RE.search(line):
        return None  # a signer's line holds no digits (a date line, a count, a time)
    match = _SIGNATURE_LINE_RE.match(line.split("@", 1)[0].strip() if "@" in line else line)
    if match is None:
        return None
    name = match.group("name").strip()
    if not _signer(name):
        return None
    # Text must sit right above (a blank line at most) and must not run on into this line.
    above = _previous_text(lines, i, segment_start)
    if above is None:
        return None
    runs_on = above.rstrip().endswith((",", ";")) and not match.group("dash")
    if runs_on and not _SIGN_OFF_RE.search(above):
        return None  # the text runs on into this line (a "Yours, etc," sign-off does not)

    used = 1
    nxt = _next_text_index(lines, i + 1)
    if nxt == i + 1 and _has_date(lines[nxt]):
        return None  # a name over a date line is a comment header, not a signature
    if match.group("place") is not None and not match.group("place").strip():
        # "ROISIN DALY," then "Kelby," / "Co Westshire.": the address under a signature.
        j = i + 1
        while j < len(lines) and j - i <= 3 and _ADDRESS_LINE_RE.match(lines[j].strip()):
            j += 1
            if lines[j - 1].strip().endswith("."):
                break
        if j > i + 1:
            return normalise_name(name), j - i
    has_place = match.group("place") is not None or "@" in line
    if nxt is not None and nxt - i <= 2:
        following = lines[nxt].strip()
        if _PLACE_LINE_RE.match(following) or (
            (has_place or not match.group("dash"))
            and _place_shaped(following)
            and not _signature_follows(lines, nxt)
        ):
            used = nxt - i + 1
    if used > 1 and not match.group("dash") and not has_place:
        # A bare name over a place line: the place needs a comma, an e-mail line or the
        # name a known given name ("Doug Clark" / "Currie, Midlothian").
        place_line = lines[nxt].strip()
        if not ("," in place_line or _PLACE_LINE_RE.match(place_line)) and not is_given_name(
            name.split()[0]
        ):
            return None
    if not match.group("dash") and not has_place and used == 1:
        # A bare name line is weak evidence: it must open with a known given name, and a
        # blank line, a separator or the end of the page must follow unless the text
        # above it has ended.
        if not is_given_name(name.split()[0]):
            return None
        if nxt is not None and nxt == i + 1 and not _SEPARATOR_RE.match(lines[nxt].strip()):
            if not _ends_text(above):
                return None
    return normalise_name(name), used


def _signer(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= _MAX_SIGNATURE_WORDS or name.casefold() in ANONYMOUS_NAMES:
        return False
    if len(words) == 1:
        return False  # one word alone is a label or a heading far more often than a signer
    if any(_GLUED_RE.search(word) for word in words):
        return False  # "TransportColin": words run together by the scrape, not a name
    return looks_like_name(name)


def _place_shaped(text: str) -> bool:
    """``Currie, Midlothian``, ``Wetherby, W Yorks``: short, capitalised, no digits."""
    words = text.replace(",", " ").split()
    return (
        1 <= len(words) <= 5
        and len(text) <= 50
        and text[:1].isupper()
        and not text.rstrip().endswith((".", "!", "?", ":"))
        and not any(ch.isdigit() for ch in text)
        and all(w[:1].isupper() or w in _PLACE_LINKS for w in words)
    )


def _has_date(line: str) -> bool:
    return any(ch.isdigit() for ch in line) and search_date(line) is not None


_PLACE_LINKS = {"on", "upon", "de", "la", "le", "of", "the", "and", "-", "en", "sur", "am"}


def _signature_follows(lines: Sequence[str], i: int) -> bool:
    nxt = _next_text_index(lines, i + 1)
    if nxt is None:
        return False
    match = _SIGNATURE_LINE_RE.match(lines[nxt].strip())
    return match is not None and _signer(match.group("name").strip())


def _ends_text(text: str) -> bool:
    return text.rstrip(" \"'”’)").endswith((".", "!", "?", "…"))


def _previous_text(lines: Sequence[str], i: int, floor: int) -> str | None:
    j = i - 1
    blanks = 0
    while j >= floor:
        if lines[j].strip():
            return lines[j]
        blanks += 1
        if blanks > 2:
            return None
        j -= 1
    return None


def _next_text_index(lines: Sequence[str], i: int) -> int | None:
    for j in range(i, min(len(lines), i + 4)):
        if lines[j].strip():
            return j
    return None


def _segment_text(lines: Sequence[str], start: int, end: int) -> list[tuple[int, str]]:
    """The text of one signed comment: the run of running-text blocks right above its
    signature, stopping at a heading, a topic line or furniture above it."""
    kept: list[tuple[int, str]] = []
    j = end - 1
    while j >= start:
        line = lines[j].strip()
        if not line:
            j -= 1
            continue
        block_start = j
        while block_start - 1 >= start and lines[block_start - 1].strip():
            block_start -= 1
        block = [(k, lines[k]) for k in range(block_start, j + 1)]
        right_above = not kept and j == end - 1
        if not (_text_block(block) or right_above and _short_text(block)):
            break
        if kept and _topic_line(block[-1][1]):
            break  # a topic line ("A story title (Feb 16)") heads the text below it
        kept[0:0] = block
        j = block_start - 1
    # A letter starts at its salutation ("Sir, –"): lines above it in the same run are
    # the previous letter's address or injected headlines.
    opening = max(
        (k for k, (_, line) in enumerate(kept) if _SALUTATION_RE.match(line.strip())), default=None
    )
    if opening is not None:
        kept = kept[opening:]
    # Drop a leading topic line ("A story title (Feb 16)") kept inside the first block.
    # (A hard-wrapped print column also has short unfinished lines: those run on into a
    # lower-case line, a topic line is followed by a new sentence.)
    while len(kept) > 1 and _topic_line(kept[0][1]) and kept[1][1].strip()[:1].isupper():
        kept.pop(0)
    return kept


def _text_block(block: Sequence[tuple[int, str]]) -> bool:
    text = " ".join(line.strip() for _, line in block)
    if is_comment_furniture(text) or _SEPARATOR_RE.match(text):
        return False
    if all(_truncated_link(line) for _, line in block):
        return False
    if len(block) >= 3:
        return True
    words = text.split()
    return len(words) >= 12 or _ends_text(text) or text.endswith(":") and len(words) >= 4


def _truncated_link(line: str) -> bool:
    """``Pakistan has immense potential to become a strong…``: a related-story teaser."""
    text = line.strip()
    return text.endswith(("...", "…")) and len(text.split()) < 30


def _short_text(block: Sequence[tuple[int, str]]) -> bool:
    """A short line of text glued right above a signature (``Best line ever: "…"``)."""
    text = " ".join(line.strip() for _, line in block)
    return len(text.split()) >= 4 and not is_comment_furniture(text)


def _topic_line(line: str) -> bool:
    """``A story title (Feb 16)``: a short line heading what follows, not running text."""
    text = line.strip()
    return (
        len(text.split()) <= 16
        and not _ends_text(text)
        and text[-1:] not in ":,;-–"
        and not text.rstrip("”’\"' ").endswith((",", ";"))
        and not text[:1].islower()
    )


# -- separated threads --------------------------------------------------------------------


def _separated(lines: Sequence[str], start: int, *, need: int) -> Thread | None:
    """Comments each closed by the same furniture line (vote counts, ``ReplyDelete``)."""
    separators = [
        i
        for i in range(start, len(lines))
        if len(lines[i]) <= 60 and _SEPARATOR_RE.match(lines[i].strip())
    ]
    if len(separators) < need:
        return None
    drafts: list[_Draft] = []
    roles: dict[int, str] = {}
    previous = start
    first_line: int | None = None
    for k, at in enumerate(separators):
        floor = previous if k else start
        text_lines = _segment_text(lines, floor, at) if k == 0 else _between(lines, floor, at)
        roles[at] = "comment furniture"
        previous = at + 1
        if not text_lines:
            continue
        first_line = text_lines[0][0] if first_line is None else first_line
        draft = _Draft(None, None, text_lines)
        drafts.append(draft)
    # Text after the last separator (a comment cut off by the scrape) is one more comment
    # when the page ends with running text.
    tail = _between(lines, previous, len(lines))
    stop = next((k for k, (_, line) in enumerate(tail) if is_comment_furniture(line)), None)
    tail = tail[:stop] if stop is not None else tail
    if drafts and tail and _text_block(tail):
        drafts.append(_Draft(None, None, tail))
    if len(drafts) < need or first_line is None:
        return None
    comments, warnings = _finish(drafts, roles)
    return Thread(first_line, comments, shape="separated", warnings=warnings, roles=roles)


def _between(lines: Sequence[str], start: int, end: int) -> list[tuple[int, str]]:
    return [(j, lines[j]) for j in range(start, end) if lines[j].strip()]


# -- finishing ----------------------------------------------------------------------------


def _finish(
    drafts: Sequence[_Draft], roles: dict[int, str]
) -> tuple[tuple[ParsedComment, ...], list[str]]:
    """Drafts → comments: furniture and numbering dropped, closing signatures read,
    hard-wrapped lines joined into paragraphs, replies linked."""
    comments: list[ParsedComment] = []
    warnings: list[str] = []
    for draft in drafts:
        paragraphs = _paragraphs(draft, roles)
        author = draft.author
        if author is None and len(paragraphs) >= 2:
            last = paragraphs[-1]
            bare = last.lstrip("—–―- ").strip()
            if (
                _signer(bare)
                and len(last) <= 40
                and (bare != last or is_given_name(bare.split()[0]))
            ):
                author = normalise_name(last.lstrip("—–―- ").strip())
                paragraphs = paragraphs[:-1]
        if not paragraphs or not any(ch.isalpha() for ch in "".join(paragraphs)):
            # "09-24 17:51" under a repeated header is a time, not a comment.
            warnings.append(f"comment header without text skipped: {author or 'anonymous'}")
            continue
        text = "\n\n".join(paragraphs)
        reply = reply_index(text, draft.reply_to_name, comments)
        comments.append(ParsedComment(author, draft.posted, text, reply))
    return tuple(comments), warnings


def _paragraphs(draft: _Draft, roles: dict[int, str]) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    last_index: int | None = None
    for index, raw in draft.lines:
        line = raw.strip()
        if is_comment_furniture(line) or _SEPARATOR_RE.match(line):
            roles.setdefault(index, "comment furniture")
            continue
        roles.setdefault(index, "comment text")
        if not paragraphs and not current:
            line = _NUMBERED_RE.sub("", line)
        # A blank line (a gap in line numbers) ends a paragraph; short lines hard-wrapped
        # from a print layout are joined with a space.
        if current and last_index is not None and index > last_index + 1:
            paragraphs.append(" ".join(current))
            current = []
        if current and not _joins(current[-1], line):
            paragraphs.append(" ".join(current))
            current = []
        current.append(line)
        last_index = index
    if current:
        paragraphs.append(" ".join(current))
    return [p for p in paragraphs if p]


def _joins(previous: str, line: str) -> bool:
    """Whether ``line`` continues ``previous`` (a hard line break inside a paragraph)."""
    return not _ends_text(previous) and (line[:1].islower() or len(previous) < 60)
