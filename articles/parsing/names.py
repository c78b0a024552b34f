"""Pure helpers for comparing person names across articles (issue 5).

The importer links each article's `ParsedPerson` to a `Person` row with
`match_person`; people parsing uses the same folding so both agree on what
"the same name" means. No Django here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# Generational suffixes: never a surname, never a first name.
SUFFIXES = frozenset({"jr", "jnr", "sr", "snr", "ii", "iii", "iv"})
# Lower-case particles that belong to the surname that follows them.
PARTICLES = frozenset(
    {"al", "bin", "binti", "da", "das", "de", "del", "della", "der", "di", "dos", "du",
     "el", "ibn", "la", "le", "st", "ten", "ter", "van", "von", "y"}
)  # fmt: skip

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class KnownPerson:
    """A person already in the archive, as `match_person` sees it.

    >>> KnownPerson(id=7, name="Vladimir Putin", aliases=("V Putin",))
    """

    id: int
    name: str
    aliases: tuple[str, ...] = ()


def fold(text: str) -> str:
    """Accent- and case-folded text: `fold("Jean-Claude Juncker")` -> "jean-claude juncker"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """The comparison key of a name: `name_key("  José  María-AZNAR's ")` -> "jose maria aznar s".

    Case, accents, punctuation and spacing are folded; honorifics are not stripped
    (canonical names carry none).
    """
    return _NOT_ALNUM.sub(" ", fold(name).replace("’", "'").replace("'", "")).strip()


def name_tokens(name: str) -> list[str]:
    """Folded words without suffixes: `name_tokens("Donald Trump Jr.")` -> ["donald", "trump"]."""
    return [tok for tok in name_key(name).split() if tok not in SUFFIXES]


def surname(name: str) -> str:
    """The family name as written: `surname("Ursula von der Leyen")` -> "von der Leyen".

    The last word that is not a suffix, with the lower-case particles before it;
    a one-word name is its own surname: `surname("Putin")` -> "Putin".
    """
    words = name.split()
    while len(words) > 1 and name_key(words[-1]) in SUFFIXES:
        words.pop()
    if not words:
        return ""
    last = len(words) - 1
    start = last
    while start > 0 and words[start - 1].islower() and words[start - 1] in PARTICLES:
        start -= 1
    # "Didier Le Bret": a capitalised particle between a given name and the family name
    # belongs to the family name ("Le Bret said"), as French and Arabic names write it.
    while start > 1 and words[start - 1].lower() in PARTICLES and words[start - 1][:1].isupper():
        start -= 1
    return " ".join(words[start:])


def given_name(name: str) -> str | None:
    """The first word of a multi-word name: `given_name("V Putin")` -> "V" ("Putin" -> None)."""
    words = name.split()
    rest = surname(name)
    if len(words) < 2 or rest == name:
        return None
    return words[0]


def first_names_compatible(a: str | None, b: str | None) -> bool:
    """Whether two given names can denote one person: "V" ~ "Vladimir", "Bill" !~ "Hillary"."""
    if a is None or b is None:
        return False
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    return len(short) == 1 and long_.startswith(short)


def match_person(name: str, known: Sequence[KnownPerson]) -> int | None:
    """The id of the known person `name` denotes, or None when none or ambiguous.

    >>> match_person("Putin", [KnownPerson(1, "Vladimir Putin")])
    1
    >>> match_person("Clinton", [KnownPerson(1, "Hillary Clinton"), KnownPerson(2, "Bill Clinton")])
    """
    key = name_key(name)
    if not key:
        return None
    exact = {
        person.id
        for person in known
        if name_key(person.name) == key or any(name_key(alias) == key for alias in person.aliases)
    }
    if exact:
        return exact.pop() if len(exact) == 1 else None

    family = name_key(surname(name))
    given = given_name(name)
    full_same_surname = [
        p for p in known if given_name(p.name) is not None and name_key(surname(p.name)) == family
    ]
    surname_only = [p for p in known if given_name(p.name) is None and name_key(p.name) == family]
    if given is None:
        # "Putin": the one full-name person with that surname, if nothing competes.
        candidates = {p.id for p in full_same_surname} | {p.id for p in surname_only}
        return candidates.pop() if len(candidates) == 1 else None

    compatible = {
        p.id for p in full_same_surname if first_names_compatible(given, given_name(p.name))
    }
    if compatible:
        return compatible.pop() if len(compatible) == 1 else None
    if full_same_surname:  # "Bill Clinton" while "Hillary Clinton" is known: never merge
        return None
    ids = {p.id for p in surname_only}
    return ids.pop() if len(ids) == 1 else None


def better_name(a: str, b: str) -> str:
    """The fuller display form of two names of one person: `better_name("Putin", "Vladimir Putin")`.

    More words wins, then a name not written in capitals, then the longer one; ties keep `a`.
    """

    def score(name: str) -> tuple[int, int, int]:
        words = name.split()
        shouted = sum(1 for w in words if len(w) > 1 and w.isupper())
        return (len(words), -shouted, len(name))

    return b if score(b) > score(a) else a
