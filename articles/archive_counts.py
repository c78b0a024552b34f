"""Counts pages read instead of counting the archive (#13).

Two small tables, kept by database triggers in the same transaction as every write:

- `articles_outletmonthcount` (outlet, month): articles published that month (UTC,
  `'2016-11'`; `''` for undated articles), their quotes (`Article.quote_count`) and
  visible comments posted that month;
- `articles_personoutletcount` (person, outlet): the outlet's articles that mention or
  quote the person (an article doing both counts once, as the person facet counts it),
  the times they are named there (`Mention.count`) and their quotes there.

Why triggers rather than calls from Python: every write path changes these counts — the
import's multi-row INSERTs and re-imports, admin edits of an article's outlet or date,
person merges and "not a person", hiding comments, deletes, cascades — and a trigger sees
all of them, in their transaction, without a hook in each (the search index is kept the
same way, `search.fts`). Increments are upserts; decrements are plain UPDATEs, so a
decrement of a row that is not there (a table being emptied) does nothing.

The person counts must not count an article twice when a statement writes several of its
quotes by one speaker: each row's trigger asks whether *another* row (another quote by
the speaker, or a mention) already covers the (person, article) pair. That needs rows to
be seen one at a time, which SQLite's AFTER row triggers do and PostgreSQL's BEFORE row
triggers do (its AFTER row triggers run once the whole statement is done); article and
comment counts are plain sums, counted AFTER the row on both.

`rebuild` recounts everything (migration, `manage.py rebuild_archive_counts`, after SQL
written around the triggers); `differences` compares the tables with a fresh count (tests).
"""

from __future__ import annotations

from django.db import connections

OUTLET_MONTH = "articles_outletmonthcount"
PERSON_OUTLET = "articles_personoutletcount"
ARTICLE, COMMENT = "articles_article", "comments_comment"
MENTION, QUOTE = "articles_mention", "articles_quote"
UNDATED = ""


def month_sql(vendor: str, column: str) -> str:
    """The UTC calendar month of a datetime column as 'YYYY-MM' ('' when NULL)."""
    if vendor == "sqlite":  # stored as UTC text 'YYYY-MM-DD HH:MM:SS'
        return f"COALESCE(substr({column}, 1, 7), '')"
    return f"COALESCE(to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM'), '')"


def _add_outlet_month(select: str) -> str:
    """Upsert `select`'s (outlet_id, month, articles, comments, quotes) rows as increments."""
    return (
        f"INSERT INTO {OUTLET_MONTH} (outlet_id, month, articles, comments, quotes) {select} "
        f"ON CONFLICT (outlet_id, month) DO UPDATE SET "
        f"articles = {OUTLET_MONTH}.articles + excluded.articles, "
        f"comments = {OUTLET_MONTH}.comments + excluded.comments, "
        f"quotes = {OUTLET_MONTH}.quotes + excluded.quotes;"
    )


def _add_person_outlet(select: str) -> str:
    """Upsert `select`'s (person_id, outlet_id, articles, mentions, quotes) as increments."""
    return (
        f"INSERT INTO {PERSON_OUTLET} (person_id, outlet_id, articles, mentions, quotes) "
        f"{select} ON CONFLICT (person_id, outlet_id) DO UPDATE SET "
        f"articles = {PERSON_OUTLET}.articles + excluded.articles, "
        f"mentions = {PERSON_OUTLET}.mentions + excluded.mentions, "
        f"quotes = {PERSON_OUTLET}.quotes + excluded.quotes;"
    )


