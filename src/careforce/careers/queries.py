"""Reads for the careers pages: the live vacancy index (held in memory), vacancy details, typical pay,
and a job seeker's own applications and saved things.

Live vacancies are published and not closed (no closing date, or closing today or later). Their
positions come from the workplace postcode (``lookup_postcode``); a workplace whose postcode cannot be
placed is left out of search. The index is built once per process and rebuilt when the data change:
a save or delete of a vacancy or workplace through the ORM bumps a version (signals, in ``apps.py``);
at most once a second a cheap aggregate (count, highest id, number published) catches bulk loads and
other processes; the date is part of the version (closing dates); and it is rebuilt after
``MAX_AGE_SECONDS`` whatever happens, for edits made outside Django.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt
from django.db.models import Count, Max, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from careforce.domain.careers.pay import PayGroup, typical_pay
from careforce.domain.careers.postcodes import Place, PostcodeError, lookup_postcode
from careforce.domain.careers.vacancies import HoursPattern, VacancyIndex
from careforce.recruitment.models import Application
from careforce.region.models import Council
from careforce.workforce.models import Vacancy

from .models import SavedSearch, SavedSelfAssessment

CHECK_INTERVAL_SECONDS = 1.0
MAX_AGE_SECONDS = 300.0


@dataclass(frozen=True)
class LiveVacancies:
    """The search index plus the council (GSS code) of each vacancy, in the same order."""

    index: VacancyIndex
    council_code: npt.NDArray[np.str_]
    version: tuple[Any, ...]
    built_at: float


_lock = threading.Lock()
_state: dict[str, Any] = {"live": None, "checked_at": 0.0, "db_version": None, "bumps": 0}


def data_changed(**_: Any) -> None:
    """Signal receiver: a vacancy or workplace was saved or deleted, so rebuild on the next search."""
    _state["bumps"] += 1
    _state["checked_at"] = 0.0


def forget_index() -> None:
    """Drop the in-memory index (tests, after data change outside the ORM)."""
    with _lock:
        _state.update(live=None, checked_at=0.0, db_version=None)


def _open_vacancies(today: dt.date) -> QuerySet[Vacancy]:
    return Vacancy.objects.filter(Q(closing_date__isnull=True) | Q(closing_date__gte=today), is_published=True)


def _db_version() -> tuple[Any, ...]:
    row = Vacancy.objects.aggregate(n=Count("id"), top=Max("id"), published=Count("id", filter=Q(is_published=True)))
    return (row["n"], row["top"], row["published"])


@lru_cache(maxsize=20_000)
def _place(postcode: str) -> Place | None:
    try:
        return lookup_postcode(postcode)
    except PostcodeError:
        return None


def live_vacancies() -> LiveVacancies:
    """The live vacancy index, rebuilt only when the data (or the date) have changed."""
    now = time.monotonic()
    today = timezone.localdate()
    live: LiveVacancies | None = _state["live"]
    if live is not None and now - _state["checked_at"] < CHECK_INTERVAL_SECONDS and live.version[0] == today:
        return live
    with _lock:
        db_version = _db_version()
        version = (today, _state["bumps"], *db_version)
        live = _state["live"]
        if live is None or live.version != version or now - live.built_at > MAX_AGE_SECONDS:
            live = _build(today, version)
            _state["live"] = live
        _state["checked_at"] = time.monotonic()
        return live


def _build(today: dt.date, version: tuple[Any, ...]) -> LiveVacancies:
    rows = _open_vacancies(today).values_list(
        "id", "job_role", "hourly_rate", "full_time", "part_time", "school_hours", "nights", "weekends",
        "requires_driving_licence", "requires_car", "travel_time_paid", "offers_visa_sponsorship", "posted_on",
        "workplace__postcode", "workplace__council_id",
    ).order_by("id")
    columns: dict[str, list[Any]] = {k: [] for k in (
        "id", "latitude", "longitude", "job_role", "hourly_rate", "hours", "requires_driving_licence", "requires_car",
        "travel_time_paid", "offers_visa_sponsorship", "posted_on", "council")}
    for (pk, role, rate, full, part, school, nights, weekends, licence, car, travel, visa, posted, postcode,
         council) in rows.iterator(chunk_size=5000):
        place = _place(postcode)
        if place is None:
            continue
        hours = (HoursPattern.FULL_TIME * full | HoursPattern.PART_TIME * part | HoursPattern.SCHOOL_HOURS * school
                 | HoursPattern.NIGHTS * nights | HoursPattern.WEEKENDS * weekends)
        for key, value in (("id", pk), ("latitude", place.latitude), ("longitude", place.longitude),
                           ("job_role", role), ("hourly_rate", np.nan if rate is None else float(rate)),
                           ("hours", int(hours)), ("requires_driving_licence", licence), ("requires_car", car),
                           ("travel_time_paid", travel), ("offers_visa_sponsorship", visa), ("posted_on", posted),
                           ("council", council)):
            columns[key].append(value)
    index = VacancyIndex(
        id=np.array(columns["id"], dtype=np.int64),
        latitude=np.array(columns["latitude"], dtype=np.float64),
        longitude=np.array(columns["longitude"], dtype=np.float64),
        job_role=np.array(columns["job_role"], dtype=np.int16),
        hourly_rate=np.array(columns["hourly_rate"], dtype=np.float64),
        hours=np.array(columns["hours"], dtype=np.uint8),
        requires_driving_licence=np.array(columns["requires_driving_licence"], dtype=np.bool_),
        requires_car=np.array(columns["requires_car"], dtype=np.bool_),
        travel_time_paid=np.array(columns["travel_time_paid"], dtype=np.bool_),
        offers_visa_sponsorship=np.array(columns["offers_visa_sponsorship"], dtype=np.bool_),
        posted_on=np.array(columns["posted_on"], dtype="datetime64[D]"),
    )
    return LiveVacancies(index, np.array(columns["council"], dtype=np.str_), version, time.monotonic())


def vacancies_by_id(ids: list[int]) -> dict[int, Vacancy]:
    """Vacancies with their workplace, provider and council, for showing a page of results."""
    return (Vacancy.objects.select_related("workplace__organisation", "workplace__council")
            .only(*_SHOWN).order_by().in_bulk(ids))


# the columns a results page shows (workplaces carry large JSON columns a page of results does not need)
_SHOWN = (
    "id", "job_role", "number_of_posts", "title", "hourly_rate", "contracted_hours", "guaranteed_hours", "full_time",
    "part_time", "school_hours", "nights", "weekends", "requires_driving_licence", "requires_car", "travel_time_paid",
    "offers_visa_sponsorship", "posted_on", "closing_date", "workplace__name", "workplace__post_town",
    "workplace__postcode", "workplace__cqc_rating", "workplace__organisation__name", "workplace__council__name",
)


def live_vacancy(vacancy_id: int) -> Vacancy:
    """A live vacancy anyone may see; closed, unpublished or unknown ones are 404."""
    try:
        return (_open_vacancies(timezone.localdate()).select_related("workplace__organisation", "workplace__council")
                .get(pk=vacancy_id))
    except Vacancy.DoesNotExist:
        raise Http404("No such job") from None


def workplace_place(vacancy: Vacancy) -> Place | None:
    return _place(vacancy.workplace.postcode)


def typical_pay_by_role() -> list[PayGroup]:
    live = live_vacancies()
    return typical_pay(live.index.job_role, live.index.hourly_rate)


def typical_pay_by_role_and_council() -> list[PayGroup]:
    live = live_vacancies()
    return typical_pay(live.index.job_role, live.index.hourly_rate, live.council_code)


def council_names() -> dict[str, str]:
    return dict(Council.objects.values_list("gss_code", "name"))


# A job seeker's own records: every function takes the acting user and returns only theirs.

def applications_of(user: Any) -> QuerySet[Application]:
    return (Application.objects.filter(applicant=user)
            .select_related("vacancy__workplace__organisation").order_by("-created_at", "-pk"))


def claim_applications(user: Any, application_ids: list[int]) -> int:
    """Link applications made in this browser session, with the account's email, to the new account."""
    return (Application.objects.filter(pk__in=application_ids, applicant__isnull=True, email__iexact=user.email)
            .update(applicant=user))


def saved_searches_of(user: Any) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(user=user)


def saved_search_of(user: Any, search_id: int) -> SavedSearch:
    try:
        return SavedSearch.objects.get(pk=search_id, user=user)
    except SavedSearch.DoesNotExist:
        raise Http404("No such saved search") from None


def self_assessments_of(user: Any) -> QuerySet[SavedSelfAssessment]:
    return SavedSelfAssessment.objects.filter(user=user)
