"""Job search: filter live vacancies by place and distance, role, hours, pay and terms, then sort.

Everything is a NumPy mask over a ``VacancyIndex``; distances are computed only for vacancies inside the
search circle's bounding box. ``widen_suggestions`` tells a person with no results what to change.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal, NamedTuple

import numpy as np
import numpy.typing as npt

from careforce.domain.careers.distance import miles_within
from careforce.domain.careers.matching import NO_SOFT_SIGNALS, SoftSignals, soft_order
from careforce.domain.careers.postcodes import Place
from careforce.domain.careers.vacancies import HoursPattern, VacancyIndex
from careforce.domain.careers.wording import miles as miles_text

Sort = Literal["distance", "newest"]
SORTS: tuple[Sort, ...] = ("distance", "newest")
DEFAULT_RADIUS_MILES = 10.0
MAX_RADIUS_MILES = 100.0
# the distances offered in the search form, and the steps used to widen an empty search
RADIUS_STEPS_MILES: tuple[float, ...] = (1.0, 3.0, 5.0, 10.0, 15.0, 20.0, 30.0, 50.0)


@dataclass(frozen=True)
class JobFilters:
    """What a person asked for. Empty or False means "any".

    - ``place``: where to measure from (from ``lookup_postcode``); None searches the whole region, newest first
    - ``radius_miles``: how far they will travel
    - ``job_roles``: ASC-WDS job role codes, any of them
    - ``hours``: working patterns, any of them (e.g. part-time or school hours)
    - ``min_hourly_rate``: pounds per hour; adverts without pay are left out when this is set
    - ``without_driving_licence`` / ``without_car``: only jobs that do not need one
    - ``travel_time_paid``: only jobs that pay travel time (or have no travel between visits)
    - ``visa_sponsorship``: only jobs that offer visa sponsorship
    - ``sort``: ``distance`` (nearest first) or ``newest``
    """

    place: Place | None = None
    radius_miles: float = DEFAULT_RADIUS_MILES
    job_roles: frozenset[int] = frozenset()
    hours: HoursPattern = HoursPattern(0)
    min_hourly_rate: float | None = None
    without_driving_licence: bool = False
    without_car: bool = False
    travel_time_paid: bool = False
    visa_sponsorship: bool = False
    sort: Sort = "distance"

    def __post_init__(self) -> None:
        if not 0 < self.radius_miles <= MAX_RADIUS_MILES:
            raise ValueError(f"radius_miles must be more than 0 and at most {MAX_RADIUS_MILES:g}")
        if self.min_hourly_rate is not None and self.min_hourly_rate < 0:
            raise ValueError("min_hourly_rate must not be negative")
        if self.sort not in SORTS:
            raise ValueError(f"sort must be one of {SORTS}")


class Hit(NamedTuple):
    """One search result: the vacancy's position in the index, its id and distance (None without a place).

    A named tuple rather than a dataclass: it is built once per result and is about twice as quick to make.
    """

    position: int
    vacancy_id: int
    distance_miles: float | None


@dataclass(frozen=True)
class ResultPage:
    """One page of results and how many there are in all."""

    total: int
    page: int
    per_page: int
    hits: list[Hit]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def filter_mask(index: VacancyIndex, filters: JobFilters) -> npt.NDArray[np.bool_]:
    """True for each vacancy that passes every filter except distance."""
    mask = np.ones(len(index), dtype=np.bool_)
    if filters.job_roles:
        mask &= np.isin(index.job_role, np.fromiter(filters.job_roles, dtype=np.int16))
    if filters.hours:
        mask &= (index.hours & np.uint8(int(filters.hours))) != 0
    if filters.min_hourly_rate is not None:
        # NaN (no pay given) compares False, so those adverts drop out
        mask &= index.hourly_rate >= filters.min_hourly_rate
    if filters.without_driving_licence:
        mask &= ~index.requires_driving_licence
    if filters.without_car:
        mask &= ~index.requires_car
    if filters.travel_time_paid:
        mask &= index.travel_time_paid
    if filters.visa_sponsorship:
        mask &= index.offers_visa_sponsorship
    return mask


def search_positions(
    index: VacancyIndex, filters: JobFilters, soft: SoftSignals = NO_SOFT_SIGNALS
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.float64] | None]:
    """Positions of matching vacancies in result order, and their distances (None without a place).

    Ties are broken deterministically: by distance, then newest, then id (or newest, distance, id).
    Sorted by distance, ``soft`` signals count as miles nearer (``matching.soft_order``); they never
    change which vacancies match, and do not change the newest-first order.
    """
    mask = filter_mask(index, filters)
    if filters.place is None:
        positions = np.flatnonzero(mask)
        order = np.lexsort((index.id[positions], -index.posted_on[positions].astype(np.int64)))
        return positions[order], None
    place = filters.place
    positions, miles = miles_within(
        place.latitude, place.longitude, index.latitude, index.longitude, filters.radius_miles, mask
    )
    newest_first = -index.posted_on[positions].astype(np.int64)
    ids = index.id[positions]
    if filters.sort == "newest":
        order = np.lexsort((ids, miles, newest_first))
    else:
        order = soft_order(miles, newest_first, ids, index.job_role[positions], soft)
    return positions[order], miles[order]


def search(index: VacancyIndex, filters: JobFilters, *, limit: int | None = None, offset: int = 0) -> list[Hit]:
    """Matching vacancies, sorted as asked. ``limit``/``offset`` give one page (count with ``count``)."""
    positions, miles = search_positions(index, filters)
    stop = None if limit is None else offset + limit
    page = positions[offset:stop]
    ids = index.id[page].tolist()
    if miles is None:
        return [Hit(p, i, None) for p, i in zip(page.tolist(), ids, strict=True)]
    return [Hit(p, i, d) for p, i, d in zip(page.tolist(), ids, miles[offset:stop].tolist(), strict=True)]


def search_page(
    index: VacancyIndex,
    filters: JobFilters,
    *,
    page: int = 1,
    per_page: int = 20,
    soft: SoftSignals = NO_SOFT_SIGNALS,
) -> ResultPage:
    """One page of results (pages count from 1) with the total, building ``Hit`` objects only for that page."""
    if page < 1 or per_page < 1:
        raise ValueError("page and per_page must be at least 1")
    positions, miles = search_positions(index, filters, soft)
    start = (page - 1) * per_page
    chosen = positions[start : start + per_page]
    ids = index.id[chosen].tolist()
    distances = [None] * len(ids) if miles is None else miles[start : start + per_page].tolist()
    hits = [Hit(p, i, d) for p, i, d in zip(chosen.tolist(), ids, distances, strict=True)]
    return ResultPage(int(positions.shape[0]), page, per_page, hits)


def count(index: VacancyIndex, filters: JobFilters) -> int:
    return int(search_positions(index, filters)[0].shape[0])


@dataclass(frozen=True)
class Suggestion:
    """A way to widen a search: link text, the widened filters, and how many jobs it would find (if known)."""

    text: str
    filters: JobFilters
    count: int | None = None


def next_radius(radius_miles: float) -> float | None:
    for step in RADIUS_STEPS_MILES:
        if step > radius_miles:
            return step
    return None


def _candidate_widenings(filters: JobFilters) -> list[tuple[str, JobFilters]]:
    replace = dataclasses.replace
    options: list[tuple[str, JobFilters]] = []
    wider = next_radius(filters.radius_miles)
    if filters.place is not None and wider is not None:
        options.append((f"Search up to {miles_text(wider)}", replace(filters, radius_miles=wider)))
    if filters.min_hourly_rate is not None:
        options.append(("Remove the pay filter", replace(filters, min_hourly_rate=None)))
    if filters.hours:
        options.append(("Show all working hours", replace(filters, hours=HoursPattern(0))))
    if filters.job_roles:
        options.append(("Show all job roles", replace(filters, job_roles=frozenset())))
    if filters.travel_time_paid:
        options.append(("Include jobs that do not say they pay travel time", replace(filters, travel_time_paid=False)))
    if filters.visa_sponsorship:
        options.append(("Include jobs without visa sponsorship", replace(filters, visa_sponsorship=False)))
    if filters.without_car:
        options.append(("Include jobs that need a car", replace(filters, without_car=False)))
    if filters.without_driving_licence:
        options.append(
            (
                "Include jobs that need a driving licence",
                replace(filters, without_driving_licence=False, without_car=False),
            )
        )
    return options


def widen_suggestions(filters: JobFilters, index: VacancyIndex | None = None) -> list[Suggestion]:
    """Ways to widen a search that found nothing (or too little).

    Without an index, every applicable change is offered, wider distance first. With an index, each is
    counted and only those that would find jobs are offered, most jobs first (ties keep the order above).
    """
    options = _candidate_widenings(filters)
    if index is None:
        return [Suggestion(text, widened) for text, widened in options]
    counted = [Suggestion(text, widened, count(index, widened)) for text, widened in options]
    found = [s for s in counted if s.count]
    return sorted(found, key=lambda s: -(s.count or 0))
