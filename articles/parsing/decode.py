"""Bytes of a dump file to text: the only parsing module that touches the disk.

Dumps come as UTF-8, UTF-8 with a BOM or Windows-1252 (smart quotes as bytes 0x93/0x94);
line ends are normalised to ``\\n``. Files that cannot be an article dump (empty, too big,
binary, undecodable) raise ``ExtractionError`` with the reason a user can act on.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

from .records import ExtractionError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_SAMPLE = 8192  # bytes inspected for binary content
_MAX_CONTROL_SHARE = 0.1
# Control bytes other than tab, newline, form feed and carriage return.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
# Warning texts start with these words (the admin's review queue files them as "decoding").
CUT_OFF_WARNING = "decoded as UTF-8 without the cut-off last character"
FALLBACK_WARNING = "decoded as Windows-1252"
NAME_WARNING = "file name is not valid UTF-8"


@dataclass(frozen=True)
class Decoded:
    """A dump's text and what decoding had to do to get it (empty for clean UTF-8)."""

    text: str
    warnings: tuple[str, ...] = ()


def decode_dump(data: bytes) -> str:
    """Decode a dump's bytes: ``decode_dump(b"\\x93Hi\\x94\\r\\n")`` → ``"“Hi”\\n"``."""
    return decode_bytes(data).text


def decode_bytes(data: bytes) -> Decoded:
    """Decode with warnings: ``decode_bytes(b"Caf\\xc3")`` → ``Decoded("Caf", (CUT_OFF…,))``."""
    warnings: tuple[str, ...] = ()
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        text, warnings = _decode_utf8(data)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ExtractionError(f"undecodable UTF-16 text ({error.reason})") from None
    else:
        _refuse_binary(data)
        text, warnings = _decode_utf8(data)
    if "\x00" in text:
        raise ExtractionError("binary data (NUL bytes), not a text dump")
    if not text.strip():
        raise ExtractionError("empty file (only whitespace)")
    return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"), warnings)


def read_dump(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read and decode one dump file, refusing what cannot be an article.

    >>> read_dump("dumps/000_6423f21f81acd8c4.txt")[:26]
    'http://www.express.co.uk/n'
    """
    return read_decoded(path, max_bytes=max_bytes).text


def printable_path(path: str | Path) -> str:
    """A path safe to print, store and write as UTF-8: bytes of a file name that is not
    UTF-8 (kept by Python as surrogate escapes) become backslash escapes.

    >>> printable_path(os.fsdecode(b"caf\\xe9.txt"))
    'caf\\\\xe9.txt'
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_decoded(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """`read_dump` with the decoding warnings: `read_decoded("cp1252.txt").warnings`.

    A file name that is not UTF-8 is read all the same, with a warning naming how it is stored.
    """
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise ExtractionError(
                f"file too large: {size:,} bytes, over the limit of {max_bytes:,} bytes"
            )
        if size == 0:
            raise ExtractionError("empty file (0 bytes)")
        with open(path, "rb") as handle:
            # Read what stat saw (asking for the whole limit made every read allocate 5 MB),
            # and the rest only when the file grew since.
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as error:
        raise ExtractionError(f"cannot read file: {error.strerror or error}") from None
    if len(data) > max_bytes:  # grew between stat and read
        raise ExtractionError(f"file too large: over the limit of {max_bytes:,} bytes")
    decoded = decode_bytes(data)
    shown = printable_path(path)
    if shown != os.fspath(path):
        warning = f"{NAME_WARNING}: stored as {shown!r}"
        return Decoded(decoded.text, (warning, *decoded.warnings))
    return decoded


def _decode_utf8(data: bytes) -> tuple[str, tuple[str, ...]]:
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as error:
        first = error
    if first.reason == "unexpected end of data" and first.end == len(data):
        # Valid UTF-8 up to a multi-byte character the file was cut in the middle
        # of: Windows-1252 would turn every accent into mojibake ("CafÃ©").
        return data[: first.start].decode("utf-8"), (
            f"{CUT_OFF_WARNING} (an incomplete {len(data) - first.start}-byte sequence "
            f"at offset {first.start})",
        )
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise ExtractionError(
            f"undecodable text: neither UTF-8 nor Windows-1252 (byte 0x{data[error.start]:02x} "
            f"at offset {error.start})"
        ) from None
    return text, (
        f"{FALLBACK_WARNING} (not valid UTF-8: byte 0x{data[first.start]:02x} "
        f"at offset {first.start})",
    )


def _refuse_binary(data: bytes) -> None:
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        raise ExtractionError("binary data (NUL bytes), not a text dump")
    if not sample:
        return
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls / len(sample) > _MAX_CONTROL_SHARE:
        raise ExtractionError(
            f"binary data ({controls} control bytes in the first {len(sample)}), not a text dump"
        )
