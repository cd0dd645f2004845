"""Benchmark: validating a region-sized ASC-WDS bulk upload.

Builds, in a temporary directory, a workplace file of 4,100 workplaces, a staff file of 160,000 staff
records and a training file (one record per worker by default), then validates them several times and
prints a table: median wall-clock time, rows per second (of wall-clock time), the CPU time of this
process, peak memory, and the ratio to a baseline that only decodes and splits the same files with the
csv module. Targets (2 cores): at least 100,000 rows per second for all three files of the region, peak
memory under 1 GB. A second table gives the rows per second of the rules added for ASC-WDS parity (ADR
0060), each timed alone. The generated files are ones the rules accept: no errors and no warnings.

Large files are checked in worker processes (ADR 0025), so CPU time of this process leaves out the
workers' and wall-clock time is the figure that counts; on a shared machine it depends on the load,
which is printed for each case. Peak memory is the largest total resident memory of the process that
validates and of its workers, sampled every 10 ms.

    .venv/bin/python benchmarks/bench_upload_validation.py [--staff 160000] [--runs 5]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import gc
import io
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import psutil  # installed with dask[distributed]

from careforce.domain.upload import AccountSnapshot, read_upload
from careforce.domain.upload.columnar import ChunkSink
from careforce.domain.upload.encoding_advice import ascwds_would_not_take
from careforce.domain.upload.export import staff_header
from careforce.domain.upload.layouts import FileKind, standard_columns
from careforce.domain.upload.part_time_pay import PartTimePay
from careforce.domain.upload.reading import open_upload
from careforce.domain.upload.report import Problem
from careforce.domain.upload.rules_training import validity

TODAY = date(2026, 9, 1)
ROLES = (7, 8, 8, 8, 8, 52, 52, 25, 26, 3, 5, 45)


def _workplace_row(i: int, staff: int) -> list[str]:
    cqc = i % 3 != 0
    main = 2 if cqc else 6
    return [
        f"WP{i:05d}",
        "NEW",
        f"Workplace {i}",
        f"{i} Example Road",
        "",
        "",
        "Wolverhampton",
        "WV1 1AA",
        "6",
        "",
        "1",
        "1",
        "2" if cqc else "0",
        "1-10000" + f"{i:05d}" if cqc else "",
        "1-20000" + f"{i:05d}" if cqc else "",
        str(main),
        f"{main}",
        "",
        "",
        "",
        "1;4",
        ";",  # OTHERUSERDESC: one (blank) item per service user, as ASC-WDS counts them (error 1130)
        "",
        "",
        str(staff),
        "4;8",
        "0;1",
        "0;1",
        "0;2",
        "",
        "",
        "1",
        "1",
        "2",
        "",
        "1",
        "1",
        "5",
        "2",
        "28",
        "1" if cqc else "",
        "1" if cqc else "",
        "",
        "",
    ]


def _staff_row(rng: random.Random, workplace: int, n: int, role: int) -> list[str]:
    born = date(1960 + rng.randrange(40), 1 + rng.randrange(12), 1 + rng.randrange(28))
    started = date(max(born.year + 18, 2005) + rng.randrange(8), 1 + rng.randrange(12), 1 + rng.randrange(28))
    hourly = role in (7, 8, 52)
    hours = rng.choice((16, 22.5, 37.5))
    # whole pounds, even for full time and odd for part time: no part-timer shares a full-timer's salary (1260)
    salary = 24000 + 2 * rng.randrange(10000) + (hours < 37)
    return [
        f"WP{workplace:05d}",
        f"S{workplace:05d}-{n:03d}",
        "NEW",
        f"Worker {workplace}-{n}",
        f"{'ABCDEFGH'[workplace % 8]}{'JKLMNPRS'[n % 8]}{workplace * 100 + n:06d}C",
        "WV2 4AB",
        f"{born:%d/%m/%Y}",
        str(rng.choice((1, 2, 2, 2))),
        str(rng.choice((31, 31, 39, 40, 44, 45))),
        rng.choice(("826", "826", "826", "356", "566")),
        "",
        "826",
        "",
        str(rng.randrange(4)),
        str(rng.choice((1, 2, 3))),
        "",
        str(rng.choice((1, 2, 5, 8, 10))),
        "",
        "",
        f"{started:%d/%m/%Y}",
        str(max(born.year + 14, started.year - rng.randrange(5))),
        "",
        "2",
        "1",
        "2",
        str(rng.randrange(10)),
        "3" if hourly else "1",
        "" if hourly else str(salary),
        f"{11 + rng.randrange(400) / 100:.2f}" if hourly else "",
        str(role),
        "",
        str(hours),
        "",
        "",
        "",
        rng.choice(("1;2", "1;3", "2", "999")),
        "2",
        str(rng.choice((1, 2, 3))),
        f"{rng.choice((1, 2, 5, 10))};{started.year}",
        "",
        "",
        "",
        "",
        "",
    ]


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
                    training_csv.writerow(
                        [
                            f"WP{i:05d}",
                            f"S{i:05d}-{n:03d}",
                            str(rng.choice((2, 6, 14, 22, 33))),
                            "Refresher",
                            "1",
                            "2",
                            str(1 + rng.randrange(80)),
                            "2",
                            "12",
                            f"{done:%d/%m/%Y}",
                            "",
                            "",
                        ]
                    )
    return paths


def _baseline(files: list[tuple[str, bytes]]) -> int:
    rows = 0
    for _name, data in files:
        for _cells in csv.reader(io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline="")):
            rows += 1
    return rows


def _timed(function: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and median CPU seconds of this process.

    The result is kept until the clock has stopped, as a caller keeps it. The young-generation garbage
    collection that follows (which the caller would meet at its next allocation: validation pauses the
    collector, so everything it allocated is still young) is timed with the call.
    """
    wall, cpu = [], []
    for _ in range(runs):
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        result = function()
        gc.collect(0)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        del result
    return statistics.median(wall), statistics.median(cpu)


