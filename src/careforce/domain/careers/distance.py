"""Distance in miles from one place to many vacancies at once.

Great-circle (haversine) distance on a sphere of the mean Earth radius, vectorised with NumPy.
Measured against ``pyproj.Geod(ellps="WGS84").inv`` across the region it differs by at most 0.33%
(about 50 yards at 10 miles), far below the precision of a postcode centroid, and it is about
20 times faster (docs/adr/0040). ``bounding_box`` gives a cheap prefilter so only vacancies that might
be in range have their distance computed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

METRES_PER_MILE = 1609.344
# IUGG mean Earth radius (R1) in metres, then in miles
MEAN_EARTH_RADIUS_M = 6_371_008.8
MEAN_EARTH_RADIUS_MILES = MEAN_EARTH_RADIUS_M / METRES_PER_MILE
# On the WGS84 ellipsoid one degree of latitude is never shorter than 68.70 miles (at the equator);
# using the shortest keeps the box a little generous, never too tight.
MIN_MILES_PER_DEGREE_LATITUDE = 68.70

FloatArray = npt.NDArray[np.float64]


def haversine_miles(latitude: float, longitude: float, latitudes: FloatArray, longitudes: FloatArray) -> FloatArray:
    """Great-circle distance in miles from one point to each of many points (degrees in, miles out)."""
    lat0 = np.radians(latitude)
    lat = np.radians(latitudes)
    half_dlat = (lat - lat0) * 0.5
    half_dlon = np.radians(longitudes - longitude) * 0.5
    a = np.sin(half_dlat) ** 2 + np.cos(lat0) * np.cos(lat) * np.sin(half_dlon) ** 2
    result: FloatArray = 2.0 * MEAN_EARTH_RADIUS_MILES * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return result


@dataclass(frozen=True)
class BoundingBox:
    """A latitude/longitude box that contains every point within ``radius_miles`` of a centre."""

    min_latitude: float
    max_latitude: float
    min_longitude: float
    max_longitude: float

    def contains(self, latitudes: FloatArray, longitudes: FloatArray) -> npt.NDArray[np.bool_]:
        inside: npt.NDArray[np.bool_] = (
            (latitudes >= self.min_latitude)
            & (latitudes <= self.max_latitude)
            & (longitudes >= self.min_longitude)
            & (longitudes <= self.max_longitude)
        )
        return inside


def bounding_box(latitude: float, longitude: float, radius_miles: float) -> BoundingBox:
    """A box sure to contain the circle of ``radius_miles`` around the point (Great Britain latitudes).

    The longitude half-width uses the latitude edge furthest from the equator, where a degree of longitude
    is shortest, so the box is never too narrow. Not meant for circles that cross a pole or the
    antimeridian (the region is nowhere near either).
    """
    if radius_miles < 0:
        raise ValueError("radius_miles must not be negative")
    dlat = radius_miles / MIN_MILES_PER_DEGREE_LATITUDE
    far_latitude = min(abs(latitude) + dlat, 89.0)
    miles_per_degree_longitude = float(np.cos(np.radians(far_latitude))) * np.pi * MEAN_EARTH_RADIUS_MILES / 180.0
    dlon = radius_miles / miles_per_degree_longitude
    return BoundingBox(latitude - dlat, latitude + dlat, longitude - dlon, longitude + dlon)


def miles_within(
    latitude: float,
    longitude: float,
    latitudes: FloatArray,
    longitudes: FloatArray,
    radius_miles: float,
    candidates: npt.NDArray[np.bool_] | None = None,
) -> tuple[npt.NDArray[np.intp], FloatArray]:
    """Positions of the points within ``radius_miles`` and their distances, using the box first.

    ``candidates`` optionally narrows the points considered (other filters already applied).
    """
    mask = bounding_box(latitude, longitude, radius_miles).contains(latitudes, longitudes)
    if candidates is not None:
        mask &= candidates
    positions = np.flatnonzero(mask)
    miles = haversine_miles(latitude, longitude, latitudes[positions], longitudes[positions])
    keep = miles <= radius_miles
    return positions[keep], miles[keep]


def describe_distance(miles: float) -> str:
    """Plain words for a distance: "less than a mile away", "2.5 miles away", "12 miles away"."""
    if miles < 1.0:
        return "less than a mile away"
    if miles < 10.0:
        rounded = round(miles, 1)
        if rounded == 1.0:
            return "1 mile away"
        text = f"{rounded:.1f}".removesuffix(".0")
        return f"{text} miles away"
    return f"{round(miles):d} miles away"


# Average speed on England's local 'A' roads, all times of day: 25.4 mph in the year to June 2019
# (Department for Transport, "Travel time measures for the Strategic Road Network and local 'A' roads:
# July 2018 to June 2019", https://www.gov.uk/government/statistics/travel-time-measures-for-the-strategic-road-network-and-local-a-roads-july-2018-to-june-2019).
# Local A roads are the roads most trips to work in the region use; motorways are faster, estates slower.
LOCAL_A_ROAD_MPH = 25.4
TRAVEL_SPEED_SOURCE = "the average speed on local A roads in England (Department for Transport, year to June 2019)"


def driving_minutes_at_least(miles: float) -> int:
    """The shortest time a drive of ``miles`` in a straight line could take at ``LOCAL_A_ROAD_MPH``,
    rounded up to a whole minute (at least 1). Roads are never straighter than a straight line, so the
    real time is this or longer: pages say "at least"."""
    return max(1, math.ceil(miles / LOCAL_A_ROAD_MPH * 60))
