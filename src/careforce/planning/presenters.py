"""Shape a run's stored results for its page: headline tables, fan charts and the scenario comparison."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from careforce.domain.planning import BASE_YEAR, MEASURE_DEFINITIONS

from .charts import FanChart, FanPoint, describe, fan_chart

MEASURE_LABELS = {
    "new_jobs": f"New jobs since {BASE_YEAR}/{(BASE_YEAR + 1) % 100:02d}",
    "recruits_needed": "Recruits needed in the year",
    "replacement_recruitment": "Recruits replacing leavers and retirements",
    "new_to_sector_recruits": "Recruits new to the sector",
    "within_sector_moves": "Moves within the sector",
    "unfilled_gap": "Unfilled posts (vacancies)",
    "filled_posts": "Filled posts",
    "demand_posts": "Posts required (demand)",
    "leavers": "Leavers",
    "sector_exits": "Leavers leaving the sector",
    "retirements": "Retirements",
    "council_moves_net": "Net moves in from other councils",
    "vacancy_rate": "Vacancy rate",
}
HEADLINE_MEASURES = (
    "new_jobs",
    "recruits_needed",
    "replacement_recruitment",
    "new_to_sector_recruits",
    "unfilled_gap",
    "filled_posts",
    "demand_posts",
)


def milestone_years(to_year: int) -> list[int]:
    """Every fifth year after the base, and the last year."""
    years = [y for y in range(BASE_YEAR + 1, to_year + 1) if y % 5 == 0]
    return years if to_year in years else [*years, to_year]


@dataclass(frozen=True)
class HeadlineRow:
    measure: str
    label: str
    year: int
    p5: float
    p50: float
    p95: float


@dataclass(frozen=True)
class ScenarioResults:
    name: str
    title: str
    headline: list[HeadlineRow]
    fan: list[FanPoint]
    chart: FanChart
    chart_text: str


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    year: int
    medians: list[float | None]
    differences: list[float | None]  # each scenario's median minus the first scenario's


class Lookup:
    def __init__(self, table: pa.Table) -> None:
        cols = table.select(["scenario", "measure", "year", "statistic", "value"]).to_pydict()
        self.values: dict[tuple[Any, ...], float] = {
            key[:-1]: key[-1]
            for key in zip(
                cols["scenario"], cols["measure"], cols["year"], cols["statistic"], cols["value"], strict=True
            )
        }

    def get(self, scenario: str, measure: str, year: int, statistic: str) -> float | None:
        return self.values.get((scenario, measure, year, statistic))


def scenario_titles(run: Any) -> dict[str, str]:
    """Each scenario's title (its name in words), read from the run's own scenario files."""
    from careforce.domain.planning import ScenarioError
    from careforce.domain.planning.scenarios import parse_scenario

    titles = {}
    for name in run.scenario_names:
        try:
            titles[name] = parse_scenario(run.scenario_texts.get(name, ""), source=name).title or name
        except ScenarioError:
            titles[name] = name
    return titles


def scenario_results(
    lookup: Lookup, scenario: str, to_year: int, what: str, titles: dict[str, str] | None = None
) -> ScenarioResults:
    headline = []
    for measure in HEADLINE_MEASURES:
        for year in milestone_years(to_year):
            stats = [lookup.get(scenario, measure, year, s) for s in ("p5", "p50", "p95")]
            if None not in stats:
                headline.append(HeadlineRow(measure, MEASURE_LABELS[measure], year, *stats))  # type: ignore[arg-type]
    fan = []
    for year in range(BASE_YEAR, to_year + 1):
        stats = [lookup.get(scenario, "demand_posts", year, s) for s in ("p5", "p25", "p50", "p75", "p95")]
        if None not in stats:
            fan.append(FanPoint(year, *stats, filled=lookup.get(scenario, "filled_posts", year, "p50")))  # type: ignore[arg-type, misc]
    title = (titles or {}).get(scenario, scenario)
    return ScenarioResults(
        scenario, title, headline, fan, fan_chart(fan), describe(fan, f"posts required (demand), {what}, {title}")
    )


def comparison(lookup: Lookup, scenarios: list[str], to_year: int) -> list[ComparisonRow]:
    rows = []
    for measure in HEADLINE_MEASURES:
        for year in milestone_years(to_year):
            medians = [lookup.get(s, measure, year, "p50") for s in scenarios]
            if medians[0] is None:
                continue
            first = medians[0]
            rows.append(
                ComparisonRow(
                    MEASURE_LABELS[measure], year, medians, [None if m is None else m - first for m in medians]
                )
            )
    return rows


def measure_notes() -> list[tuple[str, str]]:
    return [(MEASURE_LABELS[m], MEASURE_DEFINITIONS[m]) for m in HEADLINE_MEASURES]
