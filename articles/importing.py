"""The import service: extraction records in, rows out.

`Importer.import_path(path)` reads one dump, skips it when its content hash is
already stored ("unchanged"), parses it, and stores the article with its
mentions, quotes and comments in ONE transaction, so an interrupted run never
leaves half an article. A changed file with a known URL (or, for URL-less
pages, the same source path) updates its article in place, keeping curator
edits: `Article.curated_fields`, curated quotes and hidden comments (matched across
small edits of their text, `pair_comments`).
"""

from __future__ import annotations

import dataclasses
import difflib
from collections import defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings as django_settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from articles.import_warnings import speakerless_warning, warning_kinds
from articles.linking import PeopleDirectory
from articles.models import Article, Mention, Outlet, Quote
from articles.parsing.decode import printable_path, read_decoded
from articles.parsing.extract import (
    ExtractionSettings,
    PreparedDump,
    content_hash,
    extract_text,
    find_people_and_quotes,
)
from articles.parsing.records import (
    ArticleRecord,
    ExtractionError,
    OutletGuess,
    OutletProfile,
    ParsedQuote,
)
from comments.models import Comment

# Keeps positions unique while rows are renumbered in place.
_PARKING_OFFSET = 1_000_000
# Rows per multi-row statement: 6 parameters each stays far below SQLite's limit.
_ROWS_PER_STATEMENT = 500


@dataclass(frozen=True)
class ImportOutcome:
    source: str
    status: str  # "new" | "updated" | "unchanged" | "failed"
    article_id: int | None = None
    error: str | None = None
    quotes: int = 0
    comments: int = 0
    people: int = 0
    warnings: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return dataclasses.asdict(self) | {"warnings": list(self.warnings)}


