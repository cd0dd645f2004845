"""Benchmark: every workforce-intelligence table for one area from 160,000 synthetic staff records.

Run: ``.venv/bin/python benchmarks/bench_metrics_domain.py [--workers 160000] [--repeats 5]``

Prints, for each measure, the median time to build its table for each split (no split, by job role,
by job role group, by main service, by sector, by council, the 5-year trend), the peak memory of one
round (tracemalloc, which sees NumPy's allocations), and the ratio of each time to a baseline measured
in the same process (sorting 160,000 floats with NumPy), so runs on different machines compare.
The figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from collections.abc import Callable
from datetime import date

import numpy as np

from careforce.domain.metrics import MEASURES, Split, build_table
from careforce.domain.metrics.facts import AreaFacts, VacancyFacts, WorkerFacts, WorkplaceFacts, WorkplaceReturns
from careforce.domain.metrics.snapshot import Snapshot
from careforce.domain.reference import REGION_CODE, code_list, councils

REFERENCE_DATE = date(2026, 3, 31)


def synthetic_area(n_workers: int, n_workplaces: int = 4100, seed: int = 20260331) -> AreaFacts:
    rng = np.random.default_rng(seed)
    council_codes = np.array([c.gss_code for c in councils()])
    services = np.array([c.code for c in code_list("main_services")], np.int16)
    roles = np.array([c.code for c in code_list("job_roles")], np.int16)
    role_weights = np.where(np.isin(roles, [7, 8, 52]), 20.0, 1.0)
    role_weights /= role_weights.sum()
    nationalities = np.array([c.code for c in code_list("nationality")], np.int16)
    ethnicities = np.array([c.code for c in code_list("ethnicity")], np.int16)

    wp_ids = np.arange(1, n_workplaces + 1, dtype=np.int64) * 7
    workplaces = WorkplaceFacts(
        wp_ids,
        rng.choice(services, n_workplaces),
        rng.choice(np.array([1, 3, 6, 7, 8], np.int16), n_workplaces, p=[0.05, 0.02, 0.75, 0.15, 0.03]),
        rng.choice(council_codes, n_workplaces),
    )

    n = n_workers
    start = np.datetime64("2010-01-01") + rng.integers(0, 365 * 16, n).astype("timedelta64[D]")
    left = start + rng.integers(30, 365 * 8, n).astype("timedelta64[D]")
    left = np.where(rng.random(n) < 0.45, left, np.datetime64("NaT"))
    left = np.where(left > np.datetime64("2026-06-30"), np.datetime64("NaT"), left)
    contract = rng.choice(np.array([1, 2, 3, 4, 7], np.int16), n, p=[0.8, 0.05, 0.08, 0.04, 0.03])
    zero = rng.choice(np.array([1, 2, 999], np.int16), n, p=[0.2, 0.75, 0.05])
    hours = np.round(rng.uniform(8, 48, n) * 2) / 2
    hourly = np.where(rng.random(n) < 0.8, np.round(rng.normal(12.6, 1.5, n), 2), np.nan)
    salary = np.where(np.isnan(hourly) & (rng.random(n) < 0.7), rng.normal(32000, 6000, n), np.nan)
    workers = WorkerFacts(
        person_id=np.where(rng.random(n) < 0.9, rng.integers(0, int(n * 0.95), n), -1).astype(np.int64),
        workplace_id=rng.choice(wp_ids, n),
        job_role=rng.choice(roles, n, p=role_weights),
        contract_type=contract,
        contracted_hours=hours,
        average_hours=np.where(zero == 1, hours / 2, np.nan),
        zero_hours=zero,
        hourly_rate=hourly,
        annual_salary=salary,
        start_date=start,
        left_on=left,
        date_of_birth=np.datetime64("1950-01-01") + rng.integers(0, 365 * 55, n).astype("timedelta64[D]"),
        gender=rng.choice(np.array([1, 2, 3, 4, 0], np.int16), n, p=[0.18, 0.78, 0.01, 0.01, 0.02]),
        ethnicity=rng.choice(ethnicities, n),
        nationality=rng.choice(nationalities, n),
        disability=rng.choice(np.array([-1, 0, 1, 2, 3], np.int16), n),
        recruitment_source=rng.choice(np.array([c.code for c in code_list("recruitment_source")], np.int16), n),
        care_certificate=rng.choice(np.array([0, 1, 2, 3], np.int16), n),
        social_care_qualification=rng.choice(np.array([0, 1, 2, 999], np.int16), n),
        social_care_qualification_level=rng.choice(np.array([0, 1, 2, 3, 4, 5, 999], np.int16), n),
        days_sick=np.where(rng.random(n) < 0.7, rng.poisson(4.5, n).astype(np.float64), np.nan),
    )
    # one return per workplace at each year end; a tenth state a total that does not match their records
    dates = np.array([f"{y}-03-31" for y in range(2022, 2027)], "datetime64[D]")
    r_wp = np.repeat(wp_ids, len(dates))
    r_as_of = np.tile(dates, n_workplaces)
    wp_index = workplaces.index_of(workers.workplace_id)
    perm_temp = np.isin(contract, [1, 2])
    totals = np.zeros(len(r_wp), np.int64)
    for k, d in enumerate(dates):
        held = perm_temp & (start <= d) & (np.isnat(left) | (left > d))
        totals[k :: len(dates)] = np.bincount(wp_index[held], minlength=n_workplaces)
    totals = np.where(rng.random(len(totals)) < 0.1, totals + 1, totals)
    returns = WorkplaceReturns(r_wp, r_as_of, totals, rng.random(len(r_wp)) < 0.95)
    v_rows = rng.integers(0, len(r_wp), len(r_wp) * 2)
    vacancies = VacancyFacts(
        r_wp[v_rows],
        r_as_of[v_rows],
        rng.choice(roles, len(v_rows), p=role_weights),
        rng.integers(0, 4, len(v_rows)).astype(np.int64),
    )
    return AreaFacts(workers, workplaces, returns, vacancies)


def median_seconds(fn: Callable[[], object], repeats: int, facts: AreaFacts | None = None) -> float:
    """Median wall time of ``fn``; with ``facts``, its memo of snapshots is emptied first (a cold request)."""
    times = []
    for _ in range(repeats):
        if facts is not None:
            facts.__dict__.pop("_snapshots", None)
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=160_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--area", default=REGION_CODE)
    args = parser.parse_args()

    facts = synthetic_area(args.workers)
    _ = facts.worker_workplace, facts.return_workplace, facts.vacancy_workplace  # joins made once per request
    sample = np.random.default_rng(1).random(args.workers)
    baseline = median_seconds(lambda: np.sort(sample), max(args.repeats, 5))
    splits = list(Split)
    for m in MEASURES:  # warm the code-list caches
        build_table(m, facts, args.area, Split.NONE, REFERENCE_DATE)

    snapshot_time = median_seconds(lambda: Snapshot(facts, args.area, REFERENCE_DATE).in_benchmark, args.repeats)
    print(f"{args.workers:,} staff records, {len(facts.workplaces):,} workplaces, area {args.area}")
    print(
        f"baseline (np.sort of {args.workers:,} floats): {baseline * 1000:.2f} ms; "
        f"snapshot with benchmark flags: {snapshot_time * 1000:.1f} ms"
    )
    print()
    header = f"{'measure':24}" + "".join(f"{s.value:>15}" for s in splits) + f"{'x baseline':>12}"
    print(header + "\n" + "-" * len(header))
    total = 0.0
    for m in MEASURES:
        times = [
            median_seconds(lambda m=m, s=s: build_table(m, facts, args.area, s, REFERENCE_DATE), args.repeats, facts)
            for s in splits
        ]
        total += sum(times)
        print(f"{m.id:24}" + "".join(f"{t * 1000:12.1f} ms" for t in times) + f"{max(times) / baseline:12.1f}")
    print("-" * len(header))
    print(
        f"every table, each from cold ({len(MEASURES)} measures x {len(splits)} splits): {total * 1000:.0f} ms "
        f"in all, {total / (len(MEASURES) * len(splits)) * 1000:.1f} ms a table on average"
    )

    def every_table() -> None:
        for m in MEASURES:
            for s in splits:
                build_table(m, facts, args.area, s, REFERENCE_DATE)

    page = median_seconds(every_table, args.repeats, facts)
    print(f"every table in one request (snapshots shared between tables): {page * 1000:.0f} ms")

    facts.__dict__.pop("_snapshots", None)
    tracemalloc.start()
    every_table()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory while building every table in one request: {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
