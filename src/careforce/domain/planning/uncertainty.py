"""Monte Carlo draws of the uncertain parameters, and the quantile summary of every output.

Draws are made once per run from the seed and shared by every scenario (common random numbers), so
the difference between two scenarios is not swamped by sampling noise: draw ``i`` of the pay-rise
scenario and draw ``i`` of the baseline see the same turnover level, exit share and vacancy rate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .dimensions import MAX_YEAR
from .parameters import Calibration
from .published import Triangular

FloatArray = NDArray[np.float64]
STATISTICS: tuple[str, ...] = ("mean", "p5", "p25", "p50", "p75", "p95")
_QUANTILES = (0.05, 0.25, 0.50, 0.75, 0.95)


@dataclass(frozen=True)
class Draws:
    """One value per draw of each uncertain parameter (all arrays have length ``n``)."""

    seed: int | None
    turnover_level: FloatArray  # multiplies every cell's turnover rate (a shared regional shock)
    sector_exit_share: FloatArray
    vacancy_rate: FloatArray
    pay_elasticity: FloatArray
    within_sector_split: FloatArray  # (n, 3): same cell, role change, council move
    population_error: FloatArray | None = None  # (council, n) log error of 65+ growth per 10 years
    drift: FloatArray | None = None  # (step, n) cumulative log drift in posts per 65+ after each step
    turnover_yearly: FloatArray | None = None  # (step, n) multiplies turnover in each step
    stock_factor: FloatArray | None = None  # (council, n) multiplies each council's base stock
    recruitment_rate: FloatArray | None = None  # (n,) new-to-sector capacity per filled post; None: no limit
    supply_pay_elasticity: FloatArray | None = None  # (n,)
    supply_vacancy_elasticity: FloatArray | None = None  # (n,)

    @property
    def n(self) -> int:
        return int(self.turnover_level.shape[0])

    def take(self, index: slice | NDArray[np.intp]) -> Draws:
        def last(a: FloatArray | None) -> FloatArray | None:
            return None if a is None else a[:, index]

        return Draws(
            self.seed,
            self.turnover_level[index],
            self.sector_exit_share[index],
            self.vacancy_rate[index],
            self.pay_elasticity[index],
            self.within_sector_split[index],
            last(self.population_error),
            last(self.drift),
            last(self.turnover_yearly),
            last(self.stock_factor),
            None if self.recruitment_rate is None else self.recruitment_rate[index],
            None if self.supply_pay_elasticity is None else self.supply_pay_elasticity[index],
            None if self.supply_vacancy_elasticity is None else self.supply_vacancy_elasticity[index],
        )

    def demand_factor(self, years: range) -> FloatArray | None:
        """(council, year, draw) multiplier of posts required: population error and drift."""
        if self.population_error is None or self.drift is None:
            return None
        h = np.arange(len(years), dtype=np.float64)
        log = self.population_error[:, None, :] * (h / 10.0)[None, :, None]
        log[:, 1:, :] += self.drift[None, : len(years) - 1, :]
        out: FloatArray = np.exp(log)
        return out


def draw_parameters(calibration: Calibration, n: int, seed: int | None) -> Draws:
    """``n`` draws from the calibration's triangular ranges and a Dirichlet for the move split."""
    if n < 1:
        raise ValueError("draws must be at least 1")
    rng = np.random.default_rng(seed)
    u = calibration.uncertainty

    def tri(name: str) -> FloatArray:
        t = u[name]
        if t.high <= t.low:
            return np.full(n, t.mode)
        out: FloatArray = rng.triangular(t.low, t.mode, t.high, size=n)
        return out

    turnover = tri("turnover_level")
    exit_share = tri("sector_exit_share")
    vacancy = tri("vacancy_rate")
    elasticity = tri("pay_elasticity")
    split = rng.dirichlet(calibration.within_sector_split * calibration.split_concentration, size=n)
    return _wider(calibration, Draws(seed, turnover, exit_share, vacancy, elasticity, split), rng)


