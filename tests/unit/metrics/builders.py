"""Tiny hand-written facts for the measure tests: one dict per record, defaults for everything else."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from careforce.domain.metrics.facts import AreaFacts, VacancyFacts, WorkerFacts, WorkplaceFacts, WorkplaceReturns

COVENTRY = "E08000026"
WALSALL = "E08000030"

WORKER_DEFAULTS: dict[str, Any] = {
    "person_id": -1,
    "workplace_id": 1,
    "job_role": 8,
    "contract_type": 1,
    "contracted_hours": 37.5,
    "average_hours": np.nan,
    "zero_hours": 2,
    "hourly_rate": np.nan,
    "annual_salary": np.nan,
    "start_date": "2020-01-01",
    "left_on": None,
    "date_of_birth": None,
    "gender": 0,
    "ethnicity": 0,
    "nationality": 0,
    "disability": -1,
    "recruitment_source": 0,
    "care_certificate": 0,
    "social_care_qualification": 0,
    "social_care_qualification_level": 999,
    "days_sick": np.nan,
}
_DTYPES = {
    "person_id": np.int64,
    "workplace_id": np.int64,
    "contracted_hours": np.float64,
    "average_hours": np.float64,
    "hourly_rate": np.float64,
    "annual_salary": np.float64,
    "days_sick": np.float64,
    "start_date": "datetime64[D]",
    "left_on": "datetime64[D]",
    "date_of_birth": "datetime64[D]",
}


def _column(name: str, values: list[Any]) -> np.ndarray:  # type: ignore[type-arg]
    dtype = _DTYPES.get(name, np.int16)
    if dtype == "datetime64[D]":
        return np.array(["NaT" if v is None else v for v in values], dtype=dtype)
    return np.array(values, dtype=dtype)  # type: ignore[call-overload]


def workers(rows: Sequence[dict[str, Any]]) -> WorkerFacts:
    full = [{**WORKER_DEFAULTS, **r} for r in rows]
    unknown = set().union(*(r.keys() for r in rows)) - WORKER_DEFAULTS.keys() if rows else set()
    assert not unknown, unknown
    return WorkerFacts(**{k: _column(k, [r[k] for r in full]) for k in WORKER_DEFAULTS})


def area(
    worker_rows: Sequence[dict[str, Any]],
    workplaces: Sequence[tuple[int, int, int, str]] = ((1, 2, 6, COVENTRY),),
    returns: Sequence[tuple[int, str, int, bool]] | None = None,
    vacancies: Sequence[tuple[int, str, int, int]] = (),
) -> AreaFacts:
    """``workplaces``: (id, main service, establishment type, council). ``returns``: (workplace, as_of,
    stated perm+temp total, vacancies known); by default each workplace states its true count on
    2025-03-31 and 2026-03-31. ``vacancies``: (workplace, as_of, job role, number)."""
    w = workers(worker_rows)
    wp = WorkplaceFacts(
        np.array([x[0] for x in workplaces], np.int64),
        np.array([x[1] for x in workplaces], np.int16),
        np.array([x[2] for x in workplaces], np.int16),
        np.array([x[3] for x in workplaces]),
    )
    if returns is None:
        returns = []
        for day in ("2025-03-31", "2026-03-31"):  # a return a year before too: turnover needs the 12 months covered
            ref = np.datetime64(day)
            current = (
                (w.start_date <= ref) & (np.isnat(w.left_on) | (w.left_on > ref)) & np.isin(w.contract_type, [1, 2])
            )
            returns += [(x[0], day, int((current & (w.workplace_id == x[0])).sum()), True) for x in workplaces]
    rt = WorkplaceReturns(
        np.array([r[0] for r in returns], np.int64),
        np.array([r[1] for r in returns], "datetime64[D]"),
        np.array([r[2] for r in returns], np.int64),
        np.array([r[3] for r in returns], bool),
    )
    vc = VacancyFacts(
        np.array([v[0] for v in vacancies], np.int64),
        np.array([v[1] for v in vacancies], "datetime64[D]"),
        np.array([v[2] for v in vacancies], np.int16),
        np.array([v[3] for v in vacancies], np.int64),
    )
    return AreaFacts(w, wp, rt, vc)