def _statements(vendor: str) -> dict[str, list[str]]:
    """Trigger bodies by event, with NEW/OLD rows, in SQL both databases read."""
    m = lambda column: month_sql(vendor, column)  # noqa: E731
    outlet_of = lambda row: f"(SELECT outlet_id FROM {ARTICLE} WHERE id = {row}.article_id)"  # noqa: E731

    def article_in(row: str) -> str:
        return _add_outlet_month(
            f"SELECT {row}.outlet_id, {m(f'{row}.published')}, 1, 0, {row}.quote_count WHERE true"
        )

    def article_out(row: str) -> str:
        return (
            f"UPDATE {OUTLET_MONTH} SET articles = articles - 1, "
            f"quotes = quotes - {row}.quote_count "
            f"WHERE outlet_id = {row}.outlet_id AND month = {m(f'{row}.published')};"
        )

    people_of = (
        f"SELECT person_id AS pid FROM {MENTION} WHERE article_id = {{row}}.id UNION "
        f"SELECT speaker_id FROM {QUOTE} WHERE article_id = {{row}}.id AND speaker_id IS NOT NULL"
    )

    def times_named(row: str, person: str) -> str:
        return (
            f"(SELECT COALESCE(SUM(n.count), 0) FROM {MENTION} n "
            f"WHERE n.article_id = {row}.id AND n.person_id = {person})"
        )

    def times_quoted(row: str, person: str) -> str:
        return (
            f"(SELECT COUNT(*) FROM {QUOTE} n WHERE n.article_id = {row}.id "
            f"AND n.speaker_id = {person})"
        )

    here = f"{PERSON_OUTLET}.person_id"
    outlet_moved = [
        # the article's visible comments and its people follow it to the new outlet
        f"UPDATE {OUTLET_MONTH} SET comments = comments - (SELECT COUNT(*) FROM {COMMENT} c "
        f"WHERE c.article_id = OLD.id AND NOT c.hidden AND {m('c.posted')} = {OUTLET_MONTH}.month)"
        f" WHERE outlet_id = OLD.outlet_id;",
        _add_outlet_month(
            f"SELECT NEW.outlet_id, {m('c.posted')}, 0, COUNT(*), 0 FROM {COMMENT} c "
            f"WHERE c.article_id = NEW.id AND NOT c.hidden GROUP BY {m('c.posted')}"
        ),
        # the article's people, with the times each is named and quoted in it, follow it
        f"UPDATE {PERSON_OUTLET} SET articles = articles - 1, "
        f"mentions = mentions - {times_named('OLD', here)}, "
        f"quotes = quotes - {times_quoted('OLD', here)} "
        f"WHERE outlet_id = OLD.outlet_id AND person_id IN ({people_of.format(row='OLD')});",
        _add_person_outlet(
            f"SELECT p.pid, NEW.outlet_id, 1, {times_named('NEW', 'p.pid')}, "
            f"{times_quoted('NEW', 'p.pid')} FROM ({people_of.format(row='NEW')}) p WHERE true"
        ),
    ]

    def comment_in(row: str) -> str:
        return _add_outlet_month(
            f"SELECT a.outlet_id, {m(f'{row}.posted')}, 0, 1, 0 FROM {ARTICLE} a "
            f"WHERE a.id = {row}.article_id AND NOT {row}.hidden"
        )

    def comment_out(row: str) -> str:
        return (
            f"UPDATE {OUTLET_MONTH} SET comments = comments - 1 WHERE NOT {row}.hidden "
            f"AND outlet_id = {outlet_of(row)} AND month = {m(f'{row}.posted')};"
        )

    def pair_alone(row: str, person: str) -> str:
        """No other mention or quote row gives the (person, article) pair of `row`."""
        own_mention = f" AND o.id <> {row}.id" if person == "person_id" else ""
        own_quote = f" AND o.id <> {row}.id" if person == "speaker_id" else ""
        return (
            f"NOT EXISTS (SELECT 1 FROM {MENTION} o WHERE o.article_id = {row}.article_id "
            f"AND o.person_id = {row}.{person}{own_mention}) "
            f"AND NOT EXISTS (SELECT 1 FROM {QUOTE} o WHERE o.article_id = {row}.article_id "
            f"AND o.speaker_id = {row}.{person}{own_quote})"
        )

    def pair_counts(row: str, person: str) -> tuple[str, str, str]:
        """What `row` adds: its article (unless another row gives the same pair), the times
        it names the person, its quote."""
        named, quoted = (f"{row}.count", "0") if person == "person_id" else ("0", "1")
        return f"CASE WHEN {pair_alone(row, person)} THEN 1 ELSE 0 END", named, quoted

    def pair_in(row: str, person: str) -> str:
        return _add_person_outlet(
            f"SELECT {row}.{person}, a.outlet_id, {', '.join(pair_counts(row, person))} "
            f"FROM {ARTICLE} a WHERE a.id = {row}.article_id AND {row}.{person} IS NOT NULL"
        )

    def pair_out(row: str, person: str) -> str:
        article, named, quoted = pair_counts(row, person)
        return (
            f"UPDATE {PERSON_OUTLET} SET articles = articles - {article}, "
            f"mentions = mentions - {named}, quotes = quotes - {quoted} "
            f"WHERE person_id = {row}.{person} AND outlet_id = {outlet_of(row)};"
        )

    return {
        "article_insert": [article_in("NEW")],
        "article_delete": [article_out("OLD")],
        "article_update": [article_out("OLD"), article_in("NEW")],
        "article_outlet": outlet_moved,
        "comment_insert": [comment_in("NEW")],
        "comment_delete": [comment_out("OLD")],
        "comment_update": [comment_out("OLD"), comment_in("NEW")],
        "mention_insert": [pair_in("NEW", "person_id")],
        "mention_delete": [pair_out("OLD", "person_id")],
        "mention_update": [pair_out("OLD", "person_id"), pair_in("NEW", "person_id")],
        "quote_insert": [pair_in("NEW", "speaker_id")],
        "quote_delete": [pair_out("OLD", "speaker_id")],
        "quote_update": [pair_out("OLD", "speaker_id"), pair_in("NEW", "speaker_id")],
    }


