"""Page layout: which lines of a dump are headline, byline, dates, body, tags and comments.

Nothing in a dump marks what a line is, so each line is judged on general evidence:
its shape (length, closing punctuation, markup such as ``## ``), its position (before or
after the byline, at the end of the article), repetition (a pull quote repeats a later
paragraph) and cue words (``Published``, ``RELATED ARTICLES``, ``Comments (22)``).
People and quotes are left empty here; `extract.py` fills them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from itertools import islice

from .bylines import looks_like_name, normalise_name, parse_byline, parse_credit_footer
from .dates import date_from_url, day_start, is_date_line, search_date
from .outlets import identify_outlet
from .records import ArticleRecord, ExtractionError, OutletGuess, OutletProfile, ParsedComment
from .threads import find_thread

_URL_RE = re.compile(r"^(?:url:\s*)?(https?://\S+)$", re.IGNORECASE)
_HEADING_RE = re.compile(r"^#{1,6}\s+")
_MARKUP_RE = re.compile(r"</?[a-z][^>]*>|\*\*|__|^#{1,6}\s+", re.IGNORECASE)
_BULLET_RE = re.compile(r"^(?:[-•*·▪►◦‣–]\s*|\d{1,2}[.)]\s+(?=\D{0,80}$))")
_NOTICE_RE = re.compile(
    r"\bad[\s-]?block(?:er|ing)?\b|\bturn off (?:your )?ad|\bdisable (?:your )?ad|"
    r"\b(?:upgrade|update) (?:to|your)\b.{0,40}\b(?:browser|version of (?:ie|internet explorer))|"
    r"\benable javascript\b|\bjavascript (?:is )?(?:disabled|required)\b"
    r"|\bcookies? (?:policy|settings|consent)\b|\bwe use cookies\b|^advertisement$"
    r"|^sponsored(?: content)?$|\bsign up (?:to|for) (?:our|the) newsletter|"
    r"^(?:copyright\b|©|\(c\)\s)|\ball rights reserved\b",
    re.IGNORECASE,
)
_NOTICE_HINTS = (
    "block", "turn off", "disable", "browser", " ie", "internet explorer", "javascript", "cookie",
    "advertisement", "sponsored", "newsletter", "copyright", "©", "(c)", "rights reserved",
)  # fmt: skip
_FORM_RE = re.compile(
    r"^(?:your|recipient|sender|friend'?s|e-?mail|name|message|subject|website|password|comment)"
    r"\b[\w\s'’-]{0,25}:\s*\*?$",
    re.IGNORECASE,
)
_CUE_LIST_RE = re.compile(
    r"^(?:read more|related(?: articles| stories| videos| content| coverage| links)?"
    r"|see also|more on this"
    r"|more from|you may also like|recommended|most read|most popular|trending|watch|listen"
    r"|click here|follow us|share this|share on|sign up|subscribe|tags?|topics?)\b",
    re.IGNORECASE,
)
_TAGS_PREFIX_RE = re.compile(
    r"^(?:tags?|topics?|filed under|related topics|keywords)\s*:\s*(?P<tags>.+)$", re.IGNORECASE
)
_TAG_SEPARATORS_RE = re.compile(r"\s*(?:[|•·;,]|\s/\s)\s*")
_CREDIT_WORDS_RE = re.compile(r"\b(?:by|for|with|from|photos?|reporting|editing)\b", re.IGNORECASE)
_GLUE_RE = re.compile(r"(?<=[a-z0-9)’'])(?=[A-Z])")
_CLOSERS = "\"'”’»)]*_ "
_UPDATED_CUE_RE = re.compile(r"\b(?:updated|modified|amended|edited)\b", re.IGNORECASE)
_LETTER_OPENING_RE = re.compile(r"^(?:sir|madam|dear\s+\w+)\s*[,:—–-]", re.IGNORECASE)
_PUNCT_RE = re.compile(r"[^\w\s]")
_PUNCT_TABLE = {
    ord(ch): " "
    for ch in [chr(i) for i in range(128)] + list("‘’“”«»–—…•·")
    if not (ch.isalnum() or ch == "_" or ch.isspace())
}
_DIGITS = "0123456789"
# Possessive repeats: a comma-segment can be read one way only, so a near-miss fails at
# once instead of trying every split of spaces between segments (issue 11: 418 bytes hung).
_SIGNATURE_RE = re.compile(r"^[—–-]?+\s*+(?P<name>[^,]{3,60})(?:,(?P<place>[^,]{2,60}))*+$")

_STAMP_RE = re.compile(r"^\s*date\s+(?P<day>\d{4}-\d{2}-\d{2})\b\s*(?P<rest>.*)$")
# "Source:Xinhua Published: 2013-2-21 22:30:31": a date after a cue inside a short line.
_DATE_CUE_RE = re.compile(r"\b(?:published|posted|updated|dated?)\b\s*(?:on\s*)?:?", re.IGNORECASE)
_HEADER_WINDOW = 10  # the headline/byline block sits in the first paragraphs of the page
_META_WINDOW = 8  # byline and dates follow the headline within a few paragraphs
_MIN_BODY_WORDS = 25  # below this an article is stored with a "short article" warning
_MIN_TEXT_WORDS = 8  # below this (and with no comments) a page is not an article
_SECTION_WORDS = 3  # section labels above a date ("World News", "Devon & Cornwall") are short
_FOOTER_WINDOW = 4  # wire credits close the story within its last few lines
_PULL_QUOTE_REACH = 12  # paragraphs either side where a pull quote's full paragraph sits


@dataclass(frozen=True)
class _Para:
    index: int  # line number in the dump
    text: str


def parse_page(
    text: str,
    *,
    source: str,
    outlets: Sequence[OutletProfile],
    forced_outlet: str | None = None,
    explain: dict[int, str] | None = None,
) -> ArticleRecord:
    """The article record of one decoded dump; raises ``ExtractionError`` for non-articles.

    Pass a dict as ``explain`` to receive each line's role (line index -> role), which
    ``import_articles --dry-run --explain`` prints.

    >>> parse_page("## Port shut\\n\\nBy Ada Finch\\n\\nThe port…", source="a", outlets=()).authors
    ('Ada Finch',)
    """
    lines = text.split("\n")
    warnings: list[str] = []
    # A scraper's " date 2022-01-12 " stamp opening the page is the day it gives the page.
    texts = list(islice((i for i, line in enumerate(lines) if line.strip()), 2))
    if texts and _URL_RE.match(lines[texts[0]].strip()):
        texts = texts[1:]
    stamped = _STAMP_RE.match(lines[texts[0]]) if texts else None
    if stamped is not None:
        lines[texts[0]] = stamped.group("rest")
    paras = [_Para(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    if not paras:
        raise ExtractionError("not an article: no text")

    url = None
    match = _URL_RE.match(paras[0].text)
    if match is not None:
        url = match.group(1)
        paras = paras[1:]

    outlet, outlet_warnings = identify_outlet(url, lines, outlets, forced_outlet)
    warnings.extend(outlet_warnings)
    zone = outlet.time_zone if outlet is not None and outlet.time_zone else "UTC"
    outlet_names = [o.name for o in outlets] + ([outlet.name] if outlet else [])

    # Comments: a thread found by its heading or by its repeated structure.
    comments: tuple[ParsedComment, ...] = ()
    declared: int | None = None
    first_line = paras[0].index if paras else 0
    thread = find_thread(lines, first_line, zone, article_start=_first_prose_line(paras))
    if thread is not None:
        declared = thread.declared
        comments = thread.comments
        warnings.extend(thread.warnings)
        if explain is not None:
            explain.update(
                {i: f"{role} ({thread.shape} thread)" for i, role in thread.roles.items()}
            )
        # Lines inside a signed thread that belong to no comment are the page's own words:
        # the topic each group of comments answers ("On a story about …:").
        context = [
            p.text
            for k, p in enumerate(paras)
            if (
                p.index >= thread.start
                # the first group's topic sits right above the thread
                or (k + 1 < len(paras) and paras[k + 1].index >= thread.start)
            )
            and p.index not in thread.roles
            and thread.shape == "signed"
            and _is_topic_context(p.text)
        ]
        if explain is not None:
            explain.update({p.index: "topic (page text)" for p in paras if p.text in context})
        paras = [p for p in paras if p.index < thread.start and p.text not in context]
    else:
        context = []

    title_at = _slug_title(paras, url, outlet_names)
    if title_at is None:
        title_at = _find_title(paras, outlet_names)
    index_page = _is_index_page(paras, outlet_names)
    if index_page:
        title_at = None
        warnings.append("index page: several stories with their own headlines and bylines")
    if title_at is not None and _is_promo(paras, title_at):
        title_at = None  # "Got a licence?" then "Find out more": a promo box, not the story
    if title_at is None and comments:
        title_at = _title_above_thread(paras, outlet_names)
    heading_title = None
    if title_at is None and thread is not None and not paras:
        # A page that is only a comment thread under its heading ("User Comments"): the
        # heading is the page's headline.
        heading = lines[thread.start].strip()
        if thread.roles.get(thread.start) == "comments heading" and _title_shaped(heading):
            heading_title = _clean(heading)
    if title_at is None:
        title = heading_title or ""
        if not title:
            warnings.append("no headline found")
        head = _Header(0)
        if paras and _HEADING_RE.match(paras[0].text) is None:
            head = _read_header(paras, -1, zone, outlet_names)
    else:
        title = _strip_site_name(_title_text(paras[title_at].text), outlet)
        head = _read_header(paras, title_at, zone, outlet_names)
    warnings.extend(head.warnings)
    tags, tag_at = _find_tags(paras, head.body_start)
    article_end = tag_at if tag_at is not None else len(paras)
    body, leftovers = _body(paras[head.body_start : article_end], outlet_names)
    authors = () if index_page else head.authors
    if index_page:
        head = _Header(head.body_start, (), None, None, None, head.warnings)
    if not authors and not index_page:
        authors = _letter_signature(title, body, leftovers)
    if not authors and not title and not comments and not index_page:
        authors = _signer_after_body(paras[head.body_start : article_end], body)
    if not authors and not index_page:
        authors = _footer_credits(paras[head.body_start : article_end])
    if not authors and not index_page:
        authors = _broadcast_credit(body)
    if tags:
        tags = _split_tags(tags, " ".join((title, head.standfirst or "", *body)))

    words = sum(len(p.split()) for p in body) + len((head.standfirst or "").split())
    if words < _MIN_BODY_WORDS:
        if not comments and words < _MIN_TEXT_WORDS:
            raise ExtractionError("not an article: no body text under the headline")
        if not comments:
            warnings.append(f"short article: {words} words of body text")
    published, updated = head.published, head.updated
    if published is None and stamped is not None:
        published = day_start(date.fromisoformat(stamped.group("day")), zone)
    url_day = date_from_url(url)
    if url_day is not None:
        if published is None:
            published = day_start(url_day, zone)
            warnings.append("publication date read from the URL")
        elif published.date() != url_day:
            warnings.append(
                f"publication date {published.date()} differs from the URL's {url_day}: URL kept"
            )
            published = day_start(url_day, zone)
    if published is None and not index_page:
        published = _date_near_headline(paras, title_at, zone)
        if published is not None:
            warnings.append("publication date taken from a date line near the headline")
    if published is None:
        warnings.append("no publication date found")
    if explain is not None:
        _explain_roles(explain, paras, title_at, head, body, tags, tag_at)
    full_body = ((head.standfirst,) if head.standfirst else ()) + tuple(body)
    full_body += tuple(c for c in context if c not in full_body)
    return ArticleRecord(
        source=source,
        title=title,
        url=url,
        outlet=outlet,
        authors=tuple(authors),
        published=published,
        updated=updated,
        standfirst=head.standfirst,
        body=full_body,
        tags=tuple(tags),
        comments=comments,
        comments_declared=declared,
        warnings=tuple(warnings),
        crossheads=_crossheads(paras[head.body_start : article_end], body),
    )


def _crossheads(paras: Sequence[_Para], body: Sequence[str]) -> tuple[str, ...]:
    """Sentence-case headings between body paragraphs: "Council to sue Brannock".

    Not labels ("Image caption: …", "Subjects: …"), furniture or title-case promos.
    """
    in_body = set(body)
    kept = [i for i, p in enumerate(paras) if p.text in in_body]
    if len(kept) < 2:
        return ()
    found = []
    for para in paras[kept[0] + 1 : kept[-1]]:
        text = para.text
        if len(text) > 160:
            continue
        words = text.split()
        if (
            3 <= len(words) <= 14
            and text not in in_body
            and ":" not in text
            and sum(w[:1].isupper() for w in words) * 2 <= len(words)
            and not _is_furniture(text)
        ):
            found.append(text)
    return tuple(found)


@dataclass
class _Header:
    body_start: int
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    updated: datetime | None = None
    standfirst: str | None = None
    warnings: tuple[str, ...] = ()


def _first_prose_line(paras: Sequence[_Para]) -> int:
    """Line index of the first paragraph of running text (the article has begun)."""
    for para in paras[:60]:
        if _is_prose(para.text) and len(para.text.split()) >= 12:
            return para.index
    return paras[0].index if paras else 0


def _explain_roles(
    explain: dict[int, str],
    paras: Sequence[_Para],
    title_at: int | None,
    head: _Header,
    body: Sequence[str],
    tags: Sequence[str],
    tag_at: int | None,
) -> None:
    kept = set(body)
    for i, para in enumerate(paras):
        if para.index in explain:
            continue
        if i == title_at:
            role = "headline"
        elif para.text == head.standfirst:
            role = "standfirst"
        elif i < head.body_start:
            role = "byline/date" if _is_meta(para.text, ()) else "header furniture"
        elif tag_at is not None and i == tag_at:
            role = "tags"
        elif para.text in kept:
            role = "body"
        else:
            role = "furniture"
        explain[para.index] = role


_CALL_TO_ACTION_RE = re.compile(
    r"^(?:find out more|learn more|read more|more info|click here|sign up(?: now)?|subscribe(?: now)?"
    r"|register now|download (?:the|our) app)\W*$",
    re.IGNORECASE,
)


def _is_index_page(paras: Sequence[_Para], outlet_names: Sequence[str]) -> bool:
    """A list of story summaries: three or more headline + byline pairs on one page."""
    pairs = 0
    for i, para in enumerate(paras[:200]):
        if i == 0 or len(para.text) > 160 or "by" not in para.text.lower():
            continue
        if not _title_shaped(paras[i - 1].text):
            continue
        byline = parse_byline(para.text, outlet_names=outlet_names)
        if byline is not None and byline.authors:
            pairs += 1
    return pairs >= 3


def _is_topic_context(text: str) -> bool:
    """A line introducing a group of comments: "On a story about the ferry slip closing:"."""
    words = text.split()
    return (
        4 <= len(words) <= 40
        and (text.endswith(":") or _TOPIC_DATE_RE.search(text) is not None)
        and not _is_furniture(text)
    )


# A readers' page heads each group of comments with the story they answer and its date:
# "Harbour ferry to stop in winter (Feb 16)".
_TOPIC_DATE_RE = re.compile(r"\((?:[A-Z][a-z]{2,8}\.?,? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}\.?)\)$")


def _is_promo(paras: Sequence[_Para], at: int) -> bool:
    """A headline-shaped line whose box ends in a call to action within two lines."""
    return any(_CALL_TO_ACTION_RE.match(p.text) for p in paras[at + 1 : at + 4])


def _date_near_headline(paras: Sequence[_Para], title_at: int | None, zone: str) -> datetime | None:
    """A short line with a full date just around the headline (a print page's date bar:
    ``36 Wednesday December 22 2021 | the times``): the last resort for the date."""
    centre = title_at if title_at is not None else 0
    for para in paras[max(0, centre - 4) : centre + 3]:
        text = para.text
        if len(text.split()) > 10 or not any(ch.isdigit() for ch in text):
            continue
        if _UPDATED_CUE_RE.search(text):
            continue  # an "Updated" stamp alone is not the publication date
        found = search_date(text, zone)
        if found is not None and found.value is not None:
            return found.value
    return None


def _title_above_thread(paras: Sequence[_Para], outlet_names: Sequence[str]) -> int | None:
    """On a comment page with no article text, the first headline-shaped line above the
    thread (``State secret: … interviews`` then ``1 Response``)."""
    if any(_is_prose(p.text) and len(p.text.split()) >= 12 for p in paras):
        return None
    for i, para in enumerate(paras[:6]):
        text = _title_text(para.text)
        if _title_shaped(text) and not _is_furniture(text) and not _is_meta(text, outlet_names):
            return i
    return None


def _slug_title(paras: Sequence[_Para], url: str | None, outlet_names: Sequence[str]) -> int | None:
    """The headline when the URL's slug names it: most of the slug's words in one line.

    ``…/2014/08/rob_ford_still_a_contender_in_latest_election_poll/`` picks the line
    ``Rob Ford still a contender in latest election poll`` over a date bar or a section
    label above it.
    """
    slug = _slug_words(url)
    if len(slug) < 3:
        return None
    best: tuple[float, int] | None = None
    needed = 0.6
    for i, para in enumerate(paras[:30]):
        if len(para.text) > 300:
            needed = 0.8  # running text: the headline sits above it
            continue
        if needed < 0.8 and len(para.text) > 60 and _is_prose(para.text):
            # The headline sits above the running text: below it (a caption shares words
            # with the slug) only a near-complete match counts.
            needed = 0.8
        words = set(_SLUG_SPLIT_RE.split(para.text.casefold()))
        share = len(slug & words) / len(slug)
        if share < needed or len(slug & words) < 3 or (best is not None and share <= best[0]):
            continue
        text = _title_text(para.text)
        if not _title_shaped(text) or _is_furniture(text) or _is_meta(text, outlet_names):
            continue
        best = (share, i)
        if share == 1:
            break  # every slug word: no later line can do better
    return best[1] if best else None


_SLUG_SPLIT_RE = re.compile(r"[^a-z0-9]+")
_SLUG_NOISE = {"html", "htm", "php", "aspx", "asp", "amp", "index", "story", "news", "article"}


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    # A query can carry the path too ("?q=blog/post/201201/storm-hits-coast").
    path = re.sub(r"[?&=]", "/", url.split("://", 1)[-1].split("#", 1)[0])
    pieces = [p for p in path.split("/")[1:] if p]
    if not pieces:
        return set()
    slug = max(pieces, key=lambda p: p.count("-") + p.count("_"))
    words = {w for w in _SLUG_SPLIT_RE.split(slug.casefold()) if w and not w.isdigit()}
    return words - _SLUG_NOISE


_SITE_SUFFIX_RE = re.compile(r"\s+[-|–—]\s+(?P<site>[^-|–—]{2,80})$")


def _strip_site_name(title: str, outlet: OutletGuess | None) -> str:
    """``Storm hits coast - Harbour News (Harbour Broadcasting)`` → ``Storm hits coast`` when
    the last segment names the site (its outlet name or its domain's name)."""
    match = _SITE_SUFFIX_RE.search(title)
    if match is None or outlet is None:
        return title
    site = _norm(match.group("site"))
    names = {_norm(outlet.name)}
    if outlet.domain:
        names.add(outlet.domain.split(".")[0])
    if any(name and (site == name or name in site.split()) for name in names):
        return title[: match.start()].rstrip()
    return title


def _title_text(text: str) -> str:
    """A headline without markup or the cells of a form table (``Topic: | Title | Home |``)."""
    text = _clean(text)
    if text.count("|") >= 2:
        cells = [c.strip() for c in text.split("|") if c.strip()]
        cells = [c for c in cells if not c.endswith(":")]
        if cells:
            text = max(cells, key=len)
    return text


def _find_title(paras: Sequence[_Para], outlet_names: Sequence[str]) -> int | None:
    """Index (in ``paras``) of the headline."""
    window = min(len(paras), _HEADER_WINDOW + 5)
    for i in range(window):
        if _HEADING_RE.match(paras[i].text) and _title_shaped(_clean(paras[i].text)):
            return i
    # No marked headline: the title-shaped line nearest above the first byline/date line.
    for anchor in range(min(len(paras), 30)):
        if _is_meta(paras[anchor].text, outlet_names):
            above = None
            for i in range(anchor - 1, -1, -1):
                text = paras[i].text
                if (
                    _title_shaped(text)
                    and not _is_furniture(text)
                    and not _is_outlet_name(text, outlet_names)
                ):
                    above = i
                    break
            below = _headline_below(paras, anchor, outlet_names)
            if below is not None and (
                above is None
                or len(paras[above].text.split()) <= _SECTION_WORDS < len(paras[below].text.split())
            ):
                # "Devon & Cornwall" / "3 March 2018" / headline: a section label, then the
                # date, then the headline (broadcaster and wire layouts).
                return below
            if above is not None:
                return above
            break
    # Otherwise the first title-shaped line followed closely by prose; a headline sits
    # above the running text, so the search stops at the first long paragraph.
    for i in range(min(len(paras), 30)):
        text = paras[i].text
        if _is_prose(text) and len(text.split()) >= 12:
            return None
        if (
            _title_shaped(text)
            and not _is_furniture(text)
            and not _is_outlet_name(text, outlet_names)
            and any(_is_prose(p.text) and not _is_furniture(p.text) for p in paras[i + 1 : i + 4])
        ):
            return i
    return None


def _is_outlet_name(text: str, outlet_names: Sequence[str]) -> bool:
    """``Daily Express`` alone on a line is the masthead, never the headline."""
    if len(text) > 60:
        return False
    key = _norm(text)
    return any(key == _norm(name) or key == _norm(name.split(".")[0]) for name in outlet_names)


def _headline_below(paras: Sequence[_Para], anchor: int, outlet_names: Sequence[str]) -> int | None:
    """The line right under a leading date line when it is shaped like a headline."""
    i = anchor + 1
    if i >= len(paras):
        return None
    text = paras[i].text
    if (
        len(text.split()) <= _SECTION_WORDS
        or not _title_shaped(text)
        or _is_furniture(text)
        or _is_meta(text, outlet_names)
    ):
        return None
    return i


def _read_header(
    paras: Sequence[_Para], title_at: int, zone: str, outlet_names: Sequence[str]
) -> _Header:
    """Byline, dates and standfirst around the headline; where the body starts."""
    authors: list[str] = []
    published: datetime | None = None
    updated: datetime | None = None
    warnings: list[str] = []
    last_meta = None
    prose: list[str] = []
    lo = max(0, title_at - 3)
    hi = min(len(paras), title_at + 1 + _META_WINDOW)
    for i in range(lo, hi):
        if i == title_at:
            continue
        text = paras[i].text
        byline = parse_byline(text, outlet_names=outlet_names)
        date_text = None
        if byline is not None:
            for name in byline.authors:
                if name not in authors:
                    authors.append(name)
            date_text = byline.rest
        elif _is_date_text(text):
            date_text = _clean(text)
        elif len(text) <= 100 and (cue := _DATE_CUE_RE.search(text)) and _has_date(text):
            date_text = text[cue.start() :]
        elif i > title_at and _is_prose(text):
            if last_meta is not None:
                # Running text after the byline/dates: the body has begun, and a date line
                # further down (related-article noise) is not the article's own (issue 4).
                break
            prose.append(text)
            continue
        else:
            continue
        if i > title_at:
            last_meta = i
        for value, is_update, warning in _dates_in(date_text or "", zone):
            if warning:
                warnings.append(warning)
            elif is_update and updated is None:
                updated = value
            elif not is_update and published is None:
                published = value
    if last_meta is None:
        return _Header(title_at + 1, tuple(authors), published, updated, None, tuple(warnings))
    standfirst = prose[0] if prose else None
    return _Header(last_meta + 1, tuple(authors), published, updated, standfirst, tuple(warnings))


def _dates_in(text: str, zone: str) -> list[tuple[datetime | None, bool, str | None]]:
    """Dates of a byline/date line, each flagged as an update when a cue word precedes it."""
    found: list[tuple[datetime | None, bool, str | None]] = []
    pos = 0
    while pos < len(text):
        match = search_date(text, zone, pos=pos)
        if match is None:
            break
        before = text[pos : match.start]
        found.append((match.value, bool(_UPDATED_CUE_RE.search(before)), match.warning))
        pos = match.end
    return found


def _body(paras: Sequence[_Para], outlet_names: Sequence[str]) -> tuple[list[str], list[str]]:
    """Article paragraphs with furniture removed; also the removed lines (for signatures)."""
    kept: list[str] = []
    seen: set[str] = set()  # a set: "text in kept" on a list was quadratic (issue 11)
    dropped: list[str] = []
    last = len(paras) - 1
    for n, para in enumerate(paras):
        text = para.text
        if _HEADING_RE.match(text):
            dropped.append(text)
            continue
        # The page's last paragraph may be cut off mid-sentence by the scrape: running text
        # all the same when it is long enough and follows the body.
        cut_off = (
            n == last and kept and len(text.split()) >= 15 and text.lstrip("\"“‘'")[:1].isupper()
        )
        if _is_furniture(text) or not (_is_prose(text) or cut_off) or text in seen:
            dropped.append(text)
            continue
        if parse_byline(text, outlet_names=outlet_names) is not None:
            dropped.append(text)
            continue
        kept.append(text)
        seen.add(text)
    # Pull quotes: a short paragraph or heading repeated inside a later, longer paragraph.
    # A pull quote sits within a few paragraphs of the one it repeats, so only those are
    # searched: searching the whole article per paragraph was quadratic (issue 11).
    normalised = [_norm(p) for p in kept]
    body: list[str] = []
    for i, text in enumerate(kept):
        own = normalised[i]
        near = normalised[max(0, i - _PULL_QUOTE_REACH) : i + _PULL_QUOTE_REACH + 1]
        if 6 <= len(own.split()) < 60 and any(own in other and own != other for other in near):
            dropped.append(text)
            continue
        body.append(text)
    return body, dropped


def _find_tags(paras: Sequence[_Para], body_start: int) -> tuple[list[str], int | None]:
    """Tags from the tag line at the end of the article, and its index."""
    for i in range(len(paras) - 1, max(body_start, len(paras) - 4) - 1, -1):
        text = _clean(paras[i].text)
        if _FORM_RE.match(text) or _is_notice(text):
            continue
        prefixed = _TAGS_PREFIX_RE.match(text)
        if prefixed is not None:
            return _pieces(prefixed.group("tags")), i
        if _ends_sentence(text) or len(text) > 200:
            return [], None
        pieces = _pieces(text)
        # Commas also sign letters ("Margaret Hale, Lowfield"): a comma list needs 3 tags.
        needed = 3 if "," in text and not re.search(r"[|•·;]", text) else 2
        if len(pieces) >= needed and all(_tag_shaped(p) for p in pieces):
            return pieces, i
        if _GLUE_RE.search(text) and len(text.split()) <= 12 and text[:1].isupper():
            return [text], i
        return [], None
    return [], None


def _tag_shaped(piece: str) -> bool:
    words = piece.split()
    return 1 <= len(words) <= 4 and piece[:1].isupper() and not _CREDIT_WORDS_RE.search(piece)


def _pieces(text: str) -> list[str]:
    return [p.strip() for p in _TAG_SEPARATORS_RE.split(text) if p.strip()]


def _split_tags(pieces: Sequence[str], article: str) -> list[str]:
    """Split tags glued together (``Donald TrumpRussia``) where the article shows the parts.

    At each lower→upper boundary the longest run that the article itself contains wins,
    so ``McDonald`` stays whole when the article writes it that way.
    """
    tags: list[str] = []
    for piece in pieces:
        cuts = [m.start() for m in _GLUE_RE.finditer(piece)] + [len(piece)]
        start = 0
        while start < len(piece):
            ends = [c for c in cuts if c > start]
            chosen = None
            for end in reversed(ends):
                if _contains_phrase(article, piece[start:end]):
                    chosen = end
                    break
            if chosen is None:
                chosen = ends[0]
                # A two-letter lead ("Mc", "De") is a name prefix, not a tag of its own.
                while len(piece[start:chosen]) <= 2 and chosen != ends[-1]:
                    chosen = ends[ends.index(chosen) + 1]
            tag = piece[start:chosen].strip()
            if tag and tag not in tags:
                tags.append(tag)
            start = chosen
    return tags


def _contains_phrase(article: str, phrase: str) -> bool:
    at = article.find(phrase)
    while at != -1:
        before = article[at - 1] if at > 0 else " "
        end = at + len(phrase)
        after = article[end] if end < len(article) else " "
        if not before.isalnum() and not after.isalpha():
            return True
        at = article.find(phrase, at + 1)
    return False


def _letter_signature(title: str, body: Sequence[str], leftovers: Sequence[str]) -> tuple[str, ...]:
    """The signer of a letter (``Sir, …`` … ``Margaret Hale, Lowfield``) when the page is one."""
    if not body or not leftovers:
        return ()
    is_letter = _LETTER_OPENING_RE.match(body[0]) or "letter" in title.casefold()
    if not is_letter:
        return ()
    last = leftovers[-1].strip()
    match = _SIGNATURE_RE.match(last)
    if match is None or _ends_sentence(last):
        return ()
    name = match.group("name").strip(" —–-")
    return (name,) if looks_like_name(name) else ()


_VIA_RE = re.compile(r",\s*(?:via|on|by)\s+\S.*$", re.IGNORECASE)


def _signer_after_body(paras: Sequence[_Para], body: Sequence[str]) -> tuple[str, ...]:
    """The signer of a headline-less page of running text (a single letter or comment):
    the name line right after the last body paragraph (``Dave Parks``; ``Ana Ruiz`` then
    ``Leeds``; ``Nell, via Facebook``)."""
    if not body:
        return ()
    last = max((i for i, p in enumerate(paras) if p.text == body[-1]), default=None)
    if last is None or last + 1 >= len(paras):
        return ()
    line = paras[last + 1].text.strip()
    line = _VIA_RE.sub("", line).strip(" —–-")
    if len(line) > 40 or _ends_sentence(line):
        return ()
    name = line.split(",")[0].strip()
    if not looks_like_name(name) or len(name.split()) > 4:
        return ()
    return (normalise_name(name),)


# A broadcaster's sign-off naming its reporter: "Harbour Radio’s Ada Finch reports." /
# "… was there." / "… has more."
_BROADCAST_CREDIT_RE = re.compile(
    r"[’']s\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s+"
    r"(?:reports|reported|was there|has more|has the story|is there)\.(?:\s|$)"
)


def _broadcast_credit(body: Sequence[str]) -> tuple[str, ...]:
    for paragraph in body[:4]:
        match = _BROADCAST_CREDIT_RE.search(paragraph)
        if match is not None and looks_like_name(match.group("name")):
            return (normalise_name(match.group("name")),)
    return ()


def _footer_credits(paras: Sequence[_Para]) -> tuple[str, ...]:
    """Reporters from wire credits at the end: ``(Reporting by Ana Ruiz; Editing by Tom Hale)``."""
    for para in reversed(paras[-_FOOTER_WINDOW:]):
        authors = parse_credit_footer(para.text)
        if authors:
            return authors
    return ()


def _is_meta(text: str, outlet_names: Sequence[str]) -> bool:
    return parse_byline(text, outlet_names=outlet_names) is not None or _is_date_text(text)


def _is_date_text(text: str) -> bool:
    """Whether a paragraph is only a date once markup is gone: ``**Fri, June 2, 2017**``."""
    # Every date has a digit: testing for one is cheaper than cleaning a long paragraph.
    return any(map(text.__contains__, _DIGITS)) and is_date_line(_clean(text))


@lru_cache(maxsize=1024)
def _is_furniture(text: str) -> bool:
    # Cached: headline, header, body and crosshead readers each ask about the same lines.
    return bool(
        _BULLET_RE.match(text)
        or _is_notice(text)
        or _FORM_RE.match(text)
        or _URL_RE.match(text)
        or (_CUE_LIST_RE.match(text) and len(text.split()) <= 8)
        or text.endswith(("...", "…"))
        and len(text.split()) < 30
        or _is_date_text(text)
    )


def _is_notice(text: str) -> bool:
    lowered = text.lower()
    # Substring test first: the notice regex is costly on long paragraphs.
    return any(hint in lowered for hint in _NOTICE_HINTS) and bool(_NOTICE_RE.search(text))


_ALNUM_RE = re.compile(r"[^\W_]")


def _title_shaped(text: str) -> bool:
    words = text.split()
    return (
        2 <= len(words) <= 30
        and len(text) <= 250
        and not text.rstrip(_CLOSERS).endswith(".")
        and not text.endswith((":", ","))
        and any(ch.isalpha() for ch in text)
        and not _NOT_TITLE_RE.search(text)
        and not (len(words) <= 8 and _has_date(text))
        and sum(1 for w in words if len(_ALNUM_RE.findall(w)) >= 3) >= 2
    )


# What a headline never is: a breadcrumb trail, a salutation, a scraper's date prefix,
# a logo or photo credit, a tag-archive or live-page label.
_NOT_TITLE_RE = re.compile(
    r">>|»\s*\w+\s*»|\s>\s\w+\s>\s|^(?:dear\s+\w+|sir|madam)\b\s*[,:—–-]|^date\s+\d{4}-\d{2}-\d{2}"
    r"|\blogo\b|^(?:photo|image|picture)s?\s*(?:credit)?\s*:|^courtesy\b|^tag archives?\b"
    r"|^(?:category|archives?|subjects?|topics?|tags?|keywords|section)\s*:"
    r"|^live(?:\s+updates|\s+reporting|\s+blog)?$"
    r"|^(?:reply to (?:a|this) comment|leave a (?:reply|comment)|post a comment|add a comment)$"
    r"|^(?:previous|next|older|newer) (?:post|article|story|entry|page)$"
    r"|^\[[^\]]*\]$",
    re.IGNORECASE,
)


def _has_date(text: str) -> bool:
    return any(map(text.__contains__, _DIGITS)) and search_date(text) is not None


# A transcript speaker label on its own line: a capitalised name and a colon.
_SPEAKER_LABEL_RE = re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}:$")


