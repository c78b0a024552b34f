"""Dates as news pages print them, turned into aware datetimes.

Handles the shapes met in dumps, e.g. ``21:16, Fri, Dec 23, 2016``,
``Nov 21, 2016 09:17am``, ``Thursday, March 16, 2017, 8:55 p.m.``,
``16 March 2017``, ``2017-03-16T20:55:00Z`` and ``Sep. 16, 13 7:07 PM``.
Naive times are read in the outlet's IANA zone; an explicit offset wins.
Anything ambiguous (``03/04/2017``, a wall time repeated by a DST change) gives
``None`` plus a warning: never a silently wrong date. One precompiled regex,
no fuzzy parsing, so it is cheap enough to try on every comment header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# Zone abbreviations printed after times; only unambiguous ones (IST, CST-China... are left out).
_ABBREVIATIONS = {
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "bst": 60,
    "cet": 60,
    "cest": 120,
    "est": -300,
    "edt": -240,
    "cdt": -300,
    "mst": -420,
    "mdt": -360,
    "pst": -480,
    "pdt": -420,
    "pkt": 300,
}
# North American zone names printed without the season ("4:05 PM ET"): the wall time is read
# in the zone itself, so the offset follows its DST rules.
_REGION_ZONES = {
    "et": "America/New_York",
    "ct": "America/Chicago",
    "mt": "America/Denver",
    "pt": "America/Los_Angeles",
}

_WEEKDAY = r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)"
_MONTH = (
    r"(?P<{p}mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ZONE = (
    r"(?:\s*\(?(?P<{p}tz>utc|gmt|bst|cest|cet|est|edt|cdt|mst|mdt|pst|pdt|pkt|et|ct|mt|pt"
    r"|[+-]\d{{2}}:?\d{{2}})\)?(?![a-z]))?"
)
_TIME = (
    r"(?:(?P<{p}h>\d{{1,2}})[:.](?P<{p}mi>\d{{2}})(?::(?P<{p}s>\d{{2}}))?"
    r"(?:\s*(?P<{p}ap>[ap]\.?\s?m\.?)(?![a-z]))?"
    r"|(?P<{p}h2>\d{{1,2}})\s*(?P<{p}ap2>[ap]\.?\s?m\.?)(?![a-z]))" + _ZONE
)


def _time(prefix: str) -> str:
    return _TIME.format(p=prefix)


_MD = (
    _WEEKDAY
    + "?"
    + _MONTH.format(p="md")
    + r"\s+(?P<md_d>\d{1,2})(?:st|nd|rd|th)?"
    + r"(?:,?\s+(?P<md_y>\d{4})|,\s*(?P<md_yy>\d{2}))(?![\d:])"
)
_DM = (
    _WEEKDAY
    + "?"
    + r"(?P<dm_d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH.format(p="dm")
    + r",?\s+(?P<dm_y>\d{4})(?!\d)"
)
# "26-Nov-24", "03-Mar-2018": day, month abbreviation and year joined by hyphens.
_DMY_DASHED = r"(?P<hd_d>\d{1,2})-" + _MONTH.format(p="hd") + r"-(?P<hd_y>\d{4}|\d{2})(?![\d-])"
_NUM = r"(?P<n_a>\d{1,2})[/.](?P<n_b>\d{1,2})[/.](?P<n_y>\d{4}|\d{2})(?![\d.:/])"
_ISO = (
    r"(?P<iy>\d{4})-(?P<imo>[01]?\d)-(?P<id>[0-3]?\d)"
    r"(?:[T ](?P<ih>\d{2}):(?P<imi>\d{2})(?::(?P<is>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<itz>Z|[+-]\d{2}:?\d{2})?)?(?![\d:])"
)
_SEP = r"(?:\s*[,|•·\-–/]\s*|\s+)(?:at\s+|@\s*)?"

_DATE_RE = re.compile(
    r"(?<![a-z\d])(?:"
    + _ISO
    + "|"
    + r"(?:"
    + _time("a")
    + r",?\s+)?"
    + r"(?:"
    + _MD
    + "|"
    + _DM
    + "|"
    + _DMY_DASHED
    + "|"
    + _NUM
    + r")(?:"
    + _SEP
    + _time("b")
    + r")?"
    + r")",
    re.IGNORECASE,
)
# Month names right after letters are allowed (glued headers like "dazel21Sep. 16, 13"),
# so the search also tries starting right at a month name.
_MONTH_START_RE = re.compile(
    r"(?:" + _MONTH.format(p="x") + r"\s+\d)|(?:\d{1,2}[:.]\d{2})", re.IGNORECASE
)
# The same expression without the left boundary (so every group name exists on both).
_GLUED_RE = re.compile(_DATE_RE.pattern.removeprefix(r"(?<![a-z\d])"), re.IGNORECASE)

_DIGIT_RE = re.compile(r"\d")
_LONGEST_LEAD = len("Wednesday, September ")
# Where a date can begin: a digit or a weekday/month abbreviation after a non-letter.
_START_RE = re.compile(
    r"(?<![a-z\d])(?:\d|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)
_LEAD_RE = re.compile(
    r"^\s*(?:(?:first\s+)?published|(?:last\s+)?updated|modified|posted|dated?|aired|broadcast)?"
    r"(?:\s+(?:on|at))?\s*:?\s*",
    re.IGNORECASE,
)
# What may follow a date on a date line: punctuation, or a relative age the page printed
# beside it ("March 3, 2018 / 2:14 PM / Updated 5 hours ago"), which is not resolvable.
_TRAIL_RE = re.compile(
    r"^[\s|,.;:\-–—)/]*(?:(?:updated\s+)?(?:\d{1,3}|an?|one)\s+"
    r"(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago[\s.)]*)?"
    r"(?:[·|•]\s*\d{1,7}\s+(?:comments?|responses?|replies)\s*)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMatch:
    """A date found inside a line: where it is and what it means (``value`` None if unsure)."""

    start: int
    end: int
    value: datetime | None
    warning: str | None = None
    has_time: bool = False


@lru_cache(maxsize=128)
def zone_for(name: str | None) -> tzinfo:
    """The tzinfo for an IANA name: ``zone_for("Asia/Karachi")``; unknown names give UTC."""
    if not name:
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def search_date(text: str, zone: str | None = "UTC", *, pos: int = 0) -> DateMatch | None:
    """The first date in ``text`` at or after ``pos`` (short lines are cached: the same
    header or byline line is asked about by several readers of a page)."""
    if pos == 0 and len(text) <= 200:
        return _search_short(text, zone)
    return _search_date(text, zone, pos=pos)


@lru_cache(maxsize=8192)
def _search_short(text: str, zone: str | None) -> DateMatch | None:
    return _search_date(text, zone, pos=0)


def _search_date(text: str, zone: str | None = "UTC", *, pos: int = 0) -> DateMatch | None:
    """The first date in ``text`` at or after ``pos``.

    >>> search_date("KH Nov 21, 2016 09:58am", "Asia/Karachi").value
    datetime.datetime(2016, 11, 21, 9, 58, tzinfo=zoneinfo.ZoneInfo(key='Asia/Karachi'))
    """
    digit = _DIGIT_RE.search(text, pos)
    if digit is None:  # every date has a digit: the cheap test that keeps prose lines fast
        return None
    pos = max(pos, digit.start() - _LONGEST_LEAD)
    match = None
    for start in _START_RE.finditer(text, pos):
        match = _DATE_RE.match(text, start.start())
        if match is not None:
            break
    if match is None:
        # A date glued to a preceding word ("dazel21Sep. 16, 13 7:07 PM").
        for hint in _MONTH_START_RE.finditer(text, pos):
            glued = _GLUED_RE.match(text, hint.start())
            if glued is not None:
                match = glued
                break
        if match is None:
            return None
    value, warning, has_time = _build(match, zone)
    if value is None and warning == _AMBIGUOUS:
        value, warning, has_time = _by_weekday(match, text, zone)
    if warning is not None:
        warning = f"{warning}: {match.group(0).strip()!r}"
    return DateMatch(match.start(), match.end(), value, warning, has_time)


_AMBIGUOUS = "ambiguous day/month order"
_WEEKDAY_BEFORE_RE = re.compile(r"(?P<w>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*$", re.IGNORECASE)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _by_weekday(
    match: re.Match[str], text: str, zone: str | None
) -> tuple[datetime | None, str | None, bool]:
    """``Wed, 10/08/2008``: the printed weekday decides between day-first and month-first."""
    before = _WEEKDAY_BEFORE_RE.search(text[max(0, match.start() - 12) : match.start()])
    if before is None:
        return None, _AMBIGUOUS, False
    weekday = _WEEKDAYS.index(before.group("w").lower())
    a, b, year = int(match.group("n_a")), int(match.group("n_b")), int(match.group("n_y"))
    year = _two_digit_year(year) if year < 100 else year
    fits = []
    for day, month in ((a, b), (b, a)):
        try:
            if date(year, month, day).weekday() == weekday:
                fits.append((day, month))
        except ValueError:
            continue
    if len(fits) != 1:
        return None, _AMBIGUOUS, False
    day, month = fits[0]
    clock = _clock(match.group, "b") or _clock(match.group, "a")
    if clock is None:
        return _localise(datetime(year, month, day), None, zone, False)
    hour, minute, second, tz_text = clock
    return _localise(datetime(year, month, day, hour, minute, second), tz_text, zone, True)


def parse_date(text: str, zone: str | None = "UTC") -> tuple[datetime | None, str | None]:
    """A whole string that is a date (cue words like "Published:" allowed) → (value, warning).

    >>> parse_date("Thursday, March 16, 2017, 8:55 p.m.", "America/New_York")[0].isoformat()
    '2017-03-16T20:55:00-04:00'
    """
    lead = _LEAD_RE.match(text)
    start = lead.end() if lead else 0
    found = search_date(text, zone, pos=start)
    if found is None or text[start : found.start].strip() or not _TRAIL_RE.match(text[found.end :]):
        return None, f"unparseable date: {text.strip()!r}"
    return found.value, found.warning


def is_date_line(text: str) -> bool:
    """Whether a line is only a date (with optional cue): ``Tue, December 13, 2016`` → True."""
    if len(text) > 80:
        return False
    lead = _LEAD_RE.match(text)
    start = lead.end() if lead else 0
    found = search_date(text, "UTC", pos=start)
    return (
        found is not None
        and not text[start : found.start].strip(" ,|")
        and bool(_TRAIL_RE.match(text[found.end :]))
    )


def _build(match: re.Match[str], zone: str | None) -> tuple[datetime | None, str | None, bool]:
    g = match.group  # named lookups only: groupdict() of ~50 groups is the slow part
    try:
        if g("iy"):
            hour_text = g("ih")
            naive = datetime(
                int(g("iy")),
                int(g("imo")),
                int(g("id")),
                int(hour_text) if hour_text else 0,
                int(g("imi")) if hour_text else 0,
                int(g("is")) if g("is") else 0,
            )
            return _localise(naive, g("itz"), zone, hour_text is not None)
        if g("mdmon"):
            month = _MONTHS[g("mdmon")[:3].lower()]
            day = int(g("md_d"))
            year = int(g("md_y")) if g("md_y") else _two_digit_year(int(g("md_yy")))
        elif g("dmmon"):
            month = _MONTHS[g("dmmon")[:3].lower()]
            day, year = int(g("dm_d")), int(g("dm_y"))
        elif g("hdmon"):
            month = _MONTHS[g("hdmon")[:3].lower()]
            day, year = int(g("hd_d")), int(g("hd_y"))
            year = _two_digit_year(year) if year < 100 else year
        else:
            first, second, year = int(g("n_a")), int(g("n_b")), int(g("n_y"))
            if year < 100:
                year = _two_digit_year(year)
            if first <= 12 and second <= 12 and first != second:
                return None, _AMBIGUOUS, False
            day, month = (first, second) if first > 12 else (second, first)
        clock = _clock(g, "b") or _clock(g, "a")
        if clock is None:
            return _localise(datetime(year, month, day), None, zone, False)
        hour, minute, second, tz_text = clock
        naive = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None, "impossible date", False
    return _localise(naive, tz_text, zone, True)


def _clock(g, p: str) -> tuple[int, int, int, str | None] | None:
    names = _CLOCK_GROUPS[p]
    if g(names[0]):
        hour, minute = int(g(names[0])), int(g(names[1]))
        second = int(g(names[2])) if g(names[2]) else 0
        meridiem = g(names[3])
    elif g(names[4]):
        hour, minute, second = int(g(names[4])), 0, 0
        meridiem = g(names[5])
    else:
        return None
    if meridiem:
        if not 1 <= hour <= 12:
            raise ValueError("hour out of range for am/pm")
        hour = hour % 12 + (12 if meridiem[0] in "pP" else 0)
    return hour, minute, second, g(names[6])


_CLOCK_GROUPS = {p: tuple(p + n for n in ("h", "mi", "s", "ap", "h2", "ap2", "tz")) for p in "ab"}


def _two_digit_year(yy: int) -> int:
    return 2000 + yy if yy < 70 else 1900 + yy


def _localise(
    naive: datetime, tz_text: str | None, zone: str | None, has_time: bool
) -> tuple[datetime | None, str | None, bool]:
    if tz_text and tz_text.lower() in _REGION_ZONES:
        zone, tz_text = _REGION_ZONES[tz_text.lower()], None
    if tz_text:
        offset = _offset(tz_text)
        if offset is not None:
            return naive.replace(tzinfo=timezone(offset)), None, has_time
    tz = zone_for(zone)
    if isinstance(tz, ZoneInfo) and has_time and not _steady_day(zone, naive.date()):
        early = naive.replace(tzinfo=tz, fold=0)
        late = naive.replace(tzinfo=tz, fold=1)
        if early.utcoffset() != late.utcoffset():
            # Either repeated (autumn) or skipped (spring) wall time: refuse to guess.
            return None, f"time ambiguous or skipped in {zone} (DST change)", has_time
        return early, None, has_time
    return naive.replace(tzinfo=tz), None, has_time


@lru_cache(maxsize=4096)
def _steady_day(zone: str | None, day: date) -> bool:
    """Whether the zone's offset holds all day (no DST change): the common, cached case."""
    tz = zone_for(zone)
    start = datetime(day.year, day.month, day.day)
    end = start + timedelta(days=1)
    offsets = {
        start.replace(tzinfo=tz, fold=0).utcoffset(),
        start.replace(tzinfo=tz, fold=1).utcoffset(),
        end.replace(tzinfo=tz, fold=0).utcoffset(),
        end.replace(tzinfo=tz, fold=1).utcoffset(),
    }
    return len(offsets) == 1


