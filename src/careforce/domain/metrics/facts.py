"""The plain, columnar facts the database layer hands to the workforce-intelligence measures.

Every table is a frozen dataclass of equal-length NumPy arrays, one entry per row, so that measuring
160,000 staff records is a handful of vectorised passes rather than a Python loop. Codes are the
ASC-WDS bulk-upload ("BUDI") codes of ``careforce/data/ascwds``. Unknown values use the sentinels
below, never ``None``.

Four tables, all for the whole area the user may see (a council, or the region):

``WorkerFacts``
    one entry per staff record ever held (current staff *and* leavers). A record is current on a date
    when ``start_date <= date`` and ``left_on`` is NaT or after the date.
``WorkplaceFacts``
    one entry per workplace: what it is and where (main service, establishment type, council).
``WorkplaceReturns``
    one entry per dated statement of a workplace's totals (TOTALPERMTEMP and whether its vacancies
    are known). A measure at a reference date uses each workplace's latest return on or before it,
    if that return is no older than :data:`RETURN_STALE_AFTER_YEARS` years.
``VacancyFacts``
    one entry per (return, job role) with the number of vacancies in it.

Pay: the caller passes what the provider stated (``hourly_rate`` *or* ``annual_salary``); converting an
annual salary to an hourly rate is a metric definition, so it lives in ``definitions.hourly_pay``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

Int = NDArray[np.int64]
Small = NDArray[np.int16]
Float = NDArray[np.float64]
Bool = NDArray[np.bool_]
Dates = NDArray[np.datetime64]
Strings = NDArray[np.str_]

#: sentinel for an unanswered coded item (ASC-WDS uses 999 for "don't know"; both mean "not known")
NOT_RECORDED = 0
DONT_KNOW = 999
#: sentinel for an unknown person identifier: the record counts as its own person
UNKNOWN_PERSON = -1
#: a workplace's totals older than this are not used (Skills for Care drop workplaces whose data
#: was last amended more than 24 months before an extract; see research/ascwds.md §8)
RETURN_STALE_AFTER_YEARS = 2

NAT = np.datetime64("NaT", "D")


def day(value: date | str) -> np.datetime64:
    """A ``datetime64[D]`` for a date or ISO string."""
    return np.datetime64(value, "D")


def _check_lengths(obj: object) -> None:
    lengths = {f.name: len(getattr(obj, f.name)) for f in fields(obj)}  # type: ignore[arg-type]
    if len(set(lengths.values())) > 1:
        raise ValueError(f"{type(obj).__name__} columns differ in length: {lengths}")


@dataclass(frozen=True, eq=False)
class WorkerFacts:
    """One entry per staff record (current or left) in workplaces of the area.

    Fields and codes (ASC-WDS staff file column in brackets):

    - ``person_id`` int64: the same number for records of the same person (e.g. from a keyed hash of
      the NI number), :data:`UNKNOWN_PERSON` when not known. Used only for headcount.
    - ``workplace_id`` int64: joins to :class:`WorkplaceFacts`.
    - ``job_role`` int16 (MAINJOBROLE): ``job_roles.csv``.
    - ``contract_type`` int16 (EMPLSTATUS): 1 permanent, 2 temporary, 3 pool/bank, 4 agency, 7 other.
    - ``contracted_hours`` / ``average_hours`` float64 (CONTHOURS / AVGHOURS): NaN when not known.
    - ``zero_hours`` int16 (ZEROHRCONT): 1 yes, 2 no, 999 or 0 not known.
    - ``hourly_rate`` / ``annual_salary`` float64 (SALARY by SALARYINT / HOURLYRATE), pounds; NaN when
      not given. At most one of them is normally given.
    - ``start_date`` datetime64[D] (STARTDATE, start in the main job role); ``left_on`` datetime64[D],
      NaT while employed. A record with an unknown start date should carry the date it was created.
    - ``date_of_birth`` datetime64[D] (DOB), NaT when not known.
    - ``gender`` (GENDER 1-4), ``ethnicity`` (ETHNICITY 31-47, 98, 99), ``nationality`` (NATIONALITY,
      ISO 3166 numeric, 826 British, 998 don't know, 999 other), ``disability`` (DISABLED 0 no, 1 yes,
      2 undisclosed, 3 don't know; **use -1 when not recorded**, since 0 means "no"),
      ``recruitment_source`` (RECSOURCE), ``care_certificate`` (CARECERT 1 completed, 2 no,
      3 in progress), ``social_care_qualification`` (SCQUAL 1 yes, 2 no, 999 don't know) and
      ``social_care_qualification_level`` (the level after "1;", 0-8, 999 don't know): int16, 0 (or
      999) when not recorded unless stated.
    - ``days_sick`` float64 (DAYSSICK, days in the last 12 months): NaN when not known (999).
    """

    person_id: Int
    workplace_id: Int
    job_role: Small
    contract_type: Small
    contracted_hours: Float
    average_hours: Float
    zero_hours: Small
    hourly_rate: Float
    annual_salary: Float
    start_date: Dates
    left_on: Dates
    date_of_birth: Dates
    gender: Small
    ethnicity: Small
    nationality: Small
    disability: Small
    recruitment_source: Small
    care_certificate: Small
    social_care_qualification: Small
    social_care_qualification_level: Small
    days_sick: Float

    def __post_init__(self) -> None:
        _check_lengths(self)

    def __len__(self) -> int:
        return len(self.workplace_id)


@dataclass(frozen=True, eq=False)
class WorkplaceFacts:
    """One entry per workplace.

    - ``workplace_id`` int64, unique.
    - ``main_service`` int16 (MAINSERVICE): ``main_services.csv``.
    - ``establishment_type`` int16 (ESTTYPE): 1 or 3 local authority; 6 private, 7 voluntary/charity,
      8 other (together: the independent sector).
    - ``council_code`` str (GSS code of the council whose area the workplace is in).
    """

    workplace_id: Int
    main_service: Small
    establishment_type: Small
    council_code: Strings

    def __post_init__(self) -> None:
        _check_lengths(self)
        if len(np.unique(self.workplace_id)) != len(self.workplace_id):
            raise ValueError("workplace_id must be unique")

    def __len__(self) -> int:
        return len(self.workplace_id)

    @cached_property
    def order(self) -> Int:
        """Positions that sort ``workplace_id`` (for joins by ``index_of``)."""
        return np.argsort(self.workplace_id, kind="stable").astype(np.int64)

    def index_of(self, workplace_id: Int) -> Int:
        """Row of each given workplace id; -1 where the workplace is not in this table."""
        ids = self.workplace_id[self.order]
        pos = np.searchsorted(ids, workplace_id)
        pos_clipped = np.minimum(pos, max(len(ids) - 1, 0))
        found = (pos < len(ids)) & (ids[pos_clipped] == workplace_id) if len(ids) else np.zeros(len(pos), bool)
        out: Int = np.where(found, self.order[pos_clipped] if len(ids) else 0, -1).astype(np.int64)
        return out


@dataclass(frozen=True, eq=False)
class WorkplaceReturns:
    """Dated statements of each workplace's totals (one workplace may have many, one per date).

    - ``workplace_id`` int64; ``as_of`` datetime64[D], the date the totals were stated.
    - ``total_perm_temp`` int64 (TOTALPERMTEMP): the stated number of permanent and temporary staff.
    - ``vacancies_known`` bool: False when VACANCIES was "Don't know" (999) or left blank.
    """

    workplace_id: Int
    as_of: Dates
    total_perm_temp: Int
    vacancies_known: Bool

    def __post_init__(self) -> None:
        _check_lengths(self)

    def __len__(self) -> int:
        return len(self.workplace_id)


@dataclass(frozen=True, eq=False)
class VacancyFacts:
    """Vacancies by job role in each return: ``workplace_id``, ``as_of`` (of the return), ``job_role``,
    ``vacancies`` (int64, ≥ 0). Roles with no vacancies need no entry."""

    workplace_id: Int
    as_of: Dates
    job_role: Small
    vacancies: Int

    def __post_init__(self) -> None:
        _check_lengths(self)

    def __len__(self) -> int:
        return len(self.workplace_id)


@dataclass(frozen=True, eq=False)
class AreaFacts:
    """Everything measured for one area. ``workers`` may include records of workplaces outside the area;
    they are dropped because their workplace is not listed (or its council is outside the area)."""

    workers: WorkerFacts
    workplaces: WorkplaceFacts
    returns: WorkplaceReturns
    vacancies: VacancyFacts

    @cached_property
    def worker_workplace(self) -> Int:
        """Row in ``workplaces`` of each worker's workplace (-1 if unknown)."""
        return self.workplaces.index_of(self.workers.workplace_id)

    @cached_property
    def birthday(self) -> tuple[Int, Int]:
        """(year of birth, month × 100 + day of birth) of each worker; (0, 0) when not known."""
        dob = self.workers.date_of_birth
        known = ~np.isnat(dob)
        safe = np.where(known, dob, np.datetime64("1970-01-01", "D"))
        years = safe.astype("datetime64[Y]")
        months = safe.astype("datetime64[M]")
        month = (months - years.astype("datetime64[M]")).astype(np.int64) + 1
        day_of_month = (safe - months.astype("datetime64[D]")).astype(np.int64) + 1
        year: Int = np.where(known, years.astype(np.int64) + 1970, 0)
        month_day: Int = np.where(known, month * 100 + day_of_month, 0)
        return year, month_day

    def snapshot_cache(self) -> dict[tuple[str, date], object]:
        """Per-facts memo of snapshots, so the tables of one page share their per-date flags."""
        cache: dict[tuple[str, date], object] = self.__dict__.setdefault("_snapshots", {})
        return cache

    @cached_property
    def return_workplace(self) -> Int:
        return self.workplaces.index_of(self.returns.workplace_id)

    @cached_property
    def vacancy_workplace(self) -> Int:
        return self.workplaces.index_of(self.vacancies.workplace_id)


def empty_workers() -> WorkerFacts:
    """A WorkerFacts with no rows (handy for tests and for areas with no data yet)."""
    i64 = np.zeros(0, np.int64)
    i16 = np.zeros(0, np.int16)
    f64 = np.zeros(0, np.float64)
    d = np.zeros(0, "datetime64[D]")
    return WorkerFacts(
        i64, i64, i16, i16, f64, f64, i16, f64, f64, d, d, d, i16, i16, i16, i16, i16, i16, i16, i16, f64
    )
