"""A parse that runs too long is stopped with a reason (#11); no database."""

from __future__ import annotations

import re
import signal
import time

import pytest

from articles.parsing import extract
from articles.parsing.extract import ExtractionSettings, extract_text
from articles.parsing.time_budget import ParseTimeout, time_budget


def test_a_slow_block_is_stopped_with_the_reason():
    started = time.monotonic()
    stopped = pytest.raises(ParseTimeout, match=r"parse took longer than 0.2 s, stopped")
    with stopped, time_budget(0.2):
        while True:
            pass
    assert time.monotonic() - started < 2


def test_a_backtracking_regular_expression_is_stopped_too():
    catastrophic = re.compile(r"^(a+)+$")
    with pytest.raises(ParseTimeout), time_budget(0.2):
        catastrophic.match("a" * 40 + "!")


def test_a_fast_block_runs_and_leaves_no_alarm_behind():
    with time_budget(5):
        total = sum(range(1000))
    assert total == 499500
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_no_limit_means_no_alarm():
    with time_budget(None), time_budget(0):
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_an_outer_alarm_is_rearmed_afterwards():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        with time_budget(1):
            pass
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 25 < remaining <= 30
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert not fired


def test_extract_text_stops_a_parser_that_loops(monkeypatch):
    def endless(*args, **kwargs):
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(extract, "parse_page", endless)
    with pytest.raises(ParseTimeout, match="longer than 0.3 s"):
        extract_text(
            "## Title\n\nBody.", source="x.txt", settings=ExtractionSettings(time_limit=0.3)
        )
