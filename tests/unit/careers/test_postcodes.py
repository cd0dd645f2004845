import numpy as np
import pytest

from careforce.domain.careers.postcode_table import load_postcode_table, parse_postcode_csv, postcode_table
from careforce.domain.careers.postcodes import ATTRIBUTION, PostcodeError, lookup_postcode, normalise_postcode
from careforce.domain.reference import data_path


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("b152tt", "B15 2TT"),
        ("B15 2TT", "B15 2TT"),
        ("  b15   2tt ", "B15 2TT"),
        ("b15\t2tt", "B15 2TT"),
        ("ws111aa", "WS11 1AA"),
        ("ec1a1bb", "EC1A 1BB"),
        ("w1a0ax", "W1A 0AX"),
        ("B15", "B15"),
        ("b15", "B15"),
        (" cv4 ", "CV4"),
    ],
)
def test_postcodes_are_normalised_to_upper_case_with_one_space(typed: str, expected: str) -> None:
    assert normalise_postcode(typed).text == expected


def test_a_district_on_its_own_is_recognised_as_a_district() -> None:
    normalised = normalise_postcode("b15")
    assert normalised.is_district_only
    assert normalised.district == "B15"
    assert not normalise_postcode("B152TT").is_district_only
    assert normalise_postcode("B152TT").district == "B15"


@pytest.mark.parametrize("typed", ["12345", "B", "15 2TT", "B15 2T", "B15 2TTT", "QWERTY123", "B15-2TT", "!!"])
def test_malformed_postcodes_get_a_message_with_an_example(typed: str) -> None:
    with pytest.raises(PostcodeError) as error:
        normalise_postcode(typed)
    assert error.value.reason == "malformed"
    assert error.value.message == "Enter a real postcode, like B15 2TT, or the first part, like B15"


@pytest.mark.parametrize("typed", ["", "   "])
def test_an_empty_postcode_asks_for_one(typed: str) -> None:
    with pytest.raises(PostcodeError) as error:
        lookup_postcode(typed)
    assert error.value.reason == "empty"
    assert error.value.message.startswith("Enter a postcode, like B15 2TT")


def test_a_current_west_midlands_postcode_resolves_to_its_own_position() -> None:
    place = lookup_postcode("b152tt")
    assert place.postcode == "B15 2TT"
    assert place.precision == "postcode"
    assert place.is_current
    assert place.lad_code == "E08000025"  # Birmingham
    assert place.latitude == pytest.approx(52.453267)
    assert place.longitude == pytest.approx(-1.927896)


def test_a_district_resolves_to_the_district_centre() -> None:
    place = lookup_postcode("B15")
    assert place.precision == "district"
    assert place.postcode == "B15"
    assert place.lad_code == "E08000025"
    assert 52.4 < place.latitude < 52.5


def test_a_terminated_postcode_still_resolves_and_says_it_is_not_current() -> None:
    place = lookup_postcode("CV1 1AA")
    assert place.precision == "postcode"
    assert not place.is_current
    assert place.lad_code == "E08000026"  # Coventry


def test_a_terminated_postcode_far_from_its_district_falls_back_to_the_district_centre() -> None:
    # CV21 1TB is a terminated postcode about 14 miles from the CV21 (Rugby) district centre
    place = lookup_postcode("CV21 1TB")
    district = lookup_postcode("CV21")
    assert place.precision == "district"
    assert not place.is_current
    assert (place.latitude, place.longitude) == (district.latitude, district.longitude)


def test_a_scottish_postcode_outside_the_region_resolves_by_its_district() -> None:
    place = lookup_postcode("eh1 1yz")
    assert place.precision == "district"
    assert place.postcode == "EH1 1YZ"
    assert place.lad_code.startswith("S")
    assert 55.9 < place.latitude < 56.0


def test_an_unknown_but_well_formed_postcode_says_it_cannot_be_found() -> None:
    with pytest.raises(PostcodeError) as error:
        lookup_postcode("ZZ1 1ZZ")
    assert error.value.reason == "not_found"
    assert "ZZ1 1ZZ" in error.value.message
    assert "like B15" in error.value.message


def test_an_unknown_district_says_it_cannot_be_found_with_an_example() -> None:
    with pytest.raises(PostcodeError) as error:
        lookup_postcode("ZZ9")
    assert error.value.reason == "not_found"
    assert "like B15 2TT" in error.value.message


def test_northern_ireland_postcodes_are_explained_as_not_covered() -> None:
    with pytest.raises(PostcodeError) as error:
        lookup_postcode("BT1 1AA")
    assert error.value.reason == "not_covered"


def test_the_attribution_is_the_one_the_data_readme_requires() -> None:
    readme = data_path("geo", "README.md").read_text(encoding="utf-8")
    for line in ATTRIBUTION.splitlines():
        assert f"> {line}" in readme


def test_the_postcode_table_is_sorted_and_complete() -> None:
    table = postcode_table()
    assert len(table) == 211_547
    assert bool(np.all(table.postcodes[:-1] < table.postcodes[1:]))
    assert int(table.current.sum()) == 153_059


def test_the_npz_cache_is_written_once_and_gives_the_same_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = data_path("geo", "west_midlands_postcodes.csv")
    first = load_postcode_table(source, tmp_path)
    cached_files = list(tmp_path.glob("*.npz"))
    assert len(cached_files) == 1
    second = load_postcode_table(source, tmp_path)
    assert np.array_equal(first.postcodes, second.postcodes)
    assert np.array_equal(first.latitude, second.latitude)
    assert np.array_equal(first.lad_codes[first.lad_index], second.lad_codes[second.lad_index])
    assert second.find("B15 2TT") == first.find("B15 2TT")


def test_a_broken_cache_file_is_ignored_and_the_csv_is_used(tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "postcodes.csv"
    source.write_text(
        "postcode,latitude,longitude,lad_code,in_wm_region,current\n"
        "B2 4QA,52.47,-1.89,E08000025,1,1\nB1 1AA,52.47,-1.90,E08000025,1,0\n",
        encoding="utf-8",
    )
    cache_dir = tmp_path / "cache"
    load_postcode_table(source, cache_dir)
    (cache_file,) = cache_dir.glob("*.npz")
    cache_file.write_bytes(b"not a zip file")
    table = load_postcode_table(source, cache_dir)
    assert table.find("B1 1AA") == (52.47, -1.90, "E08000025", False)
    assert table.find("B2 4QA") == (52.47, -1.89, "E08000025", True)
    assert table.find("B3 3AA") is None


def test_a_csv_with_unexpected_columns_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "postcodes.csv"
    source.write_text("pcd,lat,long\nB1 1AA,52.4,-1.9\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected columns"):
        parse_postcode_csv(source)


def test_an_unknown_unit_postcode_in_a_known_district_resolves_by_its_district() -> None:
    place = lookup_postcode("B15 9ZZ")
    assert place.precision == "district"
    assert place.postcode == "B15 9ZZ"
    assert (place.latitude, place.longitude) == (lookup_postcode("B15").latitude, lookup_postcode("B15").longitude)
