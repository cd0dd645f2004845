"""Round trip: an organisation's three ASC-WDS files, downloaded and uploaded again, change nothing.

Used by the round-trip test on the small region and by ``benchmarks/round_trip_region.py`` on the full one:
the files are made exactly as the download page makes them and checked exactly as the upload page checks
them (``services.examine``); nothing is saved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from careforce.domain.upload import FileKind, Problem
from careforce.workforce.models import Organisation

from . import downloads
from .services import examine


@dataclass
class RoundTrip:
    organisation_id: int
    name: str
    errors: int
    warnings: int
    changes: bool
    staff_rows: int
    problems: list[Problem] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.errors and not self.changes

    def by_code(self) -> Counter[tuple[str, int | None, str]]:
        return Counter((p.severity.value, p.code, p.column) for p in self.problems)


def round_trip(organisation_id: int, today: date, name: str = "") -> RoundTrip:
    files = downloads.files(organisation_id).as_upload()
    examined = examine(organisation_id, files, today)
    report = examined.result.report
    return RoundTrip(
        organisation_id,
        name,
        report.error_count,
        report.warning_count,
        examined.plan is None or not examined.plan.is_empty,
        examined.result.rows_checked.get(FileKind.STAFF, 0),
        report.sorted(),
    )


def every_organisation(today: date, limit: int = 0) -> Iterator[RoundTrip]:
    organisations = Organisation.objects.order_by("pk").values_list("pk", "name")
    for pk, name in organisations[:limit] if limit else organisations:
        yield round_trip(pk, today, name)