_TURN_START_RE = re.compile(
    r"^[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}(?:, [A-Z][^:]{1,60})?(?: \([a-z][\w ]{0,20}\))?: \S"
)


def _is_prose(text: str) -> bool:
    """A paragraph of running text: closing punctuation, or long enough to be a paragraph."""
    if _ends_sentence(text):
        return True
    if _TURN_START_RE.match(text):
        return True  # "WALSH: I think a more…", cut off or not: a transcript turn
    if text.endswith(":"):
        if _SPEAKER_LABEL_RE.match(text):
            return True  # "Jim Orme:" over a transcript turn
        return len(text.split()) >= 3 and not _FORM_RE.match(text)
    return len(text) >= 79 and len(text.split()) >= 40  # 40 words take 79 characters


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    if not stripped:
        return False
    if stripped[-1] == "…":
        # "…apprenticeships…’": an ellipsis closes a quoted turn; a bare trailing ellipsis
        # is a teaser cut short (see _is_furniture).
        return stripped != text.rstrip(" ")
    return stripped[-1] in ".!?"


def _clean(text: str) -> str:
    # Substring tests first: most paragraphs carry no markup and the regex scan is the cost.
    if "<" in text or "**" in text or "__" in text or text.startswith("#"):
        text = _MARKUP_RE.sub("", text)
    return " ".join(text.split())


def _norm(text: str) -> str:
    # A translation table handles ASCII and common typographic marks; the regex the rest.
    folded = text.casefold().translate(_PUNCT_TABLE)
    if not folded.isascii():
        folded = _PUNCT_RE.sub(" ", folded)
    return " ".join(folded.split())
