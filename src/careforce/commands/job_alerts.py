"""``careforce job-alerts``: email people whose saved job searches have new matches (run daily, e.g. cron)."""

from __future__ import annotations

import argparse


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("job-alerts", help="tell people about new jobs matching their saved searches")
    parser.add_argument("--base-url", default=None, help="the site's address for links in the emails")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from careforce.careers.alerts import run_alerts

    result = run_alerts(args.base_url)
    print(f"Checked {result.searches} saved searches; sent {result.emails} emails about {result.jobs} new jobs.")
    return 0
