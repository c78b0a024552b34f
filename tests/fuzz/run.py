"""The long fuzz run for releases: `python -m tests.fuzz.run --examples 200000`.

Same inputs and budget as `test_fuzz_parsing.py`, but it keeps going past a failure:
every exception (other than `ExtractionError`) and every input over the budget is
written to the findings folder as a reproducer, and the run ends with one summary line
(inputs, exceptions, slow inputs, slowest time). Exit status 1 when anything was found.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from tests.fuzz.guard import ParseTimeout, timed_extract
from tests.fuzz.inputs import build, plans
from tests.fuzz.test_hostile_inputs import BUDGET


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=200_000, help="inputs to try")
    parser.add_argument("--findings", default="/tmp/fuzz-findings", help="reproducers go here")
    parser.add_argument("--progress", type=int, default=10_000, help="a line every N inputs")
    args = parser.parse_args(argv)
    findings = Path(args.findings)
    stats = {"inputs": 0, "exceptions": 0, "slow": 0, "slowest": 0.0, "bytes": 0}
    started = time.monotonic()

    def keep(text: str, why: str) -> None:
        findings.mkdir(parents=True, exist_ok=True)
        name = hashlib.sha256(text.encode()).hexdigest()[:12]
        (findings / f"{name}.txt").write_text(text, encoding="utf-8")
        (findings / f"{name}.why").write_text(why, encoding="utf-8")

    @settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(plans)
    def fuzz(plan: tuple) -> None:
        text = build(plan)
        stats["inputs"] += 1
        stats["bytes"] += len(text)
        try:
            _, seconds = timed_extract(text)
        except ParseTimeout as error:
            seconds = float("inf")
            keep(text, f"{error}\nplan: {plan!r}\n")
        except Exception:  # recorded as a finding; the run goes on
            stats["exceptions"] += 1
            keep(text, traceback.format_exc() + f"\nplan: {plan!r}\n")
            return
        stats["slowest"] = max(stats["slowest"], seconds)
        if seconds >= BUDGET:
            stats["slow"] += 1
            keep(text, f"{seconds:.2f} s\nplan: {plan!r}\n")
        if stats["inputs"] % args.progress == 0:
            print(_summary(stats, started), file=sys.stderr, flush=True)

    fuzz()
    print(_summary(stats, started))
    return 1 if stats["exceptions"] or stats["slow"] else 0


def _summary(stats: dict, started: float) -> str:
    return (
        f"{stats['inputs']} inputs ({stats['bytes'] / 1e6:.1f} MB), "
        f"{stats['exceptions']} exceptions, {stats['slow']} over {BUDGET:g} s, "
        f"slowest {stats['slowest']:.3f} s, {time.monotonic() - started:.0f} s elapsed"
    )


if __name__ == "__main__":
    sys.exit(main())