# table -> (columns whose change moves counts, timing on PostgreSQL)
_WATCHED = {
    "article": (ARTICLE, ("outlet_id", "published", "quote_count"), "AFTER"),
    "comment": (COMMENT, ("hidden", "posted", "article_id"), "AFTER"),
    "mention": (MENTION, ("person_id", "article_id", "count"), "BEFORE"),
    "quote": (QUOTE, ("speaker_id", "article_id"), "BEFORE"),
}


def _changed(columns: tuple[str, ...], vendor: str) -> str:
    op = "IS NOT" if vendor == "sqlite" else "IS DISTINCT FROM"
    return " OR ".join(f"OLD.{c} {op} NEW.{c}" for c in columns)


def _sqlite_triggers() -> dict[str, str]:
    body = _statements("sqlite")
    triggers = {}
    for name, (table, columns, _timing) in _WATCHED.items():
        for event in ("insert", "delete", "update"):
            on = f"UPDATE OF {', '.join(columns)}" if event == "update" else event.upper()
            when = f" WHEN {_changed(columns, 'sqlite')}" if event == "update" else ""
            triggers[f"archive_counts_{name}_{event}"] = (
                f"CREATE TRIGGER IF NOT EXISTS archive_counts_{name}_{event} AFTER {on} "
                f"ON {table}{when} BEGIN {' '.join(body[f'{name}_{event}'])} END"
            )
    triggers["archive_counts_article_outlet"] = (
        f"CREATE TRIGGER IF NOT EXISTS archive_counts_article_outlet AFTER UPDATE OF outlet_id "
        f"ON {ARTICLE} WHEN OLD.outlet_id IS NOT NEW.outlet_id "
        f"BEGIN {' '.join(body['article_outlet'])} END"
    )
    return triggers


