"""Writes `api/openapi.json`, the OpenAPI 3.1 description served at `/api/openapi.json`.

Run after changing the API: `python -m api.openapi_build`. A test checks the file is
current and that every documented path answers with the documented shape (#15).
"""

from __future__ import annotations

import json
from pathlib import Path

TARGET = Path(__file__).with_name("openapi.json")
MAX_PAGE_SIZE = 200

SHARED = {
    "q": (
        "Words in what the list shows (the article, the quote, the comment): full-text "
        "search, stemmed whole words, phrases in quotes, -word, OR."
    ),
    "person": "Person slug; repeatable. The article mentions or quotes them (quotes: said by).",
    "match": "`any` (default) or `all` of the chosen people.",
    "outlet": "Outlet slug; repeatable.",
    "month": "`2016-11`: the article was published that month (UTC).",
    "published_from": "First day (YYYY-MM-DD) the article was published, inclusive.",
    "published_to": "Last day (YYYY-MM-DD) the article was published, inclusive.",
}
PAGING = {
    "cursor": "Opaque; the `next_cursor` of the previous page. Bad cursors give 400.",
    "size": f"Rows per page, 1–{MAX_PAGE_SIZE} (default: the HTML page's size).",
    "_nocount": "`1` skips the count (`count` is null): faster on big results.",
}


def _param(name: str, description: str, *, repeat: bool = False, enum=None) -> dict:
    schema: dict = {"type": "string"}
    if enum:
        schema["enum"] = enum
    if name == "size":
        schema = {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE}
    if name == "_nocount":
        schema = {"type": "string", "enum": ["0", "1", "true"]}
    if repeat:
        schema = {"type": "array", "items": schema}
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        **({"style": "form", "explode": True} if repeat else {}),
    }


def _list_params(sorts: list[str], shared: bool = True, extra: dict | None = None) -> list:
    params = []
    if shared:
        for name, text in SHARED.items():
            params.append(
                _param(
                    name,
                    text,
                    repeat=name in ("person", "outlet"),
                    enum=["any", "all"] if name == "match" else None,
                )
            )
    else:
        params.append(_param("q", "Words in the name."))
    for name, text in (extra or {}).items():
        params.append(_param(name, text))
    params.append(_param("sort", "Order of the rows.", enum=sorts))
    params.extend(_param(name, text) for name, text in PAGING.items())
    return params


def _list_response(row: str, *, moves: bool = True) -> dict:
    """A list's answers; `moves`: it reads `person`, so it may answer 301 (see MOVED)."""
    responses = {
        "200": {
            "description": 'One page of rows. `Link: <next>; rel="next"` when there are more.',
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["count", "size", "results", "next", "next_cursor"],
                        "properties": {
                            "count": {"type": ["integer", "null"]},
                            "size": {"type": "integer"},
                            "results": {
                                "type": "array",
                                "items": {"$ref": f"#/components/schemas/{row}"},
                            },
                            "next": {"type": ["string", "null"], "format": "uri"},
                            "next_cursor": {"type": ["string", "null"]},
                        },
                    }
                }
            },
        },
        "301": MOVED,
        "400": {"$ref": "#/components/responses/BadRequest"},
    }
    if not moves:
        del responses["301"]
    return responses


MOVED = {
    "description": (
        "The same query with a value rewritten: an old parameter name (`speaker` -> "
        "`person`), a merged person's old slug, or a name that fits one person "
        "(`person=Amelia` -> `person=amelia-stone`). Follow `Location`."
    ),
    "headers": {"Location": {"schema": {"type": "string"}}},
}


def _nullable(kind: str, **extra) -> dict:
    return {"type": [kind, "null"], **extra}


REF = {
    "type": "object",
    "required": ["slug", "name", "api_url"],
    "properties": {
        "slug": {"type": "string"},
        "name": {"type": "string"},
        "api_url": {"type": "string"},
    },
}
ARTICLE_REF = {
    "type": "object",
    "required": ["id", "title", "published", "outlet", "api_url"],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "published": _nullable("string", format="date-time"),
        "outlet": {"$ref": "#/components/schemas/Ref"},
        "api_url": {"type": "string"},
    },
}
ARTICLE = {
    "type": "object",
    "required": ["id", "title", "outlet", "published", "people", "page_url", "api_url"],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "outlet": {"$ref": "#/components/schemas/Ref"},
        "published": _nullable("string", format="date-time"),
        "authors": {"type": "array", "items": {"type": "string"}},
        "url": _nullable("string"),
        "standfirst": {"type": "string"},
        "tags": {"type": "array", "items": {"type": "string"}},
        "people": {"type": "array", "items": {"$ref": "#/components/schemas/Ref"}},
        "quote_count": {"type": "integer"},
        "comment_count": {"type": "integer"},
        "snippet": {
            "type": "string",
            "description": "With `q`: HTML, text escaped, matched words in <mark>.",
        },
        "page_url": {"type": "string"},
        "api_url": {"type": "string"},
    },
}
QUOTE = {
    "type": "object",
    "required": ["id", "text", "speaker", "article", "page_url"],
    "properties": {
        "id": {"type": "integer"},
        "text": {"type": "string"},
        "cue": {"type": "string"},
        "position": {"type": "integer"},
        "paragraph": _nullable("integer"),
        "speaker": {"oneOf": [{"$ref": "#/components/schemas/Ref"}, {"type": "null"}]},
        "article": {"$ref": "#/components/schemas/ArticleRef"},
        "page_url": {"type": "string"},
    },
}
COMMENT = {
    "type": "object",
    "required": ["id", "author", "posted", "text", "reply_to", "article"],
    "properties": {
        "id": {"type": "integer"},
        "author": _nullable("string"),
        "posted": _nullable("string", format="date-time"),
        "text": {"type": "string"},
        "position": {"type": "integer"},
        "reply_to": _nullable("integer"),
        "article": {"$ref": "#/components/schemas/ArticleRef"},
        "page_url": {"type": "string"},
    },
}
PERSON = {
    "type": "object",
    "required": ["slug", "name", "article_total", "mention_total", "quote_total"],
    "properties": {
        "slug": {"type": "string"},
        "name": {"type": "string"},
        "api_url": {"type": "string"},
        "aliases": {"type": "array", "items": {"type": "string"}},
        "article_total": {"type": "integer"},
        "mention_total": {"type": "integer"},
        "quote_total": {"type": "integer"},
        "page_url": {"type": "string"},
    },
}
OUTLET = {
    "type": "object",
    "required": ["slug", "name", "article_total", "quote_total", "comment_total"],
    "properties": {
        "slug": {"type": "string"},
        "name": {"type": "string"},
        "api_url": {"type": "string"},
        "domains": {"type": "array", "items": {"type": "string"}},
        "time_zone": {"type": "string"},
        "article_total": {"type": "integer"},
        "quote_total": {"type": "integer"},
        "comment_total": {"type": "integer"},
        "page_url": {"type": "string"},
    },
}


