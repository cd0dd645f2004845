"""The workforce-measure facts (``careforce.domain.metrics.AreaFacts``) built from the database.

The region's facts are read with one query per table (``values_list`` of plain numbers and ISO dates,
no model instances) and kept in process memory with the tables built from them. Before using them,
each request asks the database for a cheap *data version* (the count and latest change of staff
records, workplaces and returns, in one query); when it differs the facts are read again (ADR 0035).

A council's or a provider's facts are slices of the region's, so they hold only its workplaces and
their records. Nothing here leaves this module except aggregated tables: callers receive facts only
through ``queries``, scoped by the acting user.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

import numpy as np
from django.conf import settings
from django.db import connection
from django.db.models import CharField, F, FloatField, Max, Value
from django.db.models.functions import Cast, Coalesce

from careforce.domain.metrics import AreaFacts, VacancyFacts, WorkerFacts, WorkplaceFacts, WorkplaceReturns
from careforce.domain.metrics.facts import DONT_KNOW, UNKNOWN_PERSON
from careforce.workforce.models import Worker, Workplace

from .models import ReturnVacancy, WorkplaceReturn

T = TypeVar("T")
TABLE_CACHE_SIZE = 2048


@dataclass(eq=False)
class RegionFacts:
    """The whole region's facts, with each workplace's organisation (for provider slices)."""

    version: tuple[Any, ...]
    facts: AreaFacts
    organisation: np.ndarray  # organisation id of each row of facts.workplaces
    reference_date: date
    slices: dict[Hashable, AreaFacts] = field(default_factory=dict)
    tables: OrderedDict[Hashable, Any] = field(default_factory=OrderedDict)


_lock = threading.Lock()
_current: RegionFacts | None = None


def data_version() -> tuple[Any, ...]:
    """Counts and latest changes of the tables the facts come from, in one query."""
    q = connection.ops.quote_name
    parts = []
    for table, changed in (
        (Worker._meta.db_table, "updated_at"),
        (Workplace._meta.db_table, "updated_at"),
        (WorkplaceReturn._meta.db_table, "recorded_at"),
        (ReturnVacancy._meta.db_table, "id"),
    ):
        parts.append(f"(SELECT COUNT(*) FROM {q(table)})")
        parts.append(f"(SELECT MAX({q(changed)}) FROM {q(table)})")
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        row = cursor.fetchone()
    return tuple(str(v) for v in row)


def region_facts() -> RegionFacts:
    """The region's facts, read again only when the data version has changed."""
    global _current
    version = data_version()
    current = _current
    if current is not None and current.version == version:
        return current
    with _lock:
        if _current is None or _current.version != version:
            _current = _read(version)
        return _current


def forget() -> None:
    """Drop the cached facts (tests that change data within one transaction call this)."""
    global _current
    _current = None


def cached(region: RegionFacts, key: Hashable, build: Callable[[], T]) -> T:
    """A value (e.g. a built table) memoised for this version of the facts, least recently used first out."""
    tables = region.tables
    if key in tables:
        tables.move_to_end(key)
        return tables[key]  # type: ignore[no-any-return]
    value = build()
    with _lock:
        tables[key] = value
        while len(tables) > TABLE_CACHE_SIZE:
            tables.popitem(last=False)
    return value


# ---- slices --------------------------------------------------------------------------------------------
def _slice(region: RegionFacts, key: Hashable, keep_workplace: np.ndarray) -> AreaFacts:
    if key in region.slices:
        return region.slices[key]
    f = region.facts
    wp = f.workplaces
    kept_ids = wp.workplace_id[keep_workplace]

    def rows(ids: np.ndarray) -> np.ndarray:
        return np.isin(ids, kept_ids)

    def take(obj: Any, mask: np.ndarray) -> Any:
        return type(obj)(*(getattr(obj, name)[mask] for name in obj.__dataclass_fields__))

    out = AreaFacts(
        take(f.workers, rows(f.workers.workplace_id)),
        take(wp, keep_workplace),
        take(f.returns, rows(f.returns.workplace_id)),
        take(f.vacancies, rows(f.vacancies.workplace_id)),
    )
    with _lock:
        region.slices[key] = out
    return out


def council_facts(region: RegionFacts, gss_code: str) -> AreaFacts:
    return _slice(region, ("council", gss_code), region.facts.workplaces.council_code == gss_code)


def organisation_facts(region: RegionFacts, organisation_id: int, gss_code: str, *, others: bool = False) -> AreaFacts:
    """The facts of one organisation's workplaces in a council, or (``others``) of every other provider's."""
    in_council = region.facts.workplaces.council_code == gss_code
    ours = region.organisation == organisation_id
    keep = in_council & (~ours if others else ours)
    return _slice(region, ("organisation", organisation_id, gss_code, others), keep)


def councils_of_organisation(region: RegionFacts, organisation_id: int) -> dict[str, int]:
    """GSS code -> number of the organisation's workplaces in that council."""
    codes = region.facts.workplaces.council_code[region.organisation == organisation_id]
    values, counts = np.unique(codes, return_counts=True)
    return {str(v): int(c) for v, c in zip(values, counts, strict=True)}


