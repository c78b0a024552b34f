"""Site-wide pieces (#14, items 4 and 8): favicon, friendly 404 and 500 pages, and filter
forms that never submit on change (the keyboard trap)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

REPO = Path(__file__).resolve().parents[2]


def test_every_page_names_a_favicon_that_exists(client, db):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    assert finders.find("favicon.svg")


def test_favicon_ico_redirects_to_the_icon_instead_of_a_404(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.svg"


def test_a_missing_page_is_a_friendly_404_with_ways_back(client, db):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "There is no page here" in html
    assert 'href="/people/"' in html and 'href="/"' in html
    assert "site.css" in html  # the site's own look, not Django's bare page


def test_an_unknown_person_is_the_same_friendly_404(client, db):
    response = client.get("/people/nobody-at-all/")
    assert response.status_code == 404
    assert "There is no page here" in response.content.decode()


def test_a_server_error_is_a_friendly_500_without_a_request_context(db):
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "site.css" in html


@pytest.mark.parametrize(
    "url", ["articles:article_list", "articles:quote_list", "comments:comment_list"]
)
def test_filter_forms_do_not_submit_on_change(client, db, url):
    html = client.get(reverse(url)).content.decode()
    assert "data-autosubmit" not in html
    assert "Apply filters" in html


def test_no_script_submits_a_form_by_itself():
    for script in (REPO / "static" / "js").glob("*.js"):
        text = script.read_text()
        assert ".submit()" not in text, script.name
