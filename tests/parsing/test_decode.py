from __future__ import annotations

from pathlib import Path

import pytest

from articles.parsing.decode import (
    CUT_OFF_WARNING,
    FALLBACK_WARNING,
    decode_bytes,
    decode_dump,
    read_decoded,
    read_dump,
)
from articles.parsing.records import ExtractionError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "dumps"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Plain text\n", "Plain text\n"),
        (b"\xef\xbb\xbfWith BOM\n", "With BOM\n"),
        ("“Curly” – dash".encode(), "“Curly” – dash"),
        (b"\x93Smart\x94 quotes \x96 cp1252", "“Smart” quotes – cp1252"),
        (b"one\r\ntwo\rthree\n", "one\ntwo\nthree\n"),
    ],
)
def test_decode_dump_handles_encodings_and_line_ends(data: bytes, expected: str) -> None:
    assert decode_dump(data) == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\r\n", "empty"),
        (b"abc\x00def", "binary"),
        (bytes(range(1, 9)) * 50, "binary"),
        (b"caf\x81 is not cp1252", "undecodable"),
    ],
)
def test_decode_dump_refuses_non_text(data: bytes, reason: str) -> None:
    with pytest.raises(ExtractionError, match=reason):
        decode_dump(data)


@pytest.mark.parametrize(
    ("name", "reason"),
    [("empty.txt", "empty"), ("whitespace_only.txt", "empty"), ("binary.txt", "binary")],
)
def test_read_dump_refuses_bad_fixture_files(name: str, reason: str) -> None:
    with pytest.raises(ExtractionError, match=reason):
        read_dump(FIXTURES / "bad" / name)


def test_read_dump_refuses_file_over_limit_and_names_sizes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(ExtractionError, match=r"too large: 2,048 bytes.*1,000 bytes"):
        read_dump(path, max_bytes=1000)


def test_read_dump_reports_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match="cannot read"):
        read_dump(tmp_path / "missing.txt")


def test_read_dump_decodes_bom_and_cp1252_fixtures() -> None:
    bom = read_dump(FIXTURES / "layouts" / "bom_utf8_two_authors.txt")
    cp1252 = read_dump(FIXTURES / "layouts" / "cp1252_smart_quotes.txt")
    crlf = read_dump(FIXTURES / "layouts" / "crlf_wire_explicit_zone.txt")
    assert bom.startswith("https://")
    assert "“The wind" in cp1252
    assert "\r" not in crlf


def test_utf8_cut_off_in_its_last_character_stays_utf8_with_a_warning() -> None:
    data = "Café owners in Zürich say ”".encode()[:-1]  # the closing quote, cut mid-way

    decoded = decode_bytes(data)

    assert decoded.text == "Café owners in Zürich say "
    assert len(decoded.warnings) == 1
    assert decoded.warnings[0].startswith(CUT_OFF_WARNING)
    assert "Ã" not in decoded.text


def test_windows_1252_fallback_is_reported_as_a_warning() -> None:
    decoded = decode_bytes(b"\x93Smart\x94 quotes")
    assert decoded.text == "“Smart” quotes"
    assert decoded.warnings == (f"{FALLBACK_WARNING} (not valid UTF-8: byte 0x93 at offset 0)",)


def test_clean_utf8_has_no_warnings() -> None:
    assert decode_bytes("Café\n".encode()).warnings == ()


def test_read_decoded_carries_the_warnings_of_a_file(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes("## Zürich cafés\n\nCafé".encode()[:-1])
    decoded = read_decoded(path)
    assert decoded.text == "## Zürich cafés\n\nCaf"
    assert decoded.warnings[0].startswith(CUT_OFF_WARNING)
