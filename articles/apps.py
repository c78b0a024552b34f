from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _keep_counts(sender, using="default", **kwargs) -> None:
    """After `migrate`: put back count triggers a SQLite table remake dropped (#13)."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    from articles import archive_counts

    connection = connections[using]
    applied = MigrationRecorder(connection).migration_qs.filter(
        app="articles", name="0013_kept_quote_and_mention_totals"
    )
    if applied.exists():  # migrated backwards past it: the counts stay gone
        archive_counts.install(connection)


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles, people and quotes"

    def ready(self) -> None:
        post_migrate.connect(_keep_counts, sender=self, dispatch_uid="articles_keep_counts")