@dataclass
class Importer:
    """One import run: holds the outlet registry and the people directory."""

    forced_outlet: str | None = None
    max_bytes: int = field(default_factory=lambda: django_settings.IMPORT_MAX_BYTES)
    # Seconds of parsing per file before it is stopped and reported failed (#11); 0: none.
    time_limit: float | None = field(
        default_factory=lambda: django_settings.IMPORT_TIME_LIMIT or None
    )

    def __post_init__(self) -> None:
        self.people = PeopleDirectory()
        self._outlets = {o.name.casefold(): o for o in Outlet.objects.all()}
        self.settings = ExtractionSettings(
            outlets=tuple(o.to_profile() for o in self._outlets.values()),
            forced_outlet=self.forced_outlet,
            aliases=dict(self.people.aliases),
            not_people=self.people.ignored,
            max_bytes=self.max_bytes,
            time_limit=self.time_limit,
        )

    def use_outlets(self, profiles: list[OutletProfile]) -> None:
        """Parse with these outlet profiles too (in memory; a file's entries win by name)."""
        names = {p.name.casefold() for p in profiles}
        kept = tuple(o for o in self.settings.outlets if o.name.casefold() not in names)
        self.settings = dataclasses.replace(self.settings, outlets=kept + tuple(profiles))

    # -- entry points -------------------------------------------------------

    def import_path(self, path: str | Path) -> ImportOutcome:
        """Import one file; bad input gives a "failed" outcome, never an exception."""
        source = str(path)
        shown = printable_path(source)  # a name that is not UTF-8, made safe to store/print
        try:
            decoded = read_decoded(source, max_bytes=self.max_bytes)
        except ExtractionError as exc:
            return ImportOutcome(source=shown, status="failed", error=str(exc))
        except (OSError, UnicodeError) as exc:
            return ImportOutcome(source=shown, status="failed", error=f"cannot read file: {exc}")
        digest = content_hash(decoded.text)
        unchanged = self._unchanged(shown, digest)
        if unchanged:
            return unchanged
        try:
            record = extract_text(
                decoded.text,
                source=source,
                settings=self.settings,
                decode_warnings=decoded.warnings,
            )
        except ExtractionError as exc:
            return ImportOutcome(source=shown, status="failed", error=str(exc))
        return self.store(record, digest=digest)

    def import_prepared(self, prepared: PreparedDump) -> ImportOutcome:
        """Store what a worker prepared."""
        shown = printable_path(prepared.source)
        if prepared.error or prepared.record is None or prepared.content_hash is None:
            return ImportOutcome(source=shown, status="failed", error=prepared.error)
        unchanged = self._unchanged(shown, prepared.content_hash)
        if unchanged:
            return unchanged
        return self.store(prepared.record, digest=prepared.content_hash)

    def store(self, record: ArticleRecord, *, digest: str) -> ImportOutcome:
        """Create or update the article of `record` with everything it holds, atomically."""
        try:
            with transaction.atomic():
                _relax_commit_durability()
                article = self._find_existing(record)
                if article is None:
                    status = "new"
                    article, people, quotes, comments = self._create(record, digest)
                else:
                    status = "updated"
                    people, quotes, comments = self._update(article, record, digest)
        except Exception:
            # The transaction rolled back: rows cached during it may not exist.
            self.__post_init__()
            raise
        return ImportOutcome(
            source=printable_path(record.source),
            status=status,
            article_id=article.pk,
            quotes=quotes,
            comments=comments,
            people=people,
            warnings=review_warnings(record),
        )

    def relink(self, article: Article) -> bool:
        """Re-find people and quotes in a stored article (no source file needed).

        Returns True when its mentions or quotes changed; unchanged articles are not
        written, so running it twice is a no-op the second time.
        """
        paragraphs = tuple(article.paragraphs)
        persons, quotes = find_people_and_quotes(
            article.title, paragraphs, authors=tuple(article.authors), settings=self.settings
        )
        record = ArticleRecord(
            source=article.source_path, title=article.title, persons=persons, quotes=quotes
        )
        if self._links_unchanged(article, record):
            return False
        with transaction.atomic():
            self._save_mentions(article, record)
            quote_total = self._save_quotes(article, record)
            Article.objects.filter(pk=article.pk).update(quote_count=quote_total)
        return True

    def _links_unchanged(self, article: Article, record: ArticleRecord) -> bool:
        mentions = self._mention_counts(record)
        stored_mentions = dict(article.mentions.values_list("person_id", "count"))
        wanted_quotes = [(q.text, self._person_id(q.speaker), q.cue or "") for q in record.quotes]
        stored_quotes = list(
            article.quotes.filter(curated=False)
            .order_by("position")
            .values_list("text", "speaker_id", "cue")
        )
        has_curated = article.quotes.filter(curated=True).exists()
        return mentions == stored_mentions and wanted_quotes == stored_quotes and not has_curated

    def _person_id(self, name: str | None) -> int | None:
        person = self.people.resolve(name) if name else None
        return person.pk if person else None

    # -- steps ----------------------------------------------------------------

    def _unchanged(self, source: str, digest: str) -> ImportOutcome | None:
        article_id = _article_id_where("content_hash", digest)
        if article_id is None:
            return None
        return ImportOutcome(source=source, status="unchanged", article_id=article_id)

    def _find_existing(self, record: ArticleRecord) -> Article | None:
        if record.url:
            article_id = _article_id_where("url", record.url)
        else:
            article_id = _article_id_where("source_path", _source_key(record), url_is_null=True)
        return Article.objects.get(pk=article_id) if article_id is not None else None

    def _outlet(self, guess: OutletGuess | None) -> Outlet:
        name = guess.name if guess else "Unknown"
        outlet = self._outlets.get(name.casefold())
        if outlet is None:
            outlet = Outlet.objects.create(
                name=name,
                slug=_unique_slug(Outlet, name),
                domains=[guess.domain] if guess and guess.domain else [],
                time_zone=(guess.time_zone if guess and guess.time_zone else "UTC"),
            )
            self._outlets[name.casefold()] = outlet
        return outlet

    def _create(self, record: ArticleRecord, digest: str) -> tuple[Article, int, int, int]:
        """The fast path for a new article: one INSERT per table, no lookups of old rows."""
        article = self._save_article(
            None,
            record,
            digest,
            quote_count=len(record.quotes),
            comment_count=len(record.comments),
        )
        counts = self._mention_counts(record)
        Mention.objects.bulk_create(
            Mention(article=article, person_id=pid, count=n) for pid, n in counts.items()
        )
        Quote.objects.bulk_create(
            self._new_quote(article, n, q) for n, q in enumerate(record.quotes)
        )
        self._insert_comments(article, record)
        return article, len(counts), len(record.quotes), len(record.comments)

    def _insert_comments(self, article: Article, record: ArticleRecord) -> None:
        """All of a new article's comments in multi-row INSERTs, then their reply links.

        Plain SQL on purpose: a page may carry hundreds of comments; building model
        instances for bulk_create costs more than the rows take to write, and one
        statement per chunk keeps PostgreSQL to a round trip or two.
        """
        if not record.comments:
            return
        table, to_db = Comment._meta.db_table, connection.ops.adapt_datetimefield_value
        rows = [
            (article.pk, c.author, to_db(c.posted), c.text, n, False)
            for n, c in enumerate(record.comments)
        ]
        with connection.cursor() as cursor:
            for chunk in _chunks(rows, _ROWS_PER_STATEMENT):
                cursor.execute(
                    f"INSERT INTO {table} (article_id, author, posted, text, position, hidden) "
                    f"VALUES {', '.join(['(%s, %s, %s, %s, %s, %s)'] * len(chunk))}",
                    [value for row in chunk for value in row],
                )
            replies = [
                (n, c.reply_to) for n, c in enumerate(record.comments) if c.reply_to is not None
            ]
            if not replies:
                return
            cursor.execute(f"SELECT position, id FROM {table} WHERE article_id = %s", [article.pk])
            ids = dict(cursor.fetchall())
            for chunk in _chunks(replies, _ROWS_PER_STATEMENT):
                cases = " ".join(["WHEN %s THEN %s"] * len(chunk))
                params = [value for n, target in chunk for value in (ids[n], ids[target])]
                placeholders = ", ".join(["%s"] * len(chunk))
                cursor.execute(
                    f"UPDATE {table} SET reply_to_id = CASE id {cases} END "
                    f"WHERE id IN ({placeholders})",
                    params + [ids[n] for n, _ in chunk],
                )

    def _update(self, article: Article, record: ArticleRecord, digest: str) -> tuple[int, int, int]:
        """A changed dump of a stored article: rewrite in place, keep curator decisions."""
        self._save_article(article, record, digest)
        people = self._save_mentions(article, record)
        quotes = self._save_quotes(article, record)
        comments = self._save_comments(article, record)
        Article.objects.filter(pk=article.pk).update(quote_count=quotes, comment_count=comments)
        return people, quotes, comments

    def _new_quote(self, article: Article, position: int, parsed: ParsedQuote) -> Quote:
        return Quote(
            article=article,
            speaker=self.people.resolve(parsed.speaker) if parsed.speaker else None,
            text=parsed.text,
            position=position,
            paragraph=parsed.paragraph,
            cue=parsed.cue or "",
        )

    def _save_article(
        self, article: Article | None, record: ArticleRecord, digest: str, **extra
    ) -> Article:
        values = {
            "title": record.title[:500],
            "authors": list(record.authors),
            "published": record.published,
            "updated": record.updated,
            "standfirst": record.standfirst or "",
            "body": "\n\n".join(record.body),
            "tags": list(record.tags),
        }
        warnings = review_warnings(record)
        if article is None:
            article = Article(url=record.url, slug=slugify(record.title)[:200] or "article")
        for name, value in values.items():
            if name not in article.curated_fields:
                setattr(article, name, value)
        article.outlet = self._outlet(record.outlet)
        article.source_path = _source_key(record)
        article.content_hash = digest
        article.imported_at = timezone.now()
        article.import_warnings = list(warnings)
        article.warning_kinds = warning_kinds(warnings)
        article.warning_count = len(warnings)
        for name, value in extra.items():
            setattr(article, name, value)
        article.save()
        return article

    def _mention_counts(self, record: ArticleRecord) -> dict[int, int]:
        """Person id -> mentions; two parsed names may resolve to one stored person."""
        counts: dict[int, int] = {}
        people = self.people.resolve_all(
            [p.name for p in record.persons] + [q.speaker for q in record.quotes if q.speaker]
        )
        for parsed in record.persons:
            person = people[parsed.name]
            if person is not None:
                counts[person.pk] = counts.get(person.pk, 0) + parsed.mentions
        return counts

    def _save_mentions(self, article: Article, record: ArticleRecord) -> int:
        counts = self._mention_counts(record)
        Mention.objects.filter(article=article).delete()
        Mention.objects.bulk_create(
            Mention(article=article, person_id=pid, count=n) for pid, n in counts.items()
        )
        return len(counts)

    def _save_quotes(self, article: Article, record: ArticleRecord) -> int:
        # Text -> curated rows in order: a quote may appear twice (paired one to one).
        curated: dict[str, deque[Quote]] = defaultdict(deque)
        for stored in article.quotes.filter(curated=True).order_by("position"):
            curated[stored.text].append(stored)
        Quote.objects.filter(article=article, curated=False).delete()
        Quote.objects.filter(article=article).update(position=F("position") + _PARKING_OFFSET)
        to_create, to_update = [], []
        for position, parsed in enumerate(record.quotes):
            same = curated.get(parsed.text)
            kept = same.popleft() if same else None
            if kept is not None:
                kept.position = position
                to_update.append(kept)
                continue
            to_create.append(self._new_quote(article, position, parsed))
        # Curated quotes no longer on the page are kept, after the others.
        left = [q for same in curated.values() for q in same]
        for offset, kept in enumerate(left, start=len(record.quotes)):
            kept.position = offset
            to_update.append(kept)
        Quote.objects.bulk_update(to_update, ["position"])
        Quote.objects.bulk_create(to_create)
        return len(to_create) + len(to_update)

    def _save_comments(self, article: Article, record: ArticleRecord) -> int:
        """Pair stored comments with the page's (`pair_comments`) and renumber them.

        A paired row keeps its id and hidden flag and takes the page's text; a stored
        comment no longer on the page is removed, hidden or not (#12): the rows mirror
        the page, and a moderator's decision is never left on an orphan while a visible
        twin shows. Positions, not text, are what is unique (#11).
        """
        stored = list(article.comments.order_by("position"))
        paired = pair_comments(stored, record.comments)
        # Every stored row moves out of 0..n first, so renumbering never collides.
        Comment.objects.filter(article=article).update(position=F("position") + _PARKING_OFFSET)
        kept_ids = {row.pk for row in paired if row is not None}
        Comment.objects.filter(pk__in=[c.pk for c in stored if c.pk not in kept_ids]).delete()
        rows: list[Comment] = []
        edited: list[Comment] = []
        for position, (row, parsed) in enumerate(zip(paired, record.comments, strict=True)):
            if row is None:
                row = Comment(
                    article=article, author=parsed.author, posted=parsed.posted, text=parsed.text
                )
            elif row.text != parsed.text:
                row.text = parsed.text
                edited.append(row)
            row.position = position
            rows.append(row)
        Comment.objects.bulk_create([r for r in rows if r.pk is None])
        for row, parsed in zip(rows, record.comments, strict=True):
            row.reply_to = rows[parsed.reply_to] if parsed.reply_to is not None else None
        Comment.objects.bulk_update(rows, ["position", "reply_to"])
        Comment.objects.bulk_update(edited, ["text"])
        return sum(1 for r in rows if not r.hidden)


