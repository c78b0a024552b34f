"""Parse time per KB for each hostile input shape of issue 11, from 1 KB to the size limit.

    .venv/bin/python bench/parse_per_kb.py                      # 1, 10, 100 KB and 5 MB
    .venv/bin/python bench/parse_per_kb.py --sizes 1000,100000 --shapes many_quotes

Each shape (tests/fuzz/hostile_shapes.py) is parsed through `extract_text` with the
default `ExtractionSettings()`, best of --repeat runs for pages under 1 MB, one run
above. Flat ms/KB across a row means parse time is linear in the page size. A parse
stopped by the import's time budget (10 s by default) shows as "> 10 s";
--no-time-limit measures past it (up to --cap seconds).
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from articles.parsing.decode import DEFAULT_MAX_BYTES  # noqa: E402
from articles.parsing.extract import ExtractionSettings, extract_text  # noqa: E402
from articles.parsing.records import ExtractionError  # noqa: E402
from articles.parsing.time_budget import ParseTimeout  # noqa: E402
from tests.fuzz.hostile_shapes import SHAPES  # noqa: E402


class _Stopped(Exception):
    pass


def _stop(signum: int, frame: object) -> None:
    raise _Stopped


def measure(text: str, repeat: int, cap: int, settings: ExtractionSettings) -> float | None:
    """Best parse time in seconds, or None when a run was stopped (cap or time budget)."""
    best = float("inf")
    for _ in range(repeat):
        signal.signal(signal.SIGALRM, _stop)
        signal.alarm(cap)
        start = time.perf_counter()
        try:
            extract_text(text, source="bench.txt", settings=settings)
        except (ParseTimeout, _Stopped):
            return None
        except ExtractionError:
            pass
        finally:
            signal.alarm(0)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=f"1000,10000,100000,{DEFAULT_MAX_BYTES}",
        help="page sizes in bytes, comma-separated (default: 1, 10, 100 KB and the limit)",
    )
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shapes")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page under 1 MB")
    parser.add_argument("--cap", type=int, default=120, help="seconds before a parse is stopped")
    parser.add_argument(
        "--no-time-limit",
        action="store_true",
        help="measure past the import's per-file time budget (ExtractionSettings.time_limit)",
    )
    args = parser.parse_args()
    settings = ExtractionSettings(time_limit=None) if args.no_time_limit else ExtractionSettings()
    stopped = f"> {args.cap} s" if args.no_time_limit else f"> {settings.time_limit:g} s"
    sizes = [int(s) for s in args.sizes.split(",")]
    header = "".join(f"{_label(size):>12}" for size in sizes)
    print(f"{'ms per KB':<22}{header}   (whole parse at the largest size)")
    for shape in args.shapes.split(","):
        cells, last = [], ""
        for size in sizes:
            text = SHAPES[shape](size)
            kb = len(text.encode()) / 1000
            seconds = measure(text, args.repeat if size < 1_000_000 else 1, args.cap, settings)
            if seconds is None:
                cells.append(stopped)
                last = f"stopped: {stopped} for {kb:,.0f} KB"
            else:
                cells.append(f"{seconds * 1000 / kb:.3f}")
                last = f"{seconds:.2f} s for {kb:,.0f} KB"
        print(f"{shape:<22}{''.join(f'{c:>12}' for c in cells)}   ({last})", flush=True)


def _label(size: int) -> str:
    return f"{size / 1e6:g} MB" if size >= 1_000_000 else f"{size / 1000:g} KB"


if __name__ == "__main__":
    main()
