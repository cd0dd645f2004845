"""Turnover rates estimated from the loaded provider workforce (the demo region or real uploads).

Starters, leavers and staff are counted per council x role group x age band over the 12 months
to the latest date in the records, then pooled towards the regional rate for small cells by the
domain's ``estimate_rates_from_records`` (empirical-Bayes beta-binomial shrinkage).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from django.db.models import Max

from careforce.domain.planning import (
    AGES,
    ROLES,
    Calibration,
    PooledRates,
    age_band_for,
    default_calibration,
    estimate_rates_from_records,
    role_for_ascwds_code,
)
from careforce.workforce.models import Worker


@dataclass(frozen=True)
class RecordRates:
    as_of: date
    pooled: PooledRates
    turnover_rate: np.ndarray  # (council, role, age) in the calibration's council order
    workers_counted: int
    workers_skipped: int  # no date of birth, or a job role outside the role groups

    @property
    def source(self) -> str:
        return (
            f"estimated from {self.workers_counted:,} staff records (starters and leavers in the 12 months "
            f"to {self.as_of:%d %B %Y}), pooled towards the regional rate for small cells "
            f"(beta-binomial, kappa {self.pooled.turnover_kappa:.1f})"
        )


def records_as_of() -> date | None:
    """The latest start or leaving date in the records, not after today."""
    found = Worker.objects.aggregate(started=Max("start_date"), left=Max("left_on"))
    dates = [d for d in found.values() if d is not None]
    return min(max(dates), date.today()) if dates else None


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def count_cells(as_of: date) -> tuple[dict[tuple[str, str, str], list[int]], int, int]:
    """(council, role, age band) -> [starters, leavers, staff] over the year to ``as_of``."""
    since = as_of - timedelta(days=365)
    rows = (
        Worker.objects.filter(start_date__lte=as_of)
        .exclude(left_on__lte=since)
        .values_list("workplace__council_id", "main_job_role", "date_of_birth", "start_date", "left_on")
    )
    cells: dict[tuple[str, str, str], list[int]] = {}
    counted = skipped = 0
    for council, job_role, born, started, left in rows.iterator(chunk_size=5000):
        try:
            role = role_for_ascwds_code(int(job_role))
        except KeyError:
            skipped += 1
            continue
        if born is None:
            skipped += 1
            continue
        cell = cells.setdefault((council, role, age_band_for(_age(born, as_of))), [0, 0, 0])
        counted += 1
        cell[0] += started > since  # type: ignore[operator]
        if left is not None and left <= as_of:
            cell[1] += 1
        else:
            cell[2] += 1
    return cells, counted, skipped


def estimate_rates(calibration: Calibration | None = None) -> RecordRates | None:
    """Pooled turnover rates from the records, or None when no workforce is loaded."""
    as_of = records_as_of()
    if as_of is None:
        return None
    cells, counted, skipped = count_cells(as_of)
    if not cells:
        return None
    keys = sorted(cells)
    pooled = estimate_rates_from_records(
        [k[0] for k in keys],
        [k[1] for k in keys],
        [k[2] for k in keys],
        [cells[k][0] for k in keys],
        [cells[k][1] for k in keys],
        [cells[k][2] for k in keys],
    )
    calibration = calibration or default_calibration()
    return RecordRates(as_of, pooled, rate_array(pooled, calibration.councils), counted, skipped)


def rate_array(pooled: PooledRates, councils: tuple[str, ...]) -> np.ndarray:
    """(council, role, age) pooled rates. A cell with no staff in the records takes its role and age
    band's pooled rate (the prior), or the records' regional rate when that group is empty too."""
    regional = float(pooled.leavers.sum() / pooled.staff.sum()) if pooled.staff.sum() > 0 else 0.0
    group_prior = {
        (r, a): float(p) for r, a, p in zip(pooled.role, pooled.age_band, pooled.turnover_prior, strict=True)
    }
    out = np.empty((len(councils), len(ROLES), len(AGES)))
    seen = {
        (c, r, a): float(v)
        for c, r, a, v in zip(pooled.council, pooled.role, pooled.age_band, pooled.turnover_rate, strict=True)
    }
    for i, council in enumerate(councils):
        for j, role in enumerate(ROLES):
            for k, age in enumerate(AGES):
                out[i, j, k] = seen.get((council, role, age), group_prior.get((role, age), regional))
    return np.clip(out, 0.0, 0.95)


def calibration_from_records() -> Calibration:
    """The default calibration with turnover rates estimated from the records."""
    base = default_calibration()
    rates = estimate_rates(base)
    if rates is None:
        raise ValueError("No provider workforce is loaded, so rates cannot be estimated from records")
    return base.with_turnover_rate(rates.turnover_rate, rates.source)
