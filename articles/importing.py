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
import functools
import random
import time
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings as django_settings
from django.db import IntegrityError, OperationalError, connection, connections, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from articles.import_warnings import speakerless_warning, warning_kinds
from articles.linking import PeopleDirectory
from articles.models import Article, Mention, Outlet, Person, Quote
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
# Rows per multi-row statement: 8 parameters each stays far below SQLite's limit (32,766).
_ROWS_PER_STATEMENT = 500
# Articles per transaction (#13): a round trip is shared by many articles, and a crash
# loses at most this many (none of them half stored), which a rerun stores again.
BATCH_SIZE = 200
# A batch also ends when its files hold this much text, so memory stays bounded.
_BATCH_TEXT_BYTES = 16 * 1024 * 1024
# Attempts after a deadlock or serialisation failure, and the pause between (seconds).
_RETRIES = 5
_RETRY_PAUSE = 0.05
# pg_advisory_xact_lock key taken by every importer's write transaction ("na-import").
_WRITERS_LOCK = 0x6E61_696D_706F_7274
_JSON_COLUMNS = frozenset({"authors", "tags", "curated_fields", "import_warnings"})
_DATETIME_COLUMNS = frozenset({"published", "updated", "imported_at"})
_ARTICLE_COLUMNS = (
    "outlet_id", "url", "title", "slug", "authors", "published", "updated", "standfirst",
    "body", "tags", "source_path", "content_hash", "imported_at", "curated_fields",
    "comment_count", "quote_count", "import_warnings", "warning_kinds", "warning_count",
)  # fmt: skip
# A row of VALUES for the PostgreSQL INSERT … SELECT: typed, since VALUES alone is text.
_PG_ARTICLE_ROW = (
    "(%s::bigint, %s, %s, %s, %s::jsonb, %s::timestamptz, %s::timestamptz, %s, %s, "
    "%s::jsonb, %s, %s, %s::timestamptz, %s::jsonb, %s::integer, %s::integer, %s::jsonb, "
    "%s, %s::integer)"
)
# The search vector of migration 0002's trigger, for the rows of that SELECT.
_PG_SEARCH_VECTOR = (
    "setweight(to_tsvector('english', coalesce(v.title, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(v.standfirst, '')), 'B') || "
    "setweight(to_tsvector('english', coalesce(v.body, '')), 'C')"
)


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
    batch_size: int = BATCH_SIZE

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
        return next(iter(self.import_paths([path], batch_size=1)))

    def import_paths(
        self, paths: Iterable[str | Path], *, batch_size: int | None = None
    ) -> Iterator[ImportOutcome]:
        """Import files in order, several articles per transaction; one outcome per file.

        A batch's files are read and hashed first and the stored hashes looked up in one
        query, so unchanged files are never parsed. Batches grow 1, 2, 4 … up to
        `batch_size`: the first article is stored at once, a long run shares each
        transaction among many (#13). Into PostgreSQL, outside any transaction, each batch
        is stored by a thread of its own while the next one is parsed (`_store_beside`).
        """
        batches = self._parsed_batches(paths, batch_size or self.batch_size)
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            yield from self._store_beside(batches)
            return
        for batch in batches:
            yield from self._finish(batch, checked=True)

    def _parsed_batches(self, paths: Iterable[str | Path], batch_size: int):
        """Batches of read, hashed and parsed entries, unchanged files marked."""
        batch: list[_Entry] = []
        held = 0  # bytes of text the batch holds: bounded, whatever the files' sizes
        sizes = _growing(batch_size)
        limit = next(sizes)
        for path in paths:
            entry = self._read(str(path))
            batch.append(entry)
            held += len(entry.text or "")
            if len(batch) >= limit or held >= _BATCH_TEXT_BYTES:
                yield self._parse_batch(batch)
                batch, held, limit = [], 0, next(sizes)
        if batch:
            yield self._parse_batch(batch)

    def _store_beside(self, batches: Iterator[list[_Entry]]) -> Iterator[ImportOutcome]:
        """Store each batch in a thread of its own while this one parses the next.

        An importer into PostgreSQL waits for the database a third of its time (the search
        vectors, GIN entries and count triggers of each batch, computed by the server):
        psycopg2 lets go of the interpreter while it waits, so parsing goes on meanwhile
        (#13). One batch is stored at a time, in order, and at most one more waits, parsed;
        the thread has its own connection, closed at the end. Parsing stays in this thread,
        where the per-file time limit's signal arrives. A file stored by the batch before
        while its twin was being marked is found by the store (ON CONFLICT), "unchanged".
        """
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-store") as storer:
            pending = None
            try:
                for batch in batches:
                    stored = storer.submit(self._finish, batch, checked=True)
                    if pending is not None:
                        yield from pending.result()
                    pending = stored
                if pending is not None:
                    yield from pending.result()
            finally:
                storer.submit(connections.close_all).result()  # run there: the thread's own

    def import_prepared(self, prepared: Iterable[PreparedDump]) -> Iterator[ImportOutcome]:
        """Store what worker processes prepared, in order, several articles per transaction."""
        batch: list[_Entry] = []
        sizes = _growing(self.batch_size)
        limit = next(sizes)
        for dump in prepared:
            shown = printable_path(dump.source)
            if dump.error or dump.record is None or dump.content_hash is None:
                entry = _Entry(shown, outcome=_failed(shown, dump.error))
            else:
                entry = _Entry(shown, digest=dump.content_hash, record=dump.record)
            batch.append(entry)
            if len(batch) >= limit:
                yield from self._finish(batch)
                batch, limit = [], next(sizes)
        if batch:
            yield from self._finish(batch)

    def store(self, record: ArticleRecord, *, digest: str) -> ImportOutcome:
        """Create or update the article of `record` with everything it holds, atomically."""
        return self._store_batch([(record, digest)])[0]

    def store_many(self, items: list[tuple[ArticleRecord, str]]) -> list[ImportOutcome]:
        """Store (record, content hash) pairs in as few transactions as possible.

        All of them commit together or none does. When the batch fails, each article is
        tried alone, so one bad article costs only itself ("failed: could not store …").
        Two records of one article (same URL, same hash) never share a transaction: the
        later one waits for the next, where it finds the first stored.
        """
        outcomes: list[ImportOutcome | None] = [None] * len(items)
        todo = list(range(len(items)))
        while todo:
            now, todo = _without_twins(todo, items)
            try:
                stored = self._store_batch([items[n] for n in now])
            except Exception as exc:
                if len(now) == 1:
                    stored = [_store_failed(items[now[0]][0], exc)]
                else:
                    stored = [self._store_alone(items[n]) for n in now]
            for n, outcome in zip(now, stored, strict=True):
                outcomes[n] = outcome
        return [o for o in outcomes if o is not None]

    def _store_alone(self, item: tuple[ArticleRecord, str]) -> ImportOutcome:
        try:
            return self._store_batch([item])[0]
        except Exception as exc:  # one bad article must not stop the run
            return _store_failed(item[0], exc)

    # -- batches ----------------------------------------------------------------

    def _read(self, source: str) -> _Entry:
        shown = printable_path(source)  # a name that is not UTF-8, made safe to store/print
        try:
            decoded = read_decoded(source, max_bytes=self.max_bytes)
        except ExtractionError as exc:
            return _Entry(shown, outcome=_failed(shown, str(exc)))
        except (OSError, UnicodeError) as exc:
            return _Entry(shown, outcome=_failed(shown, f"cannot read file: {exc}"))
        return _Entry(
            shown,
            source=source,
            digest=content_hash(decoded.text),
            text=decoded.text,
            decode_warnings=tuple(decoded.warnings),
        )

    def _parse_batch(self, batch: list[_Entry]) -> list[_Entry]:
        """Parse the files of a batch whose hashes are not stored yet."""
        self._mark_unchanged(batch)
        for entry in batch:
            if entry.outcome is not None or entry.text is None:
                continue
            try:
                entry.record = extract_text(
                    entry.text,
                    source=entry.source,
                    settings=self.settings,
                    decode_warnings=entry.decode_warnings,
                )
            except ExtractionError as exc:
                entry.outcome = _failed(entry.shown, str(exc))
            entry.text = None  # the record holds what is needed; let the text go
        return batch

    def _finish(self, batch: list[_Entry], *, checked: bool = False) -> list[ImportOutcome]:
        if not checked:
            self._mark_unchanged(batch)
        todo = [e for e in batch if e.outcome is None and e.record is not None]
        stored = self.store_many([(e.record, e.digest) for e in todo])
        for entry, outcome in zip(todo, stored, strict=True):
            entry.outcome = outcome
        return [e.outcome for e in batch]

    def _mark_unchanged(self, batch: list[_Entry]) -> None:
        """One query for the whole batch: files whose content is stored already."""
        digests = [e.digest for e in batch if e.outcome is None and e.digest]
        known = _article_ids_by("content_hash", digests)
        for entry in batch:
            if entry.outcome is None and entry.digest in known:
                entry.outcome = ImportOutcome(
                    source=entry.shown, status="unchanged", article_id=known[entry.digest]
                )

    def _store_batch(self, items: list[tuple[ArticleRecord, str]]) -> list[ImportOutcome]:
        """One transaction for `items`, retried when PostgreSQL reports a deadlock or a
        serialisation failure (another importer got in the way: #13)."""
        for attempt in range(_RETRIES + 1):
            try:
                with transaction.atomic():
                    return self._write_batch(items)
            except OperationalError as exc:
                self._forget_uncommitted()
                if attempt == _RETRIES or not _is_retryable(exc):
                    raise
                time.sleep(_RETRY_PAUSE * (attempt + 1) * (1 + random.random()))
            except Exception:
                self._forget_uncommitted()
                raise
        raise AssertionError("unreachable")

    def _forget_uncommitted(self) -> None:
        # The transaction rolled back: rows cached during it may not exist.
        self.__post_init__()

    def _write_batch(self, items: list[tuple[ArticleRecord, str]]) -> list[ImportOutcome]:
        self._lock_writers()
        existing = self._existing_ids([record for record, _ in items])
        outcomes: list[ImportOutcome | None] = [None] * len(items)
        new: list[int] = []
        for n, (record, digest) in enumerate(items):
            article_id = existing.get(_identity(record))
            if article_id is None:
                new.append(n)
            else:
                outcomes[n] = self._update_stored(article_id, record, digest)
        created = self._create_many([items[n] for n in new])
        for n, outcome in zip(new, created, strict=True):
            outcomes[n] = outcome
        return [o for o in outcomes if o is not None]

    def _lock_writers(self) -> None:
        """Importers write one at a time (PostgreSQL advisory lock, held to COMMIT) and
        each first learns the people the others created: no duplicate people, and no
        deadlock between importers on overlapping files (#13). Parsing, most of an
        import's work, runs outside the lock, in parallel.

        In the same round trip, `synchronous_commit` goes off for this transaction: its
        COMMIT returns before the WAL reaches disk. Safe for an import: a server crash
        can lose only the last batches committed, never part of one, and re-running
        the import stores them again.
        """
        if connection.vendor == "postgresql":
            _take_writers_lock()
            self.people.catch_up()

    def _existing_ids(self, records: list[ArticleRecord]) -> dict[tuple[str, str], int]:
        """(kind, key) -> id of the stored article each record would update (two queries)."""
        urls = [r.url for r in records if r.url]
        paths = [_source_key(r) for r in records if not r.url]
        found = {("url", k): pk for k, pk in _article_ids_by("url", urls).items()}
        by_path = _article_ids_by("source_path", paths, url_is_null=True)
        found.update({("path", k): pk for k, pk in by_path.items()})
        return found

    def _update_stored(self, article_id: int, record: ArticleRecord, digest: str) -> ImportOutcome:
        # Locked (PostgreSQL) so a curator's save and this update never interleave.
        article = Article.objects.select_for_update().get(pk=article_id)
        if article.content_hash == digest:  # stored meanwhile by another importer
            return ImportOutcome(
                source=printable_path(record.source), status="unchanged", article_id=article_id
            )
        people, quotes, comments = self._update(article, record, digest)
        return self._outcome(record, "updated", article.pk, people, quotes, comments)

    def _outcome(
        self,
        record: ArticleRecord,
        status: str,
        article_id: int,
        people: int,
        quotes: int,
        comments: int,
    ) -> ImportOutcome:
        return ImportOutcome(
            source=printable_path(record.source),
            status=status,
            article_id=article_id,
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

    def _outlet(self, guess: OutletGuess | None) -> Outlet:
        name = guess.name if guess else "Unknown"
        outlet = self._outlets.get(name.casefold())
        if outlet is None:
            # Another importer may have created it since this one started (#13).
            outlet = Outlet.objects.filter(name=name).first() or Outlet.objects.create(
                name=name,
                slug=_unique_slug(Outlet, name),
                domains=[guess.domain] if guess and guess.domain else [],
                time_zone=(guess.time_zone if guess and guess.time_zone else "UTC"),
            )
            self._outlets[name.casefold()] = outlet
        return outlet

    def _create_many(self, items: list[tuple[ArticleRecord, str]]) -> list[ImportOutcome]:
        """New articles in set-wise statements: one INSERT per table and batch (#13).

        Articles, then their comments (ids known), then people, mentions and quotes.
        """
        if not items:
            return []
        ids = self._insert_articles(items)
        created = [(ids[digest], record, digest) for record, digest in items if digest in ids]
        self._insert_comments([(article_id, record) for article_id, record, _ in created])
        # Article by article, as one at a time would; the new people in one INSERT.
        found = [
            self.people.resolve_all(
                [p.name for p in record.persons] + [q.speaker for q in record.quotes if q.speaker],
                save=False,
            )
            for _, record, _ in created
        ]
        self.people.save_pending()
        mentions: list[tuple] = []
        quotes: list[tuple] = []
        outcomes: dict[str, ImportOutcome] = {}
        for (article_id, record, digest), people in zip(created, found, strict=True):
            counts = _counts_by_person(record, people)
            mentions += [(article_id, pid, n) for pid, n in counts.items()]
            for position, q in enumerate(record.quotes):
                speaker = people.get(q.speaker) if q.speaker else None
                quotes.append(
                    (
                        article_id,
                        speaker.pk if speaker else None,
                        q.text,
                        position,
                        q.paragraph,
                        q.cue or "",
                        False,
                    )
                )
            outcomes[digest] = self._outcome(
                record, "new", article_id, len(counts), len(record.quotes), len(record.comments)
            )
        _insert_rows(Mention, ("article_id", "person_id", "count"), mentions)
        _insert_rows(
            Quote,
            ("article_id", "speaker_id", "text", "position", "paragraph", "cue", "curated"),
            quotes,
        )
        return [outcomes.get(digest) or _already_stored(record, digest) for record, digest in items]

    def _insert_articles(self, items: list[tuple[ArticleRecord, str]]) -> dict[str, int]:
        """INSERT the batch's articles; content hash -> new id. A row whose URL or hash is
        stored already is skipped (ON CONFLICT DO NOTHING), never an error.

        On PostgreSQL the search vector is computed in the same statement, set-wise, from
        the inserted values (the per-row trigger now only fills rows inserted without
        one: admin, tests; migration 0007).
        """
        now = timezone.now()
        rows = [self._article_row(record, digest, now) for record, digest in items]
        columns = ", ".join(_ARTICLE_COLUMNS)
        table = Article._meta.db_table
        ids: dict[str, int] = {}
        with connection.cursor() as cursor:
            for chunk in _chunks(rows, _ROWS_PER_STATEMENT // 4):
                params = [value for row in chunk for value in row]
                if connection.vendor == "postgresql":
                    values = ", ".join([_PG_ARTICLE_ROW] * len(chunk))
                    sql = (
                        f"INSERT INTO {table} ({columns}, search_vector) "
                        f"SELECT v.*, {_PG_SEARCH_VECTOR} FROM (VALUES {values}) "
                        f"AS v ({columns}) ON CONFLICT DO NOTHING RETURNING content_hash, id"
                    )
                else:
                    row = "(" + ", ".join(["%s"] * len(_ARTICLE_COLUMNS)) + ")"
                    sql = (
                        f"INSERT INTO {table} ({columns}) VALUES {', '.join([row] * len(chunk))} "
                        "ON CONFLICT DO NOTHING RETURNING content_hash, id"
                    )
                cursor.execute(sql, params)
                ids.update(cursor.fetchall())
        return ids

    def _article_row(self, record: ArticleRecord, digest: str, now) -> tuple:
        values = {
            "outlet_id": self._outlet(record.outlet).pk,
            "url": record.url,
            "slug": slugify(record.title)[:200] or "article",
            **_curatable_fields(record),
            "source_path": _source_key(record),
            "content_hash": digest,
            "imported_at": now,
            "curated_fields": [],
            "comment_count": len(record.comments),
            "quote_count": len(record.quotes),
            **_warning_fields(record),
        }
        return tuple(_db_value(Article, column, values[column]) for column in _ARTICLE_COLUMNS)

    def _insert_comments(self, created: list[tuple[int, ArticleRecord]]) -> None:
        """All comments of the batch's new articles, reply links included, in multi-row
        INSERTs: ids are reserved first (one query), so a reply names its parent's id in
        the same statement and no UPDATE follows (#13)."""
        total = sum(len(record.comments) for _, record in created)
        if not total:
            return
        ids = _reserve_ids(Comment, total)
        to_db = _db_datetime
        rows: list[tuple] = []
        start = 0
        for article_id, record in created:
            mine = ids[start : start + len(record.comments)]
            start += len(record.comments)
            for n, c in enumerate(record.comments):
                parent = mine[c.reply_to] if c.reply_to is not None else None
                rows.append(
                    (mine[n], article_id, c.author, to_db(c.posted), c.text, n, False, parent)
                )
        _insert_rows(
            Comment,
            ("id", "article_id", "author", "posted", "text", "position", "hidden", "reply_to_id"),
            rows,
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
        values = _curatable_fields(record)
        if article is None:
            article = Article(url=record.url, slug=slugify(record.title)[:200] or "article")
        for name, value in values.items():
            if name not in article.curated_fields:
                setattr(article, name, value)
        article.outlet = self._outlet(record.outlet)
        article.source_path = _source_key(record)
        article.content_hash = digest
        article.imported_at = timezone.now()
        for name, value in {**_warning_fields(record), **extra}.items():
            setattr(article, name, value)
        article.save()
        return article

    def _mention_counts(self, record: ArticleRecord) -> dict[int, int]:
        """Person id -> mentions; two parsed names may resolve to one stored person."""
        people = self.people.resolve_all(
            [p.name for p in record.persons] + [q.speaker for q in record.quotes if q.speaker]
        )
        return _counts_by_person(record, people)

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
    """Create or update outlets from profiles (e.g. `--outlets-file`); returns how many.

    Under the importers' lock (PostgreSQL), so importers started together with the same
    file never both create an outlet (#13)."""
    with transaction.atomic():
        _take_writers_lock()
        _register_outlets(profiles)
    return len(profiles)


def _register_outlets(profiles: list[OutletProfile]) -> None:
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


def _take_writers_lock() -> None:
    """See `Importer._lock_writers`. Also turns `synchronous_commit` off for this
    transaction, in the same round trip."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('synchronous_commit', 'off', true), pg_advisory_xact_lock(%s)",
                [_WRITERS_LOCK],
            )


def _article_ids_by(column: str, values: list[str], *, url_is_null: bool = False) -> dict:
    """value -> article id for the stored articles among `values` (one query per 500),
    in plain SQL: the ORM's per-query overhead is most of the cost of this hot path.
    `column` is one of ours.

    `url_is_null` is checked on the fetched rows, not in SQL: given `url IS NULL`,
    SQLite may walk the url index over every URL-less article instead of using
    the index on `column`.
    """
    assert column in ("content_hash", "url", "source_path")
    found: dict[str, int] = {}
    with connection.cursor() as cursor:
        for chunk in _chunks(sorted(set(values)), _ROWS_PER_STATEMENT):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"SELECT {column}, id, url FROM {Article._meta.db_table} "  # noqa: S608
                f"WHERE {column} IN ({marks})",
                chunk,
            )
            for value, pk, url in cursor.fetchall():
                if url is None or not url_is_null:
                    found.setdefault(value, pk)
    return found


def _insert_rows(model, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Multi-row INSERTs of plain tuples: building model instances would cost more than
    the rows take to write, and one statement per chunk is one round trip."""
    if not rows:
        return
    row = "(" + ", ".join(["%s"] * len(columns)) + ")"
    head = f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) VALUES "
    with connection.cursor() as cursor:
        for chunk in _chunks(rows, _ROWS_PER_STATEMENT):
            cursor.execute(head + ", ".join([row] * len(chunk)), [v for r in chunk for v in r])


def _reserve_ids(model, count: int) -> list[int]:
    """`count` fresh primary keys for `model`, ascending, in one query.

    PostgreSQL: from the table's identity sequence. SQLite: past the largest id ever
    used (AUTOINCREMENT's `sqlite_sequence`); safe because the caller's transaction
    has written already, so it holds SQLite's only write lock until COMMIT.
    """
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return sorted(pk for (pk,) in cursor.fetchall())
        cursor.execute(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = %s), 0), "
            f"coalesce((SELECT max(id) FROM {table}), 0))",  # noqa: S608
            [table],
        )
        (last,) = cursor.fetchone()
    return list(range(last + 1, last + 1 + count))


