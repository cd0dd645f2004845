"""The state of an area's workforce on a reference date, and how its records split into groups.

A :class:`Snapshot` turns :class:`~careforce.domain.metrics.facts.AreaFacts` into per-record flags for
one reference date (current, left in the 12 months to it, started in them, ...) and per-workplace flags
(which workplaces may enter turnover and vacancy figures). Every measure reads a Snapshot, so a trend
is the same measure over snapshots at earlier dates.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

from careforce.domain.metrics import categories
from careforce.domain.metrics.facts import NAT, RETURN_STALE_AFTER_YEARS, AreaFacts, Bool, Float, Int, day
from careforce.domain.reference import AGENCY, PERMANENT, REGION_CODE, REGION_NAME, TEMPORARY, council, councils


def years_before(d: date, years: int) -> date:
    """The same day ``years`` earlier (29 February becomes 28 February)."""
    try:
        return d.replace(year=d.year - years)
    except ValueError:
        return d.replace(year=d.year - years, day=28)


def area_name(area_code: str) -> str:
    return REGION_NAME if area_code == REGION_CODE else council(area_code).name


@dataclass(frozen=True, eq=False)
class Snapshot:
    facts: AreaFacts
    area_code: str
    reference_date: date

    @property
    def area_name(self) -> str:
        return area_name(self.area_code)

    @cached_property
    def _ref(self) -> np.datetime64:
        return day(self.reference_date)

    @cached_property
    def _year_before(self) -> np.datetime64:
        return day(years_before(self.reference_date, 1))

    # ---- workplaces -------------------------------------------------------------------------------
    @cached_property
    def workplace_in_area(self) -> Bool:
        codes = self.facts.workplaces.council_code
        if self.area_code == REGION_CODE:
            return np.isin(codes, [c.gss_code for c in councils()])
        out: Bool = codes == self.area_code
        return out

    @cached_property
    def workplace_return(self) -> Int:
        """Row in ``returns`` of each workplace's latest return on or before the reference date that is
        not stale; -1 if none."""
        r = self.facts.returns
        wp = self.facts.return_workplace
        oldest = day(years_before(self.reference_date, RETURN_STALE_AFTER_YEARS))
        usable = (wp >= 0) & (r.as_of <= self._ref) & (r.as_of >= oldest)
        rows = np.flatnonzero(usable)
        out = np.full(len(self.facts.workplaces), -1, np.int64)
        if len(rows):
            order = rows[np.lexsort((r.as_of[rows], wp[rows]))]  # by workplace, then date: last wins
            out[wp[order]] = order
        return out

    @cached_property
    def workplace_return_date(self) -> NDArray[np.datetime64]:
        chosen = self.workplace_return
        dates = np.full(len(chosen), NAT)
        has = chosen >= 0
        dates[has] = self.facts.returns.as_of[chosen[has]]
        return dates

    @cached_property
    def workplace_matches_total(self) -> Bool:
        """The ASC-WDS benchmark rule: a workplace counts in turnover and vacancy rates only when its
        count of staff records equals its stated total (TOTALPERMTEMP), both as at its latest return.
        ASC-WDS compares TOTALPERMTEMP with every staff record of the workplace, whatever the contract
        (its bulk-upload cross-file check), so this does too. Workplaces with no usable return are left out."""
        w = self.facts.workers
        wp = self.facts.worker_workplace
        has_wp = wp >= 0
        at = np.where(has_wp, self.workplace_return_date[np.maximum(wp, 0)], NAT)
        held = has_wp & ~np.isnat(at) & (w.start_date <= at) & (np.isnat(w.left_on) | (w.left_on > at))
        counts = np.bincount(wp[held], minlength=len(self.facts.workplaces))
        chosen = self.workplace_return
        stated = np.where(chosen >= 0, self.facts.returns.total_perm_temp[np.maximum(chosen, 0)], -1)
        out: Bool = (chosen >= 0) & (counts == stated)
        return out

    @cached_property
    def workplace_returned_year_before(self) -> Bool:
        """Workplaces that had also made a usable return by the start of the 12 months to the reference date,
        so that their leavers and starters over the whole 12 months are on record (ADR 0093)."""
        before = snapshot(self.facts, self.area_code, years_before(self.reference_date, 1))
        out: Bool = (self.workplace_return >= 0) & (before.workplace_return >= 0)
        return out

    @cached_property
    def workplaces_with_return(self) -> int:
        """Workplaces in the area with a usable return on the reference date."""
        return int((self.workplace_in_area & (self.workplace_return >= 0)).sum())

    @cached_property
    def workplaces_with_staff(self) -> int:
        """Workplaces in the area with anyone working on the reference date (the records a figure rests on)."""
        wp = self.facts.worker_workplace[self.current]
        return int(np.unique(wp[wp >= 0]).size)

    @cached_property
    def workplace_vacancies_usable(self) -> Bool:
        chosen = self.workplace_return
        known = np.where(chosen >= 0, self.facts.returns.vacancies_known[np.maximum(chosen, 0)], False)
        out: Bool = self.workplace_matches_total & known
        return out

    # ---- workers ------------------------------------------------------------------------------------
    def _per_worker(self, per_workplace: Bool) -> Bool:
        wp = self.facts.worker_workplace
        out: Bool = (wp >= 0) & per_workplace[np.maximum(wp, 0)]
        return out

    @cached_property
    def in_area(self) -> Bool:
        return self._per_worker(self.workplace_in_area)

    @cached_property
    def in_benchmark(self) -> Bool:
        """Records in area workplaces that pass the staff-record/stated-total check."""
        return self._per_worker(self.workplace_in_area & self.workplace_matches_total)

    @cached_property
    def in_turnover_benchmark(self) -> Bool:
        """Records in area workplaces that pass the check and whose returns cover the 12 months."""
        return self._per_worker(
            self.workplace_in_area & self.workplace_matches_total & self.workplace_returned_year_before
        )

    @cached_property
    def in_vacancy_benchmark(self) -> Bool:
        return self._per_worker(self.workplace_in_area & self.workplace_vacancies_usable)

    @cached_property
    def perm_temp(self) -> Bool:
        c = self.facts.workers.contract_type
        out: Bool = (c == PERMANENT) | (c == TEMPORARY)
        return out

    @cached_property
    def directly_employed(self) -> Bool:
        out: Bool = self.facts.workers.contract_type != AGENCY
        return out

    @cached_property
    def current(self) -> Bool:
        w = self.facts.workers
        out: Bool = self.in_area & (w.start_date <= self._ref) & (np.isnat(w.left_on) | (w.left_on > self._ref))
        return out

    @cached_property
    def staff(self) -> Bool:
        """Current directly employed records (every contract type except agency): the workforce."""
        out: Bool = self.current & self.directly_employed
        return out

    @cached_property
    def left_in_year(self) -> Bool:
        left = self.facts.workers.left_on
        out: Bool = self.in_area & ~np.isnat(left) & (left > self._year_before) & (left <= self._ref)
        return out

    @cached_property
    def started_in_year(self) -> Bool:
        start = self.facts.workers.start_date
        out: Bool = self.in_area & (start > self._year_before) & (start <= self._ref)
        return out

    @cached_property
    def age(self) -> Float:
        """Age in whole years on the reference date; NaN when the date of birth is not known."""
        year, month_day = self.facts.birthday
        ref = self.reference_date
        had_birthday = month_day <= ref.month * 100 + ref.day
        age = (ref.year - year - np.where(had_birthday, 0, 1)).astype(np.float64)
        out: Float = np.where(year > 0, age, np.nan)
        return out

    # ---- vacancy entries --------------------------------------------------------------------------
    @cached_property
    def vacancy_in_area(self) -> Bool:
        wp = self.facts.vacancy_workplace
        out: Bool = (wp >= 0) & self.workplace_in_area[np.maximum(wp, 0)]
        return out

    @cached_property
    def vacancy_usable(self) -> Bool:
        """Vacancy entries from each usable workplace's chosen return."""
        v = self.facts.vacancies
        wp = self.facts.vacancy_workplace
        ok = wp >= 0
        wp0 = np.maximum(wp, 0)
        usable = self.workplace_in_area & self.workplace_vacancies_usable
        out: Bool = ok & usable[wp0] & (v.as_of == self.workplace_return_date[wp0])
        return out


