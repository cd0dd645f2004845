"""Round trip for every provider: each organisation downloads its three ASC-WDS files and uploads them again.

For every organisation of the loaded region (the database of ``DATABASE_URL`` / ``CAREFORCE_DATA_DIR``):
download the workplace, staff and training files exactly as the download page makes them, check them
against the organisation's records as the upload page does (``uploads.round_trip``, nothing saved), and
count errors, warnings and whether saving them would change anything. Prints one line per organisation
with a problem, the problems by code, and the totals; exits 1 if any organisation has an error or a change.

    CAREFORCE_DATA_DIR=var .venv/bin/python benchmarks/round_trip_region.py [--limit N] [--today 2026-12-07]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from datetime import date


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="only the first N organisations (0: all)")
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="the day to check as (default: today)")
    parser.add_argument("--examples", type=int, default=3, help="problems to print per organisation with any")
    args = parser.parse_args()
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careforce.settings")
    django.setup()
    from django.utils import timezone

    from careforce.uploads.round_trip import every_organisation

    today = args.today or timezone.localdate()
    codes: Counter[tuple[str, int | None, str]] = Counter()
    totals: Counter[str] = Counter()
    start = time.perf_counter()
    for trip in every_organisation(today, args.limit):
        totals["organisations"] += 1
        totals["errors"] += trip.errors
        totals["warnings"] += trip.warnings
        totals["staff rows"] += trip.staff_rows
        totals["with changes"] += trip.changes
        totals["with a problem"] += bool(trip.problems)
        codes.update(trip.by_code())
        if trip.problems or trip.changes:
            print(
                f"{trip.organisation_id:>5} {trip.name[:40]:<40} errors {trip.errors:>5} warnings {trip.warnings:>5} "
                f"{'CHANGES' if trip.changes else 'no change'}"
            )
            for p in trip.problems[: args.examples]:
                print(f"        {p.file} row {p.row} {p.column} {p.code}: {p.message}")
    elapsed = time.perf_counter() - start
    print()
    print(f"{'severity':<9} {'code':>5} {'column':<22} {'count':>7}")
    for (severity, code, column), count in sorted(codes.items(), key=lambda item: -item[1]):
        print(f"{severity:<9} {code!s:>5} {column:<22} {count:>7,}")
    print()
    print(
        f"organisations {totals['organisations']:,}, staff rows {totals['staff rows']:,}: "
        f"errors {totals['errors']:,}, warnings {totals['warnings']:,}, "
        f"organisations with a problem {totals['with a problem']:,}, with changes {totals['with changes']:,} "
        f"({elapsed:.0f} s, today {today})"
    )
    return 1 if totals["errors"] or totals["with changes"] else 0


if __name__ == "__main__":
    sys.exit(main())
