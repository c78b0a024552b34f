"""Authors from byline lines.

Shapes met: ``By <u>JON ROGERS</u> PUBLISHED: 21:16, Fri, Dec 23, 2016``,
``By Mara Quillon | Published 16 March 2017``, ``By Ada Finch and Tomas Reyes``,
``Lena Ostrova, Reuters``. Shouted names are title-cased; dates, job titles and
agency/outlet names never become authors.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from .dates import is_date_line, search_date

# Wire services and generic credit words: an author segment made of these is not a person.
_AGENCIES = {
    "reuters",
    "ap",
    "afp",
    "associated press",
    "agence france-presse",
    "agence france presse",
    "bloomberg",
    "pa",
    "press association",
    "pa media",
    "dpa",
    "xinhua",
    "tass",
    "ria novosti",
    "efe",
    "ani",
    "pti",
    "ians",
    "app",
    "anadolu",
    "upi",
    "cnn",
    "bbc",
    "agencies",
    "news agencies",
    "wire services",
    "staff",
    "staff reporter",
    "our correspondent",
    "web desk",
    "news desk",
}
# Words that make a segment a job title or a credit rather than a name.
_TITLE_WORDS = {
    "editor",
    "correspondent",
    "reporter",
    "writer",
    "columnist",
    "contributor",
    "analyst",
    "chief",
    "senior",
    "political",
    "bureau",
    "desk",
    "news",
    "service",
    "agency",
    "agencies",
    "online",
    "digital",
    "special",
    "staff",
    "our",
    "the",
    "in",
    "at",
    "for",
    "from",
    "with",
    "published",
    "updated",
    "posted",
    "photos",
    "photo",
    "video",
    "images",
    "report",
    "reports",
    "team",
}
_TAG_RE = re.compile(r"</?[a-z][^>]*>|\*\*|__", re.IGNORECASE)
_BY_RE = re.compile(
    r"^\s*(?:written\s+|words\s+|reported\s+|posted\s+|story\s+|(?:original\s+)?article\s+)?"
    r"by[:\s]\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# Where the names stop: a separator, a cue word or the start of a date.
_STOP_RE = re.compile(
    r"\s*(?:\||•|·|—|–|\s-\s|\s/\s|\bpublished\b|\bupdated\b|\bposted\b|\blast\s+updated\b|\s+in\s+(?=[A-Z][a-z])|\bon\s+(?=\w+\s+\d|\d))",
    re.IGNORECASE,
)
_SPLIT_RE = re.compile(r"\s*(?:,\s*and\s+|,|\band\b|&)\s*", re.IGNORECASE)
_CREDIT_RE = re.compile(
    r"^(?P<names>[A-Z][\w.'’\- ]{1,60}?)\s*(?:,|\||—|–|\bfor\b)\s*"
    r"(?P<credit>[A-Za-z .\-]{2,40})\s*$"
)
_NAME_TOKEN_RE = re.compile(
    r"^(?:[A-Z][\w'’\-]*\.?|[A-Z]\.(?:[A-Z]\.)*|(?:de|van|von|der|da|di|la|le|bin|al|el)|[a-z]{1,3}['’][A-Z][\w'’\-]*)$"
)
# A byline with no "By": names, a separator, then the date ("Ingrid Solberg | Published: 3 March").
_NAMES_THEN_DATE_RE = re.compile(r"^(?P<names>[^|•·—–\d]{5,80}?)\s*[|•·—–]\s*(?P<rest>\S.*)$")
# Wire credits closing a story: "(Reporting by Ana Ruiz and Li Wei; Editing by Tom Hale)".
_CREDIT_FOOTER_RE = re.compile(
    r"^\(?\s*(?:reporting|reported|writing|written)\s+by\b", re.IGNORECASE
)
_CREDIT_PART_RE = re.compile(
    r"^\s*(?P<additional>additional\s+)?(?P<role>[a-z]+)\s+by\s+(?P<names>.+?)\s*$", re.IGNORECASE
)
_AUTHOR_ROLES = {"reporting", "reported", "writing", "written"}
# "Mc" always starts a capitalised second part; "Mac" does not (Machado, Macias): left alone.
_PREFIXES = ("Mc",)


@dataclass(frozen=True)
class Byline:
    """A recognised byline: its authors (none for ``By Reuters``) and the text after them."""

    authors: tuple[str, ...]
    rest: str


def parse_byline(line: str, *, outlet_names: Collection[str] = ()) -> Byline | None:
    """Authors of a byline line, or None when the line is not a byline.

    >>> parse_byline("By <u>JON ROGERS</u> PUBLISHED: 21:16, Fri, Dec 23, 2016").authors
    ('Jon Rogers',)
    """
    # Substring tests first: most lines carry no markup, and the regex scan is the cost.
    clean = _TAG_RE.sub("", line) if "<" in line or "**" in line or "__" in line else line
    clean = clean.strip()
    if not clean or len(clean) > 300:
        return None
    outlets, credit_endings = _folded(tuple(outlet_names))
    by = _BY_RE.match(clean)
    credit = None
    # A credit line ends with the agency or outlet name: test that before the costly regex.
    if by is None and clean[-48:].casefold().endswith(credit_endings):
        credit = _CREDIT_RE.match(clean)
    if by is None and credit is None:
        return _names_then_date(clean, outlets) or _name_then_site_or_date(clean, outlets)
    if by is not None:
        rest = by.group("rest")
        names_part, tail = _cut(rest)
        if not names_part and tail and search_date(tail) is not None:
            return Byline((), tail)  # "Written by on February 10, 2018": no name printed
        authors = _names(names_part, outlets)
        if not authors and not _only_credits(names_part, outlets):
            return None
        return Byline(authors, tail)
    if credit is not None and credit.group("credit").strip().casefold() in (_AGENCIES | outlets):
        authors = _names(credit.group("names"), outlets)
        if authors:
            return Byline(authors, "")
    return None


def parse_credit_footer(line: str) -> tuple[str, ...]:
    """Reporters (and writers) named in a wire story's closing credits; editors are not authors.

    >>> parse_credit_footer("(Reporting by Ana Ruiz and Li Wei; Editing by Tom Hale)")
    ('Ana Ruiz', 'Li Wei')
    """
    clean = line.strip()
    if len(clean) > 300 or not _CREDIT_FOOTER_RE.match(clean):
        return ()
    found: list[str] = []
    for part in clean.strip("()[] .").split(";"):
        credit = _CREDIT_PART_RE.match(part)
        if credit is None or credit.group("additional"):
            continue
        if credit.group("role").casefold() not in _AUTHOR_ROLES:
            continue
        for name in _names(credit.group("names"), frozenset()):
            if name not in found:
                found.append(name)
    return tuple(found)


def _names_then_date(clean: str, outlets: Collection[str]) -> Byline | None:
    """``Ingrid Solberg | Published: 3 March 2018, 18:40``: names, a separator, only a date."""
    if len(clean) > 140 or not any(sep in clean for sep in "|•·—–"):
        return None
    match = _NAMES_THEN_DATE_RE.match(clean)
    if match is None or not is_date_line(match.group("rest")):
        return None
    authors = _names(match.group("names"), outlets)
    # One-word segments ("World | 3 March 2018") are section labels far more often than names.
    if not authors or any(len(name.split()) < 2 for name in authors):
        return None
    return Byline(authors, match.group("rest"))


# "Adam Ferris www.quaypost.example", "Faye Hall 8 minutes ago Tue 29th December 2020 | 12:00 AM"
_NAME_LEAD_RE = re.compile(
    r"^(?P<names>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s+(?P<rest>\S.*)$"
)
_SITE_RE = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?$", re.IGNORECASE)
_AGO_RE = re.compile(r"^\d{1,3}\s+(?:min(?:ute)?s?|hours?|hrs?|days?)\s+ago\s+", re.IGNORECASE)


def _name_then_site_or_date(clean: str, outlets: Collection[str]) -> Byline | None:
    """A name followed by the site's address or by the date, with no separator."""
    if len(clean) > 120:
        return None
    match = _NAME_LEAD_RE.match(clean)
    if match is None:
        return None
    rest = match.group("rest")
    if _SITE_RE.match(rest):
        tail = ""
    else:
        rest = _AGO_RE.sub("", rest)
        if not rest[:1].isalnum() or not is_date_line(rest):
            return None
        tail = rest
    authors = _names(match.group("names"), outlets)
    if len(authors) != 1 or len(authors[0].split()) < 2:
        return None
    return Byline(authors, tail)


