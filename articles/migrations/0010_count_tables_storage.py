"""PostgreSQL storage for the two count tables (#13): every import, hide and merge updates
the same few hundred rows, each update leaving a dead row version behind. Half-empty pages
(`fillfactor = 50`) let PostgreSQL put the new version beside the old one (a HOT update,
no index entry) and autovacuum clears the old ones after every thousand, not after a fifth
of the table: without it, a 349-row table read by every page grew to 70 MB (18 ms a read
instead of 0.1 ms) after one large import.
"""

from django.db import migrations

from articles.migration_ops import PostgresOnlySQL

TABLES = ("articles_outletmonthcount", "articles_personoutletcount")
SETTINGS = "fillfactor = 50, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000"


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_archive_counts")]

    operations = [
        PostgresOnlySQL(
            f"ALTER TABLE {table} SET ({SETTINGS});",
            f"ALTER TABLE {table} RESET (fillfactor, autovacuum_vacuum_scale_factor, "
            "autovacuum_vacuum_threshold);",
        )
        for table in TABLES
    ]
