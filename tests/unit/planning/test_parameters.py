from __future__ import annotations

import numpy as np
import pytest

from careforce.domain.planning import ROLES, assumptions


def test_base_year_stock_is_the_published_west_midlands_total_spread_by_65_plus_population(calibration):
    assert calibration.filled_posts.sum() == pytest.approx(173_000)
    stock_by_council = calibration.filled_posts.sum(axis=(1, 2))
    p65 = calibration.population["65+"][:, 0]
    assert stock_by_council == pytest.approx(173_000 * p65 / p65.sum())
    assert np.all(calibration.filled_posts > 0)


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
