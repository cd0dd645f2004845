"""``careforce worker``: consume background jobs from the Redis queue (production, JOBS_BACKEND=rq).

On start it deals with jobs lost by workers that died (``careforce.jobs.reaper``), then keeps looking for
them every half lease while it runs, so a job whose worker was killed is queued again or marked failed
within a minute. It also runs the housekeeping (``careforce.retention``) on start and every
``HOUSEKEEPING_EVERY_HOURS``.
"""

from __future__ import annotations

import argparse


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("worker", help="run background jobs from the Redis queue (REDIS_URL)")
    parser.add_argument("--burst", action="store_true", help="stop when the queue is empty")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from django.conf import settings
    from django.db import connections
    from rq import Worker

    from careforce.jobs.keeper import keeper
    from careforce.jobs.reaper import reap_lost_jobs
    from careforce.jobs.runner import queue
    from careforce.retention.housekeeping import run_housekeeping

    reap_lost_jobs()
    run_housekeeping()
    connections.close_all()  # each job runs in a forked work horse: it must open its own connection
    keeper.reap_periodically()
    if settings.HOUSEKEEPING_EVERY_HOURS > 0:
        keeper.every("housekeeping", lambda: settings.HOUSEKEEPING_EVERY_HOURS * 3600, run_housekeeping)
    q = queue()
    Worker([q], connection=q.connection).work(burst=args.burst)
    return 0
