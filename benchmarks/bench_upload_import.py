"""Benchmark: importing a region-sized ASC-WDS upload into the database (SQLite and PostgreSQL).

Builds the same files as ``bench_upload_validation.py`` (4,100 workplaces, 160,000 staff, 160,000 training
records: a whole region's workforce as one large group provider or council would upload it), then, in a
fresh process and a freshly migrated empty database for every run:

* baseline: validating the files only (``read_upload`` keeping the records), in the same process;
* import: ``careforce.uploads.services.import_files``, exactly what ``careforce import-upload`` and the web
  page's "Save these changes" run: check against the organisation's records, plan, save in one transaction;
* download: the organisation's data written back out as the three files (reads all 160,000 stored records);
* re-upload: that download imported again, which must change nothing (the round trip).

Prints medians, peak resident memory of the process (after the import, and at the end of the round trip,
when both the stored and the uploaded records are in memory) and the ratio to the baseline. Targets (2 cores):
import of 160,000 workers under 30 seconds, peak memory under 1 GB.

    .venv/bin/python benchmarks/bench_upload_import.py [--staff 160000] [--runs 3] [--backends sqlite,postgresql]
        [--postgres postgres://postgres@127.0.0.1:5432]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATABASE = "careforce_import_bench"
TODAY = date(2026, 9, 1)


def child(args: argparse.Namespace) -> None:
    """One run, in its own process: migrate an empty database, then validate, import and re-import."""
    import django
    from django.core.management import call_command

    os.environ["DJANGO_SETTINGS_MODULE"] = "careforce.settings"
    django.setup()
    call_command("migrate", verbosity=0)
    from careforce.domain.upload import AccountSnapshot, read_upload
    from careforce.uploads import downloads
    from careforce.uploads.services import import_files
    from careforce.workforce.models import Organisation

    files = [(path.name, path.read_bytes()) for path in sorted(Path(args.files).iterdir())]
    organisation = Organisation.objects.create(name="Benchmark Care Group")
    start = time.perf_counter()
    read_upload(files, AccountSnapshot(), TODAY)
    validate = time.perf_counter() - start
    start = time.perf_counter()
    first = import_files(organisation.pk, files, TODAY)
    imported = time.perf_counter() - start
    if first.counts is None:
        report = first.examined.result.report
        raise SystemExit(f"the import was refused: {report.error_count} errors, e.g. {report.errors[:3]}")
    import_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    download = downloads.files(organisation.pk).as_upload()
    downloaded = time.perf_counter() - start
    start = time.perf_counter()
    again = import_files(organisation.pk, download, TODAY)
    reimported = time.perf_counter() - start
    changed = again.examined.plan is None or not again.examined.plan.is_empty
    print(
        json.dumps(
            {
                "validate": validate,
                "import": imported,
                "download": downloaded,
                "reimport": reimported,
                "counts": first.counts,
                "second_changed_something": changed,
                "import_peak_mb": import_peak,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


def _postgres_database(server: str, fresh: bool) -> str:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
        if fresh:
            connection.execute(f"CREATE DATABASE {DATABASE}")
    return f"{server}/{DATABASE}"


def _run_once(backend: str, files: Path, postgres: str, scratch: Path) -> dict[str, object]:
    if backend == "postgresql":
        url = _postgres_database(postgres, fresh=True)
    else:
        database = scratch / "import.sqlite3"
        database.unlink(missing_ok=True)
        url = f"sqlite:///{database}"
    environment = {**os.environ, "DATABASE_URL": url, "CAREFORCE_DATA_DIR": str(scratch)}
    done = subprocess.run(
        [sys.executable, __file__, "--child", "--files", str(files)],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{backend} run failed:\n{done.stderr[-3000:]}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--staff", type=int, default=160_000)
    parser.add_argument("--workplaces", type=int, default=4_100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--files", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    sys.path.insert(0, str(HERE))
    from bench_upload_validation import build_files

    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        folder = scratch / "files"
        folder.mkdir()
        build_files(folder, args.staff, args.workplaces, 1)
        sizes = ", ".join(f"{p.name} {p.stat().st_size / 2**20:.1f} MB" for p in sorted(folder.iterdir()))
        print(f"files: {sizes}; {args.runs} runs per database, each a fresh process and an empty database")
        print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print()
        print(
            f"{'database':<11} {'validate s':>10} {'import s':>9} {'staff/s':>8} {'download s':>10} "
            f"{'re-upload s':>11} {'import MB':>9} {'peak MB':>8} {'x validate':>10}  round trip"
        )
        for backend in args.backends.split(","):
            runs = [_run_once(backend, folder, args.postgres, scratch) for _ in range(args.runs)]
            validate = statistics.median(float(r["validate"]) for r in runs)  # type: ignore[arg-type]
            imported = statistics.median(float(r["import"]) for r in runs)  # type: ignore[arg-type]
            again = statistics.median(float(r["reimport"]) for r in runs)  # type: ignore[arg-type]
            download = statistics.median(float(r["download"]) for r in runs)  # type: ignore[arg-type]
            peak = max(float(r["peak_mb"]) for r in runs)  # type: ignore[arg-type]
            import_peak = max(float(r["import_peak_mb"]) for r in runs)  # type: ignore[arg-type]
            changed = any(r["second_changed_something"] for r in runs)
            print(
                f"{backend:<11} {validate:>10.1f} {imported:>9.1f} {args.staff / imported:>8,.0f} {download:>10.1f} "
                f"{again:>11.1f} {import_peak:>9,.0f} {peak:>8,.0f} {imported / validate:>10.1f}  "
                f"{'CHANGED DATA' if changed else 'no change'}"
            )
            print(f"{'':<11} saved: {runs[0]['counts']}")
        if "postgresql" in args.backends:
            _postgres_database(args.postgres, fresh=False)


if __name__ == "__main__":
    main()
