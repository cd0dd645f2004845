"""A staff member sees their own record and keeps their own training and qualifications; never anyone else's."""

from datetime import date

import pytest
from bs4 import BeautifulSoup

from careforce.accounts.models import User
from careforce.workforce.models import TrainingRecord, Worker, WorkerQualification

pytestmark = pytest.mark.django_db
FIRE_SAFETY = 6


def _me() -> Worker:
    return User.objects.get(username="staff@demo.careforce.test").worker  # type: ignore[return-value]


def _soup(response) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    return BeautifulSoup(response.content, "html.parser")


def _training(completed: date) -> dict[str, str]:
    return {
        "category": str(FIRE_SAFETY),
        "name": "Fire warden",
        "accredited": "1",
        "completed_on-day": str(completed.day),
        "completed_on-month": str(completed.month),
        "completed_on-year": str(completed.year),
    }


def test_a_staff_member_adds_changes_and_deletes_their_own_training_from_my_record(as_staff):
    me = _me()
    page = _soup(as_staff.get("/provider/my-record"))
    assert me.local_identifier in page.get_text()
    add = page.find("a", string="Add a training record")["href"]
    assert add == "/provider/my-record/training/add"

    response = as_staff.post(add, _training(date(2026, 4, 2)))
    assert response["Location"] == "/provider/my-record"
    record = TrainingRecord.objects.get(worker=me, name="Fire warden")
    page = _soup(as_staff.get("/provider/my-record"))
    assert "Training record saved" in page.select_one(".govuk-notification-banner").get_text()
    assert "Fire warden" in page.get_text() and "2 April 2026" in page.get_text()

    as_staff.post(f"/provider/my-record/training/{record.pk}/change", _training(date(2026, 4, 9)))
    record.refresh_from_db()
    assert record.completed_on == date(2026, 4, 9)
    as_staff.post(f"/provider/my-record/training/{record.pk}/delete")
    assert not TrainingRecord.objects.filter(pk=record.pk).exists()


def test_a_staff_member_adds_and_removes_their_own_qualification(as_staff):
    me = _me()
    WorkerQualification.objects.filter(worker=me, qualification=3).delete()
    assert (
        as_staff.post("/provider/my-record/qualifications/add", {"qualification": "3", "year_achieved": "2021"})[
            "Location"
        ]
        == "/provider/my-record"
    )
    held = WorkerQualification.objects.get(worker=me, qualification=3)
    assert "Health and social care NVQ (level 4)" in _soup(as_staff.get("/provider/my-record")).get_text()
    as_staff.post(f"/provider/my-record/qualifications/{held.pk}/remove")
    assert not WorkerQualification.objects.filter(pk=held.pk).exists()


def test_a_staff_member_cannot_change_anyone_elses_record_and_nothing_changes(as_staff):
    me = _me()
    colleague = Worker.objects.filter(workplace=me.workplace).exclude(pk=me.pk).first()
    record = TrainingRecord.objects.create(worker=colleague, category=FIRE_SAFETY, completed_on=date(2026, 1, 1))  # type: ignore[misc]
    held = WorkerQualification.objects.create(worker=colleague, qualification=5, year_achieved=2017)  # type: ignore[misc]
    before = (colleague.care_certificate, colleague.left_on)
    # the manager's pages are refused outright
    for path in [
        f"/provider/workers/{colleague.pk}/training/add",
        f"/provider/workers/{colleague.pk}/training/{record.pk}/delete",
        f"/provider/workers/{colleague.pk}/qualifications/{held.pk}/remove",
        f"/provider/workers/{colleague.pk}/change/care-certificate",
        f"/provider/workers/{colleague.pk}/leaving/date",
        f"/provider/workers/{me.pk}/change/care-certificate",  # not even their own job details
        "/provider/training-due",
    ]:
        assert as_staff.get(path).status_code == 403, path
        assert as_staff.post(path, _training(date(2026, 2, 2)) | {"care_certificate": "1"}).status_code == 403, path
    # their own pages cannot reach a colleague's record by its id
    for path in [
        f"/provider/my-record/training/{record.pk}/change",
        f"/provider/my-record/training/{record.pk}/delete",
        f"/provider/my-record/qualifications/{held.pk}/remove",
    ]:
        assert as_staff.get(path).status_code == 404, path
        assert as_staff.post(path, _training(date(2026, 2, 2))).status_code == 404, path
    record.refresh_from_db()
    colleague.refresh_from_db()
    assert record.completed_on == date(2026, 1, 1) and TrainingRecord.objects.filter(worker=colleague).count() >= 1
    assert WorkerQualification.objects.filter(pk=held.pk).exists()
    assert (colleague.care_certificate, colleague.left_on) == before


def test_a_manager_cannot_use_the_staff_members_pages(as_manager):
    assert as_manager.get("/provider/my-record/training/add").status_code == 403
