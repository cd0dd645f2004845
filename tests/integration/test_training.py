"""A provider manager records training and qualifications and sees training that has expired or is due."""

from datetime import date, datetime, timedelta

import pytest
from bs4 import BeautifulSoup

from careforce.accounts.models import User
from careforce.workforce.models import TrainingRecord, Worker, WorkerQualification, Workplace

pytestmark = pytest.mark.django_db
FIRE_SAFETY, DEMENTIA_CARE, CONTROL_AND_RESTRAINT = 6, 2, 1


def _organisation():  # type: ignore[no-untyped-def]
    return User.objects.get(username="manager@demo.careforce.test").organisation


def _worker(reference: str, other_provider: bool = False) -> Worker:
    """A new current worker with no training, at one of the manager's workplaces (or another provider's)."""
    workplaces = Workplace.objects.order_by("pk")
    workplaces = (
        workplaces.exclude(organisation=_organisation())
        if other_provider
        else workplaces.filter(organisation=_organisation())
    )
    return Worker.objects.create(  # type: ignore[misc]
        workplace=workplaces.first(),
        local_identifier=reference,
        contract_type=1,
        main_job_role=8,
        start_date=date(2024, 1, 8),
    )


def _soup(response) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    return BeautifulSoup(response.content, "html.parser")


def _summary(response) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    summary = _soup(response).select_one(".govuk-error-summary")
    assert summary is not None, "no error summary on the page"
    return [(a.get_text(strip=True), a["href"]) for a in summary.select("a")]  # type: ignore[misc]


def _training(category: int, completed: date, expires: date | None = None, accredited: str = "1") -> dict[str, str]:
    data = {
        "category": str(category),
        "name": "",
        "accredited": accredited,
        "completed_on-day": str(completed.day),
        "completed_on-month": str(completed.month),
        "completed_on-year": str(completed.year),
    }
    if expires:
        data |= {
            "expires_on-day": str(expires.day),
            "expires_on-month": str(expires.month),
            "expires_on-year": str(expires.year),
        }
    return data


def test_a_manager_adds_changes_and_deletes_a_training_record(as_manager):
    worker = _worker("TRAIN-1")
    page = _soup(as_manager.get(f"/provider/workers/{worker.pk}"))
    assert "No training recorded." in page.get_text()
    assert page.find("a", string="Add a training record")["href"] == f"/provider/workers/{worker.pk}/training/add"

    response = as_manager.post(
        f"/provider/workers/{worker.pk}/training/add", _training(FIRE_SAFETY, date(2026, 1, 5), date(2027, 1, 4))
    )
    assert response["Location"] == f"/provider/workers/{worker.pk}"
    record = TrainingRecord.objects.get(worker=worker)
    assert (record.category, record.completed_on, record.expires_on, record.accredited) == (
        FIRE_SAFETY,
        date(2026, 1, 5),
        date(2027, 1, 4),
        1,
    )
    row = _soup(as_manager.get(f"/provider/workers/{worker.pk}")).select_one("#training ~ [role=region] table tbody tr")
    assert "Fire safety" in row.get_text() and "5 January 2026" in row.get_text() and "4 January 2027" in row.get_text()

    change = f"/provider/workers/{worker.pk}/training/{record.pk}/change"
    assert _soup(as_manager.get(change)).select_one("#id_completed_on")["value"] == "5"  # filled in from the record
    as_manager.post(change, _training(FIRE_SAFETY, date(2026, 2, 1), None, accredited="999"))
    record.refresh_from_db()
    assert (record.completed_on, record.expires_on, record.accredited) == (date(2026, 2, 1), None, 999)

    delete = f"/provider/workers/{worker.pk}/training/{record.pk}/delete"
    assert "Are you sure" in _soup(as_manager.get(delete)).select_one("h1").get_text()
    assert TrainingRecord.objects.filter(pk=record.pk).exists()  # opening the page deletes nothing
    assert as_manager.post(delete)["Location"] == f"/provider/workers/{worker.pk}"
    assert not TrainingRecord.objects.filter(pk=record.pk).exists()


def test_bad_training_answers_are_refused_with_specific_messages_and_what_was_typed_is_kept(as_manager):
    worker = _worker("TRAIN-2")
    url = f"/provider/workers/{worker.pk}/training/add"
    response = as_manager.post(
        url, _training(FIRE_SAFETY, date(2026, 3, 1), date(2026, 2, 1)) | {"name": "Fire marshal"}
    )
    assert _summary(response) == [("Expiry date must be after the date completed", "#id_expires_on")]
    page = _soup(response)
    assert page.title.get_text(strip=True).startswith("Error: Add a training record")
    assert page.select_one("#id_name")["value"] == "Fire marshal"
    assert page.select_one("#id_expires_on-year")["value"] == "2026"
    assert page.select_one("#id_category option[selected]")["value"] == str(FIRE_SAFETY)

    response = as_manager.post(url, {"completed_on-day": "30", "completed_on-month": "2", "completed_on-year": "2026"})
    assert _summary(response) == [
        ("Select the training category", "#id_category"),
        ("Select whether the training was accredited", "#id_accredited"),
        ("Date completed must be a real date", "#id_completed_on"),
    ]
    future = date.today() + timedelta(days=5)
    response = as_manager.post(url, _training(FIRE_SAFETY, future))
    assert _summary(response) == [("Date completed must be today or in the past", "#id_completed_on")]
    assert not TrainingRecord.objects.filter(worker=worker).exists()


