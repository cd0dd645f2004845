"""``careforce serve``: bring the database up to date and serve the platform with gunicorn."""

from __future__ import annotations

import argparse
import os
import sys


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("serve", help="serve the platform on http://127.0.0.1:PORT")
    add_serve_arguments(parser)
    parser.set_defaults(handler=run)


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def run(args: argparse.Namespace) -> int:
    migrate()
    serve(args)
    return 0


def serve(args: argparse.Namespace) -> None:
    print(f"Serving careforce on http://{args.host}:{args.port}  (press Ctrl+C to stop)", flush=True)
    os.execv(
        sys.executable,
        [sys.executable, "-m", "gunicorn", "careforce.wsgi", "--bind", f"{args.host}:{args.port}",
         "--workers", str(args.workers), "--threads", "4", "--access-logfile", "-",
         "--access-logformat", '%(t)s "%(m)s %(U)s" %(s)s %(M)sms'],
    )
