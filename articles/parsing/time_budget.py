"""The last guard against a parse that never ends (#11): a per-file time budget.

Parsing is meant to be linear, but one hostile page must never stall an import.
`time_budget(10)` arms a real-time alarm (SIGALRM via `setitimer`) around the parse;
when it fires, `ParseTimeout` (an `ExtractionError`) interrupts the parse wherever
it is — CPython's regex engine checks for signals, so a backtracking pattern is
stopped too — and the file is reported as failed while the import goes on.

Signals only work in a process's main thread on Unix: elsewhere (a thread, Windows)
the budget is not enforced and the parse runs unguarded. Import workers run their
tasks in the worker process's main thread, so the guard holds there too.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from .records import ExtractionError


class ParseTimeout(ExtractionError):
    """A parse stopped by its time budget: "parse took longer than 10 s, stopped"."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"parse took longer than {seconds:g} s, stopped")
        self.seconds = seconds


def can_enforce() -> bool:
    """True where an alarm can interrupt a parse (Unix, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise `ParseTimeout` in the block once `seconds` have passed; None or 0: no limit.

    >>> with time_budget(0.5): slow_parse()   # raises ParseTimeout after 0.5 s

    An alarm someone else armed (a test harness's own timeout) is respected: when it is
    due first it stays in charge; otherwise it is re-armed with its remaining time after.
    """
    if not seconds or seconds <= 0 or not can_enforce():
        yield
        return
    outer_delay, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    if outer_delay and outer_delay <= seconds:
        yield  # the outer alarm fires first anyway
        return

    def _expired(signum, frame):
        raise ParseTimeout(seconds)

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_delay:
            remaining = max(outer_delay - (time.monotonic() - started), 1e-3)
            signal.setitimer(signal.ITIMER_REAL, remaining, outer_interval)
