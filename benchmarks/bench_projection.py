"""Benchmark: the projection engine on the full problem, in one process.

14 councils x 10 roles x 6 age bands x 13 annual steps (2022/23 to 2035) x 1,000 draws x 6 scenarios.
With the wider drawn parameters (population error, drift, base-stock and council-split error,
year-to-year turnover, recruitment capacity). Prints the median of several runs for (a) the engine
alone, scenarios side by side on the machine's cores, (b) the whole ``project()`` call: the quantile
summaries of every output, the paired differences from the baseline and the sensitivity (tornado)
table, (c) one baseline-only ``project()`` as the reference the others are compared with (same
process); then peak memory. Target: (b) under 1 s on 2 cores, peak memory under 2 GB.

Usage: .venv/bin/python benchmarks/bench_projection.py [--repeats 5] [--draws 1000]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from careforce.domain.planning import (
    builtin_scenarios,
    compile_scenario,
    default_calibration,
    demand_growth,
    draw_parameters,
    project,
    run_scenario,
)
from careforce.domain.planning.projection import default_workers, single_threaded_blas

CPU: dict[int, list[float]] = {}


def timed(fn: Callable[[], object], repeats: int) -> list[float]:
    """Wall seconds of each run; the CPU seconds (all threads) go in ``CPU`` under the same list's id."""
    fn()  # warm up (imports, caches)
    times, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    CPU[id(times)] = cpu
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--draws", type=int, default=1000)
    args = parser.parse_args()
    cal = default_calibration()
    scenarios = list(builtin_scenarios().values())
    years = range(2022, 2036)
    growth = demand_growth(cal, "sfc", years)
    draws = draw_parameters(cal, args.draws, seed=1)
    compiled = [compile_scenario(s, cal.councils, years) for s in scenarios]
    workers = default_workers(len(scenarios))

    def engine_only() -> None:
        with single_threaded_blas(), ThreadPoolExecutor(workers) as pool:
            list(pool.map(lambda c: run_scenario(cal, c, draws, growth, years), compiled))

    def full() -> None:
        project(scenarios, to_year=2035, draws=args.draws, seed=1)

    def baseline() -> None:
        project(scenarios[:1], to_year=2035, draws=args.draws, seed=1)

    n_c, n_r, n_a = cal.shape
    print(
        f"problem: {n_c} councils x {n_r} roles x {n_a} age bands x {len(years) - 1} steps x {args.draws} draws "
        f"x {len(scenarios)} scenarios; {os.cpu_count()} cores, {workers} worker threads; load "
        f"{os.getloadavg()[0]:.2f}"
    )
    rows = [
        ("baseline only, project()", timed(baseline, args.repeats)),
        ("engine, 6 scenarios", timed(engine_only, args.repeats)),
        ("project(), 6 scenarios: all outputs", timed(full, args.repeats)),
    ]
    reference = statistics.median(rows[0][1])
    print(f"{'run':42}{'median s':>10}{'min s':>10}{'max s':>10}{'CPU s':>10}{'x baseline':>12}")
    for name, times in rows:
        med = statistics.median(times)
        cpu = statistics.median(CPU[id(times)])
        print(f"{name:42}{med:>10.3f}{min(times):>10.3f}{max(times):>10.3f}{cpu:>10.3f}{med / reference:>12.2f}")
    cells = n_c * n_r * n_a * (len(years) - 1) * args.draws * len(scenarios)
    print(f"engine: {statistics.median(rows[1][1]) / cells * 1e9:.1f} ns per cell-step")
    result = project(scenarios, to_year=2035, draws=args.draws, seed=1)
    assert result.decisions is not None and result.sensitivity
    print(
        f"project() returns paired differences {result.decisions.differences.shape} and "
        f"{len(result.sensitivity):,} sensitivity rows; load after: {os.getloadavg()[0]:.2f}"
    )

    tracemalloc.start()
    full()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"peak traced memory of project(): {peak / 2**20:,.0f} MiB; peak RSS of this process: {rss:,.0f} MiB "
        f"(target < 2048 MiB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
