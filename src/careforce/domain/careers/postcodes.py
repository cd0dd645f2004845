"""Postcodes: check what a person typed, then find where it is.

A person can type a full unit postcode (``B15 2TT``) or only its first part, the postcode district
(``B15``). Unit postcodes are looked up in ``data/geo/west_midlands_postcodes.csv`` (every postcode in
the region's postcode areas, current and terminated); anything else falls back to the district's
centroid from ``data/geo/postcode_districts.csv`` (all of Great Britain). Nothing is fetched at run time.

The data are ONS and OS open data under the Open Government Licence v3.0: show ``ATTRIBUTION`` wherever
results that use them are shown (see ``data/geo/README.md``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import numpy as np

from careforce.domain.careers.distance import haversine_miles
from careforce.domain.careers.postcode_table import District, PostcodeTable, district_table, postcode_table

ATTRIBUTION = (
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0\n"
    "Contains OS data © Crown copyright and database right 2025\n"
    "Contains Royal Mail data © Royal Mail copyright and database right 2025\n"
    "Contains National Statistics data © Crown copyright and database right 2025"
)
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"

EXAMPLE = "like B15 2TT, or the first part, like B15"

# A terminated postcode further than this from its district's centre is treated as unreliable
# (the README warns that a few are far from their district) and the district centre is used instead.
TERMINATED_MAX_MILES_FROM_DISTRICT = 10.0

Precision = Literal["postcode", "district"]

# Outward code: A9, A99, AA9, AA99, A9A, AA9A. Inward code: 9AA.
_OUTWARD = r"[A-Z]{1,2}[0-9][A-Z0-9]?"
_INWARD = r"[0-9][A-Z]{2}"
_FULL_RE = re.compile(rf"^({_OUTWARD})({_INWARD})$")
_OUTWARD_RE = re.compile(rf"^{_OUTWARD}$")
_SPACES_RE = re.compile(r"\s+")


class PostcodeError(ValueError):
    """A postcode we cannot use, with a message to show the person as it is.

    ``reason`` is one of ``empty``, ``malformed``, ``not_found`` or ``not_covered`` so a form can
    choose how to react; ``message`` follows the GOV.UK error message style.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class NormalisedPostcode:
    """``text`` is ``B15 2TT`` for a unit postcode or ``B15`` for a district; ``district`` is always the outward code."""

    text: str
    district: str
    is_district_only: bool


@dataclass(frozen=True)
class Place:
    """Where a postcode is: WGS84 degrees, its local authority district (GSS code) and how exact it is.

    ``precision`` is ``"postcode"`` for a unit postcode's own position and ``"district"`` for the centre of
    a postcode district. ``is_current`` is False for a terminated postcode (still accepted, as people
    keep using old ones).
    """

    postcode: str
    latitude: float
    longitude: float
    lad_code: str
    precision: Precision
    is_current: bool = True


def normalise_postcode(text: str) -> NormalisedPostcode:
    """Upper-case, remove spaces and put one space before the inward code.

    Raises ``PostcodeError`` for an empty or badly formed postcode, with an example of a good one.
    """
    compact = _SPACES_RE.sub("", text or "").upper()
    if not compact:
        raise PostcodeError("empty", f"Enter a postcode, {EXAMPLE}")
    full = _FULL_RE.match(compact)
    if full:
        outward, inward = full.group(1), full.group(2)
        return NormalisedPostcode(f"{outward} {inward}", outward, False)
    if _OUTWARD_RE.match(compact):
        return NormalisedPostcode(compact, compact, True)
    raise PostcodeError("malformed", f"Enter a real postcode, {EXAMPLE}")


def lookup_postcode(
    text: str, *, table: PostcodeTable | None = None, districts: dict[str, District] | None = None
) -> Place:
    """Find where a postcode or postcode district is.

    Order: the unit postcode in the West Midlands table (current or terminated), then the centre of
    its district anywhere in Great Britain. Raises ``PostcodeError`` with a message for the person.
    ``table`` and ``districts`` default to the shipped data, loaded once.
    """
    normalised = normalise_postcode(text)
    if normalised.district.startswith("BT"):
        raise PostcodeError(
            "not_covered",
            f"We cannot search from Northern Ireland postcodes such as {normalised.text}. "
            f"Enter a postcode in Great Britain, {EXAMPLE}",
        )
    all_districts = district_table() if districts is None else districts
    district = all_districts.get(normalised.district)

    if not normalised.is_district_only:
        unit = (postcode_table() if table is None else table).find(normalised.text)
        if unit is not None:
            latitude, longitude, lad_code, is_current = unit
            if is_current or district is None or _close_to(district, latitude, longitude):
                return Place(normalised.text, latitude, longitude, lad_code, "postcode", is_current)
            # a terminated postcode far from where its district is now: trust the district instead
            return Place(normalised.text, district.latitude, district.longitude, district.lad_code, "district", False)

    if district is not None:
        return Place(normalised.text, district.latitude, district.longitude, district.lad_code, "district")

    if normalised.is_district_only:
        message = (
            f"We cannot find the postcode area {normalised.text}. Check it, or enter a full postcode, like B15 2TT"
        )
    else:
        message = f"We cannot find the postcode {normalised.text}. Check it, or enter just the first part, like B15"
    raise PostcodeError("not_found", message)


def _close_to(district: District, latitude: float, longitude: float) -> bool:
    miles = haversine_miles(district.latitude, district.longitude, np.array([latitude]), np.array([longitude]))
    return bool(miles[0] <= TERMINATED_MAX_MILES_FROM_DISTRICT)
