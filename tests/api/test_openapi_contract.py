"""A contract test of the OpenAPI description (#15), in the manner of schemathesis: for
every documented operation, Hypothesis draws requests from the documented parameters
(valid values from their schemas and enums, the cast's slugs, and junk), and every answer
must be a documented status whose body validates, with jsonschema, against the documented
schema. No answer may be a 500.

Why not schemathesis itself: it pins its own Hypothesis and HTTP stack around a live
server; this keeps one Hypothesis (requirements-dev) and calls the app in process.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from api.views import OPENAPI

SPEC = json.loads(OPENAPI.read_text())
OPERATIONS = [
    (path, method) for path, item in SPEC["paths"].items() for method in item if method == "get"
]
JUNK = st.text(max_size=30)
# Values a real client sends: the cast's slugs, words of its articles, dates.
KNOWN = {
    "person": ["amelia-stone", "ben-okafor", "clara-stone", "nobody-at-all", "Amelia"],
    "outlet": ["harbour-gazette", "valley-courier", "no-such-outlet"],
    "q": ["harbour", '"harbour plan" -ferry', "ferry OR stone", "stone"],
    "month": ["2016-11", "2017-01", "2016-13"],
    "published_from": ["2016-11-01", "2017-01-05", "yesterday"],
    "published_to": ["2016-11-30", "2017-02-01"],
    "posted_from": ["2016-11-14"],
    "posted_to": ["2017-12-31"],
    "author": ["Dana", '"Eli"', "R1"],
    "has_comments": ["true", "false"],
    "comments": ["1", "2", "999", "x"],
    "slug": ["amelia-stone", "harbour-gazette", "ben-okafor", "valley-courier", "nobody"],
}


# Requests every run makes besides the drawn ones: each documented status at least once.
EXAMPLES = {
    "/api/articles/": [
        "/api/articles/?person=Amelia",  # a typed name that fits one person: 301
        "/api/articles/?cursor=junk",
        "/api/articles/?size=2&q=ferry",
    ],
    "/api/quotes/": ["/api/quotes/?speaker=ben-okafor", "/api/quotes/?speakr=x"],
    "/api/comments/": [
        "/api/comments/?size=0",
        "/api/comments/?person=Ben",
        "/api/comments/?size=3",
    ],
    "/api/people/": ["/api/people/?sort=quotes", "/api/people/?sort=random"],
    "/api/outlets/": ["/api/outlets/?sort=name", "/api/outlets/?bogus=1"],
    "/api/articles/{id}/": ["/api/articles/{article}/", "/api/articles/0/"],
    "/api/people/{slug}/": ["/api/people/amelia-stone/", "/api/people/nobody/"],
    "/api/outlets/{slug}/": ["/api/outlets/harbour-gazette/", "/api/outlets/nowhere/"],
}


def _resolve(schema: dict) -> dict:
    if "$ref" in schema:
        kind, name = schema["$ref"].split("/")[-2:]
        return SPEC["components"][kind][name]
    return schema


def _values(name: str, schema: dict) -> st.SearchStrategy:
    """Valid values of `schema`, known realistic ones, and junk."""
    if schema.get("type") == "array":
        return st.lists(_values(name, schema["items"]), min_size=1, max_size=3)
    options = [JUNK]
    if "enum" in schema:
        options.append(st.sampled_from(schema["enum"]))
    if schema.get("type") == "integer":
        low, high = schema.get("minimum", -(2**31)), schema.get("maximum", 2**31)
        options.append(st.integers(low, high).map(str))
        options.append(st.integers(low - 10, high + 10).map(str))
    if name in KNOWN:
        options.append(st.sampled_from(KNOWN[name]))
    return st.one_of(*options)


@st.composite
def requests(draw, path: str, method: str) -> str:
    item = SPEC["paths"][path]
    params = [_resolve(p) for p in item.get("parameters", []) + item[method].get("parameters", [])]
    url = path
    query = []
    for param in params:
        if param["in"] == "path":
            if param["name"] == "id":
                value = draw(st.sampled_from(["{article}", "0", "999999999"]))
            else:
                value = draw(st.sampled_from(KNOWN["slug"]))
            url = url.replace("{" + param["name"] + "}", value)
        elif draw(st.integers(0, 3)) == 0:  # each query parameter now and then
            value = draw(_values(param["name"], param["schema"]))
            for one in value if isinstance(value, list) else [value]:
                query.append((param["name"], one))
    return f"{url}?{urlencode(query)}" if query else url


def _validator(schema: dict) -> Draft202012Validator:
    # `#/components/...` references resolve against a root that holds the components
    return Draft202012Validator({**schema, "components": SPEC["components"]})


def test_every_component_schema_is_a_valid_json_schema():
    for name, schema in SPEC["components"]["schemas"].items():
        Draft202012Validator.check_schema(schema), name


@pytest.mark.parametrize(("path", "method"), OPERATIONS)
def test_every_answer_is_documented_and_matches_its_schema(archive, client, path, method):
    documented = SPEC["paths"][path][method]["responses"]
    seen: set[str] = set()

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(url=requests(path, method))
    def check(url):
        url = url.replace("%7Barticle%7D", "{article}").replace("{article}", str(archive.pk))
        response = client.get(url)
        status = str(response.status_code)
        seen.add(status)
        assert status in documented, f"{url}: {status} is not documented"
        answer = _resolve(documented[status])
        content = answer.get("content", {}).get("application/json")
        if content is None:
            return
        assert response["Content-Type"].startswith("application/json"), url
        errors = sorted(
            _validator(content["schema"]).iter_errors(response.json()), key=lambda e: e.path
        )
        assert not errors, f"{url}: {errors[0].message} at {list(errors[0].absolute_path)}"

    for url in EXAMPLES[path]:
        check = example(url=url)(check)
    check()
    assert seen == set(documented), f"statuses never reached: {set(documented) - seen}"
