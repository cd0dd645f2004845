"""Time the workforce-measure pages on the full demo region (160,000 staff), on SQLite and PostgreSQL.

For each database a child process migrates an empty database, loads the full demo region, then, with
Django's test ``Client`` (signed in as the regional lead, and as a council analyst for Birmingham,
the largest council), opens each page once cold and then ``--runs`` times warm. The baseline is the
start page in the same process. Prints the median warm time, the cold time, SQL queries per page and
the peak memory of the process.

    .venv/bin/python benchmarks/bench_dashboard.py [--runs 15] [--postgres URL] [--only sqlite|postgres]

Target (the issue): under 300 ms median warm for the region and the largest council's dashboard.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time

BIRMINGHAM = "E08000025"
REGION = "E12000005"
PAGES = (
    ("baseline: start page", "lead", "/"),
    ("region dashboard", "lead", f"/intelligence/measures/{REGION}"),
    ("region: turnover by council", "lead", f"/intelligence/measures/{REGION}/turnover-rate?by=council"),
    ("Birmingham dashboard", "analyst", f"/intelligence/measures/{BIRMINGHAM}"),
    ("Birmingham: pay by job role", "analyst", f"/intelligence/measures/{BIRMINGHAM}/median-hourly-pay?by=job_role"),
    ("Birmingham: gender, 5 years", "analyst", f"/intelligence/measures/{BIRMINGHAM}/gender?by=trend"),
)


def child(runs: int) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "careforce.settings"
    os.environ.setdefault("CAREFORCE_LOCAL_HTTP", "1")  # the test client speaks plain HTTP
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from careforce.accounts.models import User
    from careforce.domain.access import Role
    from careforce.workforce.demo_loading import load_demo_region

    setup_test_environment()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    load_demo_region("full", rebuild=True)
    load_seconds = time.perf_counter() - started
    analyst, _ = User.objects.get_or_create(
        username="bench-analyst@birmingham.test",
        defaults={"role": Role.COUNCIL_ANALYST.value, "council_id": BIRMINGHAM},
    )
    clients = {"lead": Client(), "analyst": Client()}
    clients["lead"].force_login(User.objects.get(username="lead@demo.careforce.test"))
    clients["analyst"].force_login(analyst)
    results = []
    for label, who, path in PAGES:
        client = clients[who]
        start = time.perf_counter()
        response = client.get(path)
        cold = time.perf_counter() - start
        assert response.status_code == 200, (path, response.status_code)
        times = []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                client.get(path)
                times.append(time.perf_counter() - start)
        results.append({"label": label, "cold": cold, "warm": statistics.median(times), "queries": len(queries)})
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("RESULT " + json.dumps({"pages": results, "peak": peak, "load": load_seconds}))


def reset_postgres(url: str, drop_only: bool = False) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{name}"')


def run_child(env: dict[str, str], runs: int) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", "--runs", str(runs)], env=env, check=True, capture_output=True, text=True
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/careforce_dash_bench")
    parser.add_argument("--only", choices=("sqlite", "postgres"))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.runs)
        return

    base_env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    outcomes: list[tuple[str, dict[str, object]]] = []
    if args.only in (None, "sqlite"):
        with tempfile.TemporaryDirectory() as data_dir:
            outcomes.append(("SQLite", run_child({**base_env, "CAREFORCE_DATA_DIR": data_dir}, args.runs)))
    if args.only in (None, "postgres"):
        try:
            reset_postgres(args.postgres)
        except Exception as error:  # noqa: BLE001 - report and carry on with the rows we have
            print(f"PostgreSQL not reachable ({error}); skipping it")
        else:
            try:
                outcomes.append(("PostgreSQL", run_child({**base_env, "DATABASE_URL": args.postgres}, args.runs)))
            finally:
                reset_postgres(args.postgres, drop_only=True)

    print(
        f"\nWorkforce-measure pages, full demo region, {args.runs} warm runs each; {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"{'database':<12}{'page':<32}{'warm ms':>9}{'cold ms':>9}{'queries':>9}{'x baseline':>12}")
    for name, result in outcomes:
        pages = result["pages"]
        assert isinstance(pages, list)
        baseline = pages[0]["warm"]
        for p in pages:
            print(
                f"{name:<12}{p['label']:<32}{p['warm'] * 1000:>9.1f}{p['cold'] * 1000:>9.0f}{p['queries']:>9}"
                f"{p['warm'] / baseline:>12.1f}"
            )
        print(f"{name:<12}{'(demo load s / peak MiB)':<32}{result['load']:>9.1f}{result['peak']:>9.0f}")
    print("target: region and largest council dashboards under 300 ms median warm")


if __name__ == "__main__":
    main()
