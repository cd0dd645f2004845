"""Demand: the posts required in each council, role and year.

Two methods, selected per run and recorded with it:

``sfc``
    Skills for Care's method (research note 1.1): posts grow in proportion to the council's
    population aged 65 and over, ``D(y) = D(y0) * P65(y) / P65(y0)``. This is the regression
    baseline; its results are quoted beside SfC's published figures, never tuned to them.
``need``
    A need-based weighting of age groups (research note 4.2, tier T0 with weights):
    ``D(y) = D(y0) * sum_g w_g P_g(y) / P_g(y0)`` over 65-84, 85+ and the working-age population.
    The weights below are stated modelling choices, not published figures. The calibration data
    has no 18-64 band, so the under-65 population (all ages less 65+) stands in for it.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from numpy.typing import NDArray

from .dimensions import ROLES
from .parameters import Calibration
from .published import Assumption

FloatArray = NDArray[np.float64]
DemandMethod = Literal["sfc", "need"]
DEMAND_METHODS: tuple[DemandMethod, ...] = ("sfc", "need")

OLDER_PERSON_WEIGHTS = {"65-84": 0.4, "85+": 0.4, "under_65": 0.2}
WORKING_AGE_WEIGHTS = {"65-84": 0.25, "85+": 0.25, "under_65": 0.5}
WORKING_AGE_ROLES = frozenset({"social_worker", "occupational_therapist", "support_and_outreach"})


def need_weights() -> dict[str, dict[str, float]]:
    """Stated weights of each population group in the need-based method, per role."""
    return {r: dict(WORKING_AGE_WEIGHTS if r in WORKING_AGE_ROLES else OLDER_PERSON_WEIGHTS) for r in ROLES}


def need_weight_assumptions() -> tuple[Assumption, ...]:
    src = (
        "stated weight for the need-based method (research note 4.2: older-person and working-age roles weight "
        "65+, 85+ and 18-64 differently); under-65 population stands in for 18-64"
    )
    out = []
    for label, weights in (("older-person roles", OLDER_PERSON_WEIGHTS), ("working-age roles", WORKING_AGE_WEIGHTS)):
        for band, w in weights.items():
            out.append(Assumption(f"need_weight.{label}.{band}", w, "weight", src, "stated weight"))
    return tuple(out)


def demand_growth(calibration: Calibration, method: DemandMethod, years: range) -> FloatArray:
    """(council, role, year) growth of posts required, relative to the base year."""
    n_roles = len(ROLES)
    if method == "sfc":
        g = calibration.population_growth("65+", years)
        return np.repeat(g[:, None, :], n_roles, axis=1)
    if method == "need":
        weights = need_weights()
        growth = {band: calibration.population_growth(band, years) for band in OLDER_PERSON_WEIGHTS}
        out = np.empty((len(calibration.councils), n_roles, len(years)))
        for i, role in enumerate(ROLES):
            out[:, i, :] = sum(w * growth[band] for band, w in weights[role].items())
        return out
    raise ValueError(f"unknown demand method {method!r}; choose one of {', '.join(DEMAND_METHODS)}")


def sfc_new_posts(base_posts: float, p65_base: float, p65_horizon: float) -> float:
    """Skills for Care's "new posts needed": ``J0 * P65(y) / P65(y0) - J0``."""
    if base_posts < 0 or p65_base <= 0 or p65_horizon < 0:
        raise ValueError("posts and populations must be positive")
    return base_posts * p65_horizon / p65_base - base_posts
