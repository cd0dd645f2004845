import numpy as np
import pyproj
import pytest

from careforce.domain.careers.distance import (
    METRES_PER_MILE,
    bounding_box,
    describe_distance,
    haversine_miles,
    miles_within,
)
from careforce.domain.careers.postcodes import lookup_postcode


def test_birmingham_b1_to_coventry_cv1_is_about_18_miles() -> None:
    b1, cv1 = lookup_postcode("B1"), lookup_postcode("CV1")
    miles = float(haversine_miles(b1.latitude, b1.longitude, np.array([cv1.latitude]), np.array([cv1.longitude]))[0])
    assert 17 <= miles <= 19
    # cross-check with the WGS84 ellipsoid (pyproj): the sphere is within half a per cent
    _, _, metres = pyproj.Geod(ellps="WGS84").inv(b1.longitude, b1.latitude, cv1.longitude, cv1.latitude)
    assert miles == pytest.approx(metres / METRES_PER_MILE, rel=0.005)


def test_haversine_agrees_with_the_ellipsoid_across_the_region() -> None:
    rng = np.random.default_rng(7)
    lats, lons = rng.uniform(51.8, 53.3, 500), rng.uniform(-3.3, -1.2, 500)
    miles = haversine_miles(52.48, -1.90, lats, lons)
    _, _, metres = pyproj.Geod(ellps="WGS84").inv(np.full(500, -1.90), np.full(500, 52.48), lons, lats)
    assert np.allclose(miles, np.asarray(metres) / METRES_PER_MILE, rtol=0.005, atol=0.01)


def test_distance_to_the_same_point_is_zero() -> None:
    assert float(haversine_miles(52.48, -1.9, np.array([52.48]), np.array([-1.9]))[0]) == 0.0


@pytest.mark.parametrize("radius", [1.0, 10.0, 30.0])
def test_the_bounding_box_never_drops_a_point_inside_the_circle(radius: float) -> None:
    rng = np.random.default_rng(11)
    lats, lons = rng.uniform(51.5, 53.5, 20_000), rng.uniform(-3.5, -0.5, 20_000)
    inside_circle = haversine_miles(52.48, -1.90, lats, lons) <= radius
    inside_box = bounding_box(52.48, -1.90, radius).contains(lats, lons)
    assert inside_circle.any()
    assert not (inside_circle & ~inside_box).any()


def test_miles_within_keeps_only_points_in_range_and_respects_candidates() -> None:
    lats = np.array([52.48, 52.48 + 5 / 69.1, 52.48 + 15 / 69.1, 52.48 + 1 / 69.1])
    lons = np.full(4, -1.90)
    positions, miles = miles_within(52.48, -1.90, lats, lons, 10.0)
    assert positions.tolist() == [0, 1, 3]
    assert miles[1] == pytest.approx(5.0, abs=0.05)
    positions, _ = miles_within(52.48, -1.90, lats, lons, 10.0, np.array([True, False, True, True]))
    assert positions.tolist() == [0, 3]


def test_a_negative_radius_is_refused() -> None:
    with pytest.raises(ValueError):
        bounding_box(52.48, -1.9, -1.0)


@pytest.mark.parametrize(
    ("miles", "words"),
    [
        (0.3, "less than a mile away"),
        (1.02, "1 mile away"),
        (2.46, "2.5 miles away"),
        (4.0, "4 miles away"),
        (12.4, "12 miles away"),
        (9.96, "10 miles away"),
    ],
)
def test_distances_are_described_in_plain_words(miles: float, words: str) -> None:
    assert describe_distance(miles) == words


@pytest.mark.parametrize(("miles", "expected"), [(0.1, 1), (0.4, 1), (5.0, 12), (18.3, 44), (25.4, 60)])
def test_the_least_driving_time_is_the_straight_line_at_the_local_a_road_average_speed(miles, expected):
    from careforce.domain.careers.distance import driving_minutes_at_least

    # 25.4 mph: DfT's average speed on local A roads; 5 miles is 11.8 minutes, so at least 12
    assert driving_minutes_at_least(miles) == expected
