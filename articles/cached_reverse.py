"""`reverse()` with a memory: a list page links each card's outlet and people (a hundred
links and more), and Django's `reverse` rebuilds each from the URL patterns (~25 µs).
The same outlet or person links to the same URL on every page, so it is reversed once.

Keyed by the URLconf and script prefix in force, like `reverse` itself; emptied when a
test changes `ROOT_URLCONF` (Django's own URL caches are emptied on the same signal).
"""

from __future__ import annotations

from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse


def cached_reverse(name: str, *args) -> str:
    """`reverse(name, args=args)`, remembered: `cached_reverse("articles:person_detail", slug)`."""
    return _reversed(get_urlconf(), get_script_prefix(), name, args)


@lru_cache(maxsize=8192)
def _reversed(urlconf, prefix: str, name: str, args: tuple) -> str:
    return reverse(name, args=args, urlconf=urlconf)


@receiver(setting_changed)
def _forget(*, setting: str, **kwargs) -> None:
    if setting == "ROOT_URLCONF":
        _reversed.cache_clear()
