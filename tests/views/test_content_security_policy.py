"""Every page is sent with a strict Content-Security-Policy, and nothing on our pages
needs it relaxed: no inline scripts, styles or event handlers (#11)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from newsarchive.csp import policy_header
from tests.conftest import REPO

STRICT = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)


def test_policy_header_joins_directives_in_order():
    assert policy_header({"default-src": ["'self'"], "img-src": ["'self'", "data:"]}) == (
        "default-src 'self'; img-src 'self' data:"
    )


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/quotes/",
        "/comments/",
        "/export/articles.csv",
        "/export/comments.json",
        "/no-such-page/",
        "/admin/login/",
    ],
)
def test_every_page_carries_the_strict_policy(client, harbour_article, url):
    response = client.get(url)
    assert response["Content-Security-Policy"] == STRICT


def test_article_page_and_admin_pages_carry_the_policy(client, staff_client, harbour_article):
    pages = [
        client.get(harbour_article.get_absolute_url()),
        staff_client.get(reverse("admin:articles_article_changelist")),
        staff_client.get(reverse("admin:articles_article_change", args=[harbour_article.pk])),
    ]
    assert [p.status_code for p in pages] == [200, 200, 200]
    assert {p["Content-Security-Policy"] for p in pages} == {STRICT}


_INLINE = [
    ("an inline <script>", re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.I)),
    ("a <style> block", re.compile(r"<style\b", re.I)),
    ("a style= attribute", re.compile(r"\sstyle\s*=", re.I)),
    ("an inline event handler", re.compile(r"\son[a-z]+\s*=", re.I)),
    ("a javascript: URL", re.compile(r"javascript:", re.I)),
]


@pytest.mark.parametrize("template", sorted((REPO / "templates").rglob("*.html")), ids=str)
def test_templates_need_nothing_the_policy_forbids(template):
    text = template.read_text(encoding="utf-8")
    found = [what for what, pattern in _INLINE if pattern.search(text)]
    assert not found, f"{template.name} has {', '.join(found)}"
