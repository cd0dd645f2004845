"""``careforce metrics``: a workforce measure's table for a council or the region, as the page shows it.

    careforce metrics --area E08000026 --measure turnover_rate --by job_role --format xlsx --out t.xlsx
    careforce metrics --attack [--measure turnover_rate] [--one-by-one]

``--attack`` runs the attacker of ``domain.metrics.attack`` over every published table of each measure
(or the one given) and prints, per measure, the tables, relations, shown and suppressed count cells, and
the suppressed cells it narrowed to fewer than 5 values (and exactly); the seconds include protecting
the linked set. ``--one-by-one`` attacks the same tables each protected on its own, for comparison.

An administrative tool run on the server: it may show any area (like a regional lead), always with
disclosure control applied, so it writes exactly the table (and "[c]" cells) of the page's download.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from careforce.domain.metrics import MEASURES, Split

BREAKDOWNS = ("none", "trend", "job_role", "job_role_group", "main_service", "sector", "council")


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "metrics",
        help="write a workforce measure's table for a council or the region (suppression applied)",
        description="Write the table a measure's page shows, with figures about fewer than 5 people suppressed.",
    )
    parser.add_argument(
        "--area",
        metavar="GSS_CODE|region",
        help="a council's GSS code (e.g. E08000026 Coventry) or 'region'",
    )
    parser.add_argument(
        "--measure",
        default=None,
        choices=[m.id for m in MEASURES],
        metavar="MEASURE",
        help="the measure (default filled_posts; with --attack, every measure): " + ", ".join(m.id for m in MEASURES),
    )
    parser.add_argument(
        "--by",
        default="none",
        choices=BREAKDOWNS,
        help="rows: the area alone with England and West Midlands figures (default), each of the "
        "last years, or a breakdown; 'council' for the region only",
    )
    parser.add_argument("--format", default="csv", choices=("csv", "xlsx", "ods"), dest="fmt")
    parser.add_argument("--out", type=Path, default=None, help="file to write (default: standard output)")
    parser.add_argument(
        "--attack",
        action="store_true",
        help="instead of a table: attack every published table of the measure (default: of every measure) "
        "and report the suppressed cells recovered",
    )
    parser.add_argument(
        "--one-by-one",
        action="store_true",
        help="with --attack: attack the same tables each protected on its own (as before linked suppression)",
    )
    parser.set_defaults(handler=run)


def attack(args: argparse.Namespace) -> int:
    import time

    from careforce.intelligence import attacking, facts

    region = facts.region_facts()
    chosen = [m for m in MEASURES if args.measure in (None, m.id)]
    print("measure,tables,relations,shown,suppressed,recovered_within_threshold,recovered_exactly,seconds")
    total = 0
    for m in chosen:
        started = time.perf_counter()
        result = attacking.attack_measure(m, region, one_by_one=args.one_by_one)
        total += len(result.recovered)
        print(
            f"{m.id},{result.tables},{result.relations},{result.shown},{result.suppressed},"
            f"{len(result.recovered)},{result.recovered_exactly},{time.perf_counter() - started:.1f}",
            flush=True,
        )
        for cell in result.recovered[:5]:
            print(f"#   {' / '.join(cell.key)}: between {cell.low:g} and {cell.high:g}", flush=True)
    return 1 if total else 0


def run(args: argparse.Namespace) -> int:
    from careforce.domain.metrics import to_csv_bytes, to_ods_bytes, to_xlsx_bytes
    from careforce.domain.reference import REGION_CODE, REGION_NAME, councils
    from careforce.intelligence.measures import measure_for, splits_for, table_for_area
    from careforce.intelligence.queries import Area

    if args.attack:
        return attack(args)
    if args.area is None:
        print("careforce metrics: give --area GSS_CODE|region (or --attack)", file=sys.stderr)
        return 2
    args.measure = args.measure or "filled_posts"
    code = args.area.strip()
    if code.lower() == "region" or code == REGION_CODE:
        area = Area(REGION_CODE, REGION_NAME)
    else:
        found = [c for c in councils() if c.gss_code == code.upper()]
        if not found:
            known = ", ".join(f"{c.gss_code} {c.name}" for c in councils())
            print(f"careforce metrics: no council area {code!r}. Use 'region' or one of: {known}", file=sys.stderr)
            return 2
        area = Area(found[0].gss_code, found[0].name)
    split = Split(args.by)
    if split not in splits_for(area):
        print(f"careforce metrics: --by {args.by} is for the region only", file=sys.stderr)
        return 2
    table = table_for_area(area, measure_for(args.measure), split)
    data = {"csv": to_csv_bytes, "xlsx": to_xlsx_bytes, "ods": to_ods_bytes}[args.fmt](table)
    if args.out is not None:
        args.out.write_bytes(data)
        print(f"Wrote {table.caption} to {args.out} ({table.suppressed_cells} cells suppressed)", file=sys.stderr)
        return 0
    if args.fmt != "csv" and sys.stdout.isatty():
        print("careforce metrics: give --out FILE for a spreadsheet", file=sys.stderr)
        return 2
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    return 0
