"""Linking parsed names to `Person` rows across articles.

One `PeopleDirectory` per import run keeps every person's name and aliases in
memory, indexed by surname and exact name, so linking an article costs no
query until a new person is created. The matching rules themselves are pure
(`articles.parsing.names.match_person`); the index only narrows who is asked.

Names (#12). Imports never rename a person whose name a curator set
(`Person.name_curated`). Otherwise the display name changes by one rule only: a
bare surname ("Putin") or a name in capitals ("VLADIMIR PUTIN") is replaced by the
fuller form `better_name` prefers ("Vladimir Putin"), and the old form is kept as
an alias (except a bare surname, which the full name's surname already matches: as
an alias it would match exactly even where the surname is ambiguous). Every other
new form with a given name ("Vladimir V. Putin", "Vladimir Vladimirovich Putin") is
added to the person's aliases and never becomes the name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.utils.text import slugify

from articles.models import IgnoredName, Person, PersonRedirect
from articles.parsing.names import (
    KnownPerson,
    better_name,
    given_name,
    match_person,
    name_key,
    surname,
)

_FIELDS = ("id", "name", "slug", "aliases", "name_curated", "import_revision")


class PeopleDirectory:
    def __init__(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read people, aliases and ignored names afresh (after curator edits)."""
        people = Person.objects.only(*_FIELDS)
        self._people: dict[int, Person] = {p.pk: p for p in people}
        self._index: defaultdict[str, dict[int, KnownPerson]] = defaultdict(dict)
        self._keys: dict[int, set[str]] = {}  # person id -> index keys it is filed under
        for person in self._people.values():
            self._add(person.pk, person)
        self._revision = max((p.import_revision for p in self._people.values()), default=0)
        self._pending: dict[int, Person] = {}
        # A merged person's old slug still leads to the person kept: never reuse it.
        self._slugs = {p.slug for p in self._people.values()} | set(
            PersonRedirect.objects.values_list("old_slug", flat=True)
        )
        self.aliases = {
            alias: p.name for p in self._people.values() for alias in p.aliases if alias.strip()
        }
        self.ignored = frozenset(IgnoredName.objects.values_list("name", flat=True))
        self._ignored_keys = {name_key(n) for n in self.ignored}

    def catch_up(self) -> int:
        """Learn what other importers wrote to people since we last looked (one query):
        new people, renames, new aliases. Returns how many people changed.

        Called by the importer under its writers' lock (#13): every import write to a
        person happens under that lock and is stamped with a revision one past the
        highest its writer had seen, so revisions grow in commit order and
        `import_revision > last seen` finds exactly what changed.
        """
        fresh = list(Person.objects.filter(import_revision__gt=self._revision).only(*_FIELDS))
        for person in fresh:
            # Filed under its new forms too; entries of earlier forms stay, as they do
            # in the importer that renamed it.
            self._people[person.pk] = person
            self._add(person.pk, person)
            self._slugs.add(person.slug)
            self.aliases.update({alias: person.name for alias in person.aliases if alias.strip()})
            self._revision = max(self._revision, person.import_revision)
        return len(fresh)

    def is_ignored(self, name: str) -> bool:
        return name_key(name) in self._ignored_keys

    def resolve(self, name: str) -> Person | None:
        """The stored person for a parsed name, creating one when nobody matches."""
        return self.resolve_all([name]).get(name)

    def resolve_all(self, names: Iterable[str], *, save: bool = True) -> dict[str, Person | None]:
        """Stored people for an article's names; the new ones are created in one INSERT.

        With `save=False` new people stay unsaved (no `pk`) until `save_pending()`, so
        the importer resolves a batch article by article and creates them all at once.
        """
        resolved: dict[str, Person | None] = {}
        pending = self._pending  # temporary negative id -> unsaved person
        for name in names:
            if not name or name in resolved:
                continue
            if self.is_ignored(name):
                resolved[name] = None
                continue
            person_id = match_person(name, self._candidates(name))
            if person_id is None:
                person_id = -(len(pending) + 1)
                assert person_id not in self._people
                person = Person(
                    name=name, slug=self._unique_slug(name), import_revision=self._stamp()
                )
                pending[person_id] = person
                self._people[person_id] = person
                self._add(person_id, person)
            person = self._people[person_id]
            self._learn_form(person_id, person, name)
            resolved[name] = person
        if save:
            self.save_pending()
        return resolved

    def save_pending(self) -> None:
        """Create the people `resolve_all(save=False)` found, in one INSERT."""
        if not self._pending:
            return
        Person.objects.bulk_create(self._pending.values())
        for temporary_id, person in self._pending.items():
            # Every index entry moves to the real id, those of earlier forms too (renamed
            # while pending: "Cordova", then "Omar Cordova"), exactly as if the person had
            # been saved at once and renamed after.
            del self._people[temporary_id]
            self._people[person.pk] = person
            keys = self._keys.pop(temporary_id, set())
            for key in keys:
                known = self._index[key].pop(temporary_id)
                self._index[key][person.pk] = KnownPerson(person.pk, known.name, known.aliases)
            self._keys[person.pk] = keys
        self._pending = {}

    def _learn_form(self, person_id: int, person: Person, name: str) -> None:
        """Apply the naming rule of the module docstring to a form `name` of `person`."""
        renamable = not person.name_curated and _placeholder_name(person.name)
        fuller = better_name(person.name, name) if renamable else person.name
        changed: list[str] = []
        if fuller != person.name:
            # "Putin" stored first, "Vladimir Putin" seen now: keep the fuller form.
            old, person.name = person.name, fuller
            changed.append("name")
            if given_name(old) is not None and old not in person.aliases:
                person.aliases = [*person.aliases, old]
                changed.append("aliases")
        elif given_name(name) is not None and _adds_alias(person, name):
            person.aliases = [*person.aliases, name]
            changed.append("aliases")
        if changed:
            if person.pk:
                person.import_revision = self._stamp()
                person.save(update_fields=[*changed, "import_revision"])
            self._add(person_id, person)

    def _stamp(self) -> int:
        """The revision for a write now: one past the highest seen (see `catch_up`)."""
        self._revision += 1
        return self._revision

    def _candidates(self, name: str) -> list[KnownPerson]:
        """Everyone `match_person` could pick: same surname, or this exact name/alias."""
        found = {**self._index[_surname_key(name)], **self._index[_exact_key(name)]}
        return list(found.values())

    def _add(self, person_id: int, person: Person) -> None:
        known = KnownPerson(id=person_id, name=person.name, aliases=tuple(person.aliases))
        keys = self._keys.setdefault(person_id, set())
        for form in (person.name, *person.aliases):
            for key in (_surname_key(form), _exact_key(form)):
                self._index[key][person_id] = known
                keys.add(key)

    def _unique_slug(self, name: str) -> str:
        # Every slug is in memory (loaded by reload()); a person created meanwhile by
        # another process would make this article fail its unique check, not corrupt it.
        base = slugify(name)[:200] or "person"
        slug, n = base, 2
        while slug in self._slugs:
            slug, n = f"{base}-{n}", n + 1
        self._slugs.add(slug)
        return slug


def _placeholder_name(name: str) -> bool:
    """A name imports may still improve: a bare surname, or one written in capitals."""
    words = [w for w in name.split() if len(w) > 1]
    return given_name(name) is None or bool(words) and all(w.isupper() for w in words)


def _adds_alias(person: Person, form: str) -> bool:
    """Whether `form` is a new way of writing `person` (not their name or an alias)."""
    key = name_key(form)
    return bool(key) and key not in {name_key(n) for n in (person.name, *person.aliases)}


def _surname_key(name: str) -> str:
    return "s:" + name_key(surname(name))


def _exact_key(name: str) -> str:
    return "e:" + name_key(name)
