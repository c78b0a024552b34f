"""Drop `comment.article`'s own index (#13): `comment_unique_position` (article, position)
leads with the same column and serves every lookup by article (see articles 0012).
"""

import django.db.models.deletion
from django.db import migrations, models

from articles.migration_ops import DropColumnIndex


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_drop_redundant_column_indexes"),
        ("comments", "0005_comment_author_exact_idx"),
    ]

    operations = [
        DropColumnIndex(
            model_name="comment",
            name="article",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="comments",
                to="articles.article",
            ),
        ),
    ]
