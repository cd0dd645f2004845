"""``careforce worker``: consume background jobs from the Redis queue (production, JOBS_BACKEND=rq)."""

from __future__ import annotations

import argparse


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("worker", help="run background jobs from the Redis queue (REDIS_URL)")
    parser.add_argument("--burst", action="store_true", help="stop when the queue is empty")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from rq import Worker

    from careforce.jobs.runner import queue

    q = queue()
    Worker([q], connection=q.connection).work(burst=args.burst)
    return 0
