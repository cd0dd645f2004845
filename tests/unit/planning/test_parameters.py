from __future__ import annotations

import numpy as np
import pytest

from careforce.domain.planning import ROLES, assumptions


def test_base_stock_is_carried_from_england_and_says_so(calibration):
    # 2022/23 has no regional count: England's 1,635,000 x the region's 2016/17 share (170,000 / 1,580,000)
    assert calibration.filled_posts.sum() == pytest.approx(1_635_000 * 170_000 / 1_580_000)
    region = next(a for a in calibration.assumptions if a.name == "filled_posts (base year, region)")
    assert region.kind == "carried forward"
    assert region.year == "2022/23"
    assert "carried forward: England 2022/23" in region.source and "2016/17" in region.source
    assert np.all(calibration.filled_posts > 0)


def test_councils_with_published_counts_keep_them_not_a_share_of_the_region(calibration):
    stock = dict(zip(calibration.councils, calibration.filled_posts.sum(axis=(1, 2)), strict=True))
    assert stock["E08000026"] == pytest.approx(9_600)  # Coventry, published for 2022/23
    # Staffordshire's 2016/17 count carried by England's growth 2016/17 -> 2022/23
    assert stock["E10000028"] == pytest.approx(20_500 * 1_635_000 / 1_580_000)
    notes = {a.name: a for a in calibration.assumptions}
    staffs = notes["filled_posts (base year, Staffordshire)"]
    assert staffs.kind == "carried forward" and "from 2016/17" in staffs.source
    assert notes["filled_posts (base year, Coventry)"].kind == "published"
    dudley = notes["filled_posts (base year, Dudley)"]
    assert dudley.kind == "derived" and "65 and over" in dudley.source


def test_base_year_can_be_moved_and_a_year_without_data_is_refused():
    from careforce.domain.planning import calibration_for

    later = calibration_for(2023)
    assert later.base_year == 2023
    assert later.filled_posts.sum() == pytest.approx(1_705_000 * 170_000 / 1_580_000)
    assert later.population_years[0] == 2023
    with pytest.raises(ValueError, match="2019 is not one the data allows"):
        calibration_for(2019)


def test_every_published_or_carried_figure_names_its_year(calibration):
    for a in calibration.assumptions:
        if a.kind in ("published", "carried forward") and a.name.startswith("filled_posts"):
            assert a.year, a.name


def test_regional_turnover_matches_the_published_west_midlands_rate(calibration):
    mean = (calibration.turnover_rate * calibration.filled_posts).sum() / calibration.filled_posts.sum()
    assert mean == pytest.approx(0.301)
    care = ROLES.index("care_worker")
    senior = ROLES.index("senior_care_worker")
    assert np.all(calibration.turnover_rate[:, care] > calibration.turnover_rate[:, senior])


def test_every_assumption_names_its_source_and_published_rows_cite_a_file_line():
    items = assumptions("need")
    assert items
    for item in items:
        assert item.source.strip(), item.name
        if item.kind == "published":
            assert "line " in item.source, item.name
    names = {a.name for a in items}
    assert {"filled_posts (base year, region)", "sector_exit_share", "pay_elasticity"} <= names
    assert any(name.startswith("need_weight.") for name in names)
