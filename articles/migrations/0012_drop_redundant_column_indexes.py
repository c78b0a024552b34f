"""Drop the single-column indexes that a wider index already serves (#13): each costs
every import a B-tree insertion per row and serves no query the wider one does not.

- `article.outlet`: `article_outlet_newest_idx` (outlet, published, id) leads with it;
- `article.slug`: article URLs carry the id, the slug is never looked up alone;
- `mention.article` / `mention.person`: `mention_unique_person` (article, person) and
  `mention_person_idx` (person, article);
- `quote.article` / `quote.speaker`: `quote_unique_position` (article, position) and
  `quote_speaker_idx` (speaker, article).

`DropColumnIndex` drops them by name on both databases (SQLite would otherwise remake each
table); the plan tests (`tests/views/test_*plans.py`) prove every list still reads an index.
"""

import django.db.models.deletion
from django.db import migrations, models

from articles.migration_ops import DropColumnIndex


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_sort_indexes_end_with_id"),
    ]

    operations = [
        DropColumnIndex(
            model_name="article",
            name="outlet",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="articles",
                to="articles.outlet",
            ),
        ),
        DropColumnIndex(
            model_name="article",
            name="slug",
            field=models.SlugField(db_index=False, max_length=200),
        ),
        DropColumnIndex(
            model_name="mention",
            name="article",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="mentions",
                to="articles.article",
            ),
        ),
        DropColumnIndex(
            model_name="mention",
            name="person",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="mentions",
                to="articles.person",
            ),
        ),
        DropColumnIndex(
            model_name="quote",
            name="article",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="quotes",
                to="articles.article",
            ),
        ),
        DropColumnIndex(
            model_name="quote",
            name="speaker",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="quotes",
                to="articles.person",
            ),
        ),
    ]