# How alike two texts of one author at one time must be to be one comment (#12):
# difflib's ratio, 1.0 for equal texts. A one-word edit of a short comment scores
# about 0.9; a different comment by the same person in the same minute far less.
COMMENT_SIMILARITY = 0.8


def pair_comments(stored: list[Comment], parsed: list) -> list[Comment | None]:
    """For each parsed comment in page order, the stored row it is, or None (a new one).

    First identical comments pair one to one in page order (#11); then a comment
    whose text changed is the unpaired stored one by the same author at the same
    time whose text is at least COMMENT_SIMILARITY alike (the most alike, then the
    nearest position), so a hidden comment edited by one character stays hidden.
    """
    exact: dict[tuple, deque[Comment]] = defaultdict(deque)
    for row in stored:
        exact[_comment_key(row.author, row.posted, row.text)].append(row)
    paired: list[Comment | None] = []
    for comment in parsed:
        same = exact.get(_comment_key(comment.author, comment.posted, comment.text))
        paired.append(same.popleft() if same else None)
    left: dict[tuple, list[Comment]] = defaultdict(list)
    for rows in exact.values():
        for row in rows:
            left[_comment_key(row.author, row.posted, "")].append(row)
    if not left:
        return paired
    for n, comment in enumerate(parsed):
        if paired[n] is not None:
            continue
        candidates = left.get(_comment_key(comment.author, comment.posted, ""))
        if not candidates:
            continue
        best = max(
            candidates,
            key=lambda row: (_similarity(row.text, comment.text), -abs(row.position - n)),
        )
        if _similarity(best.text, comment.text) >= COMMENT_SIMILARITY:
            candidates.remove(best)
            paired[n] = best
    return paired