@lru_cache(maxsize=32)
def _folded(outlet_names: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Outlet names casefolded, and every name a credit line may end with (cached per page set)."""
    outlets = frozenset(name.casefold() for name in outlet_names)
    return outlets, (*_AGENCIES, *outlets)


def normalise_name(name: str) -> str:
    """A name as a reader writes it: shouted names title-cased, others kept.

    >>> normalise_name("JON O'BRIEN-MCDONALD")
    "Jon O'Brien-McDonald"
    """
    name = " ".join(name.split()).strip(" ,;:")
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return name
    return " ".join(_title_word(word) for word in name.split(" "))


def looks_like_name(text: str) -> bool:
    """Whether a short segment is shaped like a person's name: ``Lena Ostrova`` → True."""
    words = text.split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    if any(word.casefold().strip(".,") in _TITLE_WORDS for word in words):
        return False
    capitalised = sum(1 for word in words if word[:1].isupper())
    return capitalised >= max(1, len(words) - 1) and all(_NAME_TOKEN_RE.match(w) for w in words)


def _cut(rest: str) -> tuple[str, str]:
    stop = _STOP_RE.search(rest)
    date = search_date(rest)
    end = len(rest)
    if stop is not None:
        end = stop.start()
    if date is not None and date.start < end:
        end = date.start
    return rest[:end].strip(" ,"), rest[end:].strip(" |•·—–-")


def _names(part: str, outlets: Collection[str]) -> tuple[str, ...]:
    found: list[str] = []
    for segment in _SPLIT_RE.split(part):
        segment = segment.strip(" .,;:")
        if not segment or segment.casefold() in _AGENCIES or segment.casefold() in outlets:
            continue
        if not looks_like_name(segment):
            # "Jane Doe, Political Editor": the rest after a non-name is credit text.
            if found:
                break
            continue
        name = normalise_name(segment)
        if name not in found:
            found.append(name)
    return tuple(found)


def _only_credits(part: str, outlets: Collection[str]) -> bool:
    segments = [s.strip(" .,;:").casefold() for s in _SPLIT_RE.split(part) if s.strip(" .,;:")]
    return bool(segments) and all(s in _AGENCIES or s in outlets for s in segments)


def _title_word(word: str) -> str:
    return "-".join(_title_part(part) for part in word.split("-"))


def _title_part(part: str) -> str:
    if not part:
        return part
    for apostrophe in "'’":
        if apostrophe in part[1:3]:
            head, _, tail = part.partition(apostrophe)
            return head.capitalize() + apostrophe + _title_part(tail)
    lowered = part.capitalize()
    for prefix in _PREFIXES:
        if lowered.startswith(prefix) and len(lowered) > len(prefix) + 1:
            return prefix + lowered[len(prefix) :].capitalize()
    return lowered
