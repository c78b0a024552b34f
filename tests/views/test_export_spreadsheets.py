"""Exports a researcher can open in a spreadsheet (#14, item 6): the article body, a
byte-order mark, and a formula guard that leaves ordinary text alone."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from articles.exports import neutralise_cell
from tests import factories


def csv_text(client, name: str, params=None) -> str:
    response = client.get(reverse(name, args=["csv"]), params or {})
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8")


def test_article_exports_include_the_body(client, harbour_article):
    rows = list(csv.DictReader(io.StringIO(csv_text(client, "articles:export_articles")[1:])))
    assert rows[0]["body"].startswith("Prime Minister Amelia Stone backed the plan.")
    response = client.get(reverse("articles:export_articles", args=["json"]))
    data = b"".join(response.streaming_content).decode()
    assert "Prime Minister Amelia Stone backed the plan." in data


@pytest.mark.parametrize(
    "name", ["articles:export_articles", "articles:export_quotes", "comments:export_comments"]
)
def test_csv_starts_with_a_byte_order_mark_unless_bom_0(client, harbour_article, name):
    assert csv_text(client, name).startswith("\ufeffid,")
    assert csv_text(client, name, {"bom": "0"}).startswith("id,")


def test_non_ascii_names_survive_a_utf8_sig_reader(client, gazette):
    person = factories.make_person("Łukasz Żółw")
    article = factories.make_article("Zażółć", outlet=gazette, people={person: 1})
    factories.make_quote(article, "Gęślą jaźń", person)
    raw = csv_text(client, "articles:export_quotes").encode("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["speaker"] == "Łukasz Żółw"


def test_a_reply_starting_with_a_handle_is_exported_as_written(client, harbour_article):
    rows = list(csv.DictReader(io.StringIO(csv_text(client, "comments:export_comments")[1:])))
    assert "@Dana agreed, long overdue." in [r["text"] for r in rows]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # OWASP triggers that can run: neutralised with a leading apostrophe
        ("=1+2", "'=1+2"),
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("@cmd|' /C calc'!A0", "'@cmd|' /C calc'!A0"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        # ordinary text and numbers: untouched
        ("@Dana agreed, long overdue.", "@Dana agreed, long overdue."),
        ("@eli_88 thanks", "@eli_88 thanks"),
        ("@", "@"),
        ("-5", "-5"),
        ("+44.5", "+44.5"),
        ("-0,5%", "-0,5%"),
        ("hello =1+2", "hello =1+2"),
        ("plain", "plain"),
        (7, 7),
        (None, None),
    ],
)
def test_the_formula_guard_follows_owasp_without_mangling_ordinary_text(value, expected):
    assert neutralise_cell(value) == expected
