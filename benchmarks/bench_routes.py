"""Walk every route as every role on the full demo region and print the slowest pages (SQLite and PostgreSQL).

For each database a child process opens a copy of the full demo region (SQLite: a copy of the file
``--sqlite`` names, so the walk changes nothing; PostgreSQL: ``--postgres``, loaded with the full
region the first time and kept), signs in each demo role with Django's test ``Client`` and walks the
site as tests/crawling.py does: the route map's routes without arguments, a few data-derived starts,
then every link the pages show, ``--per-route`` URLs per route. Each page found is opened once cold,
then ``--runs`` times warm. Prints the slowest ten by median warm time, with the cold time, the SQL
queries, the peak Python memory the page allocated (tracemalloc, one extra run) and the ratio to the
baseline page (the start page, in the same process), then how many pages were over the target.

    .venv/bin/python benchmarks/bench_routes.py [--runs 5] [--per-route 2] [--only sqlite|postgres]
        [--sqlite /work/demo-full/careforce.sqlite3] [--postgres URL]

Target (issue 10): every page of every role under 500 ms median warm on the full region.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent / "tests"
ROLES = ("anonymous", "jobseeker", "staff", "manager", "analyst", "lead", "admin")
DEMO = "demo.careforce.test"
TARGET_MS = 500


def child(runs: int, per_route: int) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "careforce.settings"
    sys.path[:0] = [str(TESTS), str(TESTS / "integration")]
    import django

    django.setup()
    logging.disable(logging.WARNING)  # the walk meets pages a role may not open: 403s and 405s are expected
    from crawling import crawl, data_starts, django_client_fetch, routes_without_arguments
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from test_route_map import ROUTE_RULES

    from careforce.accounts.models import User
    from careforce.workforce.demo_loading import load_demo_region

    setup_test_environment()
    call_command("migrate", verbosity=0)
    load_demo_region("full")  # nothing to do when the region is already there

    def timed(client: Client, path: str) -> float:
        start = time.perf_counter()
        response = client.get(path)
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
        return time.perf_counter() - start

    results = []
    baseline_client = Client()
    timed(baseline_client, "/")
    baseline = statistics.median(timed(baseline_client, "/") for _ in range(max(runs, 5)))
    for role in ROLES:
        email = None if role == "anonymous" else f"{role}@{DEMO}"
        client = Client()
        if email:
            client.force_login(User.objects.get(username=email))
        starts = routes_without_arguments(ROUTE_RULES) + data_starts(email)
        found = crawl(django_client_fetch(client), starts, per_route=per_route)
        for visit in found:
            if visit.status != 200:
                continue
            cold = timed(client, visit.path)
            warm = statistics.median(timed(client, visit.path) for _ in range(runs))
            tracemalloc.start()
            with CaptureQueriesContext(connection) as queries:
                timed(client, visit.path)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            results.append(
                {
                    "role": role,
                    "route": visit.route,
                    "path": visit.path,
                    "cold": cold,
                    "warm": warm,
                    "queries": len(queries),
                    "peak_mb": peak / 2**20,
                }
            )
        print(f"{role}: {len(found)} pages walked", file=sys.stderr, flush=True)
    print("RESULT " + json.dumps({"baseline": baseline, "pages": results}))


def run_child(env: dict[str, str], runs: int, per_route: int) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", "--runs", str(runs), "--per-route", str(per_route)],
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))  # type: ignore[no-any-return]


def ensure_postgres(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def report(name: str, result: dict[str, object], runs: int) -> None:
    pages = result["pages"]
    assert isinstance(pages, list)
    baseline = float(result["baseline"])  # type: ignore[arg-type]
    pages.sort(key=lambda p: -p["warm"])
    over = [p for p in pages if p["warm"] * 1000 >= TARGET_MS]
    print(
        f"\n{name}: {len(pages)} pages (role x URL), {runs} warm runs each; baseline (start page) {baseline * 1000:.1f} ms"
    )
    print(f"{'role':<10}{'path':<62}{'warm ms':>9}{'cold ms':>9}{'queries':>9}{'peak MB':>9}{'x base':>8}")
    for p in pages[:10]:
        print(
            f"{p['role']:<10}{p['path'][:61]:<62}{p['warm'] * 1000:>9.1f}{p['cold'] * 1000:>9.0f}"
            f"{p['queries']:>9}{p['peak_mb']:>9.1f}{p['warm'] / baseline:>8.1f}"
        )
    print(f"pages at or over {TARGET_MS} ms warm: {len(over)}" + "".join(f"\n  {p['role']} {p['path']}" for p in over))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--per-route", type=int, default=2)
    parser.add_argument("--sqlite", default="/work/demo-full/careforce.sqlite3", help="a full demo region database")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/careforce_route_bench")
    parser.add_argument("--only", choices=("sqlite", "postgres"))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.runs, args.per_route)
        return

    base_env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    # plain HTTP, as the demo serves it: otherwise every page would be a redirect to HTTPS
    base_env["CAREFORCE_LOCAL_HTTP"] = "1"
    outcomes: list[tuple[str, dict[str, object]]] = []
    if args.only in (None, "sqlite"):
        with tempfile.TemporaryDirectory() as data_dir:
            shutil.copy(args.sqlite, Path(data_dir) / "careforce.sqlite3")
            outcomes.append(
                ("SQLite", run_child({**base_env, "CAREFORCE_DATA_DIR": data_dir}, args.runs, args.per_route))
            )
    if args.only in (None, "postgres"):
        try:
            ensure_postgres(args.postgres)
        except Exception as error:  # noqa: BLE001 - report and carry on with the rows we have
            print(f"PostgreSQL not reachable ({error}); skipping it")
        else:
            with tempfile.TemporaryDirectory() as data_dir:
                env = {**base_env, "DATABASE_URL": args.postgres, "CAREFORCE_DATA_DIR": data_dir}
                outcomes.append(("PostgreSQL", run_child(env, args.runs, args.per_route)))

    print(
        f"\nEvery route as every role, full demo region; {platform.machine()}, {os.cpu_count()} cores "
        f"(shared, busy), Python {platform.python_version()}"
    )
    for name, result in outcomes:
        report(name, result, args.runs)


if __name__ == "__main__":
    main()
