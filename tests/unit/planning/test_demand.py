from __future__ import annotations

import numpy as np
import pytest

from careforce.domain.planning import ROLES, demand_growth, need_weights, sfc_new_posts
from careforce.domain.planning.published import sfc_projections, workforce_figure
from careforce.domain.reference import population


def test_sfc_method_grows_each_councils_posts_exactly_as_its_65_plus_population(calibration):
    years = range(2022, 2036)
    growth = demand_growth(calibration, "sfc", years)
    for c, code in enumerate(calibration.councils):
        expected = population("65+", 2035)[code] / population("65+", 2022)[code]
        assert growth[c, :, -1] == pytest.approx(np.full(len(ROLES), expected), rel=1e-12)
    assert growth[:, :, 0] == pytest.approx(np.ones((len(calibration.councils), len(ROLES))))


def test_sfc_method_reproduces_the_published_2040_england_figure_within_rounding():
    # Workforce Strategy 2024: +29% (540,000 extra posts) between 2023 and 2040 on 2023/24 posts
    posts = workforce_figure("E92000001", "2023/24", "total_posts").value
    published = next(p for p in sfc_projections() if p.horizon_year == 2040 and p.extra_posts == "540000")
    assert published.percent_increase == 29
    low = sfc_new_posts(posts, 100.0, 100.0 + published.percent_increase - 0.5)
    high = sfc_new_posts(posts, 100.0, 100.0 + published.percent_increase + 0.5)
    assert low <= 540_000 <= high  # 29% is rounded: 28.5%-29.5% of 1.84m brackets 540,000


def test_sfc_method_reproduces_the_published_2035_figure_from_2021_22_posts_within_rounding():
    # Annual review 2022-23: 27% (480,000 extra jobs) by 2035, from 2021/22 estimates.
    filled_2223 = workforce_figure("E92000001", "2022/23", "filled_posts").value
    change = workforce_figure("E92000001", "2022/23", "filled_posts_change").value
    vacancies_2122 = workforce_figure("E92000001", "2021/22", "vacancies").value
    posts_2122 = filled_2223 - change + vacancies_2122
    extra = sfc_new_posts(posts_2122, 100.0, 127.0)
    assert round(extra, -4) == 480_000


def test_need_method_weights_sum_to_one_so_the_base_year_is_unchanged(calibration):
    for role, weights in need_weights().items():
        assert sum(weights.values()) == pytest.approx(1.0), role
    growth = demand_growth(calibration, "need", range(2022, 2031))
    assert growth[:, :, 0] == pytest.approx(np.ones(growth.shape[:2]))


def test_need_method_grows_faster_than_sfc_where_the_85_plus_population_grows_fastest(calibration):
    years = range(2022, 2036)
    sfc = demand_growth(calibration, "sfc", years)
    need = demand_growth(calibration, "need", years)
    shropshire = calibration.councils.index("E06000051")  # 85+ +80% by 2035 against 65+ +37%
    care = ROLES.index("care_worker")
    assert need[shropshire, care, -1] > sfc[shropshire, care, -1]


def test_unknown_demand_method_is_refused(calibration):
    with pytest.raises(ValueError, match="unknown demand method"):
        demand_growth(calibration, "trend", range(2022, 2024))  # type: ignore[arg-type]
