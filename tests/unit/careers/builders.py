"""Small hand-made vacancies around a fixed point, for search and matching tests."""

from __future__ import annotations

import datetime as dt
import math

from careforce.domain.careers.distance import MEAN_EARTH_RADIUS_MILES
from careforce.domain.careers.postcodes import Place
from careforce.domain.careers.vacancies import HoursPattern, VacancyIndex, VacancyRecord

# Birmingham city centre (B1 district centre, rounded)
HOME = Place("B1 1AA", 52.48, -1.90, "E08000025", "postcode")
MILES_PER_DEGREE_LATITUDE = MEAN_EARTH_RADIUS_MILES * math.pi / 180


def vacancy(
    id: int,
    miles_north: float = 1.0,
    *,
    job_role: int = 8,
    hourly_rate: float | None = 12.5,
    hours: HoursPattern = HoursPattern.FULL_TIME,
    requires_driving_licence: bool = False,
    requires_car: bool = False,
    travel_time_paid: bool = False,
    offers_visa_sponsorship: bool = False,
    posted_on: dt.date = dt.date(2026, 1, 10),
) -> VacancyRecord:
    return VacancyRecord(
        id=id,
        latitude=HOME.latitude + miles_north / MILES_PER_DEGREE_LATITUDE,
        longitude=HOME.longitude,
        job_role=job_role,
        hourly_rate=hourly_rate,
        hours=hours,
        requires_driving_licence=requires_driving_licence,
        requires_car=requires_car,
        travel_time_paid=travel_time_paid,
        offers_visa_sponsorship=offers_visa_sponsorship,
        posted_on=posted_on,
    )


def index(*records: VacancyRecord) -> VacancyIndex:
    return VacancyIndex.from_records(records)
