"""Fuzzing the parser: no input raises anything but `ExtractionError`, none is slow.

A short run here (FUZZ_EXAMPLES, default 300 inputs, well under a minute); releases run
`scripts/fuzz` for 200,000+ (README, "Fuzzing"). The time check is a guard against
quadratic paths, not a benchmark: the budget is far above a normal page's parse time.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings

from tests.fuzz.guard import timed_extract
from tests.fuzz.inputs import build, plans
from tests.fuzz.test_hostile_inputs import SUITE_BUDGET

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))


@settings(
    max_examples=EXAMPLES,
    deadline=None,  # timed below, with the hang guard, on the parse alone
    database=None,  # no .hypothesis folder in the working tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(plans)
def test_parsing_never_crashes_or_stalls(plan: tuple) -> None:
    _, seconds = timed_extract(build(plan))
    assert seconds < SUITE_BUDGET, f"{seconds:.2f} s for the input built from {plan!r}"
