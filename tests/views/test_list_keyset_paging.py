"""The article, quote and comment pages page by keyset (#15): Next and Previous carry a
cursor, so walking Next shows every row once even while rows are added, a deep page
costs what the first does, and a bad cursor is a 400 with a way back, never a 500."""

from __future__ import annotations

import base64
import json
import re
from datetime import UTC, datetime
from html import unescape

import pytest
from django.urls import reverse

from tests import factories

# list page, the API list that must agree with it, the page row's key
LISTS = {
    "articles": ("articles:article_list", "api:article_list"),
    "quotes": ("articles:quote_list", "api:quote_list"),
    "comments": ("comments:comment_list", "api:comment_list"),
}
QUERIES = {
    "articles": ["", "sort=oldest", "sort=comments", "q=ferry", "outlet=harbour-gazette"],
    "quotes": ["", "sort=oldest", "person=amelia-stone"],
    "comments": ["", "sort=oldest", "author=R1"],
}
CASES = [(kind, query) for kind, queries in QUERIES.items() for query in queries]


def link(response, rel: str) -> str | None:
    """The href of the pager link `rel` ("next", "prev", "first", "last"), unescaped."""
    found = re.search(rf'<a href="([^"]*)" rel="{rel}">', response.content.decode())
    return unescape(found[1]) if found else None


def row_ids(response) -> list[int]:
    return [row.pk for row in response.context["page"].object_list]


def walk_next(client, path: str, query: str) -> tuple[list[int], list[str]]:
    """Every row met following Next from `path?query`, and the "Showing …" line of each page."""
    url, ids, ranges = f"{path}?{query}", [], []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        ids.extend(row_ids(response))
        ranges.append(re.search(r"Showing (\d+)–(\d+) of (\d+)", response.content.decode()))
        following = link(response, "next")
        url = f"{path}{following}" if following else None
    return ids, ranges


@pytest.mark.parametrize(("kind", "query"), CASES)
def test_walking_next_shows_every_row_once_in_the_lists_order(client, archive, kind, query):
    page_name, api_name = LISTS[kind]
    whole = client.get(f"{reverse(api_name)}?{query}&size=200").json()
    ids, ranges = walk_next(client, reverse(page_name), query)
    assert ids == [row["id"] for row in whole["results"]]
    assert len(ids) == len(set(ids)) == whole["count"]
    # each page says where it is: "Showing 26–31 of 31"
    shown = [(int(m[1]), int(m[2])) for m in ranges if m]
    assert shown == [(i + 1, min(i + 25, len(ids))) for i in range(0, len(ids), 25)]


@pytest.mark.parametrize(
    ("kind", "query"),
    [("articles", ""), ("articles", "sort=oldest"), ("articles", "q=ferry"), ("comments", "")],
)
def test_previous_goes_back_to_the_same_rows(client, archive, kind, query):
    path = reverse(LISTS[kind][0])
    first = client.get(f"{path}?{query}")
    second = client.get(path + link(first, "next"))
    back = client.get(path + link(second, "prev"))
    assert row_ids(back) == row_ids(first)
    assert "Page 2 of 2" in second.content.decode()


def test_the_cursor_survives_articles_added_between_pages(client, archive, gazette):
    path = reverse("articles:article_list")
    before = [
        row["id"] for row in client.get(reverse("api:article_list") + "?size=200").json()["results"]
    ]
    first = client.get(path)
    # one article newer than everything (it lands on page 1, already read), one among the
    # rows still to come: nothing repeats, nothing is skipped, the new one shows up
    factories.make_article("Breaking", outlet=gazette, published=datetime(2030, 1, 1, tzinfo=UTC))
    middle = factories.make_article(
        "Mid", outlet=gazette, published=datetime(2016, 1, 3, 12, tzinfo=UTC)
    )
    rest, _ = walk_next(client, path, link(first, "next")[1:])
    seen = row_ids(first) + rest
    assert len(seen) == len(set(seen))
    assert [i for i in seen if i != middle.pk] == before
    assert middle.pk in seen


def test_a_page_number_walk_would_repeat_a_row_where_the_cursor_does_not(client, archive, gazette):
    """Why cursors: an article added after page 1 was read pushes its last row onto page 2."""
    path = reverse("articles:article_list")
    first = client.get(path)
    factories.make_article("Breaking", outlet=gazette, published=datetime(2030, 1, 1, tzinfo=UTC))
    by_number = client.get(f"{path}?page=2")
    by_cursor = client.get(path + link(first, "next"))
    assert row_ids(first)[-1] in row_ids(by_number)
    assert not set(row_ids(first)) & set(row_ids(by_cursor))