def snapshot(facts: AreaFacts, area_code: str, reference_date: date) -> Snapshot:
    """The snapshot of ``facts`` for an area and date, made once per facts object and reused."""
    cache = facts.snapshot_cache()
    key = (area_code, reference_date)
    found = cache.get(key)
    if not isinstance(found, Snapshot):
        found = cache[key] = Snapshot(facts, area_code, reference_date)
    return found


class Split(enum.Enum):
    """How a measure's table is broken down (its rows)."""

    NONE = "none"
    JOB_ROLE = "job_role"
    JOB_ROLE_GROUP = "job_role_group"
    MAIN_SERVICE = "main_service"
    SECTOR = "sector"
    COUNCIL = "council"
    TREND = "trend"

    @property
    def row_heading(self) -> str:
        return {
            Split.NONE: "Area",
            Split.JOB_ROLE: "Job role",
            Split.JOB_ROLE_GROUP: "Job role group",
            Split.MAIN_SERVICE: "Main service",
            Split.SECTOR: "Sector",
            Split.COUNCIL: "Council",
            Split.TREND: "Period",
        }[self]


@dataclass(frozen=True, eq=False)
class Groups:
    """Group index of every worker record and every vacancy entry (-1 = outside the area)."""

    labels: tuple[str, ...]
    workers: Int
    vacancies: Int

    @property
    def size(self) -> int:
        return len(self.labels)

    def total(self) -> Groups:
        """Everyone in one group."""
        return Groups(("Total",), np.where(self.workers >= 0, 0, -1), np.where(self.vacancies >= 0, 0, -1))