def _similarity(a: str, b: str) -> float:
    matcher = difflib.SequenceMatcher(None, a, b)
    if (
        matcher.real_quick_ratio() < COMMENT_SIMILARITY
        or matcher.quick_ratio() < COMMENT_SIMILARITY
    ):
        return 0.0
    return matcher.ratio()


def review_warnings(record: ArticleRecord) -> tuple[str, ...]:
    """The parser's warnings plus what a curator should review that parsing does not flag."""
    speakerless = speakerless_warning(sum(1 for q in record.quotes if not q.speaker))
    return (*record.warnings, speakerless) if speakerless else record.warnings


def import_file(path: str | Path, *, outlet: str | None = None) -> ImportOutcome:
    """Import one dump with a fresh importer (tests, demo loader)."""
    return Importer(forced_outlet=outlet).import_path(path)


def register_outlets(profiles: list[OutletProfile]) -> int:
    """Create or update outlets from profiles (e.g. `--outlets-file`); returns how many."""
    for profile in profiles:
        Outlet.objects.update_or_create(
            name=profile.name,
            defaults={
                "domains": list(profile.domains),
                "time_zone": profile.time_zone,
                "signatures": list(profile.signatures),
            },
            create_defaults={
                "slug": _unique_slug(Outlet, profile.name),
                "domains": list(profile.domains),
                "time_zone": profile.time_zone,
                "signatures": list(profile.signatures),
            },
        )
    return len(profiles)


