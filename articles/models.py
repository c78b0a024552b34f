"""Outlets, people, articles, quotes and the mentions linking people to articles.

Import-owned fields are written by `articles.importing`; curator edits made in
the admin are remembered in `Article.curated_fields` so a re-import keeps them.
"""

from __future__ import annotations

import zoneinfo

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from articles.cached_reverse import cached_reverse
from articles.parsing.records import OutletProfile
from articles.querysets import NEWEST_FIRST, ArticleQuerySet, PersonQuerySet, QuoteQuerySet
from articles.validators import validate_string_list, validate_time_zone


class Outlet(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    domains = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_string_list],
        help_text="Web domains of the outlet, e.g. express.co.uk; matched against article URLs.",
    )
    time_zone = models.CharField(
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text="IANA zone the outlet prints its times in, e.g. Europe/London.",
    )
    signatures = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_string_list],
        help_text="Lines of page furniture that identify this outlet when a dump has no URL.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return cached_reverse("articles:outlet_detail", self.slug)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def to_profile(self) -> OutletProfile:
        return OutletProfile(
            name=self.name,
            domains=tuple(self.domains),
            time_zone=self.time_zone,
            signatures=tuple(self.signatures),
        )


class Person(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    aliases = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_string_list],
        help_text="Other forms of the name that mean this person, e.g. V Putin.",
    )
    # Set when a curator edits the name: imports then add new forms as aliases and never
    # rename (#12). Without it the name changes only by the rule in articles.linking.
    name_curated = models.BooleanField(default=False, editable=False)
    # Stamped by every import write to this person (created, renamed, new alias): importers
    # running at once catch up with each other's people by reading past the last they saw
    # (#13, articles.linking).
    import_revision = models.PositiveBigIntegerField(default=0, editable=False)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [
            # person autocomplete and admin search by name
            models.Index(fields=["name"], name="person_name_idx"),
            # concurrent importers: people another importer wrote since (#13)
            models.Index(fields=["import_revision"], name="person_import_revision_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return cached_reverse("articles:person_detail", self.slug)


class PersonRedirect(models.Model):
    """The slug of a person merged into another (#12): `/people/<old_slug>/` answers 301
    to `person`, and list filters read the old slug as `person`."""

    old_slug = models.SlugField(max_length=220, unique=True)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.person_id}"


class IgnoredName(models.Model):
    """A name curators marked as not a person: the import never makes it a Person."""

    name = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    # Fields a curator may edit; a re-import leaves those in `curated_fields` alone.
    CURATABLE_FIELDS = ("title", "authors", "published", "updated", "standfirst", "body", "tags")

    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, related_name="articles", db_index=False
    )  # article_outlet_newest_idx leads with it
    url = models.URLField(max_length=1000, null=True, blank=True)
    title = models.CharField(max_length=500)
    slug = models.SlugField(
        max_length=200, allow_unicode=False, db_index=False
    )  # URLs carry the id
    authors = models.JSONField(default=list, blank=True, validators=[validate_string_list])
    published = models.DateTimeField(null=True, blank=True)
    updated = models.DateTimeField(null=True, blank=True)
    standfirst = models.TextField(blank=True)
    body = models.TextField(blank=True, help_text="Paragraphs separated by a blank line.")
    tags = models.JSONField(default=list, blank=True, validators=[validate_string_list])
    people = models.ManyToManyField(Person, through="Mention", related_name="articles", blank=True)
    source_path = models.CharField(max_length=1000, blank=True)
    content_hash = models.CharField(max_length=64, help_text="SHA-256 of the decoded dump.")
    imported_at = models.DateTimeField()
    curated_fields = models.JSONField(default=list, blank=True, editable=False)
    # Denormalised so "most commented / most quoted" sorts can use an index.
    comment_count = models.PositiveIntegerField(default=0, editable=False)
    quote_count = models.PositiveIntegerField(default=0, editable=False)
    # What the import could not be sure of (#9), for the admin's review queue;
    # rewritten by every re-import. Kinds: articles.import_warnings, " no-date outlet ".
    import_warnings = models.JSONField(default=list, blank=True, editable=False)
    warning_kinds = models.CharField(max_length=200, blank=True, editable=False)
    warning_count = models.PositiveIntegerField(default=0, editable=False)
    # Filled by a PostgreSQL trigger (migration 0002); stays NULL on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = NEWEST_FIRST
        constraints = [
            models.UniqueConstraint(fields=["url"], name="article_unique_url"),
            models.UniqueConstraint(fields=["content_hash"], name="article_unique_content_hash"),
        ]
        indexes = [
            # default sort (newest first) and the date-range filter
            models.Index(fields=["-published", "-id"], name="article_published_idx"),
            # outlet filter + outlet page, newest first (PostgreSQL: article_outlet_newest_idx)
            models.Index(
                fields=["outlet", "-published", "-id"], name="article_outlet_published_idx"
            ),
            # "most commented" sort and the has-comments filter (PostgreSQL sorts by
            # article_comments_newest_idx, migration 0011)
            models.Index(
                fields=["-comment_count", "-published", "-id"], name="article_comments_idx"
            ),
            # "most quoted" sort (PostgreSQL: article_quotes_newest_idx, migration 0011)
            models.Index(fields=["-quote_count", "-published", "-id"], name="article_quotes_idx"),
            # re-import of a URL-less file finds its article by path
            models.Index(fields=["source_path"], name="article_source_path_idx"),
            # admin review queue: imports with the most warnings first
            models.Index(fields=["-warning_count", "-id"], name="article_warnings_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return cached_reverse("articles:article_detail", self.pk, self.slug or "article")

    @property
    def paragraphs(self) -> list[str]:
        # Tolerates Windows line endings an old admin save may have stored (#12).
        body = self.body.replace("\r\n", "\n")
        return [p for p in body.split("\n\n") if p.strip()]


class Mention(models.Model):
    """Person mentioned in an article, with how many times."""

    # indexed by mention_unique_person (article, person) and mention_person_idx (person, article)
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="mentions", db_index=False
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="mentions", db_index=False
    )
    count = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-count", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="mention_unique_person"),
        ]
        indexes = [
            # person filter: articles mentioning a person
            models.Index(fields=["person", "article"], name="mention_person_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.article} ({self.count}×)"


class Quote(models.Model):
    # indexed by quote_unique_position (article, position) and quote_speaker_idx (speaker, article)
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="quotes", db_index=False
    )
    speaker = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quotes",
        db_index=False,
    )
    text = models.TextField()
    position = models.PositiveIntegerField(help_text="Order of the quote in its article.")
    paragraph = models.PositiveIntegerField(null=True, blank=True)
    cue = models.CharField(max_length=40, blank=True, help_text="Verb of speech: said, wrote…")
    curated = models.BooleanField(
        default=False, editable=False, help_text="Edited by a curator: re-import keeps it."
    )

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="quote_unique_position"),
        ]
        indexes = [
            # speaker filter and person page quotes
            models.Index(fields=["speaker", "article"], name="quote_speaker_idx"),
        ]

    def __str__(self) -> str:
        who = self.speaker.name if self.speaker_id else "Unknown speaker"
        return f"{who}: {self.text[:60]}"

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#quote-{self.position}"


