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
from .people import DAY, Workers, make_workers
from .vacancies import Vacancies, make_vacancies
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
        vacancies=make_vacancies(p, places, staff, as_of, streams[5]),
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
