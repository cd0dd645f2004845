"""Decision outputs: each scenario's headline figures and its difference from the baseline, from paired draws.

Every scenario of a run sees the same draws (common random numbers, ``uncertainty.py``), so draw
``i`` of a scenario and draw ``i`` of the baseline differ only by the scenario's changes. The
difference is taken draw by draw and *then* summarised: its P5 to P95 is the likely range of the
scenario's effect, far narrower than the gap between two scenarios' own ranges would suggest. A
scenario identical to the baseline differs by exactly 0 in every draw.

The decision measures are totals over roles for each council and the region:

``new_jobs``             posts required in the year less those of the base year;
``people_new_to_care``   recruits new to the sector hired from the base year to the year (cumulative);
``moves_within_sector``  hires of people already working in care, over the same years (cumulative);
``recruits_needed``      every hire needed over the same years (cumulative);
``filled_posts``, ``unfilled_gap``  the stock in the year.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from .engine import ScenarioDraws
from .uncertainty import STATISTICS, summarise

FloatArray = NDArray[np.float64]
DECISION_MEASURES = (
    "new_jobs",
    "people_new_to_care",
    "moves_within_sector",
    "recruits_needed",
    "filled_posts",
    "unfilled_gap",
)
DECISION_LABELS = {
    "new_jobs": "New jobs",
    "people_new_to_care": "People new to care recruited",
    "moves_within_sector": "Moves within the sector",
    "recruits_needed": "All recruits needed",
    "filled_posts": "Filled posts",
    "unfilled_gap": "Unfilled posts",
}
_SOURCES = {
    "new_jobs": ("new_jobs", False),
    "people_new_to_care": ("new_to_sector_recruits", True),
    "moves_within_sector": ("within_sector_moves", True),
    "recruits_needed": ("recruits_needed", True),
    "filled_posts": ("filled_posts", False),
    "unfilled_gap": ("unfilled_gap", False),
}
DECISION_STATISTICS = ("mean", "p5", "p50", "p95")


def area_draws(result: ScenarioDraws) -> FloatArray:
    """(decision measure, council + region, year, draw) in float64: role totals, flows summed since the base year."""
    first = result.measures["filled_posts"]
    n_c, _, n_y, n_b = first.shape
    out = np.empty((len(DECISION_MEASURES), n_c + 1, n_y, n_b))
    for i, name in enumerate(DECISION_MEASURES):
        source, cumulative = _SOURCES[name]
        by_council = result.measures[source].sum(axis=1, dtype=np.float64)  # (council, year, draw)
        if cumulative:
            by_council = np.nan_to_num(by_council, nan=0.0).cumsum(axis=1)
        out[i, :n_c] = by_council
        out[i, n_c] = by_council.sum(axis=0)
    return out


def summarise_decision(values: FloatArray) -> FloatArray:
    """Mean, P5, P50 and P95 over the last (draw) axis, on a new last axis (as ``numpy.quantile``, from one sort)."""
    every = summarise(values)
    out: FloatArray = every[..., [STATISTICS.index(s) for s in DECISION_STATISTICS]]
    return out


@dataclass(frozen=True)
class Decisions:
    """Headline levels and paired differences: (scenario, decision measure, council + region, year, statistic).

    ``differences[s]`` is scenario ``s`` minus the first scenario (the baseline), draw by draw; for
    the baseline itself it is 0.
    """

    scenarios: tuple[str, ...]
    levels: FloatArray
    differences: FloatArray

    def value(self, table: str, scenario: str, measure: str, area: int, year: int, statistic: str) -> float:
        values = self.levels if table == "levels" else self.differences
        return float(
            values[
                self.scenarios.index(scenario),
                DECISION_MEASURES.index(measure),
                area,
                year,
                DECISION_STATISTICS.index(statistic),
            ]
        )


def paired_decisions(scenarios: tuple[str, ...], per_scenario: list[FloatArray]) -> Decisions:
    """Levels and differences from each scenario's ``area_draws``, the first scenario being the baseline."""
    base = per_scenario[0]
    levels = np.stack([summarise_decision(d) for d in per_scenario])
    differences = np.stack([summarise_decision(d - base) for d in per_scenario])
    return Decisions(scenarios, levels, differences)