class OutletMonthCount(models.Model):
    """Articles published (UTC month, 'YYYY-MM'; '' undated), their quotes, and visible
    comments posted per outlet and month, kept by database triggers on every write (#13,
    `articles.archive_counts`): the facets and outlet pages read these, not the archive."""

    outlet_id = models.BigIntegerField()
    month = models.CharField(max_length=7, blank=True)
    articles = models.IntegerField(default=0)
    comments = models.IntegerField(default=0)
    quotes = models.IntegerField(default=0)  # the articles' `quote_count`

    class Meta:
        ordering = ["outlet_id", "month"]
        constraints = [
            # the triggers' upsert key; also serves an outlet's months (outlet page chart)
            models.UniqueConstraint(fields=["outlet_id", "month"], name="outlet_month_count_key"),
        ]

    def __str__(self) -> str:
        return f"outlet {self.outlet_id} {self.month or 'undated'}: {self.articles}/{self.comments}"


class PersonOutletCount(models.Model):
    """Articles of an outlet that mention or quote a person, the times the person is named
    in them and their quotes there, kept by database triggers (#13,
    `articles.archive_counts`): the person facet and the people index read these."""

    person_id = models.BigIntegerField()
    outlet_id = models.BigIntegerField()
    articles = models.IntegerField(default=0)
    mentions = models.IntegerField(default=0)  # sum of `Mention.count`
    quotes = models.IntegerField(default=0)

    class Meta:
        ordering = ["person_id", "outlet_id"]
        constraints = [
            # the triggers' upsert key; the unfiltered person facet groups by person
            models.UniqueConstraint(
                fields=["person_id", "outlet_id"], name="person_outlet_count_key"
            ),
        ]
        indexes = [
            # person facet with an outlet chosen
            models.Index(fields=["outlet_id", "person_id"], name="person_outlet_count_outlet"),
        ]

    def __str__(self) -> str:
        return f"person {self.person_id} in outlet {self.outlet_id}: {self.articles}"
