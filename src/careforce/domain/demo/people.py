"""Synthetic staff records (current staff and leavers), drawn column by column with NumPy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import NDArray

from careforce.domain.reference import (
    PERMANENT,
    REGISTERED_MANAGER,
    REGISTERED_NURSE,
    SOCIAL_WORKER,
    TEMPORARY,
    national_living_wage_on,
)
from careforce.domain.reference import national_living_wage as national_living_wage_rates

from .parameters import Weighted
from .workplaces import Workplaces

DAY = np.timedelta64(1, "D")
CARE_PROVIDING_ROLES = {4, 5, 7, 8, 9, 23, 45, 52}
SALARIED_ROLES = {1, 2, 4, 6, 15, 16, 43}


@dataclass
class Workers:
    workplace: NDArray[np.int64]
    local_identifier: list[str]
    contract_type: NDArray[np.int64]
    main_job_role: NDArray[np.int64]
    start_date: NDArray[np.datetime64]
    start_year_in_sector: NDArray[np.int64]
    contracted_hours: NDArray[np.float64]  # NaN: not contracted (zero hours)
    average_hours: NDArray[np.float64]
    zero_hours_contract: NDArray[np.int64]  # 1 yes, 2 no
    pay_interval: NDArray[np.int64]  # 1 annually, 3 hourly
    hourly_rate: NDArray[np.float64]
    annual_salary: NDArray[np.float64]
    date_of_birth: NDArray[np.datetime64]
    gender: NDArray[np.int64]
    ethnicity: NDArray[np.int64]
    nationality: NDArray[np.int64]
    disability: NDArray[np.int64]
    recruitment_source: NDArray[np.int64]
    care_certificate: NDArray[np.int64]  # 1 completed, 2 not started, 3 in progress
    social_care_qualification_level: NDArray[np.int64]  # -1: none recorded
    days_sick: NDArray[np.float64]
    left_on: NDArray[np.datetime64]  # NaT while still employed
    leaving_reason: NDArray[np.int64]  # -1 while still employed
    nmc_registration: NDArray[np.int64]  # NMCREG code for registered nurses, -1 for everyone else
    approved_mental_health_professional: NDArray[np.int64]  # AMHP 1 yes, 2 no for social workers, -1 otherwise

    def __len__(self) -> int:
        return len(self.workplace)


def national_living_wage(on: date) -> float:
    """The National Living Wage in force on a date (``reference.national_living_wage_on``), or the first
    rate for a date before it existed."""
    rate = national_living_wage_on(on) or national_living_wage_rates()[0]
    return float(rate.hourly_rate)


def _roles(p: dict[str, Any], service: NDArray[np.int64], rng: np.random.Generator) -> NDArray[np.int64]:
    groups = ("managerial", "regulated", "direct_care", "other")
    share = np.array([p["roles"]["group_share"][g] for g in groups], dtype=np.float64)
    group = rng.choice(4, size=len(service), p=share / share.sum())
    roles = np.empty(len(service), dtype=np.int64)
    for g, name in enumerate(groups):
        mask = group == g
        roles[mask] = Weighted.of(p["roles"][name]).draw(rng, int(mask.sum()))
    if p["roles"]["nurses_only_in_nursing_homes"]:
        misplaced = (roles == 16) & (service != 1)
        roles[misplaced] = Weighted.of(p["roles"]["direct_care"]).draw(rng, int(misplaced.sum()))
    return roles


def make_workers(
    p: dict[str, Any], places: Workplaces, as_of: date, rng: np.random.Generator, *, leavers: bool
) -> Workers:
    """Current staff of every workplace (``leavers=False``) or the leavers of recent years."""
    today = np.datetime64(as_of, "D")
    if leavers:
        years = int(p["turnover"]["history_years"])
        rate = float(p["turnover"]["rate"])
        council_shift = {
            c: rng.uniform(-1, 1) * float(p["councils"]["turnover_spread"]) for c in dict.fromkeys(places.council_code)
        }
        rest = p["contracts"]["rest"]
        perm_temp_share = p["contracts"]["permanent"] + (1 - p["contracts"]["permanent"]) * rest["2"] / sum(
            rest.values()
        )
        per_place = np.array([rate + council_shift[c] for c in places.council_code]) * places.staff * perm_temp_share
        counts = rng.poisson(np.repeat(per_place[:, None], years, axis=1))
        workplace = np.repeat(np.repeat(np.arange(len(places)), years), counts.ravel())
        year_back = np.repeat(np.tile(np.arange(years), len(places)), counts.ravel())
        left_on = today - (year_back * 365 + rng.integers(0, 365, size=len(workplace))) * DAY
        tenure_days = rng.exponential(2.0 * 365, size=len(workplace)).astype(np.int64) + 14
        start_date = left_on - tenure_days * DAY
        leaving_reason = Weighted.of(p["turnover"]["leaving_reasons"]).draw(rng, len(workplace))
    else:
        workplace = np.repeat(np.arange(len(places)), places.staff)
        tenure_days = rng.exponential(365 / float(p["turnover"]["rate"]), size=len(workplace)).astype(np.int64)
        start_date = today - tenure_days * DAY
        left_on = np.full(len(workplace), np.datetime64("NaT"), dtype="datetime64[D]")
        leaving_reason = np.full(len(workplace), -1, dtype=np.int64)
    n = len(workplace)
    service = places.main_service[workplace]
    roles = _roles(p, service, rng)
    if not leavers:  # every CQC location has a registered manager
        first = np.r_[0, np.cumsum(places.staff)[:-1]]
        roles[first] = REGISTERED_MANAGER
    # a registered manager is registered with CQC: services CQC does not regulate have another manager
    # (ASC-WDS refuses a registered manager at a workplace without a CQC regulated service)
    unregulated_manager = (roles == REGISTERED_MANAGER) & ~places.cqc_regulated[workplace]
    roles[unregulated_manager] = int(p["roles"]["manager_where_not_cqc_regulated"])

    contracts = np.where(
        rng.random(n) < p["contracts"]["permanent"], 1, Weighted.of(p["contracts"]["rest"]).draw(rng, n)
    )
    if leavers:  # turnover counts directly employed staff; leavers recorded here are permanent or temporary
        contracts = np.where(contracts > 2, 1, contracts)
    zero_hours = np.where(
        (rng.random(n) < p["contracts"]["zero_hours_share"])
        & np.isin(roles, list(CARE_PROVIDING_ROLES))
        & (roles != 4),
        1,
        2,
    )
    full_time = rng.random(n) < p["contracts"]["full_time_share"]
    hours = np.where(full_time, float(p["contracts"]["full_time_hours"]), np.round(rng.uniform(12, 30, n) * 2) / 2)
    # as ASC-WDS asks: contracted hours for permanent and temporary staff, average hours for zero-hours and others
    contracted_hours_apply = np.isin(contracts, (PERMANENT, TEMPORARY)) & (zero_hours != 1)
    contracted = np.where(contracted_hours_apply, hours, np.nan)
    average = np.where(
        zero_hours == 1, np.round(rng.uniform(8, 36, n) * 2) / 2, np.where(contracted_hours_apply, np.nan, hours)
    )

    age = rng.integers(int(p["people"]["youngest"]), int(p["people"]["oldest"]) + 1, size=n)
    ref = left_on if leavers else np.full(n, today)
    date_of_birth = ref - (age * 365 + rng.integers(0, 365, size=n)) * DAY
    earliest_start = date_of_birth + 16 * 365 * DAY
    start_date = np.maximum(start_date, earliest_start)
    start_year = start_date.astype("datetime64[Y]").astype(np.int64) + 1970
    # years in the sector before this job: the published mean experience less the mean time in this job
    years_before = rng.exponential(float(p["experience"]["mean_years_in_sector"]) - 1 / float(p["turnover"]["rate"]), n)
    birth_year = date_of_birth.astype("datetime64[Y]").astype(np.int64) + 1970
    # never after the year this job started (ASC-WDS ignores a STARTINSECT after STARTDATE)
    sector_year = np.minimum(np.maximum(start_year - years_before.astype(np.int64), birth_year + 16), start_year)

    salaried = np.isin(roles, list(SALARIED_ROLES))
    nlw = national_living_wage(as_of)
    base = nlw * float(p["pay"]["care_worker_premium_over_nlw"])
    relative = np.array([p["pay"]["hourly_relative"].get(str(r), 1.0) for r in range(60)])
    hourly = np.round(np.maximum(base * relative[roles] * rng.normal(1, p["pay"]["spread"], n), nlw), 2)
    salary_of = np.array([p["pay"]["annual_salary"].get(str(r), 0) for r in range(60)], dtype=np.float64)
    salary = np.round(salary_of[roles] * rng.normal(1, p["pay"]["spread"], n) / 100) * 100

    people = p["people"]
    gender = np.where(rng.random(n) < people["female"], 2, Weighted.of(people["gender_rest"]).draw(rng, n))
    origin = rng.choice(
        3,
        size=n,
        p=np.array([people["british"], people["eu"], people["non_eu"]])
        / (people["british"] + people["eu"] + people["non_eu"]),
    )
    nationality = np.select(
        [origin == 0, origin == 1],
        [np.full(n, 826), Weighted.of(people["eu_codes"]).draw(rng, n)],
        Weighted.of(people["non_eu_codes"]).draw(rng, n),
    )
    ethnicity = np.where(
        rng.random(n) < people["white"],
        Weighted.of(people["white_codes"]).draw(rng, n),
        Weighted.of(people["other_ethnicity_codes"]).draw(rng, n),
    )
    care_role = np.isin(roles, list(CARE_PROVIDING_ROLES))
    u = rng.random(n)
    cc = p["care_certificate"]
    care_certificate = np.where(
        care_role & (u < cc["completed"]), 1, np.where(care_role & (u < cc["completed"] + cc["in_progress"]), 3, 2)
    )
    qualified = rng.random(n) < p["qualifications"]["relevant_share"]
    qual_level = np.where(qualified, Weighted.of(p["qualifications"]["level_mix"]).draw(rng, n), -1)
    sick = np.where(
        rng.random(n) < p["sickness"]["zero_share"],
        0.0,
        np.round(rng.exponential(p["sickness"]["mean_days"] / (1 - p["sickness"]["zero_share"]), n)),
    )

    # drawn from their own stream, so adding them left every other column as it was
    own = np.random.default_rng([n, int(workplace.sum()) if n else 0, 11])
    nmc = np.where(roles == REGISTERED_NURSE, Weighted.of(p["roles"]["nmc_registration"]).draw(own, n), -1)
    amhp_yes = own.random(n) < float(p["roles"]["social_worker_amhp_share"])
    amhp = np.where(roles == SOCIAL_WORKER, np.where(amhp_yes, 1, 2), -1)

    prefix = "L" if leavers else "W"
    return Workers(
        workplace=workplace.astype(np.int64),
        local_identifier=[f"{prefix}{i + 1:06d}" for i in range(n)],
        contract_type=contracts.astype(np.int64),
        main_job_role=roles,
        start_date=start_date,
        start_year_in_sector=sector_year.astype(np.int64),
        contracted_hours=contracted,
        average_hours=average,
        zero_hours_contract=zero_hours.astype(np.int64),
        pay_interval=np.where(salaried, 1, 3).astype(np.int64),
        hourly_rate=np.where(salaried, np.nan, hourly),
        annual_salary=np.where(salaried, salary, np.nan),
        date_of_birth=date_of_birth,
        gender=gender.astype(np.int64),
        ethnicity=ethnicity.astype(np.int64),
        nationality=nationality.astype(np.int64),
        disability=Weighted.of(people["disability"]).draw(rng, n),
        recruitment_source=Weighted.of(p["recruitment"]["source"]).draw(rng, n),
        care_certificate=care_certificate.astype(np.int64),
        social_care_qualification_level=qual_level.astype(np.int64),
        days_sick=sick,
        left_on=left_on,
        leaving_reason=leaving_reason.astype(np.int64),
        nmc_registration=nmc.astype(np.int64),
        approved_mental_health_professional=amhp.astype(np.int64),
    )
