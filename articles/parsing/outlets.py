"""Which outlet a page comes from: URL domain, then signature lines, then the user's word.

The registry (`DEFAULT_OUTLETS` plus the `Outlet` rows the importer passes in) is the one
place for outlet-specific knowledge such as the furniture lines that give a page away.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import urlsplit

import tldextract

from .records import OutletGuess, OutletProfile

# The public-suffix list bundled with tldextract: no download, no cache on disk (issue 9).
# Private suffixes count, so "someblog.blogspot.com" is a site of its own, not Blogspot's.
_EXTRACT = tldextract.TLDExtract(
    suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
)
# News agencies credited in wire copy: "(Reuters)", "Source: Xinhua", "- AFP".
_AGENCY_NAMES = {
    "reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "xinhua": "Xinhua",
    "pti": "PTI",
    "ians": "IANS",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "kyodo": "Kyodo",
    "tass": "TASS",
    "anadolu": "Anadolu",
    "bernama": "Bernama",
    "yonhap": "Yonhap",
    "upi": "UPI",
    "aap": "AAP",
}
_AGENCY_RE = re.compile(
    r"(?:\((?P<a>[A-Za-z][A-Za-z .-]{1,28})\)|^source\s*:\s*(?P<b>[A-Za-z][A-Za-z .-]{1,28}?)\b"
    r"|^\s*[-–—]\s*(?P<c>[A-Za-z][A-Za-z .-]{1,28}?)\s*$)",
    re.IGNORECASE,
)
_AGENCY_WINDOW = 40

DEFAULT_OUTLETS: tuple[OutletProfile, ...] = (
    OutletProfile(name="Daily Express", domains=("express.co.uk",), time_zone="Europe/London"),
    OutletProfile(
        name="Dawn",
        domains=("dawn.com",),
        time_zone="Asia/Karachi",
        # Dawn's pages open with "Alert Sign" notices (ad blocker, old browser).
        signatures=("Alert Sign Dear reader",),
    ),
)

_SIGNATURE_WINDOW = 60  # signatures are page furniture near the top or bottom of the page


def domain_of(url: str | None) -> str | None:
    """The bare host of a URL: ``domain_of("http://www.dawn.com/news/1")`` → ``dawn.com``."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return registrable_domain(host.lower().rstrip("."))


@lru_cache(maxsize=1024)
def registrable_domain(host: str) -> str:
    """The site a host belongs to: ``comments.startribune.com`` → ``startribune.com``.

    Hosts the suffix list does not know (an IP, ``localhost.localdomain``) are kept, minus
    a leading ``www.``.
    """
    parts = _EXTRACT(host)
    if parts.domain and parts.suffix:
        return f"{parts.domain}.{parts.suffix}"
    return host[4:] if host.startswith("www.") else host


def find_outlet(name: str, outlets: Sequence[OutletProfile]) -> OutletProfile | None:
    """The registry entry called ``name`` (case-insensitive), or None."""
    wanted = name.strip().casefold()
    for outlet in outlets:
        if outlet.name.casefold() == wanted:
            return outlet
    return None


def identify_outlet(
    url: str | None,
    lines: Sequence[str],
    outlets: Sequence[OutletProfile],
    forced_outlet: str | None = None,
) -> tuple[OutletGuess | None, list[str]]:
    """The outlet of a page and any warnings.

    >>> identify_outlet("https://www.dawn.com/news/1", [], DEFAULT_OUTLETS)
    (OutletGuess(name='Dawn', domain='dawn.com', time_zone='Asia/Karachi'), [])
    """
    domain = domain_of(url)
    if forced_outlet and forced_outlet.strip():
        known = find_outlet(forced_outlet, outlets)
        if known is not None:
            return _guess(known, domain), []
        return OutletGuess(name=forced_outlet.strip(), domain=domain), [
            f"outlet {forced_outlet.strip()!r} is not in the registry: times read as UTC"
        ]
    if domain is not None:
        for outlet in outlets:
            if any(domain == d or domain.endswith("." + d) for d in outlet.domains):
                return _guess(outlet, domain), []
        holder = distributed_for(lines, domain) or running_head(lines)
        if holder is not None:
            known = find_outlet(holder, outlets)
            if known is not None:
                return _guess(known, None), []
            return OutletGuess(name=holder), [
                f"outlet {holder!r} named by the copyright line; {domain} only distributes it"
            ]
        return OutletGuess(name=domain, domain=domain), [
            f"unknown outlet domain {domain!r}: times read as UTC"
        ]
    by_signature = _by_signature(lines, outlets)
    if by_signature is not None:
        return _guess(by_signature, None), []
    # Names printed on the page, strongest first: a registry outlet by that name wins.
    named = (
        (
            lambda: _logo_name(lines) or running_head(lines),
            "outlet {!r} named by the page's logo line",
        ),
        (lambda: commenters_site(lines), "outlet {!r} named by the readers' signatures"),
        (lambda: agency_credit(lines), "outlet taken from the agency credit {!r}"),
    )
    for find, warning in named:
        name = find()
        if name is not None:
            known = find_outlet(name, outlets)
            if known is not None:
                return _guess(known, None), []
            return OutletGuess(name=name), [warning.format(name)]
    return OutletGuess(name="Unknown"), ["outlet not recognised (no URL, no known signature)"]


_LOGO_RE = re.compile(r"^(?P<name>[A-Z][\w&.'’ -]{1,40}?)\s+logo$", re.IGNORECASE)
_COPYRIGHT_RE = re.compile(
    r"(?:copyright\s*)?©\s*(?:\d{4}\s+)?(?P<name>[A-Z][\w&'’ -]{1,40}?)\.\s.*"
    r"\bdistributed\s+by\b(?P<by>.{1,80})",
    re.IGNORECASE,
)


