"""Load test: job search by postcode and 10 miles against the running server on PostgreSQL.

Creates the database ``careforce_load_bench`` (dropped first if it exists, and again at the end),
loads the full demo region, adds published vacancies until 10,000 are live, starts the server exactly
as ``careforce serve`` runs it (``careforce.commands.serve.gunicorn_command``: the same gunicorn
workers, threads and access log, the log going to /dev/null) on loopback, then drives it with
concurrent clients (threads, each with its own ``http.client`` keep-alive connection and session):

* search: POST the search form (a workplace postcode from the region, 10 miles), follow the redirect,
  GET the results page. The results request is where the search runs; both are timed.
* baseline: GET the start page, same clients, same run.

    .venv/bin/python benchmarks/load_job_search.py [--clients 50] [--seconds 20] [--workers N]
        [--threads N] [--postcodes 300] [--postgres postgres://postgres@127.0.0.1:5432] [--keep]

``--workers``/``--threads`` default to what ``careforce serve`` uses. ``--postcodes`` is how many
different workplace postcodes the clients search from (more means fewer repeated searches).
``--keep`` keeps the database and reuses it next time (no reload).

Prints median, 95th percentile, requests per second and errors for each, with the targets
(results page: under 50 ms median, under 150 ms at p95), and the machine's load average before and
after (the machine may be shared: note it beside the figures). By default clients run with no pause
between requests (a closed loop that saturates the server), so with N clients the median time is roughly
N / (requests per second) whatever the server does. ``--think S`` makes each client pause a random time
(exponential, mean S seconds) between searches, as a person reading the results would: the times then
show how long a search takes for 50 people using the site at once, while the server is not saturated.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from careforce.commands import serve

DB = "careforce_load_bench"
TARGET_VACANCIES = 10_000
TOP_UP = """
import django, os, random, datetime as dt
os.environ['DJANGO_SETTINGS_MODULE'] = 'careforce.settings'; django.setup()
from django.db.models import Q
from careforce.workforce.models import Vacancy, Workplace
today = dt.date.today()
live = Vacancy.objects.filter(Q(closing_date__isnull=True) | Q(closing_date__gte=today), is_published=True)
missing = {target} - live.count()
rng = random.Random(2026)
templates = list(live[:2000])
workplaces = list(Workplace.objects.values_list('pk', flat=True))
extra = []
for i in range(max(0, missing)):
    t = rng.choice(templates)
    extra.append(Vacancy(workplace_id=rng.choice(workplaces), job_role=t.job_role, number_of_posts=1,
        hourly_rate=t.hourly_rate, contracted_hours=t.contracted_hours, guaranteed_hours=t.guaranteed_hours,
        full_time=t.full_time, part_time=t.part_time, school_hours=t.school_hours, nights=t.nights,
        weekends=t.weekends, requires_driving_licence=t.requires_driving_licence, requires_car=t.requires_car,
        travel_time_paid=t.travel_time_paid, offers_visa_sponsorship=t.offers_visa_sponsorship,
        posted_on=today - dt.timedelta(days=rng.randrange(60)), closing_date=None, is_published=True))
Vacancy.objects.bulk_create(extra, batch_size=2000)
print(live.count(), 'live vacancies;', len(extra), 'added')
print('POSTCODES', ','.join(sorted(set(Workplace.objects.order_by('?').values_list('postcode', flat=True)[:{postcodes}]))))
"""


def admin(base: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def server_cpu_seconds(pid: int) -> float:
    """CPU time (user and system) of a process and its children so far, from /proc (0 where there is none)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    total = 0.0
    for each in [pid, *map(int, children)]:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def load_average() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Session:
    """One client: a keep-alive connection with its own cookies."""

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict[str, str] | None = None) -> tuple[int, bytes, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        data = None
        if body is not None:
            data = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.conn.request(method, path, data, headers)
            response = self.conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # the server closed an idle keep-alive connection (after a pause): open a new one, as a browser does
            self.conn.close()
            self.conn.request(method, path, data, headers)
            response = self.conn.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, content, response.headers.get("Location", "")


def drive(
    port: int, clients: int, seconds: float, postcodes: list[str], kind: str, think: float = 0.0
) -> dict[str, list[float] | int]:
    times: dict[str, list[float]] = {"post": [], "results": [], "start": []}
    errors = [0]
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def client(n: int) -> None:
        rng = random.Random(n)
        session = Session(port)
        local: dict[str, list[float]] = {"post": [], "results": [], "start": []}
        bad = 0
        try:
            status, content, _ = session.request("GET", "/care-jobs/search")
            token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1).decode()  # type: ignore[union-attr]
            while time.perf_counter() < stop_at and len(local["results"]) + len(local["start"]) < 20_000:
                if kind == "baseline":
                    t = time.perf_counter()
                    status, _, _ = session.request("GET", "/")
                    local["start"].append(time.perf_counter() - t)
                    bad += status != 200
                    continue
                t = time.perf_counter()
                status, _, location = session.request(
                    "POST",
                    "/care-jobs/search",
                    {
                        "csrfmiddlewaretoken": token,
                        "postcode": rng.choice(postcodes),
                        "distance": "10",
                        "sort": "distance",
                    },
                )
                local["post"].append(time.perf_counter() - t)
                if status != 302:
                    bad += 1
                    continue
                t = time.perf_counter()
                status, content, _ = session.request("GET", location)
                local["results"].append(time.perf_counter() - t)
                bad += status != 200 or b"jobs found" not in content and b"No care jobs found" not in content
                if think:  # a person reads the results before searching again
                    time.sleep(rng.expovariate(1 / think))
        except Exception:  # noqa: BLE001 - a failed client counts as an error, the run goes on
            bad += 1
        with lock:
            for key in times:
                times[key].extend(local[key])
            errors[0] += bad

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 60)
    return {**times, "errors": errors[0], "elapsed": time.perf_counter() - started}  # type: ignore[dict-item]


