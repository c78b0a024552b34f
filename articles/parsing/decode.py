"""Bytes of a dump file to text: the only parsing module that touches the disk.

Dumps come as UTF-8, UTF-8 with a BOM or Windows-1252 (smart quotes as bytes 0x93/0x94);
line ends are normalised to ``\\n``. Files that cannot be an article dump (empty, too big,
binary, undecodable) raise ``ExtractionError`` with the reason a user can act on.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from .records import ExtractionError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_SAMPLE = 8192  # bytes inspected for binary content
_MAX_CONTROL_SHARE = 0.1
# Control bytes other than tab, newline, form feed and carriage return.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def decode_dump(data: bytes) -> str:
    """Decode a dump's bytes: ``decode_dump(b"\\x93Hi\\x94\\r\\n")`` → ``"“Hi”\\n"``."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        text = _decode_utf8(data)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ExtractionError(f"undecodable UTF-16 text ({error.reason})") from None
    else:
        _refuse_binary(data)
        text = _decode_utf8(data)
    if "\x00" in text:
        raise ExtractionError("binary data (NUL bytes), not a text dump")
    if not text.strip():
        raise ExtractionError("empty file (only whitespace)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_dump(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read and decode one dump file, refusing what cannot be an article.

    >>> read_dump("dumps/000_6423f21f81acd8c4.txt")[:26]
    'http://www.express.co.uk/n'
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
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise ExtractionError(f"cannot read file: {error.strerror or error}") from None
    if len(data) > max_bytes:  # grew between stat and read
        raise ExtractionError(f"file too large: over the limit of {max_bytes:,} bytes")
    return decode_dump(data)


def _decode_utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise ExtractionError(
            f"undecodable text: neither UTF-8 nor Windows-1252 (byte 0x{data[error.start]:02x} "
            f"at offset {error.start})"
        ) from None


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
