"""Excel workbook of a projection: about, assumptions, scenarios, results, comparisons.

Writes to a path or a binary stream the caller hands over (the web layer can stream it). The
results sheet holds the region and council totals and the region by role, with every statistic
as a column; the full council x role table is in the Parquet and CSV files.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

import numpy as np

from careforce.domain.reference import REGION_CODE

from .decisions import DECISION_MEASURES, DECISION_STATISTICS
from .dimensions import ALL_ROLES, council_names
from .ranges import RANGE_COVERS, RANGE_EXCLUDES
from .results import RESULT_MEASURES, ProjectionResult
from .uncertainty import STATISTICS

MEASURE_DEFINITIONS = {
    "demand_posts": "posts required (filled posts plus vacancies), from the demand method",
    "filled_posts": "posts filled at the end of the year",
    "new_jobs": "growth in demand posts since the base year",
    "unfilled_gap": "demand posts less filled posts (vacancies)",
    "vacancy_rate": "unfilled gap / demand posts",
    "recruits_needed": "employer hires needed in the year to reach the target: new-to-sector recruits needed "
    "plus staff moving in from other employers, roles and councils",
    "replacement_recruitment": "the part of recruits needed that replaces leavers and retirements",
    "new_to_sector_recruits": "recruits from outside the sector (domestic and international) actually hired",
    "within_sector_moves": "hires of people already working in care in the region: staff moving to a new employer, "
    "role or council (part of recruits needed)",
    "leavers": "staff leaving their employer in the year (turnover), including moves within the sector",
    "sector_exits": "leavers who leave the sector (or the region)",
    "retirements": "staff retiring by age",
    "council_moves_net": "staff moving in from other councils less those moving out (sums to zero over the region)",
}


def _rows_results(result: ProjectionResult) -> list[list[Any]]:
    names = council_names()
    rows: list[list[Any]] = []
    roles = result.role_labels
    councils = result.council_labels
    region = councils.index(REGION_CODE)
    all_role = roles.index(ALL_ROLES)
    cells = [(c, all_role) for c in range(len(councils))] + [(region, r) for r in range(len(roles) - 1)]
    for s, scenario in enumerate(result.scenario_names):
        for m, measure in enumerate(RESULT_MEASURES):
            for c, r in cells:
                for y, year in enumerate(result.years):
                    values = result.statistics[s, m, c, r, y]
                    if np.isnan(values[0]):
                        continue
                    rows.append(
                        [
                            scenario,
                            measure,
                            councils[c],
                            names.get(councils[c], ""),
                            roles[r],
                            year,
                            *[round(float(v), 4) for v in values],
                        ]
                    )
    return rows


def write_workbook(result: ProjectionResult, target: str | Path | IO[bytes]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    about = book.create_sheet("About")
    about.append(["careforce workforce projection"])
    about.append(["Scenarios", ", ".join(result.scenario_names)])
    about.append(["Demand method", result.demand_method])
    about.append(["Years", f"{result.years[0]} to {result.years[-1]}"])
    about.append(["Monte Carlo draws", result.draws])
    about.append(["Seed", "" if result.seed is None else result.seed])
    about.append(["Statistics", ", ".join(STATISTICS)])
    about.append(["Likely range (90%)", "p5 to p95: 9 in 10 draws fall inside it"])
    about.append(["The range covers", "; ".join(RANGE_COVERS)])
    about.append(["The range does not cover", "; ".join(RANGE_EXCLUDES)])
    about.append([])
    about.append(["Measure", "Definition"])
    for measure in RESULT_MEASURES:
        about.append([measure, MEASURE_DEFINITIONS.get(measure, "")])

    sheet = book.create_sheet("Assumptions")
    sheet.append(["name", "year", "value", "unit", "kind", "source"])
    for item in result.assumptions:
        sheet.append([item.name, item.year, item.value, item.unit, item.kind, item.source])

    sheet = book.create_sheet("Scenarios")
    sheet.append(
        ["scenario", "title", "description", "parameter", "op", "value", "roles", "councils", "from_year", "ramp_years"]
    )
    for sc in result.scenarios:
        if not sc.changes:
            sheet.append([sc.name, sc.title, sc.description])
        for ch in sc.changes:
            sheet.append(
                [
                    sc.name,
                    sc.title,
                    sc.description,
                    ch.parameter,
                    ch.op,
                    ch.value,
                    ", ".join(ch.roles or ("all",)),
                    ", ".join(ch.councils or ("all",)),
                    ch.from_year,
                    ch.ramp_years,
                ]
            )

    sheet = book.create_sheet("Results")
    sheet.append(["scenario", "measure", "council", "council_name", "role", "year", *STATISTICS])
    for row in _rows_results(result):
        sheet.append(row)

    sheet = book.create_sheet("Scenario comparison")
    sheet.append(["Region totals, mean over draws: each scenario minus the first scenario"])
    base = result.scenario_names[0]
    sheet.append(["scenario", "measure", *[str(y) for y in result.years]])
    for scenario in result.scenario_names[1:]:
        for measure in ("demand_posts", "filled_posts", "recruits_needed", "new_to_sector_recruits", "unfilled_gap"):
            diffs: list[Any] = []
            for year in result.years:
                a = result.value(scenario, measure, year)
                b = result.value(base, measure, year)
                diffs.append(None if np.isnan(a) or np.isnan(b) else round(a - b, 2))
            sheet.append([scenario, measure, *diffs])

    _decision_sheets(book, result)

    sheet = book.create_sheet("Published comparison")
    sheet.append(["what", "ours (first scenario, region)", "published", "source", "note"])
    for comp in result.comparisons():
        sheet.append([comp.what, round(comp.ours, 2), comp.published, comp.source, comp.note])

    book.save(target)


def _decision_sheets(book: Any, result: ProjectionResult) -> None:
    """Headline levels and paired differences (all roles), and the sensitivity (tornado) rows."""
    d = result.decisions
    if d is not None:
        sheet = book.create_sheet("Headline and differences")
        sheet.append(["headline: each scenario's figures; difference: the scenario less the first, draw by draw"])
        sheet.append(["table", "scenario", "measure", "council", "year", *DECISION_STATISTICS])
        for table, values in (("headline", d.levels), ("difference", d.differences)):
            for s, scenario in enumerate(d.scenarios):
                for m, measure in enumerate(DECISION_MEASURES):
                    for a, area in enumerate(result.council_labels):
                        for y, year in enumerate(result.years):
                            stats = [round(float(v), 2) for v in values[s, m, a, y]]
                            sheet.append([table, scenario, measure, area, year, *stats])
    if result.sensitivity:
        sheet = book.create_sheet("Sensitivity")
        sheet.append(["each assumption at the P5 and P95 of its own range, every other at its median"])
        sheet.append(
            [
                "scenario",
                "measure",
                "council",
                "year",
                "assumption",
                "low input",
                "high input",
                "central",
                "at P5",
                "at P95",
            ]
        )
        for w in result.sensitivity:
            sheet.append(
                [
                    w.scenario,
                    w.measure,
                    w.area,
                    w.year,
                    w.label,
                    w.low_input,
                    w.high_input,
                    w.central,
                    w.at_low,
                    w.at_high,
                ]
            )
