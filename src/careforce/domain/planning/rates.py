"""Turnover and starters rates estimated from a provider workforce, pooled towards the regional rate.

Small cells (a council's occupational therapists aged 55-64, say) have few staff, so their raw
rate (leavers / staff) jumps about. Each cell's rate is shrunk towards its prior, the regional rate
for the same role and age band, by empirical Bayes with a beta-binomial model (the witan.send
pattern in the research note, section 1.9): the posterior mean is

    (events + kappa * prior) / (staff + kappa)

with ``kappa`` estimated from the spread of the cells' rates by the method of moments. A cell with
thousands of staff keeps its own rate; a cell of five moves most of the way to the regional rate;
an empty cell gets the regional rate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class PooledRates:
    """One row per (council, role, age band) cell seen in the records."""

    council: tuple[str, ...]
    role: tuple[str, ...]
    age_band: tuple[str, ...]
    staff: FloatArray
    starters: FloatArray
    leavers: FloatArray
    turnover_rate_raw: FloatArray
    turnover_rate: FloatArray
    turnover_prior: FloatArray
    turnover_kappa: float
    starters_rate_raw: FloatArray
    starters_rate: FloatArray
    starters_prior: FloatArray
    starters_kappa: float

    def turnover_for(self, council: str, role: str, age_band: str) -> float:
        for i, key in enumerate(zip(self.council, self.role, self.age_band, strict=True)):
            if key == (council, role, age_band):
                return float(self.turnover_rate[i])
        raise KeyError((council, role, age_band))


def beta_binomial_kappa(events: FloatArray, exposure: FloatArray) -> float:
    """Prior strength ``kappa`` of a beta-binomial fitted by the method of moments.

    Uses the analysis-of-variance estimator of the intra-class correlation ``rho = 1 / (kappa + 1)``:
    ``sum n_i (p_i - p)^2 = p (1 - p) [(k - 1) + rho (N - sum n_i^2 / N)]``. Returns ``inf`` (pool
    fully) when the cells vary no more than binomial noise would make them.
    """
    keep = exposure > 0
    n = exposure[keep]
    x = events[keep]
    k = int(n.size)
    total = float(n.sum())
    if k < 2 or total <= 0:
        return float("inf")
    p = float(x.sum()) / total
    if p <= 0.0 or p >= 1.0:
        return float("inf")
    q = float(np.sum(n * (x / n - p) ** 2))
    denominator = total - float(np.sum(n**2)) / total
    if denominator <= 0:
        return float("inf")
    rho = (q / (p * (1 - p)) - (k - 1)) / denominator
    if rho <= 0:
        return float("inf")
    rho = min(rho, 1.0 - 1e-9)
    return 1.0 / rho - 1.0


def _shrink(events: FloatArray, exposure: FloatArray, prior: FloatArray, kappa: float) -> FloatArray:
    if np.isinf(kappa):
        return prior.copy()
    with np.errstate(invalid="ignore", divide="ignore"):
        pooled = (events + kappa * prior) / (exposure + kappa)
    return np.where(exposure + kappa > 0, pooled, prior)


def _pool(
    events: FloatArray, exposure: FloatArray, groups: list[tuple[str, str]], regional: float
) -> tuple[FloatArray, FloatArray, float]:
    """Two-level pooling: role x age group towards the regional rate, then cells towards their group."""
    group_keys = sorted(set(groups))
    g_events = np.array([sum(float(e) for e, g in zip(events, groups, strict=True) if g == key) for key in group_keys])
    g_exposure = np.array(
        [sum(float(n) for n, g in zip(exposure, groups, strict=True) if g == key) for key in group_keys]
    )
    g_kappa = beta_binomial_kappa(g_events, g_exposure)
    g_rate = _shrink(g_events, g_exposure, np.full(len(group_keys), regional), g_kappa)
    lookup = dict(zip(group_keys, g_rate, strict=True))
    prior = np.array([lookup[g] for g in groups], dtype=np.float64)
    kappa = beta_binomial_kappa(events, exposure)
    return _shrink(events, exposure, prior, kappa), prior, kappa


def estimate_rates_from_records(
    council: Sequence[str],
    role: Sequence[str],
    age_band: Sequence[str],
    starters: Sequence[float] | NDArray[np.floating],
    leavers: Sequence[float] | NDArray[np.floating],
    staff: Sequence[float] | NDArray[np.floating],
    *,
    regional_turnover_rate: float | None = None,
    regional_starters_rate: float | None = None,
) -> PooledRates:
    """Pooled turnover and starters rates per (council, role, age band) cell.

    The arrays are parallel: one entry per establishment, per worker or per cell; entries with the
    same (council, role, age band) are added together. ``staff`` is the number of filled posts the
    rates are expressed against (SfC: leavers in the last 12 months / staff). The regional rate
    defaults to the records' own pooled rate; pass a published rate to pool towards it instead.
    """
    n = len(council)
    if not (len(role) == len(age_band) == len(starters) == len(leavers) == len(staff) == n):
        raise ValueError("council, role, age_band, starters, leavers and staff must have the same length")
    cells: dict[tuple[str, str, str], list[float]] = {}
    for c, r, a, s, lv, st in zip(council, role, age_band, starters, leavers, staff, strict=True):
        if float(s) < 0 or float(lv) < 0 or float(st) < 0:
            raise ValueError(f"negative count in cell {(c, r, a)}")
        acc = cells.setdefault((str(c), str(r), str(a)), [0.0, 0.0, 0.0])
        acc[0] += float(s)
        acc[1] += float(lv)
        acc[2] += float(st)
    keys = sorted(cells)
    start = np.array([cells[k][0] for k in keys], dtype=np.float64)
    leave = np.array([cells[k][1] for k in keys], dtype=np.float64)
    exposure = np.array([cells[k][2] for k in keys], dtype=np.float64)
    total = float(exposure.sum())
    if regional_turnover_rate is None:
        regional_turnover_rate = float(leave.sum()) / total if total > 0 else 0.0
    if regional_starters_rate is None:
        regional_starters_rate = float(start.sum()) / total if total > 0 else 0.0
    # a cell cannot lose more staff than it had in the year (leavers are capped at staff for the rate)
    leave_capped = np.minimum(leave, exposure)
    start_capped = np.minimum(start, exposure)
    groups = [(k[1], k[2]) for k in keys]
    turnover, t_prior, t_kappa = _pool(leave_capped, exposure, groups, regional_turnover_rate)
    starters_rate, s_prior, s_kappa = _pool(start_capped, exposure, groups, regional_starters_rate)
    with np.errstate(invalid="ignore", divide="ignore"):
        raw_turnover = np.where(exposure > 0, leave / np.maximum(exposure, 1e-300), np.nan)
        raw_starters = np.where(exposure > 0, start / np.maximum(exposure, 1e-300), np.nan)
    return PooledRates(
        council=tuple(k[0] for k in keys),
        role=tuple(k[1] for k in keys),
        age_band=tuple(k[2] for k in keys),
        staff=exposure,
        starters=start,
        leavers=leave,
        turnover_rate_raw=raw_turnover,
        turnover_rate=turnover,
        turnover_prior=t_prior,
        turnover_kappa=t_kappa,
        starters_rate_raw=raw_starters,
        starters_rate=starters_rate,
        starters_prior=s_prior,
        starters_kappa=s_kappa,
    )


__all__ = ["PooledRates", "beta_binomial_kappa", "estimate_rates_from_records"]
