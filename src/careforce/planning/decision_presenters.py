"""Shape a run's decision outputs for commissioners: the headline, differences from the baseline, the tornado.

Words, not codes: "likely range (90%)" for P5 to P95 (the percentiles stay in the table headings),
scenario titles instead of file names. The tornado is an inline SVG drawn for a phone first (its
``viewBox`` is 360 wide, so its 12-unit text is about 12 px at 390 px), with the table beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from careforce.domain.planning.decisions import DECISION_LABELS, DECISION_MEASURES

HEADLINE_DECISIONS = ("new_jobs", "people_new_to_care", "moves_within_sector")
DECISION_HINTS = {
    "new_jobs": "growth in the posts required since the base year",
    "people_new_to_care": "people recruited from outside adult social care (in the UK or abroad), added up over the years",
    "moves_within_sector": "hires of people already working in care, moving employer, role or council, added up",
    "recruits_needed": "every hire employers need over the years, whoever fills it",
    "filled_posts": "posts filled in the year",
    "unfilled_gap": "posts required but not filled in the year (vacancies)",
}


@dataclass(frozen=True)
class Range:
    p5: float
    p50: float
    p95: float

    @property
    def words(self) -> str:
        return f"{self.p5:,.0f} to {self.p95:,.0f}"


@dataclass(frozen=True)
class DecisionRow:
    measure: str
    label: str
    hint: str
    year: int
    value: Range


class DecisionLookup:
    """Values of a run's decisions table by (table, scenario, measure, year, statistic) for one area."""

    def __init__(self, table: pa.Table) -> None:
        cols = table.select(["table", "scenario", "measure", "year", "statistic", "value"]).to_pydict()
        self.values: dict[tuple[Any, ...], float] = {
            key[:-1]: key[-1]
            for key in zip(
                cols["table"],
                cols["scenario"],
                cols["measure"],
                cols["year"],
                cols["statistic"],
                cols["value"],
                strict=True,
            )
        }

    def range(self, table: str, scenario: str, measure: str, year: int) -> Range | None:
        stats = [self.values.get((table, scenario, measure, year, s)) for s in ("p5", "p50", "p95")]
        if None in stats:
            return None
        return Range(*stats)  # type: ignore[arg-type]


def rows(
    lookup: DecisionLookup, table: str, scenario: str, years: list[int], measures: tuple[str, ...]
) -> list[DecisionRow]:
    out = []
    for measure in measures:
        for year in years:
            found = lookup.range(table, scenario, measure, year)
            if found is not None:
                out.append(DecisionRow(measure, DECISION_LABELS[measure], DECISION_HINTS[measure], year, found))
    return out


@dataclass(frozen=True)
class Bar:
    label: str
    inputs: str  # the assumption's low and high end in words
    low_input: float
    high_input: float
    at_low: float
    at_high: float
    swing: float
    # geometry in the SVG's units
    y: float
    x: float
    width: float
    low_left: bool  # the assumption's P5 end is on the left


@dataclass(frozen=True)
class Tornado:
    measure: str
    label: str
    year: int
    central: float
    bars: list[Bar]
    width: int
    height: int
    centre_x: float
    ticks: list[tuple[float, str]]
    text: str


CHART_WIDTH, LEFT, RIGHT, ROW, TOP = 360, 8, 8, 44, 8
_LOG = ("population_error", "drift")
_FACTOR = ("turnover_level", "turnover_yearly", "stock_factor")
_SHARE = ("sector_exit_share", "vacancy_rate", "within_sector_split", "recruitment_rate")
_WHEN = {
    "population_error": " a decade ahead",
    "drift": " by 2040",
    "within_sector_split": " staying in their council and role",
    "recruitment_rate": " of filled posts a year",
}


def input_words(assumption: str, low: float, high: float) -> str:
    """The assumption's own low and high end in words: a percentage change, a factor, a share or a number."""
    import math

    if assumption in _LOG:
        text = f"{math.expm1(low):+.0%} to {math.expm1(high):+.0%}"
    elif assumption in _FACTOR:
        text = f"{low - 1:+.0%} to {high - 1:+.0%}"
    elif assumption in _SHARE:
        text = f"{low:.1%} to {high:.1%}"
    else:
        text = f"{low:.2f} to {high:.2f}"
    return text + _WHEN.get(assumption, "")


SHOWN = 6


def tornado(table: pa.Table, scenario: str, measure: str, year: int) -> Tornado | None:
    """The sensitivity rows of one headline, largest swing first, with bars scaled to the chart."""
    cols = table.to_pydict()
    picked = [
        {k: cols[k][i] for k in cols}
        for i in range(table.num_rows)
        if cols["scenario"][i] == scenario and cols["measure"][i] == measure and cols["year"][i] == year
    ]
    if not picked:
        return None
    picked.sort(key=lambda r: r["rank"])
    central = float(picked[0]["central"])
    shown = picked[:SHOWN]
    ends = [central] + [v for r in shown for v in (r["at_low"], r["at_high"])]
    lo, hi = min(ends), max(ends)
    span = (hi - lo) or max(abs(central), 1.0) * 0.01
    x0, x1 = LEFT, CHART_WIDTH - RIGHT

    def x(v: float) -> float:
        return x0 + (x1 - x0) * (v - lo) / span

    bars = []
    for i, r in enumerate(picked):
        a, b = sorted((r["at_low"], r["at_high"]))
        bars.append(
            Bar(
                r["label"],
                input_words(r["assumption"], r["low_input"], r["high_input"]),
                r["low_input"],
                r["high_input"],
                r["at_low"],
                r["at_high"],
                r["swing"],
                TOP + i * ROW,
                x(a),
                max(x(b) - x(a), 1.0),
                r["at_low"] <= r["at_high"],
            )
        )
    height = TOP + len(shown) * ROW + 28
    ticks = [(x(v), f"{v:,.0f}") for v in (lo, central, hi)]
    top = picked[0]
    text = (
        f"Bar chart of how far each assumption moves {DECISION_LABELS[measure].lower()} by {year}. "
        f"With every assumption at its median the figure is {central:,.0f}. The largest effect is "
        f"{top['label'].lower()}: from {top['at_low']:,.0f} at its low end to {top['at_high']:,.0f} at its high end. "
        "The table that follows gives every value."
    )
    return Tornado(measure, DECISION_LABELS[measure], year, central, bars, CHART_WIDTH, height, x(central), ticks, text)


def tornado_choices() -> list[tuple[str, str]]:
    return [(m, DECISION_LABELS[m]) for m in DECISION_MEASURES]
