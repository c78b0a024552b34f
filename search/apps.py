from django.apps import AppConfig
from django.db.models.signals import post_migrate

# Each FTS5 index and the migration of this app that made it.
_MADE_BY = {"article_fts": "0001_article_fts", "quote_fts": "0002_quote_comment_fts"}
_MADE_BY["comment_fts"] = _MADE_BY["quote_fts"]


def _keep_index(sender, using="default", **kwargs) -> None:
    """After `migrate`: put back FTS5 triggers a table remake dropped (`search.fts`)."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    from search import fts

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    applied = set(
        MigrationRecorder(connection)
        .migration_qs.filter(app="search")
        .values_list("name", flat=True)
    )
    # an index whose migration is not applied (migrated backwards) stays gone
    fts.ensure_index(connection, indexes=[i for i in fts.INDEXES if _MADE_BY[i.name] in applied])


class SearchConfig(AppConfig):
    """Full-text search on SQLite (FTS5) beside PostgreSQL's tsvector (#15)."""

    name = "search"

    def ready(self) -> None:
        post_migrate.connect(_keep_index, sender=self, dispatch_uid="search_keep_index")
