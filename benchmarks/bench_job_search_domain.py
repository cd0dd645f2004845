"""Benchmark: postcode lookup + job search within 10 miles over 10,000 live vacancies (domain only).

Vacancies sit on real West Midlands postcodes picked at random (fixed seed). Each timed run looks up a
random current postcode and searches 10 miles round it. Prints median and 95th percentile times, peak
memory (tracemalloc) and the speed-up over a plain-Python loop doing the same work in this process.

    .venv/bin/python benchmarks/bench_job_search_domain.py [--vacancies 10000] [--runs 200]
"""

from __future__ import annotations

import argparse
import math
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pyproj

from careforce.domain.careers.distance import haversine_miles
from careforce.domain.careers.matching import CandidateProfile, rank
from careforce.domain.careers.postcode_table import load_postcode_table
from careforce.domain.careers.postcodes import lookup_postcode
from careforce.domain.careers.search import JobFilters, search, search_page
from careforce.domain.careers.vacancies import HoursPattern, VacancyIndex

SEED = 2026
ROLES = np.array([8, 52, 7, 45, 34, 9, 43, 4], dtype=np.int16)
ROLE_WEIGHTS = np.array([0.45, 0.25, 0.1, 0.06, 0.04, 0.05, 0.03, 0.02])


def build_vacancies(n: int, rng: np.random.Generator) -> tuple[VacancyIndex, np.ndarray]:
    table = load_postcode_table()
    current = np.flatnonzero(table.current)
    chosen = rng.choice(current, size=n, replace=True)
    rate = np.round(rng.normal(12.9, 0.9, n), 2)
    rate[rng.random(n) < 0.08] = np.nan  # some adverts give no pay
    contract = rng.choice([1, 2, 3], size=n, p=[0.45, 0.4, 0.15]).astype(np.uint8)
    extras = (
        (rng.random(n) < 0.15) * int(HoursPattern.SCHOOL_HOURS)
        + (rng.random(n) < 0.2) * int(HoursPattern.NIGHTS)
        + (rng.random(n) < 0.5) * int(HoursPattern.WEEKENDS)
    ).astype(np.uint8)
    licence = rng.random(n) < 0.4
    index = VacancyIndex(
        id=np.arange(1, n + 1, dtype=np.int64),
        latitude=table.latitude[chosen].copy(),
        longitude=table.longitude[chosen].copy(),
        job_role=rng.choice(ROLES, size=n, p=ROLE_WEIGHTS),
        hourly_rate=rate,
        hours=contract | extras,
        requires_driving_licence=licence,
        requires_car=licence & (rng.random(n) < 0.8),
        travel_time_paid=rng.random(n) < 0.6,
        offers_visa_sponsorship=rng.random(n) < 0.1,
        posted_on=np.datetime64("2026-01-31") - rng.integers(0, 60, n).astype("timedelta64[D]"),
    )
    queries = table.postcodes[rng.choice(current, size=500)]
    return index, np.array([q.decode() for q in queries])


def python_baseline(rows: list[dict[str, Any]], lat: float, lon: float, radius: float) -> list[tuple[float, int]]:
    """The same search as a plain loop over dicts, with the haversine formula per vacancy."""
    r_miles = 6_371_008.8 / 1609.344
    out = []
    p1 = math.radians(lat)
    for row in rows:
        p2 = math.radians(row["latitude"])
        a = (
            math.sin((p2 - p1) / 2) ** 2
            + math.cos(p1) * math.cos(p2) * math.sin(math.radians(row["longitude"] - lon) / 2) ** 2
        )
        miles = 2 * r_miles * math.asin(math.sqrt(a))
        if miles <= radius:
            out.append((miles, -row["posted"], row["id"]))
    out.sort()
    return [(m, i) for m, _, i in out]


def timed(fn: Callable[[str], object], queries: np.ndarray, runs: int) -> tuple[float, float, int]:
    times = []
    sizes = []
    for i in range(runs):
        q = str(queries[i % len(queries)])
        start = time.perf_counter()
        result = fn(q)
        times.append((time.perf_counter() - start) * 1000)
        sizes.append(len(result) if hasattr(result, "__len__") else 0)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], int(statistics.median(sizes))


