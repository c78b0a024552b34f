"""A migration operation for PostgreSQL-only features (FTS triggers, GIN indexes).

SQLite has no tsvector or GIN: there the operation does nothing and the app
uses its documented fallbacks (substring search, B-tree indexes).
"""

from __future__ import annotations

from django.db import migrations


class PostgresOnlySQL(migrations.RunSQL):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