def _db_value(model, column: str, value):
    """A value as the database driver wants it (what the model field would send)."""
    if column in _JSON_COLUMNS:
        return connection.ops.adapt_json_value(value, None)
    if column in _DATETIME_COLUMNS:
        return _db_datetime(value)
    return value


def _db_datetime(value: datetime | None):
    """`adapt_datetimefield_value` for an aware datetime, without its per-call setting
    lookups on SQLite (UTC text, as Django stores it with USE_TZ); hot in big batches."""
    if value is None or value.tzinfo is None or connection.vendor != "sqlite":
        return connection.ops.adapt_datetimefield_value(value)
    if connection.timezone is not UTC:
        return connection.ops.adapt_datetimefield_value(value)
    return str(value.astimezone(UTC).replace(tzinfo=None))


def _counts_by_person(record: ArticleRecord, people: dict[str, Person | None]) -> dict[int, int]:
    """Person id -> mentions; two parsed names may resolve to one stored person."""
    counts: dict[int, int] = {}
    for parsed in record.persons:
        person = people.get(parsed.name)
        if person is not None:
            counts[person.pk] = counts.get(person.pk, 0) + parsed.mentions
    return counts


def _already_stored(record: ArticleRecord, digest: str) -> ImportOutcome:
    """The outcome of a row the INSERT skipped: its content is stored already."""
    article_id = _article_ids_by("content_hash", [digest]).get(digest)
    if article_id is None:  # its URL is taken by other content: the per-file retry updates it
        raise IntegrityError(f"an article with the URL {record.url} was stored meanwhile")
    return ImportOutcome(
        source=printable_path(record.source), status="unchanged", article_id=article_id
    )


