"""NDJSON exports (#15): one object per line, the list's order, walked by keyset."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse


def lines(response) -> list[dict]:
    assert response["Content-Type"].startswith("application/x-ndjson")
    body = b"".join(response.streaming_content).decode()
    assert body.endswith("\n")
    return [json.loads(line) for line in body.splitlines()]


@pytest.mark.parametrize(
    ("export", "api", "query"),
    [
        ("articles:export_articles", "api:article_list", ""),
        ("articles:export_articles", "api:article_list", "sort=oldest&person=ben-okafor"),
        ("articles:export_quotes", "api:quote_list", ""),
        ("comments:export_comments", "comments:comment_list", ""),
        ("comments:export_comments", "api:comment_list", "sort=oldest"),
    ],
)
def test_ndjson_export_lists_every_row_once_in_the_lists_order(
    client, archive, monkeypatch, export, api, query
):
    monkeypatch.setattr("articles.exports.CHUNK_SIZE", 3)  # many keyset steps
    rows = lines(client.get(f"{reverse(export, args=['ndjson'])}?{query}"))
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    if api.startswith("api:"):
        expected = client.get(f"{reverse(api)}?{query}&size=200").json()["results"]
        assert ids == [row["id"] for row in expected]


def test_ndjson_export_answers_400_on_bad_filters(client, archive):
    response = client.get(reverse("articles:export_quotes", args=["ndjson"]) + "?person=nobody")
    assert response.status_code == 400
