"""``careforce project``: run workforce projections and write Parquet, CSV and Excel results.

    careforce project --scenario FILE... --to 2035 --draws 1000 --out results/

With no ``--scenario`` it runs the baseline. ``--scenario`` takes a TOML file or the name of a
shipped scenario (``baseline``, ``lower-turnover``, ``pay-rise``, ``prevention-reablement-shift``,
``international-recruitment-cap``, ``combined``); ``--all-builtin`` runs every shipped scenario.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from careforce.domain.planning import (
    BASE_YEAR,
    BASE_YEARS,
    DEFAULT_SEED,
    DEMAND_METHODS,
    MAX_YEAR,
    SCHEDULER_ENV,
    ProjectionResult,
    Scenario,
    ScenarioError,
    builtin_scenarios,
    calibration_for,
    load_scenario,
    project,
    project_on_dask,
    write_workbook,
)


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "project",
        help="project workforce demand and supply under scenarios",
        description="Project demand, supply, recruits needed and the unfilled gap for the region's councils.",
    )
    parser.add_argument(
        "--scenario",
        action="append",
        default=[],
        metavar="FILE",
        help="scenario TOML file or shipped scenario name (repeatable); default: baseline",
    )
    parser.add_argument("--all-builtin", action="store_true", help="run every shipped scenario")
    parser.add_argument("--to", type=int, default=2035, dest="to_year", help=f"last year (to {MAX_YEAR})")
    parser.add_argument(
        "--base-year",
        type=int,
        default=BASE_YEAR,
        choices=BASE_YEARS,
        help=f"first year of the projection (2022 = 2022/23; default {BASE_YEAR}); base figures of that year",
    )
    parser.add_argument("--draws", type=int, default=1000, help="Monte Carlo draws (default 1000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (common to every scenario)")
    parser.add_argument("--demand", choices=DEMAND_METHODS, default="sfc", help="demand method (default sfc)")
    parser.add_argument("--out", type=Path, default=Path("results"), help="output folder (default results/)")
    parser.add_argument(
        "--scheduler",
        default=None,
        help=f"run on a Dask cluster at this address (e.g. tcp://host:8786); also ${SCHEDULER_ENV}",
    )
    parser.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    parser.set_defaults(handler=run)


def _scenarios(args: argparse.Namespace) -> list[Scenario]:
    shipped = builtin_scenarios()
    chosen: list[Scenario] = list(shipped.values()) if args.all_builtin else []
    for item in args.scenario:
        if item in shipped and not Path(item).exists():
            chosen.append(shipped[item])
        else:
            chosen.append(load_scenario(Path(item)))
    if not chosen:
        chosen.append(shipped["baseline"])
    if chosen[0].name != "baseline" and "baseline" not in [s.name for s in chosen]:
        chosen.insert(0, shipped["baseline"])  # comparisons are made against the baseline
    return chosen


def write_outputs(result: ProjectionResult, out: Path) -> dict[str, Path]:
    """Write results.parquet, results.csv, results.xlsx and run.json into ``out``."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    table = pa.table(result.tidy_columns())
    paths = {
        "parquet": out / "results.parquet",
        "csv": out / "results.csv",
        "xlsx": out / "results.xlsx",
        "run": out / "run.json",
    }
    pq.write_table(table, paths["parquet"])
    pacsv.write_csv(table, paths["csv"], pacsv.WriteOptions(quoting_style="needed"))
    write_workbook(result, paths["xlsx"])
    meta: dict[str, Any] = {
        "scenarios": {s.name: {"source": s.source, "text": s.text} for s in result.scenarios},
        "demand_method": result.demand_method,
        "years": [result.years[0], result.years[-1]],
        "base_year": result.years[0],
        "draws": result.draws,
        "seed": result.seed,
    }
    paths["run"].write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return paths


def run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    try:
        scenarios = _scenarios(args)
    except ScenarioError as exc:
        print(f"careforce project: {exc}", file=sys.stderr)
        return 2
    if args.draws < 1:
        print("careforce project: --draws must be at least 1", file=sys.stderr)
        return 2
    bar = tqdm(total=len(scenarios), unit="scenario", disable=args.no_progress, file=sys.stderr)

    def progress(done: int, total: int, name: str) -> None:
        bar.set_postfix_str(name)
        bar.update(done - bar.n)

    started = time.perf_counter()
    try:
        scheduler = args.scheduler or os.environ.get(SCHEDULER_ENV)
        common = {
            "to_year": args.to_year,
            "draws": args.draws,
            "seed": args.seed,
            "demand_method": args.demand,
            "progress": progress,
        }
        if args.base_year != BASE_YEAR:
            common["base"] = calibration_for(args.base_year)
        if scheduler:
            result = project_on_dask(scenarios, scheduler=scheduler, **common)
        else:
            result = project(scenarios, **common)
    except ValueError as exc:
        print(f"careforce project: {exc}", file=sys.stderr)
        return 2
    finally:
        bar.close()
    paths = write_outputs(result, args.out)
    elapsed = time.perf_counter() - started
    print(
        f"Projected {len(scenarios)} scenario(s) to {args.to_year} with {args.draws} draws in {elapsed:.1f} s.\n"
        + "\n".join(f"  {kind}: {path}" for kind, path in paths.items())
    )
    return 0
