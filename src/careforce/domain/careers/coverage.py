"""Where the service works: the councils of the region, and whether a searched place is in it.

A postcode anywhere in Great Britain can be searched (people near the edge of the region work in it),
but a place outside the region is told, in these words, that the service covers the West Midlands.
"""

from __future__ import annotations

from careforce.domain.careers.postcodes import Place
from careforce.domain.careers.wording import count_of, joined
from careforce.domain.reference import REGION_NAME, councils, district_to_council


def in_region(place: Place) -> bool:
    """Is the place in one of the region's districts?"""
    return place.lad_code in district_to_council()


def spoken_name(council_name: str) -> str:
    """A council's name as people say it: "Herefordshire", not ONS's "Herefordshire, County of"."""
    return council_name.removesuffix(", County of")


def council_names() -> tuple[str, ...]:
    return tuple(spoken_name(c.name) for c in councils())


def where_we_work() -> str:
    """ "This service covers the West Midlands, 14 councils: Birmingham, ... and Worcestershire"."""
    names = council_names()
    return f"This service covers the {REGION_NAME}, {count_of(len(names), 'council')}: {joined(list(names))}"


def outside_region(place: Place) -> str:
    """What a person searching from outside the region reads."""
    return (
        f"{place.postcode} is outside the {REGION_NAME}. {where_we_work()}. "
        f"To find work in the {REGION_NAME}, search from the postcode of where you would like to work"
    )