def test_training_expired_or_expiring_in_90_days_appears_on_training_due_and_other_training_does_not(as_manager):
    today = date.today()
    worker = _worker("DUE-1")
    TrainingRecord.objects.create(
        worker=worker,
        category=FIRE_SAFETY,
        completed_on=today - timedelta(days=400),
        expires_on=today - timedelta(days=35),
    )  # expired
    TrainingRecord.objects.create(
        worker=worker,
        category=DEMENTIA_CARE,
        completed_on=today - timedelta(days=300),
        expires_on=today + timedelta(days=30),
    )  # expires soon
    TrainingRecord.objects.create(
        worker=worker,
        category=CONTROL_AND_RESTRAINT,
        completed_on=today - timedelta(days=20),
        expires_on=today + timedelta(days=200),
    )  # not due
    renewed = _worker("DUE-2")
    TrainingRecord.objects.create(
        worker=renewed,
        category=FIRE_SAFETY,
        completed_on=today - timedelta(days=800),
        expires_on=today - timedelta(days=400),
    )  # expired, but done again since
    TrainingRecord.objects.create(
        worker=renewed,
        category=FIRE_SAFETY,
        completed_on=today - timedelta(days=10),
        expires_on=today + timedelta(days=355),
    )
    leaver = _worker("DUE-3")
    leaver.left_on = today - timedelta(days=1)
    leaver.save()
    TrainingRecord.objects.create(
        worker=leaver,
        category=FIRE_SAFETY,
        completed_on=today - timedelta(days=400),
        expires_on=today - timedelta(days=5),
    )  # a leaver's training is not due
    elsewhere = _worker("DUE-4", other_provider=True)
    TrainingRecord.objects.create(
        worker=elsewhere,
        category=FIRE_SAFETY,
        completed_on=today - timedelta(days=400),
        expires_on=today - timedelta(days=5),
    )

    page = _soup(as_manager.get(f"/provider/training-due?workplace={worker.workplace_id}"))
    table = page.select_one("table")
    cells = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")]
    mine = [r for r in cells if r[0].startswith("DUE-")]
    assert [(r[0].split(":")[0].strip(), r[1], r[2], r[4]) for r in mine] == [
        ("DUE-1", worker.workplace.name, "Fire safety", "Expired"),
        ("DUE-1", worker.workplace.name, "Dementia care", "Expires soon"),
    ]
    assert {r[1] for r in cells} == {worker.workplace.name}  # only the workplace chosen
    assert "DUE-4" not in page.get_text()
    parsed = [datetime.strptime(r[3], "%d %B %Y").date() for r in cells]
    assert parsed == sorted(parsed)  # soonest first
    nav = [a.get_text(strip=True) for a in page.select(".govuk-service-navigation__link")]
    assert "Training due" in nav


def test_a_manager_adds_and_removes_a_qualification_and_duplicates_and_future_years_are_refused(as_manager):
    worker = _worker("QUAL-1")
    url = f"/provider/workers/{worker.pk}/qualifications/add"
    assert as_manager.post(url, {"qualification": "2", "year_achieved": "2019"})["Location"] == (
        f"/provider/workers/{worker.pk}"
    )
    assert "Health and social care NVQ (level 3)" in _soup(as_manager.get(f"/provider/workers/{worker.pk}")).get_text()
    assert _summary(as_manager.post(url, {"qualification": "2", "year_achieved": ""})) == [
        ("Select a qualification that is not already recorded", "#id_qualification")
    ]
    response = as_manager.post(url, {"qualification": "3", "year_achieved": str(date.today().year + 1)})
    assert _summary(response) == [("Year achieved must be this year or in the past", "#id_year_achieved")]
    assert _summary(as_manager.post(url, {"qualification": "", "year_achieved": "twenty"})) == [
        ("Select the qualification", "#id_qualification"),
        ("Year achieved must be a real year, like 2019", "#id_year_achieved"),
    ]
    held = WorkerQualification.objects.get(worker=worker)
    assert (held.qualification, held.year_achieved) == (2, 2019)
    assert as_manager.post(f"/provider/workers/{worker.pk}/qualifications/{held.pk}/remove").status_code == 302
    assert not WorkerQualification.objects.filter(worker=worker).exists()


def test_a_manager_cannot_change_another_providers_training_or_qualifications_and_nothing_changes(as_manager):
    other = _worker("OTHER-1", other_provider=True)
    record = TrainingRecord.objects.create(worker=other, category=FIRE_SAFETY, completed_on=date(2026, 1, 1))
    held = WorkerQualification.objects.create(worker=other, qualification=2, year_achieved=2018)
    mine = _worker("MINE-1")
    for path, data in [
        (f"/provider/workers/{other.pk}/training/add", _training(DEMENTIA_CARE, date(2026, 1, 1))),
        (f"/provider/workers/{other.pk}/training/{record.pk}/change", _training(DEMENTIA_CARE, date(2026, 1, 1))),
        (f"/provider/workers/{other.pk}/training/{record.pk}/delete", {}),
        (f"/provider/workers/{mine.pk}/training/{record.pk}/delete", {}),  # own worker, someone else's record
        (f"/provider/workers/{other.pk}/qualifications/add", {"qualification": "3"}),
        (f"/provider/workers/{other.pk}/qualifications/{held.pk}/remove", {}),
        (f"/provider/workers/{mine.pk}/qualifications/{held.pk}/remove", {}),
    ]:
        assert as_manager.get(path).status_code == 404, path
        assert as_manager.post(path, data).status_code == 404, path
    record.refresh_from_db()
    assert record.category == FIRE_SAFETY and TrainingRecord.objects.filter(worker=other).count() == 1
    assert WorkerQualification.objects.filter(worker=other).count() == 1
