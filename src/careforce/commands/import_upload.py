"""``careforce import-upload --organisation ID FILE...``: check ASC-WDS files and save them, as the web page does.

The files are checked against the organisation's records; with any error nothing is saved, the report is
printed as CSV on standard output (``file,row,column,code,severity,message``) and the command exits 1.
Otherwise the whole upload is saved in one transaction, the report (warnings) is printed, what changed is
written to standard error, and the command exits 0.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any


def add_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "import-upload",
        help="check ASC-WDS workplace, staff and training files and save them for an organisation",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--organisation", type=int, required=True, metavar="ID", help="the organisation's id")
    parser.add_argument("files", metavar="FILE", nargs="+", type=Path, help="workplace, staff or training CSV file")
    parser.add_argument(
        "--today", type=date.fromisoformat, default=None, help="check dates as if today were this day (YYYY-MM-DD)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from careforce.uploads.presenters import CHANGES
    from careforce.uploads.services import import_files
    from careforce.workforce.models import Organisation

    organisation = Organisation.objects.filter(pk=args.organisation).first()
    if organisation is None:
        print(f"There is no organisation with id {args.organisation}", file=sys.stderr)
        return 2
    try:
        files = [(str(path), path.read_bytes()) for path in args.files]
    except OSError as exc:
        print(f"{exc.filename}: the file cannot be read: {exc.strerror}", file=sys.stderr)
        return 2
    imported = import_files(organisation.pk, files, args.today or date.today())
    imported.examined.result.report.write_csv(sys.stdout, with_value=False, lineterminator="\n")
    if imported.counts is None:
        print(f"Nothing was saved for {organisation.name}: the files have errors (listed above).", file=sys.stderr)
        return 1
    lines = [f"{label}: {imported.counts[key]:,}" for key, label in CHANGES]
    print(f"Saved for {organisation.name}.", *lines, sep="\n", file=sys.stderr)
    return 0
