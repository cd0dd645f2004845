"""``careforce backcast``: start in 2016/17 with what was knowable then and compare with the actuals.

careforce backcast                 # a table: area, year, actual, likely range, error, inside
careforce backcast --format csv    # area,year,measure,actual,p5,p50,p95,error_percent,inside
"""

from __future__ import annotations

import argparse
import csv
import sys

from careforce.domain.planning import DEFAULT_SEED
from careforce.domain.planning.backcast import CSV_COLUMNS, backcast


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "backcast",
        help="project from 2016/17 with what was known then and compare with published actuals",
        description="Project filled posts from 2016/17 for the region and England, using only figures "
        "knowable then, to every year with a published actual, and say whether each actual fell inside "
        "the likely range (90%%).",
    )
    parser.add_argument("--format", choices=("table", "csv"), default="table", help="output format (default table)")
    parser.add_argument("--draws", type=int, default=1000, help="Monte Carlo draws (default 1000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.draws < 1:
        print("careforce backcast: --draws must be at least 1", file=sys.stderr)
        return 2
    result = backcast(draws=args.draws, seed=args.seed)
    if args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for row in result.rows:
            writer.writerow(row.csv_row())
        return 0
    head = f"{'area':24}{'year':>9}{'actual':>12}{'P5':>12}{'P50':>12}{'P95':>12}{'error':>9}  inside"
    print(head)
    for r in result.rows:
        print(
            f"{r.area:24}{r.year:>9}{r.actual:>12,.0f}{r.p5:>12,.0f}{r.p50:>12,.0f}{r.p95:>12,.0f}"
            f"{r.error_percent:>+8.1f}%  {'yes' if r.inside else 'no'}"
        )
    print(
        f"{result.inside} of {len(result.rows)} actuals inside the likely range (90%); {result.draws} draws; "
        f"65+ population grown {100 * result.population_growth:.2f}% a year (the only projection published by 2018)."
    )
    return 0