def _peak_mb(directory: Path, case: int, args: argparse.Namespace) -> tuple[float, float]:
    """Peak resident memory (MB) of a fresh process that validates once (case ``case``), and of it with its
    workers and their forkserver.

    The process reads the files into memory first, as an upload worker holds them. The second figure is
    the largest total resident memory of that process and all the processes it starts, sampled every
    10 ms: a slight overestimate, as pages shared between them are counted in each.
    """
    command = [
        sys.executable,
        __file__,
        "--peak-case",
        str(case),
        "--directory",
        str(directory),
        "--staff",
        str(args.staff),
        "--workplaces",
        str(args.workplaces),
        "--training-per-worker",
        str(args.training_per_worker),
    ]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as child:
        process, tree_peak = psutil.Process(child.pid), 0
        while child.poll() is None:
            total = 0
            with contextlib.suppress(psutil.Error):
                for member in [process, *process.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        total += member.memory_info().rss
            tree_peak = max(tree_peak, total)
            time.sleep(0.01)
        own_kb = int(child.communicate()[0] or 0)
    return own_kb / 1024, max(tree_peak / 2**20, own_kb / 1024)


def _python_peak_mb(function: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    function()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def _cases(files: list[tuple[str, bytes]], args: argparse.Namespace) -> list[tuple[str, int, Callable[[], object]]]:
    staff_only = files[:2]
    workplace_and_staff = args.staff + args.workplaces
    all_three = args.staff * (1 + args.training_per_worker) + args.workplaces
    return [
        ("baseline: csv.reader, all three files", all_three, lambda: _baseline(files)),
        (
            "workplace + staff (report only)",
            workplace_and_staff,
            lambda: read_upload(staff_only, AccountSnapshot(), TODAY, keep_records=False),
        ),
        (
            "workplace + staff, keeping records",
            workplace_and_staff,
            lambda: read_upload(staff_only, AccountSnapshot(), TODAY, keep_records=True),
        ),
        (
            "all three (report only)",
            all_three,
            lambda: read_upload(files, AccountSnapshot(), TODAY, keep_records=False),
        ),
        (
            "all three, keeping records",
            all_three,
            lambda: read_upload(files, AccountSnapshot(), TODAY, keep_records=True),
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--staff", type=int, default=160_000)
    parser.add_argument("--workplaces", type=int, default=4_100)
    parser.add_argument("--training-per-worker", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tracemalloc", action="store_true", help="also measure Python allocations (slow)")
    parser.add_argument("--peak-case", type=int, help=argparse.SUPPRESS)  # internal: one run, print peak RSS
    parser.add_argument("--directory", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak_case is not None:
        files = [(p.name, p.read_bytes()) for p in sorted(args.directory.glob("*.csv"), key=_file_order)]
        _cases(files, args)[args.peak_case][2]()
        print(_own_peak_kb())
        return
    with tempfile.TemporaryDirectory() as tmp:
        paths = build_files(Path(tmp), args.staff, args.workplaces, args.training_per_worker)
        files = [(p.name, p.read_bytes()) for p in paths]
        _report(files, args, Path(tmp))


def _own_peak_kb() -> int:
    """This process's peak resident memory in KB.

    Read from /proc where there is one: ``ru_maxrss`` of a process started by ``subprocess`` also counts
    the memory of the process that started it (Linux keeps the high-water mark across vfork and exec).
    """
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _file_order(path: Path) -> int:
    return ["workplace.csv", "staff.csv", "training.csv"].index(path.name)


def _report(files: list[tuple[str, bytes]], args: argparse.Namespace, directory: Path) -> None:
    sizes = {name: len(data) / 2**20 for name, data in files}
    cases = _cases(files, args)
    check = read_upload(files, AccountSnapshot(), TODAY, keep_records=False).report  # also starts the forkserver
    print("files: " + ", ".join(f"{n} {s:.1f} MB" for n, s in sizes.items()))
    print(f"problems found in the generated files: {check.error_count} errors, {check.warning_count} warnings")
    print(f"runs per case: {args.runs} (medians) on {os.cpu_count()} CPUs; load = 1-minute load average")
    print("rows/s use wall-clock time; cpu s is this process's only (the workers' is not in it)")
    print()
    header = (
        f"{'case':<36} {'rows':>8} {'wall s':>7} {'rows/s':>8} {'cpu s':>6} {'peak MB':>7} "
        f"{'+workers':>8} {'x baseline':>10} {'load':>9}"
    )
    print(header)
    baseline_wall = 0.0
    for case, (label, rows, function) in enumerate(cases):
        load_before = os.getloadavg()[0]
        wall, cpu = _timed(function, args.runs)
        baseline_wall = baseline_wall or wall
        peak, with_workers = _peak_mb(directory, case, args)
        load = f"{load_before:.1f}-{os.getloadavg()[0]:.1f}"
        print(
            f"{label:<36} {rows:>8,} {wall:>7.2f} {rows / wall:>8,.0f} {cpu:>6.2f} {peak:>7,.0f} "
            f"{with_workers:>8,.0f} {wall / baseline_wall:>10.1f} {load:>9}"
        )
    _rules_added(files, args)
    if args.tracemalloc:
        print()
        print("Python allocations at peak (tracemalloc) in this process, validating all three files:")
        print(
            f"  report only: {_python_peak_mb(cases[3][2]):.0f} MB; keeping records: {_python_peak_mb(cases[4][2]):.0f} MB"
        )


def _rules_added(files: list[tuple[str, bytes]], args: argparse.Namespace) -> None:
    """Rows per second of the rules added for ASC-WDS parity (ADR 0060), each on its own, in this process.

    The rules also run inside the cases above; here each is timed alone on inputs that exercise it: every
    staff record paid annually, with part-timers sharing full-timers' salaries (warning 1260); VALIDITY cells
    of every kind (error 1110); the header and save-as checks of the three files.
    """
    rng = random.Random(7)
    staff = args.staff
    salaries = [Decimal(24000 + 100 * rng.randrange(100)) for _ in range(staff)]
    hours = [Decimal(rng.choice((16, 22.5, 37.5))) for _ in range(staff)]
    roles = [ROLES[n % len(ROLES)] for n in range(staff)]
    rows = list(range(2, staff + 2))
    annual = list(zip(range(staff), roles, salaries, hours, strict=True))
    found: list[Problem] = []

    def part_time_pay() -> None:
        found.clear()
        check = PartTimePay()
        for start in range(0, staff, 4096):
            check.add(rows[start : start + 4096], [(i - start, *rest) for i, *rest in annual[start : start + 4096]])
        check.finish(ChunkSink("staff.csv", found))

    cells = [
        rng.choice(("12", "24", "none", "None", "1", "12 months", "", "999", "1000")) + " " * (n % 7)
        for n in range(staff)
    ]

    def validity_cells() -> None:
        for cell in cells:
            validity(cell)

    def file_checks() -> None:
        for name, data in files:
            ascwds_would_not_take(open_upload(name, data))

    print()
    print("rules added for ASC-WDS parity, each alone (this process, no workers):")
    print(f"{'rule':<58} {'rows':>8} {'wall s':>7} {'rows/s':>11}")
    cases = (
        ("1260 part-time pay: every record annual, grouped by role+pay", staff, part_time_pay),
        ("1110 VALIDITY cells, all distinct (no memo)", staff, validity_cells),
        (
            "open, header check, 'ASC-WDS would not take it' (3 files)",
            sum(d.count(b"\n") for _n, d in files),
            file_checks,
        ),
    )
    for label, count, function in cases:
        wall, _cpu = _timed(function, args.runs)
        print(f"{label:<58} {count:>8,} {wall:>7.3f} {count / wall:>11,.0f}")
    print(f"  (1260 warnings given in that input: {len(found):,})")


if __name__ == "__main__":
    main()
