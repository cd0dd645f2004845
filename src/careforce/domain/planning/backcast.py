"""The backcast: start in 2016/17 with only what was knowable then, and compare with what happened.

For the West Midlands and for England, each projected as one area:

- **Base stock**: the area's published 2016/17 count (region 170,000 jobs; England 1.58 million).
- **Rates**: the area's published 2016/17 turnover and vacancy rates; the turnover shape by role and
  age band and the other rates of today's calibration (they shape flows, not the filled-posts total).
- **Population**: the calibration data holds no population figures before mid-2022 (the 2016-based
  and 2018-based projections were not obtained). The earliest projection in the data is the one
  Skills for Care quoted in 2018 (England's 65+ population "+44% to 14.5 million by 2035", from
  2017). The backcast grows the 65+ population of both areas at that rate, a constant yearly
  growth; the population error is drawn around it as in every projection.
- **Ranges**: the spreads of today's calibration (``ranges.py``). Some of their evidence is later
  than 2016/17 (the drift uses changes up to 2023/24), which a forecaster in 2016/17 did not have.

Actuals are every all-sector count of filled posts (or "jobs") for the region or England after
2016/17 in the calibration data, except low-confidence rows. The 2024/25 England figure follows a
series break and is compared as published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from .base_data import ENGLAND, POST_METRICS, WM, _published, fin_year
from .dimensions import EARLIEST_YEAR, MAX_YEAR
from .parameters import Calibration, default_calibration
from .projection import DEFAULT_SEED, project
from .published import Assumption, Triangular, sfc_projections, workforce_figure
from .scenarios import builtin_scenarios

BACKCAST_START = EARLIEST_YEAR
AREAS = {WM: "West Midlands (region)", ENGLAND: "England"}
CSV_COLUMNS = ("area", "year", "measure", "actual", "p5", "p50", "p95", "error_percent", "inside")


@dataclass(frozen=True)
class BackcastRow:
    area: str
    year: str
    measure: str
    actual: float
    p5: float
    p50: float
    p95: float
    source: str

    @property
    def error_percent(self) -> float:
        return 100.0 * (self.p50 - self.actual) / self.actual

    @property
    def inside(self) -> bool:
        return self.p5 <= self.actual <= self.p95

    def csv_row(self) -> tuple[str, str, str, str, str, str, str, str, str]:
        return (
            self.area,
            self.year,
            self.measure,
            f"{self.actual:.0f}",
            f"{self.p5:.0f}",
            f"{self.p50:.0f}",
            f"{self.p95:.0f}",
            f"{self.error_percent:.1f}",
            "yes" if self.inside else "no",
        )


@dataclass(frozen=True)
class Backcast:
    rows: tuple[BackcastRow, ...]
    draws: int
    population_growth: float
    notes: tuple[Assumption, ...]

    @property
    def inside(self) -> int:
        return sum(r.inside for r in self.rows)


def knowable_65_growth() -> tuple[float, str]:
    """Yearly 65+ growth from the earliest projection in the data (SfC, 2018: England +44% 2017-2035)."""
    for pub in sfc_projections():
        found = re.search(r"\+(\d+)% to [\d.]+ million by (\d{4})", pub.method_statement)
        if pub.area == "England" and found and pub.base_year.startswith("2017"):
            rise, horizon = float(found.group(1)) / 100, int(found.group(2))
            return (1 + rise) ** (1 / (horizon - 2017)) - 1, f"{pub.source}: {found.group(0)} (65+ population)"
    raise LookupError("no 65+ projection published by 2017/18 in sfc_workforce_projections.csv")


def area_calibration(area: str, growth: float, growth_source: str) -> Calibration:
    """A one-area calibration starting in 2016/17 with the area's published 2016/17 figures."""
    today = default_calibration()
    y0 = fin_year(BACKCAST_START)
    metric = "adult_social_care_jobs"
    stock = workforce_figure(area, y0, metric)
    turnover = workforce_figure(area, y0, "staff_turnover_rate")
    vacancy = workforce_figure(area, y0, "vacancy_rate")
    shape = today.filled_posts.sum(axis=0, keepdims=True)
    filled = stock.value * shape / shape.sum()
    t_shape = (today.turnover_rate * today.filled_posts).sum(axis=0, keepdims=True) / shape
    t_rate = turnover.value / 100 * t_shape * filled.sum() / float((t_shape * filled).sum())
    years = tuple(range(BACKCAST_START, MAX_YEAR + 1))
    path = np.array([[(1 + growth) ** (y - BACKCAST_START) for y in years]])
    pop = {band: path.copy() for band in ("65+", "65-84", "85+", "under_65", "all_ages")}
    v = vacancy.value / 100
    tri = today.uncertainty["vacancy_rate"]
    uncertainty = dict(today.uncertainty)
    uncertainty["vacancy_rate"] = Triangular(v * tri.low / tri.mode, v, v * tri.high / tri.mode, vacancy.source)
    sp = today.spreads
    measurement = next(a.value for a in today.assumptions if a.name == "range.base count measurement")
    notes = (
        Assumption(f"backcast base stock ({AREAS[area]})", stock.value, "posts", stock.source, "published", y0),
        Assumption(
            f"backcast turnover ({AREAS[area]})", turnover.value / 100, "share", turnover.source, "published", y0
        ),
        Assumption(f"backcast vacancy rate ({AREAS[area]})", v, "share", vacancy.source, "published", y0),
        Assumption("backcast 65+ growth", growth, "per year", growth_source, "derived", "2017/18"),
    )
    return replace(
        today,
        base_year=BACKCAST_START,
        councils=(area,),
        filled_posts=filled,
        turnover_rate=t_rate,
        vacancy_rate=v,
        role_destinations=today.role_destinations[:1],
        council_destinations=np.ones((1, 1)),
        population=pop,
        population_years=years,
        uncertainty=uncertainty,
        spreads=replace(sp, base_region=float(measurement or 0.0), base_council=(0.0,)),
        assumptions=notes,
    )


def actuals(area: str) -> list[tuple[int, float, str]]:
    """(start year, count, source) of every published all-sector count after 2016/17."""
    found = _published(area, POST_METRICS, allow_low=False)
    return sorted((y, f.value, f.source) for y, f in found.items() if y > BACKCAST_START)


def backcast(draws: int = 1000, seed: int | None = DEFAULT_SEED) -> Backcast:
    """Project filled posts from 2016/17 to every year with a published actual, for the region and England."""
    growth, growth_src = knowable_65_growth()
    baseline = builtin_scenarios()["baseline"]
    rows: list[BackcastRow] = []
    notes: list[Assumption] = []
    for area, label in AREAS.items():
        cal = area_calibration(area, growth, growth_src)
        notes.extend(cal.assumptions)
        targets = actuals(area)
        if not targets:
            continue
        result = project([baseline], to_year=max(y for y, _, _ in targets), draws=draws, seed=seed, base=cal)
        for year, value, source in targets:
            p5, p50, p95 = (
                result.value(baseline.name, "filled_posts", year, council=area, statistic=s)
                for s in ("p5", "p50", "p95")
            )
            rows.append(BackcastRow(label, fin_year(year), "filled_posts", value, p5, p50, p95, source))
    return Backcast(tuple(rows), draws, growth, tuple(notes))
