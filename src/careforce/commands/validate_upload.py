"""``careforce validate-upload FILE...``: check ASC-WDS bulk-upload files without saving anything.

Prints the report as CSV on standard output (``file,row,column,code,severity,message``) and exits 1 when
there is any error, 0 otherwise. There is no account here: staff and training files are checked against
the workplace and staff files given with them, and STATUS is not compared with stored records.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from careforce.domain.upload import AccountSnapshot, Problem, Severity, ValidationReport, read_upload
from careforce.domain.upload.reading import DEFAULT_MAX_BYTES, MEGABYTE, describe_size


def add_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "validate-upload",
        help="check ASC-WDS workplace, staff and training files and print the problems as CSV",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", metavar="FILE", nargs="+", type=Path, help="workplace, staff or training CSV file")
    parser.add_argument(
        "--max-mb", type=float, default=DEFAULT_MAX_BYTES / MEGABYTE, help="largest file accepted, in MB (default 50)"
    )
    parser.add_argument(
        "--today", type=date.fromisoformat, default=None, help="check dates as if today were this day (YYYY-MM-DD)"
    )
    parser.set_defaults(handler=run, needs_django=False)


def run(args: argparse.Namespace) -> int:
    max_bytes = int(args.max_mb * MEGABYTE)
    today: date = args.today or date.today()
    unreadable: list[Problem] = []
    files: list[tuple[str, bytes]] = []
    for path in args.files:
        name = str(path)
        try:
            size = path.stat().st_size
            if size > max_bytes:
                text = f"This file is {describe_size(size)}; the largest file we accept is {describe_size(max_bytes)}"
                unreadable.append(Problem(name, None, "", None, Severity.ERROR, text))
                continue
            files.append((name, path.read_bytes()))
        except OSError as exc:
            unreadable.append(Problem(name, None, "", None, Severity.ERROR, f"The file cannot be read: {exc.strerror}"))
    result = read_upload(files, AccountSnapshot.unknown(), today, max_bytes=max_bytes, keep_records=False)
    report = ValidationReport(unreadable, file_order=result.report.file_order)
    report.extend(result.report.problems)
    report.write_csv(sys.stdout, with_value=False, lineterminator="\n")
    return 1 if report.has_errors else 0


def main(argv: list[str] | None = None) -> int:
    """Run the command on its own (``python -m careforce.commands.validate_upload FILE...``)."""
    parser = argparse.ArgumentParser(prog="careforce")
    add_parser(parser.add_subparsers(required=True))
    args = parser.parse_args(argv)
    handler = args.handler
    assert callable(handler)
    return int(handler(args))


if __name__ == "__main__":
    sys.exit(main())
