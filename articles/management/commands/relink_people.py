"""`manage.py relink_people`: re-apply people and quote linking to stored articles."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from tqdm import tqdm

from articles.importing import Importer
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Re-find the people and quote speakers of every stored article using the current "
        "aliases, merges and not-a-person names (run after curating people in the admin). "
        "Needs no source files; idempotent: a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--article", type=int, action="append", help="Only this article id (repeatable)."
        )

    def handle(self, *args, **options):
        importer = Importer()
        articles = Article.objects.only("id", "title", "body", "authors", "source_path").order_by(
            "id"
        )
        if options["article"]:
            articles = articles.filter(pk__in=options["article"])
        total = articles.count()
        changed = 0
        for article in tqdm(
            articles.iterator(chunk_size=500),
            total=total,
            unit="article",
            file=self.stderr._out,
            disable=None if options["verbosity"] >= 1 else True,
        ):
            if importer.relink(article):
                changed += 1
                if options["verbosity"] >= 2:
                    self.stdout.write(f"relinked: {article.pk} {article.title}")
        self.stdout.write(
            f"{total} articles checked: {changed} relinked, {total - changed} unchanged."
        )
