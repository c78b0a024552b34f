"""Writes curators trigger from the admin, one transaction each (`<entity>_<verb>`)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Q

from articles.models import Article, IgnoredName, Mention, Person, Quote


@transaction.atomic
def person_merge(*, keep: Person, absorb: Person) -> Person:
    """Move `absorb`'s mentions and quotes to `keep`, keep its names as aliases, delete it."""
    if keep.pk == absorb.pk:
        raise ValueError("Cannot merge a person into themselves.")
    for mention in Mention.objects.filter(person=absorb).select_related("article"):
        existing = Mention.objects.filter(article=mention.article_id, person=keep).first()
        if existing:
            existing.count += mention.count
            existing.save(update_fields=["count"])
            mention.delete()
        else:
            mention.person = keep
            mention.save(update_fields=["person"])
    Quote.objects.filter(speaker=absorb).update(speaker=keep)
    names = [absorb.name, *absorb.aliases]
    keep.aliases = sorted({*keep.aliases, *(n for n in names if n != keep.name)})
    keep.save(update_fields=["aliases"])
    absorb.delete()
    return keep


@transaction.atomic
def person_mark_not_a_person(*, person: Person) -> None:
    """Record the person's names as not-a-person and remove their mentions and speaker links."""
    for name in [person.name, *person.aliases]:
        IgnoredName.objects.get_or_create(name=name)
    affected = list(Quote.objects.filter(speaker=person).values_list("article_id", flat=True))
    Quote.objects.filter(speaker=person).update(speaker=None)
    person.delete()
    article_refresh_counts(article_ids=affected)


def article_refresh_counts(*, article_ids=None) -> int:
    """Recompute the denormalised quote and visible-comment counts."""
    articles = Article.objects.all()
    if article_ids is not None:
        articles = articles.filter(pk__in=article_ids)
    rows = articles.annotate(
        n_quotes=Count("quotes", distinct=True),
        n_comments=Count("comments", filter=Q(comments__hidden=False), distinct=True),
    ).only("id", "quote_count", "comment_count")
    changed = []
    for article in rows:
        if (article.quote_count, article.comment_count) != (article.n_quotes, article.n_comments):
            article.quote_count, article.comment_count = article.n_quotes, article.n_comments
            changed.append(article)
    Article.objects.bulk_update(changed, ["quote_count", "comment_count"])
    return len(changed)
