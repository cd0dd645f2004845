"""A provider manager records a worker's ASC-WDS personal items with question pages and check your answers,
changes each one from the worker's record, and the bulk download of those items uploads again unchanged."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from uploading import download_all, table, upload

from careforce.accounts.models import User
from careforce.workforce.models import Worker

pytestmark = pytest.mark.django_db

ANSWERS = {
    "name": {"name_or_id": "Amira Begum"},
    "date-of-birth": {"date_of_birth-day": "14", "date_of_birth-month": "6", "date_of_birth-year": "1988"},
    "gender": {"gender": "2"},
    "ethnicity": {"ethnicity": "41"},
    "nationality": {"nationality_group": "other"},
    "which-nationality": {"nationality": "250"},
    "disability": {"disability": "0"},
    "social-care-qualification": {"social_care_qualification": "1"},
    "social-care-qualification-level": {"social_care_qualification_level": "3"},
    "other-qualification": {"non_social_care_qualification": "2"},
}
EXPECTED = {
    "Name": "Amira Begum",
    "Date of birth": "14 June 1988",
    "Gender": "Female",
    "Ethnic group": "Bangladeshi",
    "Nationality": "French",
    "Disability": "No",
    "Social care qualification": "Yes, Level 3",
    "Qualification not in social care": "No",
}


def _manager() -> User:
    return User.objects.get(username="manager@demo.careforce.test")


def _worker(**filters) -> Worker:  # type: ignore[no-untyped-def]
    return (
        Worker.objects.filter(  # type: ignore[return-value]
            workplace__organisation=_manager().organisation,
            left_on__isnull=True,
            start_date__gte=date(2010, 1, 1),
            **filters,
        )
        .order_by("pk")
        .first()
    )


def _other_worker() -> Worker:
    return Worker.objects.exclude(workplace__organisation=_manager().organisation).filter(left_on__isnull=True).first()  # type: ignore[return-value]


def _soup(response) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    return BeautifulSoup(response.content, "html.parser")


def _rows(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {
        r.select_one("dt").get_text(strip=True): r.select_one("dd").get_text(strip=True)
        for r in _soup(response).select(".govuk-summary-list__row")
    }


def _summary(response) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    summary = _soup(response).select_one(".govuk-error-summary")
    assert summary is not None, "no error summary on the page"
    return [(a.get_text(strip=True), a["href"]) for a in summary.select("a")]  # type: ignore[misc]


def _question(worker: Worker, step: str) -> str:
    return f"/provider/workers/{worker.pk}/personal-details/{step}"


def _blank(worker: Worker) -> Worker:
    for name in ("name_or_id",):
        setattr(worker, name, "")
    for name in (
        "date_of_birth",
        "gender",
        "ethnicity",
        "nationality",
        "disability",
        "social_care_qualification",
        "social_care_qualification_level",
        "non_social_care_qualification",
        "non_social_care_qualification_level",
    ):
        setattr(worker, name, None)
    worker.save()
    return worker


def test_a_manager_records_every_personal_item_through_question_pages_and_sees_them_on_the_record(as_manager):
    worker = _blank(_worker())
    added = _soup(as_manager.get(f"/provider/workers/{worker.pk}/added"))
    (start,) = [a["href"] for a in added.select("a") if a.get_text(strip=True) == "Add their personal details"]
    assert as_manager.get(start)["Location"] == _question(worker, "name")

    record = _rows(as_manager.get(f"/provider/workers/{worker.pk}"))
    assert {k: record[k] for k in EXPECTED} == dict.fromkeys(EXPECTED, "Not recorded")

    steps = list(ANSWERS)
    for number, (step, data) in enumerate(ANSWERS.items()):
        page = as_manager.get(_question(worker, step))
        assert page.status_code == 200 and _soup(page).select_one("h1"), step
        response = as_manager.post(_question(worker, step), data)
        expected = (
            _question(worker, steps[number + 1])
            if number + 1 < len(steps)
            else f"/provider/workers/{worker.pk}/personal-details/check-answers"
        )
        assert response.status_code == 302 and response["Location"] == expected, (step, response.content[:2000])
    worker.refresh_from_db()
    assert worker.name_or_id == "" and worker.gender is None  # nothing saved before check your answers

    check = as_manager.get(f"/provider/workers/{worker.pk}/personal-details/check-answers")
    assert _rows(check) == EXPECTED
    assert _soup(check).title.get_text(strip=True) == "Check the personal details before saving them – careforce"
    response = as_manager.post(f"/provider/workers/{worker.pk}/personal-details/check-answers")
    assert response["Location"] == f"/provider/workers/{worker.pk}"
    worker.refresh_from_db()
    assert (worker.name_or_id, worker.date_of_birth, worker.gender, worker.ethnicity, worker.nationality) == (  # type: ignore[comparison-overlap]
        "Amira Begum",
        date(1988, 6, 14),
        2,
        41,
        250,
    )
    assert (worker.social_care_qualification, worker.social_care_qualification_level) == (1, 3)
    assert (worker.non_social_care_qualification, worker.non_social_care_qualification_level) == (2, None)

    page = as_manager.get(response["Location"])
    assert _soup(page).select_one("h1").get_text(strip=True) == "Amira Begum"  # the worker's name
    assert f"Worker {worker.local_identifier}" in _soup(page).select_one(".govuk-caption-l").get_text()
    assert "Personal details saved" in _soup(page).select_one(".govuk-notification-banner").get_text()
    shown = _rows(page)
    assert {k: shown[k] for k in EXPECTED} == EXPECTED
    changes = {a.select_one(".govuk-visually-hidden").get_text(strip=True) for a in _soup(page).select("dd a")}
    assert {k[0].lower() + k[1:] for k in EXPECTED} <= changes  # a Change link for every item


def test_a_question_opened_by_an_answer_is_skipped_for_other_answers(as_manager):
    worker = _blank(_worker())
    response = as_manager.post(_question(worker, "nationality"), {"nationality_group": "british"})
    assert response["Location"] == _question(worker, "name")  # the first question not answered yet
    as_manager.post(_question(worker, "social-care-qualification"), {"social_care_qualification": "2"})
    back = _soup(as_manager.get(_question(worker, "other-qualification"))).select_one(".govuk-back-link")["href"]
    assert back == _question(worker, "social-care-qualification")  # not the level: it was not asked


def test_a_change_link_on_check_your_answers_asks_the_question_a_new_answer_opens_then_returns(as_manager):
    worker = _blank(_worker())
    answers = {**ANSWERS, "nationality": {"nationality_group": "british"}}
    del answers["which-nationality"]
    for step, data in answers.items():
        as_manager.post(_question(worker, step), data)
    check = _soup(as_manager.get(f"/provider/workers/{worker.pk}/personal-details/check-answers"))
    change = next(a["href"] for a in check.select("dd a") if "nationality" in a.get_text())
    assert change == _question(worker, "nationality") + "?change=1"
    response = as_manager.post(change, {"nationality_group": "other"})
    assert response["Location"] == _question(worker, "which-nationality") + "?change=1"
    response = as_manager.post(response["Location"], {"nationality": "250"})
    assert response["Location"].endswith("/personal-details/check-answers")
    assert _rows(as_manager.get(response["Location"]))["Nationality"] == "French"


def test_bad_personal_items_show_the_error_summary_keep_what_was_typed_and_save_nothing(as_manager):
    worker = _blank(_worker())
    young = date.today() - timedelta(days=365 * 10)
    response = as_manager.post(
        _question(worker, "date-of-birth"),
        {"date_of_birth-day": young.day, "date_of_birth-month": young.month, "date_of_birth-year": young.year},
    )
    assert _soup(response).title.get_text().startswith("Error: ")
    assert _summary(response) == [("Date of birth must make them between 14 and 100 years old", "#id_date_of_birth")]
    assert _soup(response).select_one("#id_date_of_birth-year")["value"] == str(young.year)
    before_start = worker.start_date.replace(year=worker.start_date.year - 10)
    response = as_manager.post(
        _question(worker, "date-of-birth"),
        {
            "date_of_birth-day": before_start.day,
            "date_of_birth-month": before_start.month,
            "date_of_birth-year": before_start.year,
        },
    )
    if date.today().year - before_start.year >= 14:
        assert _summary(response)[0][0].startswith(
            "Date of birth must be at least 14 years before the date they started in this job"
        )
    assert _summary(as_manager.post(_question(worker, "name"), {"name_or_id": "x" * 60})) == [
        ("Name must be 49 characters or fewer", "#id_name_or_id")
    ]
    assert _summary(as_manager.post(_question(worker, "gender"), {})) == [("Select their gender", "#id_gender")]
    assert _summary(as_manager.post(_question(worker, "which-nationality"), {"nationality": "826"})) == [
        ("Select their nationality", "#id_nationality")
    ]
    worker.refresh_from_db()
    assert worker.date_of_birth is None and worker.name_or_id == "" and worker.gender is None


def test_a_manager_changes_one_personal_item_from_the_record_and_a_follow_up_saves_both_together(as_manager):
    worker = _worker(nationality=826)
    worker.british_citizenship = None
    worker.save()
    page = _soup(as_manager.get(f"/provider/workers/{worker.pk}"))
    change = next(a["href"] for a in page.select("dd a") if "nationality" in a.get_text())
    assert change == f"/provider/workers/{worker.pk}/change/nationality"
    assert _soup(as_manager.get(change)).select_one("input[name=nationality_group][checked]")["value"] == "british"
    response = as_manager.post(change, {"nationality_group": "other"})
    assert response["Location"] == f"/provider/workers/{worker.pk}/change/which-nationality"
    worker.refresh_from_db()
    assert worker.nationality == 826  # nothing half-changed
    assert _summary(as_manager.post(response["Location"], {})) == [("Select their nationality", "#id_nationality")]
    response = as_manager.post(response["Location"], {"nationality": "250"})
    assert response["Location"] == f"/provider/workers/{worker.pk}"
    worker.refresh_from_db()
    assert worker.nationality == 250
    assert _rows(as_manager.get(response["Location"]))["Nationality"] == "French"

    as_manager.post(
        f"/provider/workers/{worker.pk}/change/social-care-qualification", {"social_care_qualification": "2"}
    )
    worker.refresh_from_db()
    assert (worker.social_care_qualification, worker.social_care_qualification_level) == (2, None)
    response = as_manager.post(f"/provider/workers/{worker.pk}/change/name", {"name_or_id": "Sam Jones"})
    worker.refresh_from_db()
    assert worker.name_or_id == "Sam Jones"
    assert _soup(as_manager.get(f"/provider/workers/{worker.pk}")).select_one("h1").get_text(strip=True) == "Sam Jones"
    as_manager.post(
        f"/provider/workers/{worker.pk}/leaving/date",
        {"left_on-day": "1", "left_on-month": "12", "left_on-year": "2026"},
    )
    as_manager.post(f"/provider/workers/{worker.pk}/leaving/reason", {"leaving_reason": "6"})
    check = _rows(as_manager.get(f"/provider/workers/{worker.pk}/leaving/check-answers"))
    assert check["Worker"].startswith(f"Sam Jones ({worker.local_identifier}), ")


def test_another_providers_worker_is_not_found_and_staff_and_analysts_are_refused(as_manager, as_staff, as_analyst):
    other = _other_worker()
    before = (other.name_or_id, other.gender, other.nationality)
    for path, data in (
        (f"/provider/workers/{other.pk}/personal-details", {}),
        (f"/provider/workers/{other.pk}/personal-details/name", {"name_or_id": "Sneaky"}),
        (f"/provider/workers/{other.pk}/personal-details/check-answers", {}),
        (f"/provider/workers/{other.pk}/change/gender", {"gender": "4"}),
        (f"/provider/workers/{other.pk}/change/nationality", {"nationality_group": "british"}),
    ):
        assert as_manager.get(path).status_code == 404, path
        assert as_manager.post(path, data).status_code == 404, path
    other.refresh_from_db()
    assert (other.name_or_id, other.gender, other.nationality) == before
    own = _worker()
    for client in (as_staff, as_analyst):
        assert client.get(f"/provider/workers/{own.pk}/personal-details/name").status_code == 403
        assert client.post(f"/provider/workers/{own.pk}/change/gender", {"gender": "4"}).status_code == 403


def test_personal_items_recorded_on_the_pages_download_and_upload_again_unchanged(as_manager):
    worker = _blank(_worker())
    for step, data in ANSWERS.items():
        as_manager.post(_question(worker, step), data)
    as_manager.post(f"/provider/workers/{worker.pk}/personal-details/check-answers")
    files = download_all(as_manager)
    staff = table(files["staff.csv"])
    header = staff[0]
    (row,) = [r for r in staff[1:] if r[header.index("UNIQUEWORKERID")] == worker.local_identifier]
    cells = {c: row[header.index(c)] for c in ("DISPLAYID", "DOB", "GENDER", "ETHNICITY", "NATIONALITY", "SCQUAL")}
    assert cells == {
        "DISPLAYID": "Amira Begum",
        "DOB": "14/06/1988",
        "GENDER": "2",
        "ETHNICITY": "41",
        "NATIONALITY": "250",
        "SCQUAL": "1;3",
    }
    assert row[header.index("NONSCQUAL")] == "2"
    page = upload(as_manager, files).content.decode()
    assert "These files match your records: saving them changes nothing." in page
    assert "0 errors" in page
