"""One rule for matching worker references, on the web forms and in uploads alike.

ASC-WDS matches a provider's own references with all whitespace removed and letters as typed
(``careforce.domain.reference.reference_key``). The same two references clash on the add-worker
question page exactly when they clash in a staff file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from careforce.accounts.models import User
from careforce.domain.upload import AccountSnapshot, read_upload
from careforce.workforce.models import Worker, Workplace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "upload"
TAKEN = "Enter a worker reference that is not already used at this workplace"


def _spaced(reference: str) -> str:
    return f" {reference[:2]} {reference[2:]} "


def _other_case(reference: str) -> str:
    return reference.swapcase()


def _clashes_in_upload(make_second) -> bool:  # type: ignore[no-untyped-def]
    staff = (
        (FIXTURES / "staff.csv").read_bytes().replace(b"WM-HOME-1,W003", f"WM-HOME-1,{make_second('W002')}".encode())
    )
    files = [("workplace.csv", (FIXTURES / "workplace.csv").read_bytes()), ("staff.csv", staff)]
    result = read_upload(files, AccountSnapshot(), date(2026, 9, 1))
    return any(p.code == 998 and p.column == "UNIQUEWORKERID" for p in result.report.errors)


def _clashes_on_the_web(client, make_second) -> bool:  # type: ignore[no-untyped-def]
    manager = User.objects.get(username="manager@demo.careforce.test")
    workplace = Workplace.objects.filter(organisation=manager.organisation).order_by("pk").first()
    existing = next(
        w.local_identifier
        for w in Worker.objects.filter(workplace=workplace, left_on__isnull=True).order_by("pk")
        if w.local_identifier.swapcase() != w.local_identifier and len(w.local_identifier) > 2
    )
    response = client.post(
        f"/provider/workplaces/{workplace.pk}/add-worker/reference", {"local_identifier": make_second(existing)}
    )
    return TAKEN in response.content.decode()


@pytest.mark.parametrize(("make_second", "clash"), [(_spaced, True), (_other_case, False)], ids=["spaces", "case"])
def test_the_same_two_references_clash_on_the_web_exactly_when_they_clash_in_an_upload(
    as_manager, make_second, clash
) -> None:
    assert _clashes_in_upload(make_second) is clash
    assert _clashes_on_the_web(as_manager, make_second) is clash
