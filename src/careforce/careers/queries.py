"""Reads for the careers pages: the live vacancy index (held in memory), vacancy details, typical pay,
and a job seeker's own applications and saved things.

Live vacancies are published and not closed (no closing date, or closing today or later). Their
positions come from the workplace postcode (``lookup_postcode``); a workplace whose postcode cannot be
placed is left out of search. The index, and what a results page shows of each vacancy
(``VacancyDetails``), are read in one query once per process and kept until the data change:

* a save or delete of a vacancy or workplace through the ORM in this process bumps a version at once
  (signals, in ``apps.py``);
* at most once a second one cheap query reads a data version (ADR 0050): the count, highest id and
  number published of vacancies and, on PostgreSQL, a checksum of the row versions (``xmin``) of
  vacancies, workplaces and organisations, so any insert, update or delete by any process or tool is
  seen within a second; on SQLite (the embedded single-machine setup) the workplaces' count and latest
  ``updated_at`` instead;
* the date is part of the version (closing dates);
* and it is rebuilt after ``MAX_AGE_SECONDS`` whatever happens.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
from django.db import connection
from django.db.models import Count, Max, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from careforce.accounts.scope import Actor, scope_of
from careforce.domain.careers.pay import PayGroup, typical_pay
from careforce.domain.careers.postcodes import Place, PostcodeError, lookup_postcode
from careforce.domain.careers.vacancies import HoursPattern, VacancyIndex
from careforce.recruitment.models import Application
from careforce.region.models import Council
from careforce.workforce.models import Organisation, Vacancy, Workplace

from .models import SavedSearch, SavedSelfAssessment

CHECK_INTERVAL_SECONDS = 1.0
MAX_AGE_SECONDS = 300.0


class VacancyDetails(NamedTuple):
    """What a page shows of one vacancy, flat (no model instances are kept in memory)."""

    id: int
    job_role: int
    title: str
    number_of_posts: int
    hourly_rate: Decimal | None
    contracted_hours: Decimal | None
    guaranteed_hours: bool
    full_time: bool
    part_time: bool
    school_hours: bool
    nights: bool
    weekends: bool
    requires_driving_licence: bool
    requires_car: bool
    travel_time_paid: bool
    offers_visa_sponsorship: bool
    posted_on: dt.date
    closing_date: dt.date | None
    workplace: str
    post_town: str
    cqc_rating: str
    employer: str
    council: str


# the columns of VacancyDetails, in order, as the ORM names them
_DETAIL_COLUMNS = (
    "id",
    "job_role",
    "title",
    "number_of_posts",
    "hourly_rate",
    "contracted_hours",
    "guaranteed_hours",
    "full_time",
    "part_time",
    "school_hours",
    "nights",
    "weekends",
    "requires_driving_licence",
    "requires_car",
    "travel_time_paid",
    "offers_visa_sponsorship",
    "posted_on",
    "closing_date",
    "workplace__name",
    "workplace__post_town",
    "workplace__cqc_rating",
    "workplace__organisation__name",
    "workplace__council__name",
)


def details_of(vacancy: Vacancy) -> VacancyDetails:
    """A vacancy read from the database (with its workplace, provider and council) as ``VacancyDetails``."""
    workplace = vacancy.workplace
    return VacancyDetails(
        vacancy.pk,
        vacancy.job_role,
        vacancy.title,
        vacancy.number_of_posts,
        vacancy.hourly_rate,
        vacancy.contracted_hours,
        vacancy.guaranteed_hours,
        vacancy.full_time,
        vacancy.part_time,
        vacancy.school_hours,
        vacancy.nights,
        vacancy.weekends,
        vacancy.requires_driving_licence,
        vacancy.requires_car,
        vacancy.travel_time_paid,
        vacancy.offers_visa_sponsorship,
        vacancy.posted_on,
        vacancy.closing_date,
        workplace.name,
        workplace.post_town,
        workplace.cqc_rating,
        workplace.organisation.name,
        workplace.council.name,
    )


@dataclass(frozen=True)
class LiveVacancies:
    """The search index, the council (GSS code) and the details of each vacancy, all in the same order.

    ``memo`` holds things worked out from this data (presented vacancies, result pages), so they are
    dropped with it when the data change.
    """

    index: VacancyIndex
    council_code: npt.NDArray[np.str_]
    details: tuple[VacancyDetails, ...]
    version: tuple[Any, ...]
    built_at: float
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)


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


def _row_version_sql() -> str:
    """PostgreSQL: one query for the vacancy counts and a checksum of the row versions (xmin) of the
    tables a results page reads. Every insert, update or delete changes a row's xmin or the count."""
    vacancy, workplace, organisation = (m._meta.db_table for m in (Vacancy, Workplace, Organisation))
    return (
        f"SELECT count(*), max(id), count(*) FILTER (WHERE is_published), sum(xmin::text::bigint), "
        f'(SELECT sum(xmin::text::bigint) FROM "{workplace}"), (SELECT sum(xmin::text::bigint) FROM "{organisation}") '
        f'FROM "{vacancy}"'
    )


