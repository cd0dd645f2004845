"""Typical pay per role and council, from the hourly rates in live vacancies.

For each group: the number of vacancies that state pay, the median, and a range. With 10 or more
vacancies the range is the 10th to 90th percentile (so one unusual advert does not stretch it); with
fewer it is the lowest to highest. Groups with fewer than ``MIN_VACANCIES`` vacancies are suppressed and
say "not enough vacancies to show". Vacancies without pay (NaN) are left out before counting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from careforce.domain.metrics.definitions import WEEKS_PER_YEAR

MIN_VACANCIES = 3
PERCENTILE_RANGE_FROM = 10  # vacancies; below this the range is min to max
NOT_ENOUGH = "not enough vacancies to show"

RangeKind = Literal["lowest to highest", "10th to 90th percentile"]


@dataclass(frozen=True)
class PayGroup:
    """Typical hourly pay for one role in one council (``council_code`` None: the whole region)."""

    job_role: int
    council_code: str | None
    vacancies: int
    median: float | None
    low: float | None
    high: float | None
    range_kind: RangeKind | None

    @property
    def suppressed(self) -> bool:
        return self.median is None

    @property
    def message(self) -> str | None:
        return NOT_ENOUGH if self.suppressed else None


def _summarise(
    rates: npt.NDArray[np.float64], min_vacancies: int
) -> tuple[float | None, float | None, float | None, RangeKind | None]:
    n = rates.shape[0]
    if n < min_vacancies:
        return None, None, None, None
    median = float(np.median(rates))
    if n >= PERCENTILE_RANGE_FROM:
        low, high = (float(x) for x in np.percentile(rates, [10, 90]))
        return round(median, 2), round(low, 2), round(high, 2), "10th to 90th percentile"
    return round(median, 2), round(float(rates.min()), 2), round(float(rates.max()), 2), "lowest to highest"


def typical_pay(
    job_role: npt.NDArray[np.integer],
    hourly_rate: npt.NDArray[np.floating],
    council_code: npt.NDArray[np.str_] | None = None,
    *,
    min_vacancies: int = MIN_VACANCIES,
) -> list[PayGroup]:
    """Typical pay for every (role, council) group present, sorted by role then council.

    ``job_role``, ``hourly_rate`` and ``council_code`` are parallel arrays, one entry per live vacancy.
    Leave out ``council_code`` for one group per role across the region.
    """
    roles = np.asarray(job_role, dtype=np.int64)
    rates = np.asarray(hourly_rate, dtype=np.float64)
    if roles.shape != rates.shape or (council_code is not None and council_code.shape != roles.shape):
        raise ValueError("job_role, hourly_rate and council_code must have one entry per vacancy")
    has_pay = ~np.isnan(rates)
    roles, rates = roles[has_pay], rates[has_pay]
    councils = None if council_code is None else np.asarray(council_code, dtype=np.str_)[has_pay]
    if councils is None:
        order = np.lexsort((rates, roles))
        boundaries = np.flatnonzero(np.diff(roles[order])) + 1
    else:
        order = np.lexsort((rates, councils, roles))
        sorted_roles, sorted_councils = roles[order], councils[order]
        changed = (sorted_roles[1:] != sorted_roles[:-1]) | (sorted_councils[1:] != sorted_councils[:-1])
        boundaries = np.flatnonzero(changed) + 1
    groups: list[PayGroup] = []
    for chunk in np.split(order, boundaries):
        if chunk.shape[0] == 0:
            continue
        first = int(chunk[0])
        median, low, high, kind = _summarise(rates[chunk], min_vacancies)
        council = None if councils is None else str(councils[first])
        groups.append(PayGroup(int(roles[first]), council, int(chunk.shape[0]), median, low, high, kind))
    return groups


def yearly_equivalent(hourly_rate: float, hours_a_week: float) -> float:
    """What an hourly rate comes to over a year of ``hours_a_week`` (52.14 weeks: 365 / 7, the same
    conversion the workforce measures use), rounded to the nearest pound."""
    return float(round(hourly_rate * hours_a_week * WEEKS_PER_YEAR))
