"""Indexes proven by EXPLAIN (#13, tests/views/test_query_plans.py).

- The comment list's default sort, newest first with undated comments last: PostgreSQL
  puts NULLs first in a DESC index, so it gets one in the sort's own order. (SQLite
  already keeps NULLs last in `comment_visible_posted_idx`.)
- The outlet page's comments per month and total: (article, posted, hidden) of visible
  comments, so both read the index and never the comment rows.
"""

from django.db import migrations, models

from articles.migration_ops import PostgresOnlySQL


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0007_search_vector_set_wise'),
        ('comments', '0003_comment_text_unix_line_endings'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='comment',
            index=models.Index(condition=models.Q(('hidden', False)), fields=['article', 'posted', 'hidden'], name='comment_article_posted_idx'),
        ),
        # comment list, "newest" sort (PostgreSQL)
        PostgresOnlySQL(
            "CREATE INDEX comment_visible_newest_idx ON comments_comment "
            "(posted DESC NULLS LAST, id DESC) WHERE NOT hidden;",
            "DROP INDEX IF EXISTS comment_visible_newest_idx;",
        ),
    ]