def peak_kib(fn: Callable[[str], object], query: str) -> float:
    tracemalloc.start()
    fn(query)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--vacancies", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    rng = np.random.default_rng(SEED)

    start = time.perf_counter()
    load_postcode_table(use_cache=False)
    csv_ms = (time.perf_counter() - start) * 1000
    with tempfile.TemporaryDirectory() as tmp:
        load_postcode_table(cache_dir=Path(tmp))
        start = time.perf_counter()
        load_postcode_table(cache_dir=Path(tmp))
        npz_ms = (time.perf_counter() - start) * 1000

    index, queries = build_vacancies(args.vacancies, rng)
    lookup_postcode("B15 2TT")  # warm the process-wide tables
    rows = [
        {"id": int(i), "latitude": float(a), "longitude": float(o), "posted": int(p)}
        for i, a, o, p in zip(index.id, index.latitude, index.longitude, index.posted_on.astype(np.int64), strict=True)
    ]

    def lookup(q: str) -> object:
        return [lookup_postcode(q)]

    def search_all(q: str) -> object:
        return search(index, JobFilters(place=lookup_postcode(q), radius_miles=10))

    def search_first_page(q: str) -> object:
        return search_page(index, JobFilters(place=lookup_postcode(q), radius_miles=10)).hits

    def search_filtered(q: str) -> object:
        filters = JobFilters(
            place=lookup_postcode(q),
            radius_miles=10,
            job_roles=frozenset({8, 52}),
            hours=HoursPattern.PART_TIME,
            min_hourly_rate=12.5,
            without_car=True,
        )
        return search_page(index, filters).hits

    def match(q: str) -> object:
        person = CandidateProfile(
            place=lookup_postcode(q),
            hours=HoursPattern.PART_TIME | HoursPattern.WEEKENDS,
            role_interests=frozenset({52}),
        )
        return rank(person, index, limit=20)

    def baseline(q: str) -> object:
        place = lookup_postcode(q)
        return python_baseline(rows, place.latitude, place.longitude, 10.0)

    cases = [
        ("postcode lookup only", lookup),
        ("lookup + search 10 mi, all hits", search_all),
        ("lookup + search 10 mi, first 20", search_first_page),
        ("lookup + search 10 mi, 5 filters, first 20", search_filtered),
        ("lookup + rank (matching), 20 + 20 excluded", match),
        ("baseline: plain Python loop, all hits", baseline),
    ]
    print(f"Job search, domain only: {len(index):,} vacancies, {args.runs} runs, seed {SEED}")
    print(f"postcode table: CSV parse {csv_ms:.0f} ms, cached .npz load {npz_ms:.1f} ms (once per process)")
    print(f"{'case':<46}{'median ms':>10}{'p95 ms':>9}{'hits':>7}{'peak KiB':>10}")
    medians = {}
    for name, fn in cases:
        median, p95, hits = timed(fn, queries, args.runs)
        medians[name] = median
        print(f"{name:<46}{median:>10.3f}{p95:>9.3f}{hits:>7}{peak_kib(fn, str(queries[0])):>10.0f}")
    geod = pyproj.Geod(ellps="WGS84")
    n = len(index)

    def distances_haversine(q: str) -> object:
        return haversine_miles(52.48, -1.90, index.latitude, index.longitude)

    def distances_pyproj(q: str) -> object:
        return geod.inv(np.full(n, -1.90), np.full(n, 52.48), index.longitude, index.latitude)[2]

    for name, fn in [
        (f"distance only, all {n:,}: haversine (NumPy)", distances_haversine),
        (f"distance only, all {n:,}: pyproj Geod.inv", distances_pyproj),
    ]:
        median, p95, _ = timed(fn, queries, args.runs)
        print(f"{name:<46}{median:>10.3f}{p95:>9.3f}{'':>7}{peak_kib(fn, ''):>10.0f}")
    ratio = medians["baseline: plain Python loop, all hits"] / medians["lookup + search 10 mi, all hits"]
    print(f"speed-up of NumPy search over the plain loop (all hits): {ratio:.1f}x")


if __name__ == "__main__":
    main()
