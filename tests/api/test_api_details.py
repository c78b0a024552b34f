"""The JSON API details (#15): an article with its quotes and comment thread, a person,
an outlet; and the OpenAPI description they are documented in."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from api import openapi_build, views


def test_an_article_comes_with_its_quotes_and_visible_comment_thread(client, harbour_article):
    data = client.get(reverse("api:article_detail", args=[harbour_article.pk])).json()
    assert data["title"] == "Stone backs harbour plan"
    assert [q["speaker"]["slug"] for q in data["quotes"]] == ["amelia-stone"]
    comments = data["comments"]
    assert [c["author"] for c in comments["results"]] == ["Dana", "Eli"]
    assert comments["results"][1]["reply_to"] == comments["results"][0]["id"]
    assert comments["total"] == 2 and comments["next"] is None
    assert "BUY CHEAP" not in json.dumps(data)


def test_person_and_outlet_details_link_to_their_filtered_lists(client, harbour_article):
    person = client.get(reverse("api:person_detail", args=["amelia-stone"])).json()
    assert person["quote_total"] == 1 and person["article_total"] == 1
    assert person["quotes_api_url"].endswith("/api/quotes/?person=amelia-stone")
    outlet = client.get(reverse("api:outlet_detail", args=["harbour-gazette"])).json()
    assert outlet["article_total"] == 1 and outlet["comment_total"] == 2
    assert client.get(reverse("api:person_detail", args=["nobody"])).status_code == 404


def test_the_openapi_description_is_served_and_current(client):
    response = client.get(reverse("api:openapi"))
    assert response.status_code == 200
    assert response.json() == openapi_build.build()
    assert response.content.decode() == openapi_build.render(), "run python -m api.openapi_build"
    assert openapi_build.MAX_PAGE_SIZE == views.MAX_PAGE_SIZE


def _check(schema: dict, value, spec: dict, where: str) -> None:
    """A small JSON-schema check (type, required, properties, items, $ref, allOf, oneOf)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        return _check(spec["components"]["schemas"][name], value, spec, where)
    for part in schema.get("allOf", []):
        _check(part, value, spec, where)
    if "oneOf" in schema:
        errors = []
        for option in schema["oneOf"]:
            try:
                _check(option, value, spec, where)
                return None
            except AssertionError as error:
                errors.append(error)
        raise AssertionError(f"{where}: no oneOf matched: {errors}")
    kinds = schema.get("type")
    if kinds:
        kinds = kinds if isinstance(kinds, list) else [kinds]
        python = {
            "object": dict,
            "array": list,
            "string": str,
            "integer": int,
            "null": type(None),
            "boolean": bool,
        }
        assert any(isinstance(value, python[k]) for k in kinds), f"{where}: {value!r} not {kinds}"
    if isinstance(value, dict):
        for key in schema.get("required", []):
            assert key in value, f"{where}: missing {key}"
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                _check(sub, value[key], spec, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            _check(schema["items"], item, spec, f"{where}[{i}]")
    return None


@pytest.mark.parametrize(
    "path",
    [
        "/api/articles/?q=harbour",
        "/api/articles/{id}/",
        "/api/quotes/",
        "/api/comments/",
        "/api/people/",
        "/api/people/amelia-stone/",
        "/api/outlets/",
        "/api/outlets/harbour-gazette/",
        "/api/articles/?cursor=junk",
        "/api/comments/?size=0",
    ],
)
def test_every_documented_path_answers_in_its_documented_shape(client, harbour_article, path):
    spec = openapi_build.build()
    url = path.replace("{id}", str(harbour_article.pk))
    response = client.get(url)
    template = path.split("?")[0]
    template = {
        "/api/people/amelia-stone/": "/api/people/{slug}/",
        "/api/outlets/harbour-gazette/": "/api/outlets/{slug}/",
    }.get(template, template)
    documented = spec["paths"][template]["get"]["responses"][str(response.status_code)]
    if "$ref" in documented:
        documented = spec["components"]["responses"][documented["$ref"].rsplit("/", 1)[1]]
    schema = documented["content"]["application/json"]["schema"]
    _check(schema, response.json(), spec, path)
