"""Field validators for curator-edited values."""

from __future__ import annotations

import zoneinfo

from django.core.exceptions import ValidationError


def validate_time_zone(value: str) -> None:
    """`Europe/London` passes; `Mars/Olympus` raises a ValidationError."""
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"{value!r} is not a known time zone (e.g. Europe/London).") from None


def validate_string_list(value: object) -> None:
    """Lists of non-empty strings only: ["express.co.uk"] passes, "express.co.uk" does not."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValidationError("Enter a list of non-empty strings.")
