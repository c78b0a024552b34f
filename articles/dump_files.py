"""Which files an import reads: folders walked with every skipped entry reported (#11).

`find_dumps(["dumps/", "one.txt"], "*.txt")` yields file paths to import and, for each
entry it had to leave out, a `Skipped(path, reason)` the command reports as a failure:
a symlink loop, a dangling link, an unreadable folder. Symlinked folders are followed
(once per branch); hidden entries (".git", ".DS_Store") are left out silently, by design.
Paths keep the operating system's bytes (`os.fsdecode`, surrogate escapes for names that
are not UTF-8); show them with `decode.printable_path`.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase


@dataclass(frozen=True)
class Skipped:
    """An entry a folder walk could not take, and why: ("a/loop", "symlink loop")."""

    path: str
    reason: str


def find_dumps(given: Iterable[str], pattern: str) -> Iterator[str | Skipped]:
    """Files to import from `given` paths, in order; folders searched recursively.

    A path named explicitly is always taken (a missing or unreadable one becomes a
    per-file failure when it is read); from folders only names matching `pattern`.
    """
    for item in given:
        try:
            is_dir = stat.S_ISDIR(os.stat(item).st_mode)
        except OSError:
            is_dir = False  # reading it will say what is wrong, for this file only
        if is_dir:
            yield from _walk(item, pattern, ancestors=frozenset())
        else:
            yield item


def _walk(folder: str, pattern: str, ancestors: frozenset) -> Iterator[str | Skipped]:
    try:
        info = os.stat(folder)
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as error:
        yield Skipped(folder, f"unreadable folder: {_why(error)}")
        return
    here = ancestors | {(info.st_dev, info.st_ino)}
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            target = os.stat(entry.path)  # follows symlinks
        except OSError as error:
            yield Skipped(entry.path, _broken_entry(entry, error))
            continue
        if stat.S_ISDIR(target.st_mode):
            if (target.st_dev, target.st_ino) in here:
                yield Skipped(entry.path, "symlink loop: leads back to a folder that contains it")
                continue
            yield from _walk(entry.path, pattern, here)
        elif fnmatchcase(entry.name, pattern):
            if stat.S_ISREG(target.st_mode):
                yield entry.path
            else:
                yield Skipped(entry.path, "not a regular file")


def _broken_entry(entry: os.DirEntry, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symlink loop: the link never reaches a file"
    if entry.is_symlink() and error.errno == errno.ENOENT:
        return f"dangling symlink: its target {os.readlink(entry.path)!r} does not exist"
    return f"cannot read: {_why(error)}"


def _why(error: OSError) -> str:
    return error.strerror or str(error)