def _article_id_where(column: str, value: str, *, url_is_null: bool = False) -> int | None:
    """One indexed id lookup per imported file, in plain SQL: the ORM's per-query
    overhead (~0.5 ms) is most of the cost of this hot path. `column` is one of ours.

    `url_is_null` is checked on the fetched rows, not in SQL: given `url IS NULL`,
    SQLite may walk the url index over every URL-less article instead of using
    the index on `column`.
    """
    assert column in ("content_hash", "url", "source_path")
    sql = f"SELECT id, url FROM {Article._meta.db_table} WHERE {column} = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [value])
        rows = cursor.fetchall()
    return next((pk for pk, url in rows if url is None or not url_is_null), None)


def _relax_commit_durability() -> None:
    """On PostgreSQL, let this article's COMMIT return before its WAL reaches disk.

    Safe for an import: a server crash can lose only the last few committed
    articles, never half of one (each is one transaction), and re-running the
    import stores them again. Saves a disk flush per article.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _source_key(record: ArticleRecord) -> str:
    """The stored path: absolute, with the bytes of a non-UTF-8 name backslash-escaped."""
    return printable_path(Path(record.source).resolve())


def _comment_key(author, posted, text) -> tuple:
    """Identity of a comment across re-imports (instants compared in UTC)."""
    return (author or "", posted.timestamp() if posted else None, text)


def _unique_slug(model, name: str) -> str:
    base = slugify(name)[:180] or "item"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