def _wider(calibration: Calibration, draws: Draws, rng: np.random.Generator) -> Draws:
    """Add the population error, drift, year-to-year turnover and base-stock draws (``ranges.Spreads``)."""
    sp = calibration.spreads
    n, n_c = draws.n, len(calibration.councils)
    steps = MAX_YEAR - calibration.base_year
    shared = np.sqrt(sp.population_shared)
    own = np.sqrt(1.0 - sp.population_shared)
    z_region = rng.standard_normal(n)
    z_council = rng.standard_normal((n_c, n))
    population = sp.population_error_10y * (shared * z_region[None, :] + own * z_council)
    drift = np.cumsum(sp.drift_per_year * rng.standard_normal((steps, n)), axis=0)
    yearly = np.exp(sp.turnover_year_to_year * rng.standard_normal((steps, n)))
    council_sd = np.asarray(sp.base_council) if sp.base_council else np.zeros(n_c)
    split = np.exp(council_sd[:, None] * rng.standard_normal((n_c, n)))
    base = calibration.filled_posts.sum(axis=(1, 2))
    split *= base.sum() / (base[:, None] * split).sum(axis=0, keepdims=True)  # keeps the region's total
    region = np.exp(sp.base_region * rng.standard_normal(n))
    supply = _supply(calibration, n, lambda t: rng.triangular(t.low, t.mode, t.high, size=n))
    return replace(
        draws,
        population_error=population,
        drift=drift,
        turnover_yearly=yearly,
        stock_factor=split * region,
        recruitment_rate=supply.get("recruitment_rate"),
        supply_pay_elasticity=supply.get("supply_pay_elasticity"),
        supply_vacancy_elasticity=supply.get("supply_vacancy_elasticity"),
    )


SUPPLY = ("recruitment_rate", "supply_pay_elasticity", "supply_vacancy_elasticity")


def _supply(calibration: Calibration, n: int, sample: Callable[[Triangular], FloatArray]) -> dict[str, FloatArray]:
    """Recruitment-capacity draws, when the calibration has them (hand-made test cases may not)."""
    u = calibration.uncertainty
    if not all(name in u for name in SUPPLY):
        return {}
    return {name: (sample(u[name]) if u[name].high > u[name].low else np.full(n, u[name].mode)) for name in SUPPLY}


def central_draws(calibration: Calibration, n: int = 1) -> Draws:
    """``n`` identical draws at the calibration's central values (a deterministic run).

    Population error, drift, year-to-year turnover and base-stock error are left out (all zero).
    """
    central = _supply(calibration, n, lambda t: np.full(n, t.mode))
    return Draws(
        None,
        np.ones(n),
        np.full(n, calibration.sector_exit_share),
        np.full(n, calibration.vacancy_rate),
        np.full(n, calibration.pay_elasticity),
        np.tile(calibration.within_sector_split, (n, 1)),
        recruitment_rate=central.get("recruitment_rate"),
        supply_pay_elasticity=central.get("supply_pay_elasticity"),
        supply_vacancy_elasticity=central.get("supply_vacancy_elasticity"),
    )


def summarise(values: NDArray[np.floating[Any]]) -> FloatArray:
    """Statistics over the last (draw) axis, stacked on a new last axis in ``STATISTICS`` order.

    Quantiles use linear interpolation between order statistics (``numpy.quantile``'s default
    method), from one sort: several times faster than ``numpy.quantile`` for five quantiles.
    """
    n = values.shape[-1]
    ordered = np.sort(values, axis=-1)
    out = np.empty((*values.shape[:-1], len(STATISTICS)))
    out[..., 0] = values.mean(axis=-1)
    for i, q in enumerate(_QUANTILES, start=1):
        pos = q * (n - 1)
        lo = int(np.floor(pos))
        hi = min(lo + 1, n - 1)
        frac = pos - lo
        out[..., i] = ordered[..., lo] + (ordered[..., hi] - ordered[..., lo]) * frac
    return out