def _db_version() -> tuple[Any, ...]:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_row_version_sql())
            return tuple(cursor.fetchone() or ())
    row = Vacancy.objects.aggregate(n=Count("id"), top=Max("id"), published=Count("id", filter=Q(is_published=True)))
    places = Workplace.objects.aggregate(n=Count("id"), changed=Max("updated_at"))
    return (row["n"], row["top"], row["published"], places["n"], places["changed"])


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
        live = _state["live"]
        if (
            live is not None
            and time.monotonic() - _state["checked_at"] < CHECK_INTERVAL_SECONDS
            and live.version[0] == today
        ):
            return live  # another thread checked while this one waited
        db_version = _db_version()
        version = (today, _state["bumps"], *db_version)
        live = _state["live"]
        if live is None or live.version != version or now - live.built_at > MAX_AGE_SECONDS:
            live = _build(today, version)
            _state["live"] = live
        _state["checked_at"] = time.monotonic()
        return live


def _build(today: dt.date, version: tuple[Any, ...]) -> LiveVacancies:
    rows = _open_vacancies(today).values_list(*_DETAIL_COLUMNS, "workplace__postcode", "workplace__council_id")
    places: list[tuple[float, float]] = []
    councils: list[str] = []
    details: list[VacancyDetails] = []
    for row in rows.order_by("id").iterator(chunk_size=5000):
        place = _place(row[-2])
        if place is None:
            continue
        places.append((place.latitude, place.longitude))
        councils.append(row[-1])
        details.append(VacancyDetails._make(row[:-2]))
    n = len(details)

    def column(name: str, dtype: Any) -> Any:
        return np.fromiter((getattr(d, name) for d in details), dtype=dtype, count=n)

    flags = {p: column((p.name or "").lower(), np.bool_) for p in HoursPattern}
    hours = np.zeros(n, dtype=np.uint8)
    for pattern, offered in flags.items():
        hours |= offered * np.uint8(int(pattern))
    coordinates = np.array(places, dtype=np.float64).reshape(n, 2)
    index = VacancyIndex(
        id=column("id", np.int64),
        latitude=coordinates[:, 0].copy(),
        longitude=coordinates[:, 1].copy(),
        job_role=column("job_role", np.int16),
        hourly_rate=np.fromiter(
            (np.nan if d.hourly_rate is None else float(d.hourly_rate) for d in details), dtype=np.float64, count=n
        ),
        hours=hours,
        requires_driving_licence=column("requires_driving_licence", np.bool_),
        requires_car=column("requires_car", np.bool_),
        travel_time_paid=column("travel_time_paid", np.bool_),
        offers_visa_sponsorship=column("offers_visa_sponsorship", np.bool_),
        posted_on=np.array([d.posted_on for d in details], dtype="datetime64[D]"),
    )
    return LiveVacancies(index, np.array(councils, dtype=np.str_), tuple(details), version, time.monotonic())


def vacancies_by_id(ids: list[int]) -> dict[int, Vacancy]:
    """Vacancies with their workplace, provider and council, for showing a page of results."""
    return (
        Vacancy.objects.select_related("workplace__organisation", "workplace__council")
        .only(*_SHOWN)
        .order_by()
        .in_bulk(ids)
    )


def current_live_vacancies(ids: list[int]) -> dict[int, Vacancy]:
    """The vacancies among ``ids`` that are live now, read from the database as they are now (every column,
    with their workplace and provider): what a job alert tells people, whatever the index last saw."""
    return (
        _open_vacancies(timezone.localdate())
        .select_related("workplace__organisation", "workplace__council")
        .order_by()
        .in_bulk(ids)
    )


# the columns a results page shows (workplaces carry large JSON columns a page of results does not need)
_SHOWN = (*_DETAIL_COLUMNS, "workplace__postcode")


def live_vacancy(vacancy_id: int) -> Vacancy:
    """A live vacancy anyone may see; closed, unpublished or unknown ones are 404."""
    try:
        return (
            _open_vacancies(timezone.localdate())
            .select_related("workplace__organisation", "workplace__council")
            .get(pk=vacancy_id)
        )
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


# A job seeker's own records: every function takes the acting user's scope (or the user) and returns only theirs.


def applications_of(user: Actor) -> QuerySet[Application]:
    return (
        Application.objects.filter(applicant_id=_own(user))
        .select_related("vacancy__workplace__organisation")
        .order_by("-created_at", "-pk")
    )


def _own(user: Actor) -> int:
    """The id whose records are the user's own; -1 (nobody's) for someone not signed in."""
    found = scope_of(user).user_id
    return -1 if found is None else found


def saved_searches_of(user: Actor) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(user_id=_own(user))


def saved_search_of(user: Actor, search_id: int) -> SavedSearch:
    try:
        return SavedSearch.objects.get(pk=search_id, user_id=_own(user))
    except SavedSearch.DoesNotExist:
        raise Http404("No such saved search") from None


def self_assessments_of(user: Actor) -> QuerySet[SavedSelfAssessment]:
    return SavedSelfAssessment.objects.filter(user_id=_own(user))


def latest_self_assessment_answers(user: Actor) -> dict[str, str] | None:
    """The answers of the last "Is care right for me?" result this person chose to save, if any."""
    if not scope_of(user).signed_in:
        return None
    answers: dict[str, str] | None = (
        SavedSelfAssessment.objects.filter(user_id=_own(user))
        .order_by("-created_at", "-pk")
        .values_list("answers", flat=True)
        .first()
    )
    return answers
