"""The service says where it works, and a place outside the region is told so."""

from careforce.domain.careers.coverage import council_names, in_region, outside_region, spoken_name, where_we_work
from careforce.domain.careers.postcodes import lookup_postcode


def test_the_region_is_its_14_councils_named_as_people_say_them():
    names = council_names()
    assert len(names) == 14
    assert "Herefordshire" in names and spoken_name("Herefordshire, County of") == "Herefordshire"
    assert where_we_work().startswith("This service covers the West Midlands, 14 councils: Birmingham, Coventry, ")
    assert where_we_work().endswith(", Wolverhampton and Worcestershire")


def test_places_in_and_outside_the_region():
    assert in_region(lookup_postcode("B15 2TT"))  # Birmingham
    assert in_region(lookup_postcode("ST16"))  # Stafford, in Staffordshire
    assert not in_region(lookup_postcode("SW1A 1AA"))  # Westminster
    assert not in_region(lookup_postcode("TR1 1AA"))  # Truro
    text = outside_region(lookup_postcode("SW1A 1AA"))
    assert text.startswith("SW1A 1AA is outside the West Midlands. This service covers the West Midlands, 14 councils")
    assert text.endswith("search from the postcode of where you would like to work")