def _postgres_sql() -> list[str]:
    body = _statements("postgresql")
    sql = []
    for name, (table, columns, timing) in _WATCHED.items():
        update = " ".join(body[f"{name}_update"])
        if name == "article":
            update += f" IF OLD.outlet_id <> NEW.outlet_id THEN {' '.join(body['article_outlet'])}"
            update += " END IF;"
        returned = (
            "RETURN NULL;"
            if timing == "AFTER"
            else "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW;"
        )
        sql += [
            f"CREATE OR REPLACE FUNCTION archive_counts_{name}() RETURNS trigger AS $$ BEGIN "
            f"IF TG_OP = 'INSERT' THEN {' '.join(body[f'{name}_insert'])} "
            f"ELSIF TG_OP = 'DELETE' THEN {' '.join(body[f'{name}_delete'])} "
            f"ELSE {update} END IF; "
            f"{returned} "
            f"END $$ LANGUAGE plpgsql;",
            f"DROP TRIGGER IF EXISTS archive_counts_{name} ON {table};",
            f"DROP TRIGGER IF EXISTS archive_counts_{name}_update ON {table};",
            f"CREATE TRIGGER archive_counts_{name} {timing} INSERT OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION archive_counts_{name}();",
            f"CREATE TRIGGER archive_counts_{name}_update {timing} UPDATE OF {', '.join(columns)} "
            f"ON {table} FOR EACH ROW WHEN ({_changed(columns, 'postgresql')}) "
            f"EXECUTE FUNCTION archive_counts_{name}();",
        ]
    return sql


def install(connection, *, rebuild_when_missing: bool = True) -> bool:
    """Create the triggers where missing (SQLite drops a table's triggers when Django remakes
    the table, so this runs after every `migrate`); recount when any was missing.
    Returns True when it recounted."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            triggers = _sqlite_triggers()
            cursor.execute(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
                "'archive_counts_%%'"
            )
            missing = cursor.fetchone()[0] < len(triggers)
            for sql in triggers.values():
                cursor.execute(sql)
        else:
            cursor.execute("SELECT COUNT(*) FROM pg_trigger WHERE tgname LIKE 'archive_counts_%%'")
            missing = cursor.fetchone()[0] < 2 * len(_WATCHED)
            if missing:
                for sql in _postgres_sql():
                    cursor.execute(sql)
    if missing and rebuild_when_missing:
        rebuild(connection)
    return missing and rebuild_when_missing


def uninstall(connection) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for name in _sqlite_triggers():
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        else:
            for name, (table, _columns, _timing) in _WATCHED.items():
                cursor.execute(f"DROP TRIGGER IF EXISTS archive_counts_{name} ON {table}")
                cursor.execute(f"DROP TRIGGER IF EXISTS archive_counts_{name}_update ON {table}")
                cursor.execute(f"DROP FUNCTION IF EXISTS archive_counts_{name}()")


def _fresh_sql(vendor: str) -> tuple[str, str]:
    """SELECTs of both tables' rows, counted from the archive itself."""
    published, posted = month_sql(vendor, "published"), month_sql(vendor, "c.posted")
    outlet_month = (
        "SELECT outlet_id, month, SUM(articles), SUM(comments), SUM(quotes) FROM ("
        f" SELECT outlet_id, {published} AS month, COUNT(*) AS articles, 0 AS comments,"
        f" SUM(quote_count) AS quotes FROM {ARTICLE} GROUP BY outlet_id, {published}"
        " UNION ALL"
        f" SELECT a.outlet_id, {posted}, 0, COUNT(*), 0 FROM {COMMENT} c"
        f" JOIN {ARTICLE} a ON a.id = c.article_id WHERE NOT c.hidden"
        f" GROUP BY a.outlet_id, {posted}"
        ") u GROUP BY outlet_id, month"
    )
    person_outlet = (
        "SELECT pid, outlet_id, SUM(articles), SUM(mentions), SUM(quotes) FROM ("
        " SELECT p.pid, a.outlet_id, COUNT(*) AS articles, 0 AS mentions, 0 AS quotes FROM ("
        f"  SELECT person_id AS pid, article_id FROM {MENTION} UNION"
        f"  SELECT speaker_id, article_id FROM {QUOTE} WHERE speaker_id IS NOT NULL"
        f" ) p JOIN {ARTICLE} a ON a.id = p.article_id GROUP BY p.pid, a.outlet_id"
        " UNION ALL"
        f" SELECT m.person_id, a.outlet_id, 0, SUM(m.count), 0 FROM {MENTION} m"
        f" JOIN {ARTICLE} a ON a.id = m.article_id GROUP BY m.person_id, a.outlet_id"
        " UNION ALL"
        f" SELECT q.speaker_id, a.outlet_id, 0, 0, COUNT(*) FROM {QUOTE} q"
        f" JOIN {ARTICLE} a ON a.id = q.article_id WHERE q.speaker_id IS NOT NULL"
        " GROUP BY q.speaker_id, a.outlet_id"
        ") u GROUP BY pid, outlet_id"
    )
    return outlet_month, person_outlet


