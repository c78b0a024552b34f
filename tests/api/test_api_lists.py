"""The JSON API lists (#15): the same rows, order and count as the pages; keyset paging
that returns each row once, survives inserts, and refuses bad cursors with a reason."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tests import factories

# (API list, HTML page, how a page row's id is read in the API row)
LISTS = {
    "articles": ("api:article_list", "articles:article_list", "id"),
    "quotes": ("api:quote_list", "articles:quote_list", "id"),
    "comments": ("api:comment_list", "comments:comment_list", "id"),
    "people": ("api:person_list", "articles:person_index", "slug"),
    "outlets": ("api:outlet_list", "articles:outlet_index", "slug"),
}

QUERIES = {
    "articles": [
        "",
        "sort=oldest",
        "sort=comments",
        "sort=quotes",
        "person=ben-okafor",
        "person=ben-okafor&person=clara-stone&match=all",
        "outlet=valley-courier&has_comments=true",
        "month=2017-01",
        "q=ferry",
        "q=ferry&sort=relevance",
        "published_from=2017-01-03&published_to=2017-01-09",
    ],
    "quotes": ["", "sort=oldest", "person=amelia-stone", "q=ferry", "outlet=harbour-gazette"],
    "comments": ["", "sort=oldest", "author=R1", "person=ben-okafor", "posted_from=2017-01-02"],
    "people": ["", "sort=name", "sort=quotes", "q=stone"],
    "outlets": ["", "sort=name", "sort=comments"],
}


def page_key(row, key: str):
    return row.pk if key == "id" else getattr(row, key)


def walk(client, url: str) -> tuple[list[dict], int]:
    """Every row reached by following `next` from `url`, and how many requests it took."""
    rows, requests = [], 0
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        data = response.json()
        rows.extend(data["results"])
        requests += 1
        assert (response.get("Link") is not None) == (data["next"] is not None)
        if data["next"]:
            assert response["Link"] == f'<{data["next"]}>; rel="next"'
        url = data["next"]
    return rows, requests


@pytest.mark.parametrize(
    ("kind", "query"), [(kind, query) for kind, queries in QUERIES.items() for query in queries]
)
def test_json_lists_the_same_rows_in_the_same_order_with_the_same_count_as_the_page(
    client, archive, kind, query
):
    api_name, page_name, key = LISTS[kind]
    page = client.get(f"{reverse(page_name)}?{query}").context["page"]
    data = client.get(f"{reverse(api_name)}?{query}").json()
    assert data["count"] == page.paginator.count
    assert [row[key] for row in data["results"]] == [page_key(r, key) for r in page.object_list]
    # the second page too, reached by cursor rather than by number
    if page.has_next():
        second = client.get(f"{reverse(page_name)}?{query}&page=2").context["page"]
        following = client.get(data["next"]).json()
        assert [row[key] for row in following["results"]] == [
            page_key(r, key) for r in second.object_list
        ]


@pytest.mark.parametrize(
    ("kind", "query"), [(kind, query) for kind, queries in QUERIES.items() for query in queries]
)
def test_walking_next_to_the_end_returns_every_row_once_in_page_order(client, archive, kind, query):
    api_name, _, key = LISTS[kind]
    whole = client.get(f"{reverse(api_name)}?{query}&size=200").json()
    assert whole["next"] is None
    rows, requests = walk(client, f"{reverse(api_name)}?{query}&size=2")
    ids = [row[key] for row in rows]
    assert ids == [row[key] for row in whole["results"]]
    assert len(ids) == len(set(ids)) == whole["count"]
    assert requests == max(1, -(-len(ids) // 2))


def test_the_cursor_survives_rows_inserted_between_pages(client, archive, gazette):
    url = reverse("api:article_list")
    first = client.get(f"{url}?size=5").json()
    before = [row["id"] for row in client.get(f"{url}?size=200").json()["results"]]
    # one article newer than everything (lands on page 1), one among the rows still to come
    factories.make_article("Breaking", outlet=gazette, published=datetime(2030, 1, 1, tzinfo=UTC))
    middle = factories.make_article(
        "Mid", outlet=gazette, published=datetime(2017, 1, 3, 12, tzinfo=UTC)
    )
    rest, _ = walk(client, first["next"])
    seen = [row["id"] for row in first["results"]] + [row["id"] for row in rest]
    assert len(seen) == len(set(seen))
    assert [i for i in seen if i != middle.pk] == before
    assert middle.pk in seen


def test_nocount_skips_the_count(client, archive):
    data = client.get(reverse("api:article_list") + "?_nocount=1").json()
    assert data["count"] is None
    assert len(data["results"]) == 25


@pytest.mark.parametrize(
    ("cursor", "reason"),
    [
        ("not-a-cursor!!", "not one this API gave out"),
        ("bm90IGpzb24", "not one this API gave out"),  # base64 of "not json"
        ("eyJvIjoxfQ", "wrong shape"),  # {"o":1}
    ],
)
def test_unreadable_cursors_answer_400_with_a_reason(client, archive, cursor, reason):
    response = client.get(reverse("api:article_list") + f"?cursor={cursor}")
    assert response.status_code == 400
    assert reason in response.json()["error"]


def test_a_cursor_from_another_sort_answers_400(client, archive):
    url = reverse("api:article_list")
    cursor = client.get(f"{url}?size=2").json()["next_cursor"]
    response = client.get(f"{url}?sort=oldest&cursor={cursor}")
    assert response.status_code == 400
    assert "another sort order" in response.json()["error"]


def test_a_tampered_cursor_answers_400_not_500(client, archive):
    import base64
    import json

    url = reverse("api:article_list")
    cursor = client.get(f"{url}?size=2").json()["next_cursor"]
    payload = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    for values in (
        ["x", "y"],
        [{"t": "yesterday"}, 1],
        [{"t": "2017-01-01T00:00:00+00:00"}, 2**70],
        [1],
    ):
        payload["v"] = values
        bad = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()
        response = client.get(f"{url}?cursor={bad}")
        assert response.status_code == 400, values


@pytest.mark.parametrize("size", ["0", "201", "ten"])
def test_page_size_is_capped(client, archive, size):
    response = client.get(reverse("api:article_list") + f"?size={size}")
    assert response.status_code == 400
    assert "size must be" in response.json()["error"]


def test_invalid_filters_answer_400_with_the_errors(client, archive):
    response = client.get(reverse("api:quote_list") + "?person=nobody-at-all&speakr=x")
    assert response.status_code == 400
    assert set(response.json()["errors"]) >= {"person", "__all__"}


def test_a_list_page_costs_a_fixed_number_of_queries(
    client, archive, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):  # count, rows, people chips (+ savepoint slack)
        client.get(reverse("api:article_list") + "?size=200")


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("articles", ""),
        ("articles", "outlet=harbour-gazette"),
        ("articles", "person=ben-okafor"),
        ("comments", ""),
        ("comments", "outlet=harbour-gazette"),
    ],
)
def test_counts_the_kept_totals_know_are_read_not_counted(client, archive, name, query):
    """An API list whose filters the kept counts cover answers its count from them, as the
    HTML list does (#13): no COUNT(*) of the archive, the same number."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    api, page, _key = LISTS[name]
    with CaptureQueriesContext(connection) as queries:
        answer = client.get(f"{reverse(api)}?{query}").json()
    assert not [q["sql"] for q in queries.captured_queries if "COUNT(*)" in q["sql"]]
    assert answer["count"] == client.get(f"{reverse(page)}?{query}").context["page"].paginator.count