def _identity(record: ArticleRecord) -> tuple[str, str]:
    """Which stored article a record updates: the one with its URL, or for URL-less
    pages the one from the same path."""
    return ("url", record.url) if record.url else ("path", _source_key(record))


def _without_twins(
    todo: list[int], items: list[tuple[ArticleRecord, str]]
) -> tuple[list[int], list[int]]:
    """Split `todo` into indexes that can share a transaction and those that must wait
    (same article as an earlier one: same identity or same content)."""
    seen: set[tuple[str, str]] = set()
    now, later = [], []
    for n in todo:
        record, digest = items[n]
        keys = {_identity(record), ("hash", digest)}
        if keys & seen:
            later.append(n)
        else:
            seen |= keys
            now.append(n)
    return now, later


def _growing(limit: int) -> Iterator[int]:
    """Batch sizes 1, 2, 4 … up to `limit`, then `limit` for ever."""
    size = 1
    while True:
        yield min(size, max(limit, 1))
        size *= 2


def _is_retryable(exc: OperationalError) -> bool:
    """PostgreSQL's deadlock_detected (40P01) or serialization_failure (40001)."""
    return getattr(exc.__cause__, "pgcode", None) in ("40P01", "40001")


def _failed(source: str, error: str | None) -> ImportOutcome:
    return ImportOutcome(source=source, status="failed", error=error)


