"""Import warnings fall into the kinds the review queue filters by (no database)."""

from __future__ import annotations

import pytest

from articles.import_warnings import speakerless_warning, warning_kind, warning_kinds


@pytest.mark.parametrize(
    ("warning", "kind"),
    [
        ("no publication date found", "no-date"),
        ("outlet not recognised (no URL, no known signature)", "outlet"),
        ("unknown outlet domain 'harrowgazette.co.uk': times read as UTC", "outlet"),
        ("comments: page declares 4, found 3", "comments"),
        ("comment 2: ambiguous day/month order: '03/04/2017 10:00'", "comments"),
        ("ambiguous day/month order: '03/04/2017'", "date"),
        ("no headline found", "headline"),
        ("decoded as Windows-1252 (not valid UTF-8: byte 0x93 at offset 0)", "decoding"),
        ("decoded as UTF-8 without the cut-off last character (…)", "decoding"),
        ("3 quotes without a speaker", "speakerless"),
        ("file name is not valid UTF-8: stored as 'caf\\xe9.txt'", "decoding"),
        ("something nobody planned for", "other"),
    ],
)
def test_each_warning_has_a_kind(warning, kind):
    assert warning_kind(warning) == kind


def test_kinds_are_distinct_sorted_and_padded_for_contains_lookups():
    assert warning_kinds(["no publication date found", "outlet not recognised", "no date"]) == (
        " no-date outlet "
    )
    assert warning_kinds([]) == ""


def test_speakerless_warning_counts_quotes():
    assert speakerless_warning(0) is None
    assert speakerless_warning(1) == "1 quote without a speaker"
    assert speakerless_warning(3) == "3 quotes without a speaker"
