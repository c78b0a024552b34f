"""Writes curators trigger from the admin, one transaction each (`<entity>_<verb>`)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Q

from articles.models import Article, IgnoredName, Mention, Person, PersonRedirect, Quote


@transaction.atomic
def person_merge(*, keep: Person, absorb: Person) -> Person:
    """Move `absorb`'s mentions and quotes to `keep`, keep its names as aliases, delete it.

    Its slug (and any slug that already led to it) then leads to `keep` (#12):
    `/people/<absorbed-slug>/` answers 301 and list filters read the old slug.
    """
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
    PersonRedirect.objects.filter(person=absorb).update(person=keep)
    PersonRedirect.objects.filter(old_slug=keep.slug).delete()
    PersonRedirect.objects.create(old_slug=absorb.slug, person=keep)
    absorb.delete()
    return keep


@transaction.atomic
def person_save_edit(*, person: Person, fields: list[str], old_slug: str) -> None:
    """Store a curator's edit of `fields` (#12): a name set by a curator is theirs from then
    on (imports add aliases, never rename), and a changed slug leaves a redirect."""
    fields = list(fields)
    if "name" in fields and not person.name_curated:
        person.name_curated = True
        fields.append("name_curated")
    if "slug" in fields and old_slug != person.slug:
        PersonRedirect.objects.filter(old_slug=person.slug).delete()
        PersonRedirect.objects.update_or_create(old_slug=old_slug, defaults={"person": person})
    if fields:
        person.save(update_fields=fields)


@transaction.atomic
def person_mark_not_a_person(*, person: Person) -> list[IgnoredName]:
    """Record the person's names as not-a-person and remove their mentions and speaker links.

    Returns the names newly recorded."""
    created = []
    for name in [person.name, *person.aliases]:
        ignored, new = IgnoredName.objects.get_or_create(name=name)
        if new:
            created.append(ignored)
    affected = list(Quote.objects.filter(speaker=person).values_list("article_id", flat=True))
    Quote.objects.filter(speaker=person).update(speaker=None)
    person.delete()
    article_refresh_counts(article_ids=affected)
    return created


@transaction.atomic
def article_forget_curation(*, articles) -> list[Article]:
    """Let imports update these articles' fields again; returns the articles that had any.

    The remedy for fields marked curated by an unchanged Save before #12 (a body frozen
    with Windows line endings): the next changed import rewrites them.
    """
    rows = articles.select_related(None).only("id", "title", "curated_fields")
    changed = [a for a in rows if a.curated_fields]
    Article.objects.filter(pk__in=[a.pk for a in changed]).update(curated_fields=[])
    return changed


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
