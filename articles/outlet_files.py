"""Reading outlet registry files: a JSON list of {name, domains, time_zone, signatures}."""

from __future__ import annotations

import json
import zoneinfo
from pathlib import Path

from articles.parsing.records import OutletProfile


def load_outlet_profiles(path: str | Path) -> list[OutletProfile]:
    """`[{"name": "Dawn", "domains": ["dawn.com"], "time_zone": "Asia/Karachi"}]` -> profiles.

    Raises ValueError naming the entry that is wrong.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError("expected a JSON list of outlets")
    profiles = []
    for n, entry in enumerate(data):
        if not isinstance(entry, dict) or not str(entry.get("name", "")).strip():
            raise ValueError(f"entry {n} has no name")
        zone = entry.get("time_zone", "UTC")
        try:
            zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"entry {n} ({entry['name']}): unknown time zone {zone!r}") from None
        profiles.append(
            OutletProfile(
                name=entry["name"].strip(),
                domains=tuple(entry.get("domains", ())),
                time_zone=zone,
                signatures=tuple(entry.get("signatures", ())),
            )
        )
    return profiles
