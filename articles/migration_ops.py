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


class DropColumnIndex(migrations.AlterField):
    """`AlterField` to `db_index=False` for a column whose own index a wider index already
    serves (a foreign key `article_id` beside a unique `(article_id, position)`): drops the
    column's Django-made index(es) by name, on both databases.

    Plain `AlterField` would do the same on PostgreSQL but remakes the whole table on SQLite
    (a copy of every row, and its triggers dropped); dropping an index is all it takes.
    Backwards, the schema editor recreates the field's indexes as `db_index=True` made them.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = from_state.apps.get_model(app_label, self.model_name)
        column = model._meta.get_field(self.name).column
        table = model._meta.db_table
        connection = schema_editor.connection
        with connection.cursor() as cursor:
            constraints = connection.introspection.get_constraints(cursor, table)
        for name, info in constraints.items():
            own = info["columns"] == [column] and info["index"]
            if own and not (info["unique"] or info["primary_key"] or info["foreign_key"]):
                schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        for sql in schema_editor._field_indexes_sql(model, model._meta.get_field(self.name)):
            schema_editor.execute(sql)
