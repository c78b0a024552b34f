"""Template filters for the archive pages; each wraps a tested function in `articles.display`."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils.safestring import SafeString

from articles import display

register = template.Library()


@register.filter
def local_time(value: datetime | None, where) -> SafeString:
    """`{{ article.published|local_time:article.outlet }}` -> `<time …>14 Nov 2016, 09:30 GMT`.

    `where` is an Outlet (its `time_zone`) or a zone name such as "Europe/London".
    """
    zone = getattr(where, "time_zone", None) or where or "UTC"
    return display.time_element(value, zone)


@register.filter
def plural_count(count: int, noun: str) -> str:
    """`{{ 1|plural_count:"quote" }}` -> "1 quote".

    `{{ 3|plural_count:"reply,replies" }}` -> "3 replies"."""
    return display.plural_count(count, noun)


@register.filter
def thousands(value: int) -> str:
    """`{{ 93478|thousands }}` -> "93,478"."""
    return f"{value:,}" if isinstance(value, int) else str(value)


@register.filter
def total_text(total, noun: str) -> str:
    """`{{ total|total_text:"article" }}` -> "93,478 articles", "about 93,000 articles" or
    "more than 1,000 articles" (`articles.totals.Total`)."""
    return total.text(noun)


@register.filter
def entered(value) -> str:
    """What a reader typed, for an error message: `["ghost", "x"]` -> "ghost, x"."""
    return display.entered_text(value)
