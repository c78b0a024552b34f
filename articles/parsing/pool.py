"""Parsing in worker processes for `import_articles --workers N` (#13), pure Python.

The settings travel to each worker once (`start_worker`, the pool's initializer), not
with every task: they hold every alias of every person, which is large in a real
archive. A task is a short list of paths; the parent keeps only a few tasks in flight,
so parsed records never pile up while storing lags.
"""

from __future__ import annotations

from .extract import ExtractionSettings, PreparedDump, prepare_dump

_settings: ExtractionSettings | None = None


def start_worker(settings: ExtractionSettings) -> None:
    """Pool initializer: keep the run's settings for every later task."""
    global _settings
    _settings = settings


def prepare_dumps(paths: list[str]) -> list[PreparedDump]:
    """`prepare_dump` for each path with the worker's settings: ["a.txt"] -> [PreparedDump]."""
    assert _settings is not None, "start_worker() must run first"
    return [prepare_dump(path, _settings) for path in paths]