def _logo_name(lines: Sequence[str]) -> str | None:
    """``News Nation Logo`` at the top of a page names the outlet."""
    for line in [line.strip() for line in lines[:12] if line.strip()][:6]:
        match = _LOGO_RE.match(line)
        if match is not None:
            return match.group("name").strip()
    return None


# A print page's running head: page number, date, publication ("36 Wednesday December 22
# 2021 | the times"), as PDF-extracted editions keep it.
_RUNNING_HEAD_RE = re.compile(
    r"^\d{1,3}\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+.{6,30}?\d{4}\s*\|\s*(?P<name>[a-z][\w&'’ .-]{1,40})$",
    re.IGNORECASE,
)


def running_head(lines: Sequence[str]) -> str | None:
    """The publication named by a print page's running head, title-cased when printed small."""
    for line in lines[:25]:
        match = _RUNNING_HEAD_RE.match(line.strip())
        if match is not None:
            name = match.group("name").strip()
            return name.title() if name.islower() else name
    return None


def distributed_for(lines: Sequence[str], domain: str) -> str | None:
    """The outlet an aggregator re-serves: ``Copyright © 2020 Vanguard. All rights reserved.
    Distributed by Afrinews (afrinews.com)`` on afrinews.com → ``Vanguard``."""
    site = domain.split(".")[0].casefold()
    for line in lines[-_AGENCY_WINDOW:]:
        if "©" not in line or "istributed" not in line:
            continue
        match = _COPYRIGHT_RE.search(line)
        if match is not None and site in match.group("by").casefold().replace(" ", ""):
            return match.group("name").strip()
    return None


# "Ann Bo@Harbour News Letters": a reader signed on the outlet's own page (not an e-mail).
_SIGNED_AT_RE = re.compile(
    r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}@(?P<site>[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){1,4})$"
)
# A section of the outlet after its name: "Harbour News Magazine" is Harbour News.
_SECTION_WORDS = frozenset(
    "magazine blog blogs online letters opinion comment comments sport sports business "
    "politics world live".split()
)


def commenters_site(lines: Sequence[str]) -> str | None:
    """The outlet readers signed their letters or comments on, when two or more agree:
    ``Ann Bo@Harbour News Magazine`` twice → ``Harbour News`` (a section word dropped)."""
    sites: dict[str, int] = {}
    for line in lines:
        if "@" not in line or len(line) > 90:
            continue
        match = _SIGNED_AT_RE.match(line.strip())
        if match is not None:
            sites[match.group("site")] = sites.get(match.group("site"), 0) + 1
    if len(sites) != 1:
        return None
    site, count = sites.popitem()
    if count < 2:
        return None
    words = site.split()
    while len(words) > 2 and words[-1].casefold() in _SECTION_WORDS:
        words.pop()
    return " ".join(words)


def agency_credit(lines: Sequence[str]) -> str | None:
    """The news agency a wire story credits, when the page names exactly one.

    >>> agency_credit(["CAIRO (Reuters) - Talks resumed on Monday."])
    'Reuters'
    """
    found: set[str] = set()
    window = list(lines[:_AGENCY_WINDOW]) + list(lines[-_AGENCY_WINDOW:])
    for line in window:
        if "(" not in line and ":" not in line[:12] and "-" not in line[:3] and "–" not in line[:3]:
            continue
        for match in _AGENCY_RE.finditer(line.strip()[:300]):
            name = (match.group("a") or match.group("b") or match.group("c") or "").strip()
            agency = _AGENCY_NAMES.get(name.casefold())
            if agency is not None:
                found.add(agency)
    return found.pop() if len(found) == 1 else None


def _guess(outlet: OutletProfile, domain: str | None) -> OutletGuess:
    own = domain if domain and any(domain.endswith(d) for d in outlet.domains) else None
    chosen = own or (outlet.domains[0] if outlet.domains else domain)
    return OutletGuess(name=outlet.name, domain=chosen, time_zone=outlet.time_zone)


def _by_signature(lines: Sequence[str], outlets: Sequence[OutletProfile]) -> OutletProfile | None:
    candidates = [o for o in outlets if o.signatures]
    if not candidates:
        return None
    signatures = [[_norm(s) for s in o.signatures] for o in candidates]
    # Only a line's opening can match, so long lines (comment text) are cut before normalising.
    longest = max(len(s) for found in signatures for s in found)
    # A line can only match a signature sharing its first letter: the rest are never normalised.
    firsts = {s[:1] for found in signatures for s in found}
    window = list(lines[:_SIGNATURE_WINDOW]) + list(lines[-_SIGNATURE_WINDOW:])
    seen = {
        _opening(line, longest)
        for line in window
        if line
        and not line.isspace()
        and ("" in firsts or line.lstrip()[:1].casefold()[:1] in firsts)
    }
    best: OutletProfile | None = None
    best_score = 0
    tied = False
    for outlet, signatures_of in zip(candidates, signatures, strict=True):
        score = sum(1 for s in signatures_of if any(line.startswith(s) for line in seen))
        if score > best_score:
            best, best_score, tied = outlet, score, False
        elif score == best_score and score > 0:
            tied = True
    return None if tied else best


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _opening(line: str, length: int) -> str:
    """The normalised start of ``line``, at least ``length`` characters when the line has them."""
    cut = _norm(line[: 2 * length + 16])
    return cut if len(cut) >= length or len(line) <= 2 * length + 16 else _norm(line)
