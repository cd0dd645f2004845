"""Time the full-size demo region load (160,000 staff) on SQLite and PostgreSQL.

Each run is a fresh process that migrates an empty database and loads the region (as a newcomer's
first `./scripts/demo` does), so its peak memory is its own. The baseline is generating the same region in memory without a database.

    .venv/bin/python benchmarks/bench_demo_load.py [--runs 3] [--size full] [--postgres URL]

Prints a table: median wall time over the runs, peak resident memory, and the ratio to the baseline.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

GENERATE = "from careforce.domain.demo import generate; generate({size!r})"
LOAD = (
    "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='careforce.settings'; django.setup();"
    "from django.core.management import call_command; call_command('migrate', verbosity=0);"
    "from careforce.workforce.demo_loading import load_demo_region; load_demo_region({size!r}, rebuild=True)"
)


def run_once(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process running ``code``."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], env=env)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"benchmark run failed: {code}")
    return elapsed, usage.ru_maxrss / 1024


def measure(
    label: str, code: str, env: dict[str, str], runs: int, reset: Callable[[], dict[str, str]] | None = None
) -> tuple[str, float, float]:
    """Each run starts from an empty database (``reset`` makes one and returns the environment for it)."""
    results = [run_once(code, {**env, **(reset() if reset else {})}) for _ in range(runs)]
    return label, statistics.median(r[0] for r in results), max(r[1] for r in results)


def reset_postgres(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="full")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/careforce_bench")
    args = parser.parse_args()

    rows = []
    base_env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    rows.append(measure("baseline: generate in memory", GENERATE.format(size=args.size), base_env, args.runs))
    with tempfile.TemporaryDirectory() as top:
        folders = iter(range(args.runs))
        rows.append(
            measure(
                "load into SQLite",
                LOAD.format(size=args.size),
                base_env,
                args.runs,
                reset=lambda: {"CAREFORCE_DATA_DIR": tempfile.mkdtemp(prefix=f"run{next(folders)}-", dir=top)},
            )
        )
    try:
        reset_postgres(args.postgres)
    except Exception as error:  # noqa: BLE001 - report and carry on with the rows we have
        print(f"PostgreSQL not reachable ({error}); skipping its row")
    else:
        env = {**base_env, "DATABASE_URL": args.postgres}

        def empty_postgres() -> dict[str, str]:
            reset_postgres(args.postgres)
            return {}

        rows.append(measure("load into PostgreSQL", LOAD.format(size=args.size), env, args.runs, reset=empty_postgres))

    baseline = rows[0][1]
    print(
        f"\nDemo region load, size={args.size}, {args.runs} runs each; {platform.machine()}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}"
    )
    print(f"{'what':<32}{'median s':>10}{'peak MiB':>10}{'x baseline':>12}")
    for label, seconds, peak in rows:
        print(f"{label:<32}{seconds:>10.1f}{peak:>10.0f}{seconds / baseline:>12.1f}")
    print("targets: under 60 s and under 1,024 MiB for the full load")


if __name__ == "__main__":
    main()
