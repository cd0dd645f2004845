"""``careforce serve``: bring the database up to date and serve the platform with gunicorn.

The gunicorn command line is built in one place (``gunicorn_command``), so the load test
(``benchmarks/load_job_search.py``) measures exactly the server a user runs. Defaults (ADR 0050): two
worker processes (``WEB_CONCURRENCY``) of four threads (``WEB_THREADS``). Requests are mostly CPU
in Python, so processes give the parallelism (one per core) and a few threads keep a core busy while
one request waits on the database; more threads only queue for the GIL (eight measured no better).
The access log has the method, path without the query string, status and time: never a postcode or
anything else a person typed.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import MutableMapping

DEFAULT_WORKERS = 2
DEFAULT_THREADS = 4
ACCESS_LOG_FORMAT = '%(t)s "%(m)s %(U)s" %(s)s %(M)sms'


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("serve", help="serve the platform on http://127.0.0.1:PORT")
    add_serve_arguments(parser)
    parser.set_defaults(handler=run)


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", str(DEFAULT_WORKERS))))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("WEB_THREADS", str(DEFAULT_THREADS))))


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def run(args: argparse.Namespace) -> int:
    migrate()
    from careforce.jobs.reaper import reap_lost_jobs
    from careforce.retention.housekeeping import run_housekeeping

    reap_lost_jobs()  # jobs this machine's previous server was doing when it stopped
    run_housekeeping()  # personal data past its retention period (also `careforce housekeeping`, daily)
    serve(args)
    return 0


def gunicorn_command(host: str, port: int, workers: int = DEFAULT_WORKERS, threads: int = DEFAULT_THREADS) -> list[str]:
    """The command that serves the platform (``sys.executable -m gunicorn ...``)."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "careforce.wsgi",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--access-logfile",
        "-",
        "--access-logformat",
        ACCESS_LOG_FORMAT,
    ]


def set_local_base_url(environ: MutableMapping[str, str], host: str, port: int) -> None:
    """Served over plain HTTP on this machine, the links in emails and share links point at this server
    (its own port), unless ``CAREFORCE_BASE_URL`` says otherwise."""
    if environ.get("CAREFORCE_LOCAL_HTTP") == "1" and not environ.get("CAREFORCE_BASE_URL"):
        environ["CAREFORCE_BASE_URL"] = f"http://{host}:{port}"


def serve(args: argparse.Namespace, *, local_http: bool = False) -> None:
    """Replace this process with gunicorn. ``local_http``: the local demo, plain HTTP on this machine only."""
    if local_http:
        os.environ["CAREFORCE_LOCAL_HTTP"] = "1"
    set_local_base_url(os.environ, args.host, args.port)
    print(f"Serving careforce on http://{args.host}:{args.port}  (press Ctrl+C to stop)", flush=True)
    command = gunicorn_command(args.host, args.port, args.workers, getattr(args, "threads", DEFAULT_THREADS))
    os.execv(sys.executable, command)
