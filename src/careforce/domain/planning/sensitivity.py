"""Sensitivity (a tornado): which drawn assumption moves each headline most.

One assumption at a time is swung between its P5 and its P95 with every other drawn assumption at
its P50 (its median). The percentiles are those of a fixed reference sample of
``REFERENCE_DRAWS`` draws from the calibration (seed ``REFERENCE_SEED``), so the table does not
depend on how many draws a run has. Quantities drawn per council or per year are swung together:

* population error: every council at the P5 (P95) of the region's error (councils weighted by
  filled posts), growing with the horizon as in the draws;
* drift in posts per person aged 65+: the P5 (P95) of the random walk after each year;
* year-to-year turnover: every year at the P5 (P95) of its average over the projection;
* base count of filled posts: every council at the P5 (P95) of the region's factor;
* where staff moving within the sector go: the share finding a new employer in the same council and
  role at its P5 (P95), the other two in proportion.

All swings run as the columns of one engine call (1 + 2 x assumptions "draws"). The swing of a
headline is ``|output at P95 - output at P5|``; rows are ordered by it, largest first.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
from numpy.typing import NDArray

from .parameters import Calibration
from .uncertainty import Draws, draw_parameters

FloatArray = NDArray[np.float64]
REFERENCE_DRAWS = 4000
REFERENCE_SEED = 20261207
SWUNG: dict[str, str] = {
    "turnover_level": "Turnover rate (its level)",
    "turnover_yearly": "Turnover rate (year-to-year ups and downs)",
    "sector_exit_share": "Share of leavers who leave the sector",
    "vacancy_rate": "Vacancy rate",
    "pay_elasticity": "Effect of pay on turnover",
    "within_sector_split": "Where staff moving within the sector go",
    "population_error": "Population projection error (aged 65 and over)",
    "drift": "Drift in posts per person aged 65 and over",
    "stock_factor": "Base-year count of filled posts",
    "recruitment_rate": "Recruitment capacity (people new to care)",
    "supply_pay_elasticity": "Effect of pay on recruitment",
    "supply_vacancy_elasticity": "Effect of vacancies on recruitment",
}


@dataclass(frozen=True)
class SwingDraws:
    """Draws whose column 0 has every assumption at P50; columns ``2k+1``, ``2k+2`` swing ``names[k]``."""

    names: tuple[str, ...]
    draws: Draws
    low_input: tuple[float, ...]  # a representative value of the assumption at its P5 (for the table)
    high_input: tuple[float, ...]


def _weights(calibration: Calibration) -> FloatArray:
    w: FloatArray = calibration.filled_posts.sum(axis=(1, 2))
    out: FloatArray = w / w.sum()
    return out


def swing_draws(calibration: Calibration) -> SwingDraws | None:
    """The swing columns, or ``None`` when the calibration draws nothing (hand-made cases without ranges)."""
    try:
        ref = draw_parameters(calibration, REFERENCE_DRAWS, REFERENCE_SEED)
    except KeyError:
        return None
    w = _weights(calibration)
    present = [name for name in SWUNG if getattr(ref, name) is not None]
    n = 1 + 2 * len(present)
    columns: dict[str, FloatArray] = {}
    shown_at: dict[str, tuple[float, float]] = {}
    for f in fields(Draws):
        if f.name == "seed":
            continue
        a = getattr(ref, f.name)
        if a is None:
            columns[f.name] = None  # type: ignore[assignment]
            continue
        central, low, high, shown = _percentiles(f.name, a, w)
        col = np.repeat(central[..., None], n, axis=-1) if f.name != "within_sector_split" else np.tile(central, (n, 1))
        if f.name in present:
            k = present.index(f.name)
            if f.name == "within_sector_split":
                col[2 * k + 1], col[2 * k + 2] = low, high
            else:
                col[..., 2 * k + 1], col[..., 2 * k + 2] = low, high
            shown_at[f.name] = shown
        columns[f.name] = col
    draws = Draws(seed=None, **columns)
    lows = tuple(shown_at[name][0] for name in present)
    highs = tuple(shown_at[name][1] for name in present)
    return SwingDraws(tuple(present), draws, lows, highs)


def _percentiles(
    name: str, a: FloatArray, w: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray, tuple[float, float]]:
    """(P50, P5, P95) of one drawn quantity as it is swung, and the values shown for P5 and P95."""
    q = (0.05, 0.5, 0.95)
    if name == "within_sector_split":  # (n, 3)
        central = np.median(a, axis=0)
        central = central / central.sum()
        lo, _, hi = np.quantile(a[:, 0], q)

        others = central[1:].sum()

        def at(share: float) -> FloatArray:
            rest = central[1:] / others * (1.0 - share) if others > 0 else np.zeros(2)
            return np.concatenate([[share], rest])

        return central, at(lo), at(hi), (float(lo), float(hi))
    if a.ndim == 1:
        lo, mid, hi = np.quantile(a, q)
        return np.asarray(mid), np.asarray(lo), np.asarray(hi), (float(lo), float(hi))
    central = np.median(a, axis=-1)
    if name in ("population_error", "stock_factor"):  # (council, n): swing the region's value
        region = w @ a
        lo, _, hi = np.quantile(region, q)
        return central, np.full(a.shape[0], lo), np.full(a.shape[0], hi), (float(lo), float(hi))
    if name == "turnover_yearly":  # (step, n): the average over the years, held in every year
        mean_log = np.log(a).mean(axis=0)
        lo, _, hi = np.exp(np.quantile(mean_log, q))
        return central, np.full(a.shape[0], lo), np.full(a.shape[0], hi), (float(lo), float(hi))
    # drift (step, n): the random walk's percentiles after each step
    low, high = np.quantile(a, 0.05, axis=-1), np.quantile(a, 0.95, axis=-1)
    return central, low, high, (float(low[-1]), float(high[-1]))


@dataclass(frozen=True)
class Swing:
    """One bar of a tornado: a headline at ``year`` for ``area`` with ``assumption`` at its P5 and its P95."""

    scenario: str
    measure: str
    area: str
    year: int
    assumption: str
    label: str
    low_input: float
    high_input: float
    central: float  # the headline with every assumption at P50
    at_low: float
    at_high: float

    @property
    def swing(self) -> float:
        return abs(self.at_high - self.at_low)


def ranked(swings: list[Swing]) -> list[Swing]:
    """Largest swing first; ties in the order of ``SWUNG``."""
    order = list(SWUNG)
    return sorted(swings, key=lambda s: (-s.swing, order.index(s.assumption) if s.assumption in order else 99))


def tornado(
    scenario: str,
    swing: SwingDraws,
    values: FloatArray,
    measures: tuple[str, ...],
    areas: tuple[str, ...],
    years: range,
    at_years: tuple[int, ...],
) -> list[Swing]:
    """Rows for every measure, area and year in ``at_years`` from ``values`` (measure, area, year, column)."""
    out: list[Swing] = []
    for m, measure in enumerate(measures):
        for a, area in enumerate(areas):
            for year in at_years:
                y = years.index(year)
                v = values[m, a, y]
                rows = [
                    Swing(
                        scenario,
                        measure,
                        area,
                        year,
                        name,
                        SWUNG[name],
                        swing.low_input[k],
                        swing.high_input[k],
                        float(v[0]),
                        float(v[2 * k + 1]),
                        float(v[2 * k + 2]),
                    )
                    for k, name in enumerate(swing.names)
                ]
                out.extend(ranked(rows))
    return out
