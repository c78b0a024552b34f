"""Linking parsed names to `Person` rows across articles.

One `PeopleDirectory` per import run keeps every person's name and aliases in
memory, so linking an article costs no query until a new person is created.
The matching rules themselves are pure (`articles.parsing.names`).
"""

from __future__ import annotations

from django.utils.text import slugify

from articles.models import IgnoredName, Person
from articles.parsing.names import KnownPerson, better_name, match_person, name_key


class PeopleDirectory:
    def __init__(self) -> None:
        self._people: dict[int, Person] = {}
        self._known: list[KnownPerson] = []
        self._slugs: set[str] = set()
        self.aliases: dict[str, str] = {}
        self.ignored: frozenset[str] = frozenset()
        self.reload()

    def reload(self) -> None:
        """Read people, aliases and ignored names afresh (after curator edits)."""
        self._people = {p.pk: p for p in Person.objects.only("id", "name", "slug", "aliases")}
        self._known = [
            KnownPerson(id=p.pk, name=p.name, aliases=tuple(p.aliases))
            for p in self._people.values()
        ]
        self._slugs = {p.slug for p in self._people.values()}
        self.aliases = {
            alias: p.name for p in self._people.values() for alias in p.aliases if alias.strip()
        }
        self.ignored = frozenset(IgnoredName.objects.values_list("name", flat=True))
        self._ignored_keys = {name_key(n) for n in self.ignored}

    def is_ignored(self, name: str) -> bool:
        return name_key(name) in self._ignored_keys

    def resolve(self, name: str) -> Person | None:
        """The stored person for a parsed name, creating one when nobody matches."""
        if not name or self.is_ignored(name):
            return None
        person_id = match_person(name, self._known)
        if person_id is not None:
            person = self._people[person_id]
            fuller = better_name(person.name, name)
            if fuller != person.name:
                # "Putin" stored first, "Vladimir Putin" seen now: keep the fuller form.
                person.name = fuller
                person.save(update_fields=["name"])
                self._replace_known(person)
            return person
        person = Person.objects.create(name=name, slug=self._unique_slug(name))
        self._people[person.pk] = person
        self._known.append(KnownPerson(id=person.pk, name=person.name, aliases=()))
        return person

    def _replace_known(self, person: Person) -> None:
        self._known = [
            KnownPerson(id=p.id, name=person.name, aliases=p.aliases) if p.id == person.pk else p
            for p in self._known
        ]

    def _unique_slug(self, name: str) -> str:
        base = slugify(name)[:200] or "person"
        slug, n = base, 2
        while slug in self._slugs or Person.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        self._slugs.add(slug)
        return slug
