"""Rows as plain JSON-ready dicts (#15): one function per kind, the same fields the
exports carry, with absolute page and API links. No serializer library: the shapes
are small and fixed, and `DjangoJSONEncoder` writes dates as ISO 8601."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from articles.models import Article, Outlet, Person, Quote
from comments.models import Comment


def outlet_ref(outlet: Outlet, base: str) -> dict[str, Any]:
    return {
        "slug": outlet.slug,
        "name": outlet.name,
        "api_url": base + reverse("api:outlet_detail", args=[outlet.slug]),
    }


def person_ref(person: Person | None, base: str) -> dict[str, Any] | None:
    if person is None:
        return None
    return {
        "slug": person.slug,
        "name": person.name,
        "api_url": base + reverse("api:person_detail", args=[person.slug]),
    }


def article_row(article: Article, base: str) -> dict[str, Any]:
    row = {
        "id": article.pk,
        "title": article.title,
        "outlet": outlet_ref(article.outlet, base),
        "published": article.published,
        "authors": list(article.authors),
        "url": article.url,
        "standfirst": article.standfirst,
        "tags": list(article.tags),
        "people": [person_ref(m.person, base) for m in article.mentions.all()],
        "quote_count": article.quote_count,
        "comment_count": article.comment_count,
        "page_url": base + article.get_absolute_url(),
        "api_url": base + reverse("api:article_detail", args=[article.pk]),
    }
    if hasattr(article, "search_snippet"):
        row["snippet"] = article.search_snippet
    return row


def quote_row(quote: Quote, base: str) -> dict[str, Any]:
    return {
        "id": quote.pk,
        "text": quote.text,
        "cue": quote.cue,
        "position": quote.position,
        "paragraph": quote.paragraph,
        "speaker": person_ref(quote.speaker, base),
        "article": _article_ref(quote.article, base),
        "page_url": base + quote.get_absolute_url(),
    }


def comment_row(comment: Comment, base: str, *, with_article: bool = True) -> dict[str, Any]:
    row = {
        "id": comment.pk,
        "author": comment.author,
        "posted": comment.posted,
        "text": comment.text,
        "position": comment.position,
        "reply_to": comment.reply_to_id,
    }
    if with_article:
        row["article"] = _article_ref(comment.article, base)
        row["page_url"] = base + comment.get_absolute_url()
    return row


def person_row(person: Person, base: str) -> dict[str, Any]:
    return {
        **person_ref(person, base),
        "aliases": list(person.aliases),
        "article_total": person.article_total,
        "mention_total": person.mention_total,
        "quote_total": person.quote_total,
        "page_url": base + person.get_absolute_url(),
    }


def outlet_row(outlet: Outlet, base: str) -> dict[str, Any]:
    return {
        **outlet_ref(outlet, base),
        "domains": list(outlet.domains),
        "time_zone": outlet.time_zone,
        "article_total": outlet.article_total,
        "quote_total": outlet.quote_total,
        "comment_total": outlet.comment_total,
        "page_url": base + outlet.get_absolute_url(),
    }


def _article_ref(article: Article, base: str) -> dict[str, Any]:
    return {
        "id": article.pk,
        "title": article.title,
        "published": article.published,
        "outlet": outlet_ref(article.outlet, base),
        "api_url": base + reverse("api:article_detail", args=[article.pk]),
    }
