"""Live vacancies as columns of NumPy arrays, so a search looks at all of them at once.

The database layer builds a ``VacancyIndex`` (``VacancyIndex.from_records`` takes plain records;
or fill the arrays directly) and hands it to ``search`` and ``rank``. One position = one vacancy.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt


class HoursPattern(enum.IntFlag):
    """Working patterns a vacancy offers (a vacancy can have several, e.g. part-time and school hours)."""

    FULL_TIME = 1
    PART_TIME = 2
    SCHOOL_HOURS = 4
    NIGHTS = 8
    WEEKENDS = 16

    @property
    def label(self) -> str:
        return _HOURS_LABELS[self]

    @classmethod
    def from_names(cls, names: Iterable[str]) -> HoursPattern:
        """``{"part_time", "nights"}`` to the combined flag; raises ``KeyError`` for an unknown name."""
        flag = cls(0)
        for name in names:
            flag |= cls[name.upper()]
        return flag

    def names(self) -> tuple[str, ...]:
        return tuple(p.name.lower() for p in HOURS_PATTERNS if p in self and p.name)


HOURS_PATTERNS: tuple[HoursPattern, ...] = (
    HoursPattern.FULL_TIME,
    HoursPattern.PART_TIME,
    HoursPattern.SCHOOL_HOURS,
    HoursPattern.NIGHTS,
    HoursPattern.WEEKENDS,
)
_HOURS_LABELS = {
    HoursPattern.FULL_TIME: "full-time",
    HoursPattern.PART_TIME: "part-time",
    HoursPattern.SCHOOL_HOURS: "school hours",
    HoursPattern.NIGHTS: "nights",
    HoursPattern.WEEKENDS: "weekends",
}


@dataclass(frozen=True)
class VacancyRecord:
    """One live vacancy as the database layer knows it. ``hourly_rate`` is None when pay is not given."""

    id: int
    latitude: float
    longitude: float
    job_role: int  # ASC-WDS job role code (data/ascwds/job_roles.csv)
    hourly_rate: float | None
    hours: HoursPattern
    requires_driving_licence: bool
    requires_car: bool
    travel_time_paid: bool
    offers_visa_sponsorship: bool
    posted_on: dt.date


@dataclass(frozen=True)
class VacancyIndex:
    """Columnar live vacancies. Every array has one entry per vacancy, in the same order.

    - ``id``: int64 primary key
    - ``latitude``, ``longitude``: float64 WGS84 degrees of the workplace
    - ``job_role``: int16 ASC-WDS job role code
    - ``hourly_rate``: float64 pounds per hour; NaN when the advert gives no pay
    - ``hours``: uint8 bit set of ``HoursPattern``
    - ``requires_driving_licence``, ``requires_car``, ``travel_time_paid``, ``offers_visa_sponsorship``: bool
    - ``posted_on``: datetime64[D]
    """

    id: npt.NDArray[np.int64]
    latitude: npt.NDArray[np.float64]
    longitude: npt.NDArray[np.float64]
    job_role: npt.NDArray[np.int16]
    hourly_rate: npt.NDArray[np.float64]
    hours: npt.NDArray[np.uint8]
    requires_driving_licence: npt.NDArray[np.bool_]
    requires_car: npt.NDArray[np.bool_]
    travel_time_paid: npt.NDArray[np.bool_]
    offers_visa_sponsorship: npt.NDArray[np.bool_]
    posted_on: npt.NDArray[np.datetime64]

    def __post_init__(self) -> None:
        n = self.id.shape[0]
        for name in self.__dataclass_fields__:
            array = getattr(self, name)
            if array.ndim != 1 or array.shape[0] != n:
                raise ValueError(f"VacancyIndex.{name} must be one-dimensional with {n} entries")

    def __len__(self) -> int:
        return int(self.id.shape[0])

    @classmethod
    def from_records(cls, records: Iterable[VacancyRecord]) -> VacancyIndex:
        rows = list(records)
        return cls(
            id=np.array([r.id for r in rows], dtype=np.int64),
            latitude=np.array([r.latitude for r in rows], dtype=np.float64),
            longitude=np.array([r.longitude for r in rows], dtype=np.float64),
            job_role=np.array([r.job_role for r in rows], dtype=np.int16),
            hourly_rate=np.array([np.nan if r.hourly_rate is None else r.hourly_rate for r in rows], dtype=np.float64),
            hours=np.array([int(r.hours) for r in rows], dtype=np.uint8),
            requires_driving_licence=np.array([r.requires_driving_licence for r in rows], dtype=np.bool_),
            requires_car=np.array([r.requires_car for r in rows], dtype=np.bool_),
            travel_time_paid=np.array([r.travel_time_paid for r in rows], dtype=np.bool_),
            offers_visa_sponsorship=np.array([r.offers_visa_sponsorship for r in rows], dtype=np.bool_),
            posted_on=np.array([np.datetime64(r.posted_on, "D") for r in rows], dtype="datetime64[D]"),
        )

    def record(self, position: int) -> VacancyRecord:
        """The vacancy at one position, as a plain record (for explanations and tests)."""
        rate = float(self.hourly_rate[position])
        return VacancyRecord(
            id=int(self.id[position]),
            latitude=float(self.latitude[position]),
            longitude=float(self.longitude[position]),
            job_role=int(self.job_role[position]),
            hourly_rate=None if np.isnan(rate) else rate,
            hours=HoursPattern(int(self.hours[position])),
            requires_driving_licence=bool(self.requires_driving_licence[position]),
            requires_car=bool(self.requires_car[position]),
            travel_time_paid=bool(self.travel_time_paid[position]),
            offers_visa_sponsorship=bool(self.offers_visa_sponsorship[position]),
            posted_on=self.posted_on[position].astype(dt.date),
        )


# ASC-WDS travel time pay codes (data/ascwds/travel_time_pay.csv) that mean travel time is paid,
# or that there is no travel between visits to go unpaid. 5 = not paid, 999 = not known.
TRAVEL_TIME_PAID_CODES = frozenset({1, 2, 3, 4, 6})


def travel_time_paid_from_code(code: int | None) -> bool:
    """For the database layer: does an ASC-WDS travel time pay code count as "travel time paid"?"""
    return code in TRAVEL_TIME_PAID_CODES
