"""Which council each uploaded workplace is in, from its postcode.

careforce places every workplace in one of the region's councils by its postcode (the shipped West Midlands
postcode table, Open Government Licence). ASC-WDS refuses a new workplace whose postcode it cannot find; so do
we, and also one whose postcode is outside the region's councils.
"""

from __future__ import annotations

from dataclasses import dataclass

from careforce.domain.careers.postcodes import PostcodeError, lookup_postcode
from careforce.domain.upload import FileKind, Problem, Severity, UploadResult
from careforce.region.models import District


@dataclass(frozen=True)
class Placement:
    district_id: str
    council_id: str


def _message(postcode: str, error: PostcodeError | None) -> str:
    if error is not None and error.reason == "malformed":
        return f"POSTCODE {postcode} is not a real postcode"
    return (
        f"POSTCODE {postcode} is not a postcode in the West Midlands region's councils: careforce places each "
        "workplace in its council by its postcode"
    )


def place_workplaces(result: UploadResult) -> dict[str, Placement]:
    """Placements by postcode for every workplace row that carries a record; problems go into the report."""
    districts = dict(District.objects.values_list("gss_code", "council_id"))
    placed: dict[str, Placement] = {}
    file = result.files.get(FileKind.WORKPLACE, "")
    for item in result.workplaces:
        if item.record is None or item.record.postcode in placed:
            continue
        postcode = item.record.postcode
        error: PostcodeError | None = None
        try:
            place = lookup_postcode(postcode)
        except PostcodeError as exc:
            place, error = None, exc
        if place is not None and place.precision == "postcode" and place.lad_code in districts:
            placed[postcode] = Placement(place.lad_code, districts[place.lad_code])
            continue
        result.report.add(
            Problem(file, item.row, "POSTCODE", None, Severity.ERROR, _message(postcode, error), postcode)
        )
    return placed