def _offset(text: str) -> timedelta | None:
    lowered = text.lower()
    if lowered in _ABBREVIATIONS:
        return timedelta(minutes=_ABBREVIATIONS[lowered])
    match = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", text)
    if match is None:
        return None
    minutes = int(match.group(2)) * 60 + int(match.group(3))
    return timedelta(minutes=minutes if match.group(1) == "+" else -minutes)


# Dates in URL paths: "/2017/07/07/", "/2017-07-07/", "-20201124-", "/20170707/".
_URL_DATE_RES = (
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?=/|$|[-_.])"),
    re.compile(r"[/_-](?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?=/|$|[-_.])"),
    re.compile(r"(?<=[/_-])(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?=/|$|[-_.])"),
)


def date_from_url(url: str | None) -> date | None:
    """The publication day a URL's path carries, or None.

    >>> date_from_url("https://example.org/news/2017/07/07/port-closes/")
    datetime.date(2017, 7, 7)
    """
    if not url:
        return None
    path = url.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    path = path.split("?", 1)[0].split("#", 1)[0]
    for pattern in _URL_DATE_RES:
        for match in pattern.finditer(path):
            try:
                return date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
            except ValueError:
                continue
    return None


def day_start(day: date, zone: str | None) -> datetime:
    """Midnight of ``day`` in ``zone``: a date-only value as an aware datetime."""
    return datetime(day.year, day.month, day.day, tzinfo=zone_for(zone))