def summary(name: str, samples: list[float], elapsed: float, errors: int | str) -> str:
    if not samples:
        return f"| {name} | 0 | - | - | - | {errors} |"
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return (
        f"| {name} | {len(samples):,} | {statistics.median(samples) * 1000:.1f} | {p95 * 1000:.1f} | "
        f"{len(samples) / elapsed:,.0f} | {errors} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=serve.DEFAULT_WORKERS)
    parser.add_argument("--threads", type=int, default=serve.DEFAULT_THREADS)
    parser.add_argument("--postcodes", type=int, default=300, help="how many workplace postcodes to search from")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--keep", action="store_true", help="keep the database (and reuse it next time)")
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean pause in seconds between a client's searches (0: none, the server saturates)",
    )
    args = parser.parse_args()
    base = args.postgres.rstrip("/")
    env = {**os.environ, "DATABASE_URL": f"{base}/{DB}", "AXES_FAILURE_LIMIT": "100000", "CAREFORCE_LOCAL_HTTP": "1"}
    env.pop("REDIS_URL", None)
    cli = [sys.executable, "-m", "careforce.cli"]
    if not args.keep:
        admin(base, f"DROP DATABASE IF EXISTS {DB}")
    try:
        admin(base, f"CREATE DATABASE {DB}")
    except Exception:  # noqa: BLE001 - it exists and --keep was given
        pass
    server = None
    try:
        t = time.perf_counter()
        subprocess.run([*cli, "demo", "--size", "full", "--load-only"], env=env, check=True, stdout=subprocess.DEVNULL)
        print(f"Demo region loaded in {time.perf_counter() - t:.0f} s")
        out = subprocess.run(
            [sys.executable, "-c", TOP_UP.format(target=TARGET_VACANCIES, postcodes=args.postcodes)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        print(out.splitlines()[0])
        postcodes = out.split("POSTCODES ", 1)[1].strip().split(",")
        port = free_port()
        server = subprocess.Popen(
            serve.gunicorn_command("127.0.0.1", port, args.workers, args.threads), env=env, stdout=subprocess.DEVNULL
        )
        for _ in range(200):
            try:
                Session(port).request("GET", "/")
                break
            except OSError:
                time.sleep(0.1)
        # warm every worker: the postcode table and the vacancy index are built once per process
        drive(port, args.workers * 4, 5.0, postcodes, "search")
        load_before = load_average()
        cpu = server_cpu_seconds(server.pid)
        baseline = drive(port, args.clients, args.seconds / 2, postcodes, "baseline")
        cpu_baseline, cpu = server_cpu_seconds(server.pid) - cpu, server_cpu_seconds(server.pid)
        run = drive(port, args.clients, args.seconds, postcodes, "search", args.think)
        cpu_run = server_cpu_seconds(server.pid) - cpu
        load_after = load_average()
        print(
            f"\n{args.clients} clients, {args.workers} gunicorn workers x {args.threads} threads, "
            f"{os.cpu_count()} CPUs, PostgreSQL, {TARGET_VACANCIES:,} live vacancies, "
            f"{len(postcodes)} postcodes searched from, mean pause between a client's searches {args.think:g} s\n"
            f"load average (1, 5, 15 min) before: {load_before}; after: {load_after}\n"
        )
        print("| request | count | median ms | p95 ms | requests/s | errors |")
        print("|---|---|---|---|---|---|")
        print(summary("results page (search, 10 miles)", run["results"], run["elapsed"], run["errors"]))  # type: ignore[arg-type]
        print(summary("search form POST (postcode check, redirect)", run["post"], run["elapsed"], "(above)"))  # type: ignore[arg-type]
        print(summary("baseline: start page", baseline["start"], baseline["elapsed"], baseline["errors"]))  # type: ignore[arg-type]
        if cpu_run > 0:
            per_search = 1000 * cpu_run / max(1, len(run["results"]))  # type: ignore[arg-type]
            per_start = 1000 * cpu_baseline / max(1, len(baseline["start"]))  # type: ignore[arg-type]
            print(
                f"\nServer CPU (gunicorn processes, less sensitive to a shared machine than times): "
                f"{per_search:.1f} ms per search (POST and results page), {per_start:.1f} ms per start page."
            )
        print("\nTarget for the results page: median under 50 ms, p95 under 150 ms.")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=20)
        if not args.keep:
            admin(base, f"DROP DATABASE IF EXISTS {DB}")


if __name__ == "__main__":
    main()
