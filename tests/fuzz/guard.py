"""A wall-clock guard for parsing one input: a regression fails instead of hanging the run."""

from __future__ import annotations

import gc
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager

from articles.parsing.extract import ExtractionSettings, extract_text
from articles.parsing.records import ArticleRecord, ExtractionError

HANG_SECONDS = 30  # SIGALRM stops a parse that is stuck, well past any budget


class ParseTimeout(Exception):
    pass


@contextmanager
def hang_guard(seconds: int = HANG_SECONDS) -> Iterator[None]:
    """Raise `ParseTimeout` in the block after `seconds` (main thread, Unix only)."""

    def stop(signum: int, frame: object) -> None:
        raise ParseTimeout(f"parsing took over {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def timed_extract(text: str) -> tuple[ArticleRecord | None, float]:
    """The record (None when refused with `ExtractionError`) and the CPU seconds parsing took.

    `timed_extract("## Port shut\\n\\nBy Ada Finch\\n\\nThe port…")` -> (ArticleRecord(…), 0.001)

    CPU time, not wall time: on a shared machine a parse that waits for a core is not slow
    itself, and the budget is about the parser's own cost (`hang_guard` still stops hangs
    by the wall clock).
    """
    # A full collection of the fuzzer's own heap (Hypothesis keeps every example's data)
    # landing inside a parse is not the parser's cost: collect before, not during.
    gc.collect(0)
    gc.disable()
    start = time.process_time()
    try:
        with hang_guard():
            try:
                # No import time budget here: the true time is measured; `hang_guard`
                # stops hangs.
                record = extract_text(
                    text, source="fuzz.txt", settings=ExtractionSettings(time_limit=None)
                )
            except ExtractionError:
                record = None
        return record, time.process_time() - start
    finally:
        gc.enable()
