"""Typed readers for settings taken from the environment (no Django imports).

Each rejects junk loudly instead of guessing: `env_bool("DEBUG")` accepts
1/0, true/false, yes/no, on/off and raises `ValueError` on anything else.
"""

from __future__ import annotations

import os

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    """`DEBUG=yes` -> True; unset -> default; `DEBUG=maybe` -> ValueError."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{name}={raw!r} is not a boolean (use 1/0, true/false, yes/no, on/off)")


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """`ALLOWED_HOSTS="a.example, b.example"` -> ["a.example", "b.example"]."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    """`SECURE_HSTS_SECONDS=3600` -> 3600; `=abc` -> ValueError naming the variable."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a whole number") from None
