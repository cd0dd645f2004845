from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from careforce.domain.planning import ROLES, Calibration, default_calibration


@pytest.fixture(scope="session")
def calibration() -> Calibration:
    return default_calibration()


def single_council_calibration(
    *,
    filled: float = 100.0,
    turnover: float = 0.3,
    exit_share: float = 1 / 3,
    vacancy: float = 0.1,
    retirement: float = 0.0,
    p65: tuple[float, ...] = (1000.0, 1100.0, 1210.0),
) -> Calibration:
    """One council (Birmingham's code), staff only in the care_worker role, one age band."""
    n_r = len(ROLES)
    stock = np.zeros((1, n_r, 1))
    stock[0, ROLES.index("care_worker"), 0] = filled
    years = tuple(range(2022, 2022 + len(p65)))
    pop = np.array([p65])
    base = default_calibration()
    return replace(
        base,
        councils=("E08000025",),
        filled_posts=stock,
        turnover_rate=np.full((1, n_r, 1), turnover),
        sector_exit_share=exit_share,
        within_sector_split=np.array([1.0, 0.0, 0.0]),
        vacancy_rate=vacancy,
        ageing_rate=np.array([retirement]),
        recruit_age_mix=np.array([1.0]),
        role_destinations=np.zeros((1, n_r, n_r)),
        council_destinations=np.zeros((1, 1)),
        population={"65+": pop, "65-84": pop, "85+": pop, "under_65": pop, "all_ages": pop},
        population_years=years,
        uncertainty={},
        assumptions=(),
    )


@pytest.fixture
def single_council():
    """Factory for the single-council, single-role calibration of the hand-worked examples."""
    return single_council_calibration
