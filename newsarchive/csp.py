"""A strict Content-Security-Policy on every response (#11).

Django 5.2 has no built-in CSP, and ours is static, so a dozen lines beat a
dependency: the policy lives in `settings.CONTENT_SECURITY_POLICY` (directive ->
sources) and this middleware sends it unless a view set its own. Pages carry no
inline scripts, styles or event handlers (tests/views/test_content_security_policy.py
checks the templates), and the Django admin works under the same policy: since
Django 4.x its scripts are files that read their data from `data-` attributes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

HEADER = "Content-Security-Policy"


def policy_header(policy: Mapping[str, Sequence[str]]) -> str:
    """`{"default-src": ["'self'"], "object-src": ["'none'"]}` ->
    `"default-src 'self'; object-src 'none'"`."""
    return "; ".join(f"{directive} {' '.join(sources)}" for directive, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.header = policy_header(settings.CONTENT_SECURITY_POLICY)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if self.header and HEADER not in response.headers:
            response.headers[HEADER] = self.header
        return response