# ---- reading -------------------------------------------------------------------------------------------
def _fetch(queryset: Any) -> list[tuple[Any, ...]]:
    """Rows of a ``values_list`` query straight from the cursor: every column is already a plain number or
    text in SQL (casts below), so Django's per-value converters, which would take most of the time, are
    skipped."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()  # type: ignore[no-any-return]


def _column(rows: list[tuple[Any, ...]], i: int, dtype: Any) -> np.ndarray:
    return np.array([r[i] for r in rows], dtype=dtype)


def _person_ids(ni_numbers: list[str]) -> np.ndarray:
    """A number per National Insurance number (a keyed hash, so the number itself is not kept);
    UNKNOWN_PERSON where it is blank."""
    key = settings.SECRET_KEY.encode()[:64]
    out = np.full(len(ni_numbers), UNKNOWN_PERSON, np.int64)
    for i, ni in enumerate(ni_numbers):
        if ni:
            digest = hashlib.blake2b(ni.strip().upper().encode(), key=key, digest_size=7).digest()
            out[i] = int.from_bytes(digest, "big")
    return out


def _text_date(name: str) -> Cast:
    return Cast(name, CharField())


def _float(name: str) -> Cast:
    return Cast(name, FloatField())


def _code(name: str, missing: int = 0) -> Coalesce:
    return Coalesce(F(name), Value(missing))


def _read_workers() -> WorkerFacts:
    fields = {
        "f_ni": Coalesce(F("national_insurance_number"), Value("")),
        "f_wp": F("workplace_id"),
        "f_role": F("main_job_role"),
        "f_contract": F("contract_type"),
        "f_hours": _float("contracted_hours"),
        "f_avg": _float("average_hours"),
        "f_zero": _code("zero_hours_contract"),
        "f_rate": _float("hourly_rate"),
        "f_salary": _float("annual_salary"),
        "f_start": _text_date("start_date"),
        "f_left": _text_date("left_on"),
        "f_dob": _text_date("date_of_birth"),
        "f_gender": _code("gender"),
        "f_ethnicity": _code("ethnicity"),
        "f_nationality": _code("nationality"),
        "f_disability": _code("disability", -1),
        "f_source": _code("recruitment_source"),
        "f_cc": F("care_certificate"),
        "f_level": _code("social_care_qualification_level", -1),
        "f_sick": _float("days_sick"),
    }
    rows = _fetch(Worker.objects.order_by().annotate(**fields).values_list(*fields))
    i16, f64, day = np.int16, np.float64, "datetime64[D]"
    level = _column(rows, 18, np.int64)
    # a blank level means "none or not known" (workforce.Worker); counted as no relevant qualification
    scqual = np.where(level >= 0, 1, 2).astype(i16)
    return WorkerFacts(
        person_id=_person_ids([r[0] for r in rows]),
        workplace_id=_column(rows, 1, np.int64),
        job_role=_column(rows, 2, i16),
        contract_type=_column(rows, 3, i16),
        contracted_hours=_column(rows, 4, f64),
        average_hours=_column(rows, 5, f64),
        zero_hours=_column(rows, 6, i16),
        hourly_rate=_column(rows, 7, f64),
        annual_salary=_column(rows, 8, f64),
        start_date=_column(rows, 9, day),
        left_on=_column(rows, 10, day),
        date_of_birth=_column(rows, 11, day),
        gender=_column(rows, 12, i16),
        ethnicity=_column(rows, 13, i16),
        nationality=_column(rows, 14, i16),
        disability=_column(rows, 15, i16),
        recruitment_source=_column(rows, 16, i16),
        care_certificate=_column(rows, 17, i16),
        social_care_qualification=scqual,
        social_care_qualification_level=np.where(level >= 0, level, DONT_KNOW).astype(i16),
        days_sick=_column(rows, 19, f64),
    )


def _read(version: tuple[Any, ...]) -> RegionFacts:
    places = list(
        Workplace.objects.order_by("pk").values_list(
            "pk", "main_service", "establishment_type", "council_id", "organisation_id"
        )
    )
    workplaces = WorkplaceFacts(
        _column(places, 0, np.int64),
        _column(places, 1, np.int16),
        _column(places, 2, np.int16),
        _column(places, 3, str),
    )
    returns = _fetch(
        WorkplaceReturn.objects.order_by()
        .annotate(day=_text_date("as_of"))
        .values_list("workplace_id", "day", "total_perm_temp", "vacancies_known")
    )
    vacancies = _fetch(
        ReturnVacancy.objects.order_by()
        .annotate(wp=F("workplace_return__workplace_id"), day=_text_date("workplace_return__as_of"))
        .values_list("wp", "day", "job_role", "vacancies")
    )
    latest = WorkplaceReturn.objects.aggregate(latest=Max("as_of"))["latest"]
    facts = AreaFacts(
        _read_workers(),
        workplaces,
        WorkplaceReturns(
            _column(returns, 0, np.int64),
            _column(returns, 1, "datetime64[D]"),
            _column(returns, 2, np.int64),
            _column(returns, 3, np.bool_),
        ),
        VacancyFacts(
            _column(vacancies, 0, np.int64),
            _column(vacancies, 1, "datetime64[D]"),
            _column(vacancies, 2, np.int16),
            _column(vacancies, 3, np.int64),
        ),
    )
    return RegionFacts(version, facts, _column(places, 4, np.int64), latest or date.today())