def _store_failed(record: ArticleRecord, exc: Exception) -> ImportOutcome:
    return _failed(printable_path(record.source), f"could not store: {type(exc).__name__}: {exc}")


@dataclass
class _Entry:
    """One file on its way through a batch: read, hashed, maybe parsed, then an outcome."""

    shown: str
    source: str = ""
    digest: str | None = None
    text: str | None = None
    decode_warnings: tuple[str, ...] = ()
    record: ArticleRecord | None = None
    outcome: ImportOutcome | None = None


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _source_key(record: ArticleRecord) -> str:
    """The stored path: absolute, with the bytes of a non-UTF-8 name backslash-escaped."""
    return _resolved(record.source)


@functools.lru_cache(maxsize=4 * BATCH_SIZE)
def _resolved(source: str) -> str:
    # A batch asks for each record's key several times; resolving costs system calls.
    return printable_path(Path(source).resolve())


def _comment_key(author, posted, text) -> tuple:
    """Identity of a comment across re-imports (instants compared in UTC)."""
    return (author or "", posted.timestamp() if posted else None, text)


def _unique_slug(model, name: str) -> str:
    base = slugify(name)[:180] or "item"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _curatable_fields(record: ArticleRecord) -> dict:
    """The article fields an import sets and a curator may take over (`curated_fields`)."""
    return {
        "title": record.title[:500],
        "authors": list(record.authors),
        "published": record.published,
        "updated": record.updated,
        "standfirst": record.standfirst or "",
        "body": "\n\n".join(record.body),
        "tags": list(record.tags),
    }


def _warning_fields(record: ArticleRecord) -> dict:
    """The review queue's fields: the import's warnings, their kinds and their number."""
    warnings = review_warnings(record)
    return {
        "import_warnings": list(warnings),
        "warning_kinds": warning_kinds(warnings),
        "warning_count": len(warnings),
    }
