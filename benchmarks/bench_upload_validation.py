"""Benchmark: validating a region-sized ASC-WDS bulk upload.

Builds, in a temporary directory, a workplace file of 4,100 workplaces, a staff file of 160,000 staff
records and a training file (one record per worker by default), then validates them several times and
prints a table: median time, rows per second, peak memory, and the ratio to a baseline that only decodes
and splits the same files with the csv module. Targets (2 cores): at least 50,000 staff rows per second,
peak memory under 1 GB.

    .venv/bin/python benchmarks/bench_upload_validation.py [--staff 160000] [--runs 5]
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import os
import random
import resource
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path

from careforce.domain.upload import AccountSnapshot, read_upload
from careforce.domain.upload.export import staff_header
from careforce.domain.upload.layouts import FileKind, standard_columns

TODAY = date(2026, 9, 1)
ROLES = (7, 8, 8, 8, 8, 52, 52, 25, 26, 3, 5, 45)


def _workplace_row(i: int, staff: int) -> list[str]:
    cqc = i % 3 != 0
    main = 2 if cqc else 6
    return [
        f"WP{i:05d}", "NEW", f"Workplace {i}", f"{i} Example Road", "", "", "Wolverhampton", "WV1 1AA", "6", "", "1",
        "1", "2" if cqc else "0", "1-10000" + f"{i:05d}" if cqc else "", "1-20000" + f"{i:05d}" if cqc else "",
        str(main), f"{main}", "", "", "", "1;4", "", "", "", str(staff), "4;8", "0;1", "0;1", "0;2", "", "", "1",
        "1", "2", "", "1", "1", "5", "2", "28", "1" if cqc else "", "1" if cqc else "", "", "",
    ]  # fmt: skip


def _staff_row(rng: random.Random, workplace: int, n: int, role: int) -> list[str]:
    born = date(1960 + rng.randrange(40), 1 + rng.randrange(12), 1 + rng.randrange(28))
    started = date(max(born.year + 18, 2005) + rng.randrange(8), 1 + rng.randrange(12), 1 + rng.randrange(28))
    hourly = role in (7, 8, 52)
    return [
        f"WP{workplace:05d}", f"S{workplace:05d}-{n:03d}", "NEW", f"Worker {workplace}-{n}",
        f"{'ABCDEFGH'[workplace % 8]}{'JKLMNPRS'[n % 8]}{workplace * 100 + n:06d}C", "WV2 4AB", f"{born:%d/%m/%Y}", str(rng.choice((1, 2, 2, 2))),
        str(rng.choice((31, 31, 39, 40, 44, 45))), rng.choice(("826", "826", "826", "356", "566")), "", "826", "",
        str(rng.randrange(4)), str(rng.choice((1, 2, 3))), "", str(rng.choice((1, 2, 5, 8, 10))), "", "",
        f"{started:%d/%m/%Y}", str(max(born.year + 14, started.year - rng.randrange(5))), "", "2", "1", "2", str(rng.randrange(10)),
        "3" if hourly else "1", "" if hourly else str(24000 + rng.randrange(20000)),
        f"{11 + rng.randrange(400) / 100:.2f}" if hourly else "", str(role), "", str(rng.choice((16, 22.5, 37.5))),
        "", "", "", rng.choice(("1;2", "1;3", "2", "999")), "2", str(rng.choice((1, 2, 3))),
        f"{rng.choice((1, 2, 5, 10))};{started.year}", "", "", "", "", "",
    ]  # fmt: skip


def build_files(directory: Path, staff_rows: int, workplaces: int, training_per_worker: int) -> list[Path]:
    rng = random.Random(20260901)
    per_workplace = [staff_rows // workplaces + (1 if i < staff_rows % workplaces else 0) for i in range(workplaces)]
    paths = [directory / "workplace.csv", directory / "staff.csv", directory / "training.csv"]
    with (
        paths[0].open("w", newline="", encoding="utf-8") as wp,
        paths[1].open("w", newline="", encoding="utf-8") as st,
        paths[2].open("w", newline="", encoding="utf-8") as tr,
    ):
        workplace_csv, staff_csv, training_csv = csv.writer(wp), csv.writer(st), csv.writer(tr)
        workplace_csv.writerow(standard_columns(FileKind.WORKPLACE))
        staff_csv.writerow(staff_header(3))
        training_csv.writerow(standard_columns(FileKind.TRAINING))
        for i, count in enumerate(per_workplace):
            roles = [4 if i % 3 != 0 and n == 0 else ROLES[n % len(ROLES)] for n in range(count)]
            perm_temp = sum(1 for _ in roles)
            workplace_csv.writerow(_workplace_row(i, perm_temp))
            for n, role in enumerate(roles):
                staff_csv.writerow(_staff_row(rng, i, n, role))
                for _t in range(training_per_worker):
                    done = date(2022 + rng.randrange(4), 1 + rng.randrange(12), 1 + rng.randrange(28))
                    training_csv.writerow([
                        f"WP{i:05d}", f"S{i:05d}-{n:03d}", str(rng.choice((2, 6, 14, 22, 33))), "Refresher", "1", "2",
                        str(1 + rng.randrange(80)), "2", "12", f"{done:%d/%m/%Y}", "", "",
                    ])  # fmt: skip
    return paths


def _baseline(files: list[tuple[str, bytes]]) -> int:
    rows = 0
    for _name, data in files:
        for _cells in csv.reader(io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline="")):
            rows += 1
    return rows


def _timed(function: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and median CPU seconds (CPU time is what counts on a shared machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def _peak_mb(function: Callable[[], object]) -> float:
    """Peak resident memory (MB) of a forked process that runs ``function`` once.

    The child starts with what this process holds (the interpreter and the files' bytes), so the figure
    is the whole process's peak, as an upload worker would see it.
    """
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        os.close(read)
        function()
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        os.write(write, str(peak_kb).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        peak_kb = int(pipe.read() or 0)
    os.waitpid(child, 0)
    return peak_kb / 1024


def _python_peak_mb(function: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    function()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--staff", type=int, default=160_000)
    parser.add_argument("--workplaces", type=int, default=4_100)
    parser.add_argument("--training-per-worker", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tracemalloc", action="store_true", help="also measure Python allocations (slow)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = build_files(Path(tmp), args.staff, args.workplaces, args.training_per_worker)
        files = [(p.name, p.read_bytes()) for p in paths]
    sizes = {name: len(data) / 2**20 for name, data in files}
    staff_only = files[:2]
    cases: list[tuple[str, int, Callable[[], object]]] = [
        ("baseline: csv.reader, all three files", _baseline(files) - 3,
         lambda: _baseline(files)),
        ("validate workplace + staff (report only)", args.staff + args.workplaces,
         lambda: read_upload(staff_only, AccountSnapshot(), TODAY, keep_records=False)),
        ("validate all three (report only)", args.staff * (1 + args.training_per_worker) + args.workplaces,
         lambda: read_upload(files, AccountSnapshot(), TODAY, keep_records=False)),
        ("validate all three, keeping records", args.staff * (1 + args.training_per_worker) + args.workplaces,
         lambda: read_upload(files, AccountSnapshot(), TODAY, keep_records=True)),
    ]  # fmt: skip
    check = read_upload(files, AccountSnapshot(), TODAY, keep_records=False).report
    print("files: " + ", ".join(f"{n} {s:.1f} MB" for n, s in sizes.items()))
    print(f"problems found in the generated files: {check.error_count} errors, {check.warning_count} warnings")
    print(
        f"runs per case: {args.runs} (medians); load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    print("rates use CPU time of this process (wall time is shown too: other work on the machine slows it)")
    print()
    header = (f"{'case':<40} {'rows':>8} {'wall s':>7} {'cpu s':>6} {'rows/s':>8} {'staff rows/s':>12} "
              f"{'peak RSS MB':>11} {'x baseline':>10}")  # fmt: skip
    print(header)
    baseline_cpu = 0.0
    for label, rows, function in cases:
        wall, cpu = _timed(function, args.runs)
        baseline_cpu = baseline_cpu or cpu
        peak = _peak_mb(function)
        print(f"{label:<40} {rows:>8,} {wall:>7.2f} {cpu:>6.2f} {rows / cpu:>8,.0f} {args.staff / cpu:>12,.0f} "
              f"{peak:>11,.0f} {cpu / baseline_cpu:>10.1f}")  # fmt: skip
    if args.tracemalloc:
        print()
        print("Python allocations at peak (tracemalloc), validating all three files:")
        print(
            f"  report only: {_python_peak_mb(cases[2][2]):.0f} MB; keeping records: {_python_peak_mb(cases[3][2]):.0f} MB"
        )


if __name__ == "__main__":
    main()
