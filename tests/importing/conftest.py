"""Helpers for import tests: run the command, copy fixture dumps to a scratch folder."""

from __future__ import annotations

import importlib.util
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import FIXTURES

IMPORT_DUMPS = FIXTURES / "dumps" / "import"
BAD_DUMPS = FIXTURES / "dumps" / "bad"


class Run:
    def __init__(self, out: str, err: str, error: CommandError | None):
        self.out, self.err, self.error = out, err, error

    @property
    def exit_code(self) -> int:
        return self.error.returncode if self.error else 0


@pytest.fixture
def run_import(db):
    def run(*args: str, stdin: str | None = None, monkeypatch=None) -> Run:
        out, err = StringIO(), StringIO()
        try:
            call_command("import_articles", *args, stdout=out, stderr=err)
        except CommandError as exc:
            return Run(out.getvalue(), err.getvalue(), exc)
        return Run(out.getvalue(), err.getvalue(), None)

    return run


@pytest.fixture
def scratch(tmp_path):
    """A folder holding copies of the import fixtures, free to edit."""
    for path in IMPORT_DUMPS.iterdir():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


BENCH = FIXTURES.parents[1] / "bench"


@pytest.fixture
def synthetic_dumps(tmp_path):
    """Write n synthetic dumps (bench/generate_dumps.py) to a folder; returns their paths."""
    spec = importlib.util.spec_from_file_location("generate_dumps", BENCH / "generate_dumps.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    def write(n: int, *, seed: int = 1, name: str = "dumps") -> list[Path]:
        folder = tmp_path / name
        module.generate(folder, n, seed=seed)
        return sorted(folder.glob("*.txt"))

    return write


BENCH_OUTLETS = str(BENCH / "outlets.json")