def rebuild(connection) -> None:
    """Recount both tables from the archive (one transaction is the caller's)."""
    outlet_month, person_outlet = _fresh_sql(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {OUTLET_MONTH}")
        cursor.execute(f"DELETE FROM {PERSON_OUTLET}")
        cursor.execute(
            f"INSERT INTO {OUTLET_MONTH} (outlet_id, month, articles, comments, quotes) "
            f"{outlet_month}"
        )
        cursor.execute(
            f"INSERT INTO {PERSON_OUTLET} (person_id, outlet_id, articles, mentions, quotes) "
            f"{person_outlet}"
        )


def differences(using: str = "default") -> list[tuple]:
    """Rows where the kept counts and a fresh count disagree (zero rows ignored): [] when
    the triggers kept everything right. `("outlet_month", key, kept, fresh)` tuples."""
    connection = connections[using]
    outlet_month, person_outlet = _fresh_sql(connection.vendor)
    found = []
    with connection.cursor() as cursor:
        for label, kept_sql, fresh_sql in (
            (
                "outlet_month",
                f"SELECT outlet_id, month, articles, comments, quotes FROM {OUTLET_MONTH}",
                outlet_month,
            ),
            (
                "person_outlet",
                f"SELECT person_id, outlet_id, articles, mentions, quotes FROM {PERSON_OUTLET}",
                person_outlet,
            ),
        ):
            cursor.execute(kept_sql)
            kept = {tuple(r[:2]): tuple(r[2:]) for r in cursor.fetchall() if any(r[2:])}
            cursor.execute(fresh_sql)
            fresh = {tuple(r[:2]): tuple(int(v) for v in r[2:]) for r in cursor.fetchall()}
            for key in sorted(set(kept) | set(fresh), key=str):
                if kept.get(key) != fresh.get(key):
                    found.append((label, key, kept.get(key), fresh.get(key)))
    return found


# Reads (#13): what the facets and outlet pages ask of the kept counts, one query each.


def outlet_articles(
    *, month: str | None = None, person_id: int | None = None, using: str = "default"
) -> list[tuple]:
    """(id, slug, name, articles) of every outlet with articles (in `month`, 'YYYY-MM', or
    mentioning or quoting `person_id`), most first, ties by name: the outlet facet's order."""
    if person_id is not None:
        table, where, params = PERSON_OUTLET, "AND c.person_id = %s", [person_id]
    else:
        table, where, params = OUTLET_MONTH, "", []
        if month:
            where, params = "AND c.month = %s", [month]
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT o.id, o.slug, o.name, SUM(c.articles) FROM articles_outlet o "
            f"JOIN {table} c ON c.outlet_id = o.id {where} "
            f"GROUP BY o.id, o.slug, o.name HAVING SUM(c.articles) > 0 "
            f"ORDER BY SUM(c.articles) DESC, o.name, o.id",
            params,
        )
        return cursor.fetchall()


