"""Published figures from the calibration CSVs, each with the file line it came from.

A ``Figure`` carries its value and a source string such as
``workforce_estimates.csv line 117: West Midlands (region) 2017/18 staff_turnover_rate = 29.5 percent
(Skills for Care regional report ...)`` so every parameter can cite its row.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from careforce.domain.reference import data_path

RESEARCH_NOTE = "research note planning-model.md"


@dataclass(frozen=True)
class Assumption:
    """One input shown to users: what it is, its value, unit, where it comes from and what kind it is."""

    name: str
    value: float | None
    unit: str
    source: str
    kind: str  # published | derived | carried forward | research note | assumption | stated weight
    year: str = ""  # the year the figure describes, as published (e.g. 2017/18); blank for modelling choices


@dataclass(frozen=True)
class Triangular:
    """A triangular distribution of a drawn parameter, with where its ends come from."""

    low: float
    mode: float
    high: float
    source: str


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    source: str
    year: str = ""
    confidence: str = ""
    scope_note: str = ""


@cache
def _workforce_rows() -> tuple[tuple[int, dict[str, str]], ...]:
    out: list[tuple[int, dict[str, str]]] = []
    with data_path("calibration", "workforce_estimates.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            out.append((reader.line_num, row))
    return tuple(out)


def workforce_figure(area_code: str, year: str, metric: str) -> Figure:
    """The one row of ``workforce_estimates.csv`` for an area, year (as published) and metric."""
    found = [
        (line, row)
        for line, row in _workforce_rows()
        if row["area_code"] == area_code and row["year"] == year and row["metric"] == metric
    ]
    if len(found) != 1:
        raise LookupError(f"expected one row for {area_code} {year} {metric}, found {len(found)}")
    line, row = found[0]
    source = (
        f"workforce_estimates.csv line {line}: {row['area']} {row['year']} {row['metric']} = {row['value']} "
        f"{row['unit']} ({row['source_title']}; {row['confidence']} confidence)"
    )
    return Figure(float(row["value"]), row["unit"], source, row["year"], row["confidence"], row["scope_note"])


def workforce_rows(area_code: str, metrics: tuple[str, ...]) -> list[tuple[str, str]]:
    """(year, metric) of every row of an area with one of ``metrics``, in file order."""
    return [
        (row["year"], row["metric"])
        for _, row in _workforce_rows()
        if row["area_code"] == area_code and row["metric"] in metrics
    ]


@dataclass(frozen=True)
class PublishedProjection:
    area: str
    publication: str
    base_year: str
    horizon_year: int
    extra_posts: str
    percent_increase: float | None
    source: str
    method_statement: str = ""


@cache
def sfc_projections() -> tuple[PublishedProjection, ...]:
    """Skills for Care's published headline projections (sfc_workforce_projections.csv)."""
    out: list[PublishedProjection] = []
    with data_path("calibration", "sfc_workforce_projections.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            pct = row["percent_increase"].strip()
            out.append(
                PublishedProjection(
                    area=row["area"],
                    publication=row["publication"],
                    base_year=row["base_year"],
                    horizon_year=int(row["horizon_year"]),
                    extra_posts=row["extra_posts_or_jobs"],
                    percent_increase=float(pct) if pct else None,
                    source=f"sfc_workforce_projections.csv line {reader.line_num}: {row['source_title']}",
                    method_statement=row["method_statement"],
                )
            )
    return tuple(out)


# Figures quoted in the research note (not in the calibration CSVs), with the note's stated source.
TURNOVER_DRIVERS = {
    "under_20s": 52.6,
    "aged_60_plus": 24.1,
    "care_worker": 36.1,
    "registered_nurse": 44.1,
    "senior_care_worker": 17.5,
    "occupational_therapist": 12.1,
}
TURNOVER_DRIVERS_SOURCE = (
    f"{RESEARCH_NOTE} section 1.1, turnover-drivers table (Skills for Care retention page, 2021/22: "
    "skillsforcare.org.uk/About-us/Our-policy-positions/Capacity/Retaining-more-people.aspx)"
)
PAY_ELASTICITY_SOURCE = (
    f"{RESEARCH_NOTE} section 1.1, wage lever: Vadean & Saloniki (2023), Innovation in Aging 7(2) igad009 - "
    "a 10% wage rise lowers the job-separation rate by about 3 pp (1-1.5 pp without fixed effects)"
)
