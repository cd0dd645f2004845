"""The synthetic demo region: deterministic from a seed and a reference date.

Everyone in it is made up. The shape (how many people, where, in which roles, with what turnover,
vacancies, ages, pay) follows the published figures cited in ``parameters.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import NDArray

from careforce.domain.reference import code_list

from .parameters import parameters
from .people import CARE_PROVIDING_ROLES, DAY, Workers, make_workers
from .workplaces import Workplaces, make_workplaces

SYNTHETIC_NOTICE = (
    "The people, workplaces and care providers in the demo region are synthetic: made up by a program "
    "from published figures. None of them is real."
)
SIZES = ("small", "full")


@dataclass
class TrainingRecords:
    worker: NDArray[np.int64]
    category: NDArray[np.int64]
    completed_on: NDArray[np.datetime64]
    expires_on: NDArray[np.datetime64]
    accredited: NDArray[np.int64]


@dataclass
class Qualifications:
    worker: NDArray[np.int64]
    qualification: NDArray[np.int64]
    year_achieved: NDArray[np.int64]


@dataclass
class Vacancies:
    workplace: NDArray[np.int64]
    job_role: NDArray[np.int64]
    number_of_posts: NDArray[np.int64]
    hourly_rate: NDArray[np.float64]
    contracted_hours: NDArray[np.float64]
    pattern: NDArray[np.int64]  # 0 full time, 1 part time, 2 school hours, 3 nights, 4 weekends
    requires_driving_licence: NDArray[np.bool_]
    requires_car: NDArray[np.bool_]
    travel_time_paid: NDArray[np.bool_]
    offers_visa_sponsorship: NDArray[np.bool_]
    guaranteed_hours: NDArray[np.bool_]
    posted_on: NDArray[np.datetime64]
    closing_date: NDArray[np.datetime64]
    is_published: NDArray[np.bool_]


@dataclass
class DemoRegion:
    seed: int
    size: str
    as_of: date
    workplaces: Workplaces
    staff: Workers  # current staff
    leavers: Workers
    training: TrainingRecords
    qualifications: Qualifications
    vacancies: Vacancies


def generate(size: str = "small", seed: int = 2019, as_of: date | None = None) -> DemoRegion:
    if size not in SIZES:
        raise ValueError(f"size must be one of {', '.join(SIZES)}")
    p = parameters()
    as_of = as_of or date.today()
    streams = [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(6)]
    dims = p["size"][size]
    places = make_workplaces(p, int(dims["locations"]), int(dims["workers"]), streams[0])
    staff = make_workers(p, places, as_of, streams[1], leavers=False)
    leavers = make_workers(p, places, as_of, streams[2], leavers=True)
    return DemoRegion(
        seed=seed,
        size=size,
        as_of=as_of,
        workplaces=places,
        staff=staff,
        leavers=leavers,
        training=_training(p, staff, as_of, streams[3]),
        qualifications=_qualifications(staff, as_of, streams[4]),
        vacancies=_vacancies(p, places, staff, as_of, streams[5]),
    )


def stated_totals(region: DemoRegion, rng_seed: int = 0) -> NDArray[np.int64]:
    """Each workplace's stated total staff (TOTALPERMTEMP), which ASC-WDS compares with every staff record.

    Most match their staff records; a few (``returns.mismatch_share``) do not, as in real returns.
    """
    perm_temp = np.bincount(region.staff.workplace, minlength=len(region.workplaces))
    rng = np.random.default_rng([region.seed, rng_seed])
    off = rng.random(len(perm_temp)) < float(parameters()["returns"]["mismatch_share"])
    return np.where(off, perm_temp + rng.integers(1, 4, size=len(perm_temp)), perm_temp).astype(np.int64)


def _training(p: dict[str, Any], staff: Workers, as_of: date, rng: np.random.Generator) -> TrainingRecords:
    t = p["training"]
    categories = np.array([int(c) for c in t["categories"]], dtype=np.int64)
    validity = np.array(list(t["categories"].values()), dtype=np.int64)
    per_worker = rng.integers(int(t["per_worker_min"]), int(t["per_worker_max"]) + 1, size=len(staff))
    worker = np.repeat(np.arange(len(staff)), per_worker)
    pick = rng.integers(0, len(categories), size=len(worker))
    # one record per worker and category
    key = np.unique(worker * 1000 + pick)
    worker, pick = key // 1000, key % 1000
    today = np.datetime64(as_of, "D")
    since_start = np.maximum((today - staff.start_date[worker]) / DAY, 1).astype(np.int64)
    completed = today - rng.integers(0, np.minimum(since_start, 3 * 365) + 1) * DAY
    expires = completed + (validity[pick] * 30.4).astype(np.int64) * DAY
    accredited = np.where(rng.random(len(worker)) < 0.6, 1, 0)
    return TrainingRecords(worker, categories[pick], completed, expires, accredited.astype(np.int64))


def _qualifications(staff: Workers, as_of: date, rng: np.random.Generator) -> Qualifications:
    by_level: dict[int, list[int]] = {}
    for q in code_list("qualifications"):
        level = q.extra.get("level", "")
        if level.isdigit() and q.extra.get("group") in ("Diploma", "NVQ", "Certificate", "Apprenticeship"):
            by_level.setdefault(int(level), []).append(q.code)
    worker = np.flatnonzero(staff.social_care_qualification_level >= 0)
    levels = staff.social_care_qualification_level[worker]
    codes = np.zeros(len(worker), dtype=np.int64)
    for level in np.unique(levels):
        options = np.array(by_level.get(int(level)) or by_level[3], dtype=np.int64)
        mask = levels == level
        codes[mask] = options[rng.integers(0, len(options), size=int(mask.sum()))]
    start_year = staff.start_date[worker].astype("datetime64[Y]").astype(np.int64) + 1970
    year = np.minimum(start_year + rng.integers(0, 3, size=len(worker)), as_of.year)  # none achieved in the future
    return Qualifications(worker.astype(np.int64), codes, year.astype(np.int64))


def _vacancies(
    p: dict[str, Any], places: Workplaces, staff: Workers, as_of: date, rng: np.random.Generator
) -> Vacancies:
    rate = float(p["vacancies"]["rate"])
    # vacancy rate = vacancies / (staff + vacancies)  =>  vacancies = staff * rate / (1 - rate)
    expected = places.staff * rate / (1 - rate)
    posts = rng.poisson(expected)
    rows_workplace, rows_role, rows_posts = [], [], []
    # staff.workplace is sorted, so each workplace's staff are one slice
    bounds = np.searchsorted(staff.workplace, np.arange(len(places) + 1))
    for w in np.flatnonzero(posts):
        roles = staff.main_job_role[bounds[w] : bounds[w + 1]]
        chosen = rng.choice(roles, size=int(posts[w]))
        for role, count in zip(*np.unique(chosen, return_counts=True), strict=True):
            rows_workplace.append(w)
            rows_role.append(int(role))
            rows_posts.append(int(count))
    workplace = np.array(rows_workplace, dtype=np.int64)
    role = np.array(rows_role, dtype=np.int64)
    n = len(workplace)
    at_home = np.isin(places.main_service[workplace], [8, 10, 12, 55, 73])
    pay = np.nanmedian(staff.hourly_rate[staff.main_job_role == 8]) if (staff.main_job_role == 8).any() else 12.0
    hourly = np.where(np.isin(role, list(CARE_PROVIDING_ROLES)), np.round(pay * rng.normal(1.02, 0.05, n), 2), np.nan)
    today = np.datetime64(as_of, "D")
    posted = today - rng.integers(0, 60, size=n) * DAY
    driving = at_home & (rng.random(n) < 0.8)
    return Vacancies(
        workplace=workplace,
        job_role=role,
        number_of_posts=np.array(rows_posts, dtype=np.int64),
        hourly_rate=hourly,
        contracted_hours=np.where(rng.random(n) < 0.5, 37.5, np.round(rng.uniform(16, 30, n))),
        pattern=rng.choice(5, size=n, p=[0.4, 0.3, 0.1, 0.1, 0.1]).astype(np.int64),
        requires_driving_licence=driving,
        requires_car=driving & (rng.random(n) < 0.7),
        travel_time_paid=at_home & (rng.random(n) < 0.5),
        offers_visa_sponsorship=rng.random(n) < 0.1,
        guaranteed_hours=rng.random(n) < 0.6,
        posted_on=posted,
        closing_date=posted + rng.integers(21, 75, size=n) * DAY,
        is_published=rng.random(n) < float(p["vacancies"]["published_share"]),
    )