def month_articles(*, outlet_ids=None, using: str = "default") -> list[tuple[str, int]]:
    """('2016-11', articles) of every dated month, newest first (in `outlet_ids` if given)."""
    where, params = _in("outlet_id", outlet_ids)
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT month, SUM(articles) FROM {OUTLET_MONTH} WHERE month <> '' {where} "
            f"GROUP BY month HAVING SUM(articles) > 0 ORDER BY month DESC",
            params,
        )
        return cursor.fetchall()


def person_articles(
    *, outlet_ids=None, limit: int | None = None, using: str = "default"
) -> list[tuple]:
    """(slug, name, articles) of the people in most articles (of `outlet_ids` if given),
    ties by name: the person facet's order."""
    where, params = _in("c.outlet_id", outlet_ids)
    window = f" LIMIT {int(limit)}" if limit is not None else ""
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT p.slug, p.name, SUM(c.articles) AS n FROM {PERSON_OUTLET} c "
            f"JOIN articles_person p ON p.id = c.person_id WHERE 1 = 1 {where} "
            f"GROUP BY p.id, p.slug, p.name HAVING SUM(c.articles) > 0 "
            f"ORDER BY n DESC, p.name, p.id{window}",
            params,
        )
        return cursor.fetchall()


def outlet_months(outlet_id: int, using: str = "default") -> list[tuple[str, int, int]]:
    """('2016-11' or '' undated, articles, visible comments) of one outlet, oldest first."""
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT month, articles, comments FROM {OUTLET_MONTH} WHERE outlet_id = %s "
            f"ORDER BY month",
            [outlet_id],
        )
        return cursor.fetchall()


def _in(column: str, values) -> tuple[str, list]:
    if values is None:
        return "", []
    values = list(values) or [0]
    return f"AND {column} IN ({', '.join(['%s'] * len(values))})", values


def list_total(filterset, kind: str) -> int | None:
    """A list's result count from the kept counts, or None when its filters need counting:
    articles under outlets and a month, or of one person in outlets; visible comments under
    outlets (their article's outlet); any sort. `?outlet=dawn` -> Dawn's articles, without
    a COUNT(*) of them."""
    if not filterset.is_valid():
        return None
    data = filterset.form.cleaned_data
    active = {k for k, v in data.items() if k not in ("sort", "match") and bool(v)}
    if kind == "articles" and active <= {"person", "outlet"} and len(data.get("person") or []) == 1:
        # one person's articles (in outlets): their counts per outlet
        outlets = [o.pk for o in data["outlet"]] if data.get("outlet") else None
        where, params = _in("outlet_id", outlets)
        with connections[filterset.queryset.db].cursor() as cursor:
            cursor.execute(
                f"SELECT COALESCE(SUM(articles), 0) FROM {PERSON_OUTLET} "
                f"WHERE person_id = %s {where}",
                [data["person"][0].pk, *params],
            )
            return int(cursor.fetchone()[0])
    allowed = {"outlet", "month"} if kind == "articles" else {"outlet"}
    if not active <= allowed:
        return None
    column = "articles" if kind == "articles" else "comments"
    where, params = _in("outlet_id", [o.pk for o in data["outlet"]] if data.get("outlet") else None)
    if data.get("month") and kind == "articles":
        where += " AND month = %s"
        params.append(f"{data['month']:%Y-%m}")
    with connections[filterset.queryset.db].cursor() as cursor:
        cursor.execute(
            f"SELECT COALESCE(SUM({column}), 0) FROM {OUTLET_MONTH} WHERE 1 = 1 {where}", params
        )
        return int(cursor.fetchone()[0])


def person_total(person_id: int, using: str = "default") -> int:
    """Articles that mention or quote the person, from the kept counts (the person page)."""
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT COALESCE(SUM(articles), 0) FROM {PERSON_OUTLET} WHERE person_id = %s",
            [person_id],
        )
        return int(cursor.fetchone()[0])
