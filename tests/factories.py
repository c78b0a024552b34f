"""Plain factory functions for the recurring test cast (no factory library needed).

The cast (see conftest.py): outlets "Harbour Gazette" (Europe/London) and
"Valley Courier" (America/New_York); people Amelia Stone (a prime minister),
Ben Okafor (a mayor) and Clara Stone (an economist who shares Amelia's surname).
"""

from __future__ import annotations

import hashlib
import itertools
from datetime import datetime

from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Mention, Outlet, Person, Quote
from comments.models import Comment

_seq = itertools.count(1)


def make_outlet(name: str = "Harbour Gazette", **fields) -> Outlet:
    fields.setdefault("slug", slugify(name))
    fields.setdefault("time_zone", "Europe/London")
    outlet, _ = Outlet.objects.get_or_create(name=name, defaults=fields)
    return outlet


def make_person(name: str, **fields) -> Person:
    fields.setdefault("slug", slugify(name))
    person, _ = Person.objects.get_or_create(name=name, defaults=fields)
    return person


def make_article(
    title: str = "Harbour plan approved",
    *,
    outlet: Outlet | None = None,
    published: datetime | None = None,
    body: str = "The council approved the harbour plan on Monday.",
    people: dict[Person, int] | None = None,
    **fields,
) -> Article:
    n = next(_seq)
    fields.setdefault("url", f"https://www.example.org/news/{n}")
    fields.setdefault("content_hash", hashlib.sha256(f"{title}-{n}".encode()).hexdigest())
    article = Article.objects.create(
        outlet=outlet or make_outlet(),
        title=title,
        slug=slugify(title),
        published=published or timezone.now(),
        body=body,
        imported_at=timezone.now(),
        **fields,
    )
    for person, count in (people or {}).items():
        Mention.objects.create(article=article, person=person, count=count)
    return article


def make_quote(article: Article, text: str, speaker: Person | None = None, **fields) -> Quote:
    fields.setdefault("position", article.quotes.count())
    fields.setdefault("cue", "said")
    quote = Quote.objects.create(article=article, text=text, speaker=speaker, **fields)
    Article.objects.filter(pk=article.pk).update(quote_count=article.quotes.count())
    return quote


def make_comment(article: Article, text: str, author: str | None = "Reader", **fields) -> Comment:
    fields.setdefault("position", article.comments.count())
    fields.setdefault("posted", timezone.now())
    comment = Comment.objects.create(article=article, text=text, author=author, **fields)
    visible = article.comments.filter(hidden=False).count()
    Article.objects.filter(pk=article.pk).update(comment_count=visible)
    return comment