def _detail(schema: str, param: str, kind: str) -> dict:
    return {
        "parameters": [{"name": param, "in": "path", "required": True, "schema": {"type": kind}}],
        "get": {
            "responses": {
                "200": {
                    "description": "The object.",
                    "content": {
                        "application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}
                    },
                },
                "404": {"description": "No such object."},
            }
        },
    }


def build() -> dict:
    article_detail = _detail("ArticleDetail", "id", "integer")
    article_detail["get"]["parameters"] = [
        _param("comments", "Page of the comment threads (50 comments, threads whole).")
    ]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "newsarchive API",
            "version": "1",
            "description": "Read-only JSON for every list and detail of the archive. Lists take "
            "the same query-string words as the HTML pages and page by keyset: follow `next` "
            '(also sent as an HTTP `Link: rel="next"` header) until it is null.',
        },
        "paths": {
            "/api/articles/": {
                "get": {
                    "summary": "Articles",
                    "parameters": _list_params(
                        ["newest", "oldest", "comments", "quotes", "relevance"],
                        extra={"has_comments": "`true`: only articles with reader comments."},
                    ),
                    "responses": _list_response("Article"),
                }
            },
            "/api/articles/{id}/": article_detail,
            "/api/quotes/": {
                "get": {
                    "summary": "Quotes",
                    "parameters": _list_params(["newest", "oldest"]),
                    "responses": _list_response("Quote"),
                }
            },
            "/api/comments/": {
                "get": {
                    "summary": "Visible reader comments",
                    "parameters": _list_params(
                        ["newest", "oldest"],
                        extra={
                            "author": 'Part of the author\'s name; "in quotes" for exactly.',
                            "posted_from": "First day (YYYY-MM-DD) posted, inclusive.",
                            "posted_to": "Last day (YYYY-MM-DD) posted, inclusive.",
                        },
                    ),
                    "responses": _list_response("Comment"),
                }
            },
            "/api/people/": {
                "get": {
                    "summary": "People",
                    "parameters": _list_params(
                        ["articles", "mentions", "quotes", "name"], shared=False
                    ),
                    "responses": _list_response("Person", moves=False),
                }
            },
            "/api/people/{slug}/": _detail("Person", "slug", "string"),
            "/api/outlets/": {
                "get": {
                    "summary": "Outlets",
                    "parameters": _list_params(
                        ["articles", "quotes", "comments", "name"], shared=False
                    ),
                    "responses": _list_response("Outlet", moves=False),
                }
            },
            "/api/outlets/{slug}/": _detail("Outlet", "slug", "string"),
        },
        "components": {
            "schemas": {
                "Ref": REF,
                "ArticleRef": ARTICLE_REF,
                "Article": ARTICLE,
                "ArticleDetail": {
                    "allOf": [
                        {"$ref": "#/components/schemas/Article"},
                        {
                            "type": "object",
                            "required": ["body", "quotes", "comments"],
                            "properties": {
                                "body": {"type": "string"},
                                "quotes": {"type": "array", "items": {"type": "object"}},
                                "comments": {
                                    "type": "object",
                                    "required": ["total", "page", "pages", "results", "next"],
                                    "properties": {
                                        "total": {"type": "integer"},
                                        "page": {"type": "integer"},
                                        "pages": {"type": "integer"},
                                        "results": {"type": "array", "items": {"type": "object"}},
                                        "next": _nullable("string"),
                                    },
                                },
                            },
                        },
                    ]
                },
                "Quote": QUOTE,
                "Comment": COMMENT,
                "Person": PERSON,
                "Outlet": OUTLET,
            },
            "responses": {
                "BadRequest": {
                    "description": "Invalid filters, size or cursor; `error` says why.",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["error"],
                                "properties": {
                                    "error": {"type": "string"},
                                    "errors": {"type": "object"},
                                },
                            }
                        }
                    },
                }
            },
        },
    }


def render() -> str:
    return json.dumps(build(), indent=1, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
