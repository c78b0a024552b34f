from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _keep_index(sender, using="default", **kwargs) -> None:
    """After `migrate`: put back FTS5 triggers a table remake dropped (`search.fts`)."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    from search import fts

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    if not MigrationRecorder(connection).migration_qs.filter(app="search").exists():
        return  # migrated backwards past the index: leave it gone
    fts.ensure_index(connection)


class SearchConfig(AppConfig):
    """Full-text search on SQLite (FTS5) beside PostgreSQL's tsvector (#15)."""

    name = "search"

    def ready(self) -> None:
        post_migrate.connect(_keep_index, sender=self, dispatch_uid="search_keep_index")
