"""scripts/demo's closing hint works when pasted as printed (#14, item 8)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _printed_hint() -> str:
    script = (REPO / "scripts" / "demo").read_text()
    match = re.search(r"\(admin: (?P<command>[^,]+createsuperuser)", script)
    assert match, "scripts/demo no longer prints the createsuperuser hint"
    return match["command"]


def _run(words: list[str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["DATABASE_URL"] = "sqlite:///:memory:"
    assignments = {}
    while words and re.match(r"^[A-Z_]+=", words[0]):
        key, value = words.pop(0).split("=", 1)
        assignments[key] = value
    env.update(assignments)
    program = sys.executable if words[0].endswith("python") else words[0]
    return subprocess.run(
        [program, *words[1:], "--help"], cwd=REPO, env=env, capture_output=True, text=True
    )


def test_the_createsuperuser_hint_runs_as_printed():
    hint = _printed_hint()
    assert hint.startswith("DEBUG=1 ")
    result = _run(shlex.split(hint))
    assert result.returncode == 0, result.stderr
    assert "createsuperuser" in result.stdout


def test_without_debug_the_same_command_would_fail():
    # why the hint carries DEBUG=1: settings refuse to start without SECRET_KEY otherwise
    result = _run(shlex.split(_printed_hint().removeprefix("DEBUG=1 ")))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
