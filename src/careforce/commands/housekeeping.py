"""``careforce housekeeping``: delete personal data past its retention period (run daily, from cron)."""

from __future__ import annotations

import argparse


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "housekeeping",
        help="delete uploaded files and anonymise job applications past their retention periods (run daily)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from django.conf import settings

    from careforce.retention.housekeeping import run_housekeeping

    outcome = run_housekeeping()
    print(
        f"Deleted the files of {outcome.uploads_forgotten} uploads older than {settings.UPLOAD_RETENTION_DAYS} days; "
        f"anonymised {outcome.applications_anonymised} job applications with no activity for "
        f"{settings.APPLICATION_RETENTION_MONTHS} months."
    )
    return 0