def cursor_of(client, path: str, query: str = "") -> str:
    return re.search(r"cursor=([^&]+)", link(client.get(f"{path}?{query}"), "next"))[1]


@pytest.mark.parametrize("kind", LISTS)
@pytest.mark.parametrize(
    "cursor", ["not-a-cursor!!", "bm90IGpzb24", "eyJvIjoxfQ", "eyJ2IjpudWxsfQ", "%00"]
)
def test_a_bad_cursor_is_a_400_with_a_way_back_not_a_500(client, archive, kind, cursor):
    response = client.get(f"{reverse(LISTS[kind][0])}?cursor={cursor}&sort=oldest")
    assert response.status_code == 400
    html = response.content.decode()
    assert "This page link cannot be used" in html
    assert '<a href="?sort=oldest">First page</a>' in html
    assert response.context["page"].object_list == []
    assert "No articles match" not in html and "No quotes match" not in html


def test_a_cursor_from_another_sort_says_so(client, archive):
    path = reverse("articles:article_list")
    cursor = cursor_of(client, path)
    response = client.get(f"{path}?sort=oldest&cursor={cursor}")
    assert response.status_code == 400
    assert "belongs to another sort order" in response.content.decode()


def test_an_edited_cursor_is_a_400(client, archive):
    path = reverse("comments:comment_list")
    cursor = cursor_of(client, path)
    payload = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    for values, position in (([1, 2], 3), ([{"t": "soon"}, 1], 3), (payload["v"], -4)):
        payload["v"], payload["n"] = values, position
        edited = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()
        assert client.get(f"{path}?cursor={edited}").status_code == 400, values


def test_a_deep_page_costs_the_queries_of_the_first_and_no_offset(
    client, archive, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr("articles.browsing.PAGE_SIZE", 5)
    path = reverse("articles:article_list")
    with django_assert_max_num_queries(20) as first:
        response = client.get(path)
    for _ in range(3):  # to page 4 of 7 (dated rows)
        with django_assert_max_num_queries(len(first.captured_queries)) as deep:
            response = client.get(path + link(response, "next"))
        assert not any("OFFSET" in q["sql"].upper() for q in deep.captured_queries)
    # the undated tail comes after the dated rows: one query more where a page spans both
    for _ in range(3):
        with django_assert_max_num_queries(len(first.captured_queries) + 1):
            response = client.get(path + link(response, "next"))


def test_the_last_page_is_read_backwards_from_the_end(
    client, archive, django_assert_max_num_queries
):
    path = reverse("comments:comment_list")
    whole = client.get(reverse("api:comment_list") + "?sort=oldest&size=200").json()["results"]
    with django_assert_max_num_queries(20) as captured:
        last = client.get(path + link(client.get(f"{path}?sort=oldest"), "last"))
    assert row_ids(last) == [row["id"] for row in whole[25:]]
    assert not any("OFFSET" in q["sql"].upper() for q in captured.captured_queries)
    assert link(last, "next") is None
    assert f"Showing 26–{len(whole)} of {len(whole)}" in last.content.decode()


def test_page_numbers_past_the_numbered_range_show_the_last_numbered_page_and_say_so(
    client,
    archive,
    monkeypatch,
):
    monkeypatch.setattr("articles.browsing.PAGE_SIZE", 5)  # 31 articles: 7 pages
    monkeypatch.setattr("articles.paging.MAX_NUMBERED_PAGE", 2)
    path = reverse("articles:article_list")
    whole = [
        row["id"] for row in client.get(reverse("api:article_list") + "?size=200").json()["results"]
    ]
    assert row_ids(client.get(f"{path}?page=2")) == whole[5:10]
    deep = client.get(f"{path}?page=4")
    assert row_ids(deep) == whole[5:10]
    assert "Pages are numbered up to 2; this is page 2." in deep.content.decode()
    last = client.get(f"{path}?page=7")  # the last page: read from the end, whatever the cap
    assert row_ids(last) == whole[30:]
    assert "Page 7 of 7" in last.content.decode()
    assert row_ids(client.get(path + link(last, "prev"))) == whole[25:30]


def test_links_that_change_a_filter_start_again_at_the_first_page(client, archive):
    path = reverse("articles:article_list")
    second = client.get(path + link(client.get(f"{path}?published_from=2016-01-01"), "next"))
    html = second.content.decode()
    assert link(second, "prev") == "?published_from=2016-01-01"
    facet_urls = [v.url for f in second.context["facets"] for v in f.values]
    remove_urls = [a.remove_url for a in second.context["active_filters"]]
    assert facet_urls and remove_urls
    assert not any("cursor" in url for url in facet_urls + remove_urls)
    exports = re.findall(r'href="(/export/[^"]*)"', html)
    assert exports and not any("cursor" in url for url in exports)
