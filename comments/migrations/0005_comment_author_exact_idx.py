"""The comment list's exact author filter (`?author="Dana"`) reads an index (#13), proven
by `tests/views/test_quote_comment_list_plans.py`.

`author__iexact` is `author LIKE 'Dana'` on SQLite and `UPPER(author) = UPPER('Dana')` on
PostgreSQL; `comment_author_idx` (the column as it is, the admin's sort by author) serves
neither, so the filter read every visible comment. Each database gets the index its
comparison can use, under one name, for visible comments only (as the list shows):

- SQLite: the column under NOCASE, which turns a LIKE without wildcards into a range of
  the index (SQLite's LIKE optimisation);
- PostgreSQL: `UPPER(author)`, then the newest-first order, so the default sort reads one
  author's comments from the index in the list's order.
"""

from django.db import migrations

from articles.migration_ops import PostgresOnlySQL


class SQLiteOnlySQL(migrations.RunSQL):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "sqlite":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "sqlite":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("comments", "0004_comment_list_and_outlet_chart_indexes")]

    operations = [
        # comment list, exact author filter (SQLite)
        SQLiteOnlySQL(
            'CREATE INDEX comment_author_exact_idx ON comments_comment '
            '("author" COLLATE NOCASE) WHERE NOT "hidden";',
            "DROP INDEX IF EXISTS comment_author_exact_idx;",
        ),
        # comment list, exact author filter, newest first (PostgreSQL)
        PostgresOnlySQL(
            "CREATE INDEX comment_author_exact_idx ON comments_comment "
            "(UPPER(author), posted DESC NULLS LAST, id DESC) WHERE NOT hidden;",
            "DROP INDEX IF EXISTS comment_author_exact_idx;",
        ),
    ]