def groups_for(snap: Snapshot, split: Split) -> Groups:
    """The groups of a split for a snapshot (made once per snapshot and split)."""
    memo: dict[Split, Groups] = snap.__dict__.setdefault("_groups", {})
    if split not in memo:
        memo[split] = _make_groups(snap, split)
    return memo[split]


def _make_groups(snap: Snapshot, split: Split) -> Groups:
    facts = snap.facts
    w_wp, v_wp = facts.worker_workplace, facts.vacancy_workplace
    in_w, in_v = snap.in_area, snap.vacancy_in_area

    def by_workplace(index: Int, labels: tuple[str, ...]) -> Groups:
        return Groups(
            labels, np.where(in_w, index[np.maximum(w_wp, 0)], -1), np.where(in_v, index[np.maximum(v_wp, 0)], -1)
        )

    if split in (Split.NONE, Split.TREND):
        return Groups((snap.area_name,), np.where(in_w, 0, -1), np.where(in_v, 0, -1))
    if split in (Split.JOB_ROLE, Split.JOB_ROLE_GROUP):
        g = categories.job_roles() if split is Split.JOB_ROLE else categories.job_role_groups()
        return Groups(
            g.labels,
            np.where(in_w, g.index(facts.workers.job_role), -1),
            np.where(in_v, g.index(facts.vacancies.job_role), -1),
        )
    if split is Split.MAIN_SERVICE:
        g = categories.service_groups()
        return by_workplace(g.index(facts.workplaces.main_service), g.labels)
    if split is Split.SECTOR:
        g = categories.sectors()
        return by_workplace(g.index(facts.workplaces.establishment_type), g.labels)
    if split is Split.COUNCIL:
        shown = [c for c in councils() if snap.area_code in (REGION_CODE, c.gss_code)]
        codes = [c.gss_code for c in shown]
        sorter = np.argsort(codes)
        pos = np.searchsorted(np.asarray(codes)[sorter], facts.workplaces.council_code)
        pos = np.minimum(pos, len(codes) - 1)
        found = np.asarray(codes)[sorter][pos] == facts.workplaces.council_code
        index = np.where(found, sorter[pos], -1).astype(np.int64)
        return by_workplace(index, tuple(c.name for c in shown))
    raise ValueError(split)
