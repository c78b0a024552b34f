"""Measure import speed and peak memory: parsing alone, into SQLite, into PostgreSQL.

    .venv/bin/python bench/import_benchmark.py                 # N = 1000 and 10000
    .venv/bin/python bench/import_benchmark.py --n 2000 --small 500 --no-postgres

For each N it generates N synthetic dumps (bench/generate_dumps.py) in a temporary
folder, then times three runs of `manage.py import_articles`, each in its own process:

  sqlite    end to end into a fresh, migrated SQLite file (`--outlets-file bench/outlets.json`
            registers the bench outlets as part of the run)
  parse     `--dry-run --format json > /dev/null` on that same SQLite database, whose outlet
            rows the dry run reads (it registers nothing itself)
  postgres  end to end into a fresh database `na_bench` on 127.0.0.1:5432 (user postgres),
            created and dropped with psql

Peak memory is the run's max resident set size (`os.wait4`: the process, or its largest
worker with --workers). Running two sizes shows whether memory stays flat as N grows.
Migrations and database creation are not timed. Temporary files are removed unless --keep.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from generate_dumps import generate  # noqa: E402

PG_URL = "postgres://postgres@127.0.0.1:5432/{name}"


@dataclass(frozen=True)
class Run:
    label: str
    files: int
    seconds: float
    peak_mb: float
    returncode: int
    cpu_seconds: float = 0.0  # user + system time of the run (and its waited-for workers)

    @property
    def rate(self) -> float:
        return self.files / self.seconds if self.seconds else 0.0

    @property
    def cpu_rate(self) -> float:
        """Files per CPU second of the importer: its speed on one core of its own, which a
        busy shared machine disturbs far less than wall time (the database's CPU is not in
        it)."""
        return self.files / self.cpu_seconds if self.cpu_seconds else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10000, help="files in the large run (10000)")
    parser.add_argument(
        "--small", type=int, default=1000, help="files in the small run (1000; 0 to skip)"
    )
    parser.add_argument("--seed", type=int, default=1, help="generator seed (1)")
    parser.add_argument("--workers", type=int, default=1, help="import_articles --workers (1)")
    parser.add_argument("--no-postgres", action="store_true", help="skip the PostgreSQL run")
    parser.add_argument("--pg-database", default="na_bench", help="database name (na_bench)")
    parser.add_argument(
        "--importers",
        default="",
        help="PostgreSQL: also time K importers at once over disjoint shares, e.g. 1,2,4",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    sizes = [n for n in (args.small, args.n) if n > 0]
    work = Path(tempfile.mkdtemp(prefix="na-bench-"))
    runs: list[Run] = []
    try:
        for n in sizes:
            runs += _bench_size(work, n, args)
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(_table(runs, args.workers))
    return 1 if any(r.returncode not in (0, 1) for r in runs) else 0


def _bench_size(work: Path, n: int, args: argparse.Namespace) -> list[Run]:
    dumps = work / f"dumps-{n}"
    started = time.monotonic()
    files, size = generate(dumps, n, seed=args.seed)
    print(
        f"generated {files} files, {size / 1e6:.1f} MB in {time.monotonic() - started:.1f}s",
        file=sys.stderr,
    )
    outlets = ["--outlets-file", str(BENCH / "outlets.json")]
    workers = ["--workers", str(args.workers)]
    sqlite_env = _env(f"sqlite:///{work / f'bench-{n}.sqlite3'}")
    _manage(["migrate", "--verbosity", "0"], sqlite_env)
    runs = [
        _timed(
            f"sqlite   N={n}", n, ["import_articles", str(dumps), *outlets, *workers], sqlite_env
        ),
        _timed(
            f"parse    N={n}",
            n,
            ["import_articles", str(dumps), "--dry-run", "--format", "json", *outlets, *workers],
            sqlite_env,
        ),
    ]
    if not args.no_postgres:
        name = args.pg_database
        _psql(f'DROP DATABASE IF EXISTS "{name}"')
        _psql(f'CREATE DATABASE "{name}"')
        try:
            pg_env = _env(PG_URL.format(name=name))
            _manage(["migrate", "--verbosity", "0"], pg_env)
            command = ["import_articles", str(dumps), *outlets, *workers]
            runs.append(_timed(f"postgres N={n}", n, command, pg_env))
        finally:
            _psql(f'DROP DATABASE IF EXISTS "{name}"')
        for k in [int(v) for v in args.importers.split(",") if v.strip()]:
            _psql(f'CREATE DATABASE "{name}"')
            try:
                pg_env = _env(PG_URL.format(name=name))
                _manage(["migrate", "--verbosity", "0"], pg_env)
                runs.append(_importers(f"pg x{k} N={n}", sorted(dumps.iterdir()), k, pg_env))
            finally:
                _psql(f'DROP DATABASE IF EXISTS "{name}"')
    return runs


def _importers(label: str, paths: list[Path], k: int, env: dict[str, str]) -> Run:
    """`k` importers started together on one database, each over every k-th file (the way
    several machines share an archive): wall time to the last one's end, their CPU summed,
    the largest one's peak memory."""
    print(f"running {label}: {k} x manage.py import_articles - (disjoint shares)", file=sys.stderr)
    outlets = ["--outlets-file", str(BENCH / "outlets.json")]
    started = time.monotonic()
    processes = []
    for share in range(k):
        process = subprocess.Popen(
            [sys.executable, "manage.py", "import_articles", "-", *outlets],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert process.stdin is not None
        process.stdin.write("".join(f"{p}\n" for p in paths[share::k]))
        process.stdin.close()
        processes.append(process)
    cpu, peak, worst = 0.0, 0.0, 0
    for process in processes:
        _, status, usage = os.wait4(process.pid, 0)
        cpu += usage.ru_utime + usage.ru_stime
        peak = max(peak, usage.ru_maxrss / 1024)
        worst = max(worst, os.waitstatus_to_exitcode(status))
    return Run(label, len(paths), time.monotonic() - started, peak, worst, cpu)


def _env(database_url: str) -> dict[str, str]:
    env = dict(os.environ, DATABASE_URL=database_url, DEBUG="0")
    env.setdefault("SECRET_KEY", "bench-only-key-not-secret-0123456789-abcdefghijklmnopqrstuv")
    return env


def _manage(args: list[str], env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def _psql(sql: str) -> None:
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-qc", sql],
        check=True,
        stdout=subprocess.DEVNULL,
        env=dict(os.environ, PGOPTIONS="-c client_min_messages=warning"),
    )


def _timed(label: str, files: int, args: list[str], env: dict[str, str]) -> Run:
    """Run one manage.py command (stdout discarded), returning wall time and peak RSS."""
    print(f"running {label}: manage.py {' '.join(args)}", file=sys.stderr)
    dry_run = "--dry-run" in args
    with tempfile.TemporaryFile("w+", encoding="utf-8") as summary:
        started = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL if dry_run else summary,  # dry run: JSON lines, dropped
            stderr=subprocess.PIPE,
            text=True,
        )
        stderr_tail = _drain(process)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.monotonic() - started
        summary.seek(0)
        stdout_tail = summary.read()[-2000:]
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # 1 = some files failed, still a full run
        print(f"{label} failed ({process.returncode}):\n{stderr_tail}", file=sys.stderr)
    for text in (stdout_tail, stderr_tail):
        if text.strip():
            print(f"  {text.strip().splitlines()[-1]}", file=sys.stderr)
    cpu = usage.ru_utime + usage.ru_stime
    return Run(label, files, seconds, usage.ru_maxrss / 1024, process.returncode, cpu)


def _drain(process: subprocess.Popen) -> str:
    """Read stderr to the end (so the child never blocks), keeping the last lines."""
    tail: list[str] = []
    assert process.stderr is not None
    for line in process.stderr:
        tail = [*tail[-19:], line]
    process.stderr.close()
    return "".join(tail)


def _table(runs: list[Run], workers: int) -> str:
    lines = [
        f"import_articles benchmark (workers={workers}, python {sys.version.split()[0]})",
        f"{'run':<18}{'files':>8}{'seconds':>10}{'files/s':>10}{'CPU s':>8}{'files/CPU s':>13}"
        f"{'peak MB':>10}{'exit':>6}",
    ]
    for run in runs:
        lines.append(
            f"{run.label:<18}{run.files:>8}{run.seconds:>10.1f}{run.rate:>10.1f}"
            f"{run.cpu_seconds:>8.1f}{run.cpu_rate:>13.1f}{run.peak_mb:>10.1f}{run.returncode:>6}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
