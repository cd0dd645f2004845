"""A provider manager adds a worker through question pages and check your answers, changes a worker's
answers, and records that a worker has left; bad answers are refused with the GOV.UK error summary."""

import ast
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from careforce.accounts.models import User
from careforce.workforce.models import Worker, Workplace

pytestmark = pytest.mark.django_db

ANSWERS = {
    "reference": {"local_identifier": "NEW-0001"},
    "main-job-role": {"main_job_role": "8"},
    "contract-type": {"contract_type": "1"},
    "start-date": {"start_date-day": "3", "start_date-month": "2", "start_date-year": "2025"},
    "hours": {"hours": "37.5"},
    "pay": {"pay_interval": "3"},
    "hourly-rate": {"hourly_rate": "12.60"},
    "care-certificate": {"care_certificate": "3"},
}


def _manager() -> User:
    return User.objects.get(username="manager@demo.careforce.test")


def _own_workplace() -> Workplace:
    return Workplace.objects.filter(organisation=_manager().organisation).order_by("pk").first()  # type: ignore[return-value]


def _other_workplace() -> Workplace:
    return Workplace.objects.exclude(organisation=_manager().organisation).order_by("pk").first()  # type: ignore[return-value]


def _soup(response) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    return BeautifulSoup(response.content, "html.parser")


def _summary(response) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(message, link target) of each item in the error summary."""
    summary = _soup(response).select_one(".govuk-error-summary")
    assert summary is not None, "no error summary on the page"
    assert summary.select_one(".govuk-error-summary__title").get_text(strip=True) == "There is a problem"
    return [(a.get_text(strip=True), a["href"]) for a in summary.select("a")]  # type: ignore[misc]


def _title(response) -> str:  # type: ignore[no-untyped-def]
    return _soup(response).title.get_text(strip=True)


def _question(workplace: Workplace, step: str) -> str:
    return f"/provider/workplaces/{workplace.pk}/add-worker/{step}"


def _answer_all(client: Client, workplace: Workplace, answers: dict = ANSWERS) -> None:  # type: ignore[type-arg]
    for step, data in answers.items():
        response = client.post(_question(workplace, step), data)
        assert response.status_code == 302, (step, _summary(response))


def test_a_manager_adds_a_worker_through_every_question_and_check_your_answers_and_sees_them_in_the_staff_list(
    as_manager,
):
    workplace = _own_workplace()
    staff_page = _soup(as_manager.get(f"/provider/workplaces/{workplace.pk}/staff"))
    start = staff_page.find("a", string="Add a worker")["href"]
    response = as_manager.get(start)
    assert response["Location"] == _question(workplace, "reference")

    expected_next = [
        *[_question(workplace, s) for s in list(ANSWERS)[1:]],
        f"/provider/workplaces/{workplace.pk}/add-worker/check-answers",
    ]
    for (step, data), next_url in zip(ANSWERS.items(), expected_next, strict=True):
        page = as_manager.get(_question(workplace, step))
        assert page.status_code == 200 and _soup(page).select_one("h1")  # the question is the heading
        response = as_manager.post(_question(workplace, step), data)
        assert response.status_code == 302 and response["Location"] == next_url, step
    assert not Worker.objects.filter(workplace=workplace, local_identifier="NEW-0001").exists()  # nothing saved yet

    check = as_manager.get(f"/provider/workplaces/{workplace.pk}/add-worker/check-answers")
    rows = {
        r.select_one("dt").get_text(strip=True): r.select_one("dd").get_text(strip=True)
        for r in _soup(check).select(".govuk-summary-list__row")
    }
    assert rows == {
        "Worker reference": "NEW-0001",
        "Main job role": "Care worker",
        "Contract": "Permanent",
        "Started in this job": "3 February 2025",
        "Hours a week": "37.5",
        "Pay": "£12.60 an hour",
        "Care Certificate": "In progress",
    }
    assert _title(check) == "Check your answers before adding the worker – careforce"

    response = as_manager.post(f"/provider/workplaces/{workplace.pk}/add-worker/check-answers")
    worker = Worker.objects.get(workplace=workplace, local_identifier="NEW-0001")
    assert response["Location"] == f"/provider/workers/{worker.pk}/added"
    assert "Worker added" in _soup(as_manager.get(response["Location"])).select_one(".govuk-panel").get_text()
    assert (worker.main_job_role, worker.contract_type, worker.start_date) == (8, 1, date(2025, 2, 3))
    assert (worker.contracted_hours, worker.average_hours, worker.hourly_rate) == (
        Decimal("37.5"),
        None,
        Decimal("12.60"),
    )
    assert worker.care_certificate == Worker.CareCertificate.IN_PROGRESS and worker.is_current

    # the answers are gone from the session, and the worker is in the staff list
    assert as_manager.get(f"/provider/workplaces/{workplace.pk}/add-worker")["Location"] == _question(
        workplace, "reference"
    )
    staff = as_manager.get(
        f"/provider/workplaces/{workplace.pk}/staff?page="
        + str(
            1
            + list(
                Worker.objects.filter(workplace=workplace, left_on__isnull=True)
                .order_by("local_identifier")
                .values_list("local_identifier", flat=True)
            ).index("NEW-0001")
            // 50
        )
    )
    assert "NEW-0001" in [a.get_text(strip=True) for a in _soup(staff).select("tbody a")]


def test_a_change_link_on_check_your_answers_returns_to_check_your_answers(as_manager):
    workplace = _own_workplace()
    _answer_all(as_manager, workplace)
    check = _soup(as_manager.get(f"/provider/workplaces/{workplace.pk}/add-worker/check-answers"))
    change = next(a["href"] for a in check.select(".govuk-summary-list__actions a") if "main job role" in a.get_text())
    page = _soup(as_manager.get(change))
    assert page.select_one(".govuk-back-link")["href"].endswith("/add-worker/check-answers")
    assert page.select_one("input[name=main_job_role][checked]")["value"] == "8"  # the answer given is kept
    response = as_manager.post(change.split("?")[0], {"main_job_role": "25"})
    assert response["Location"].endswith("/add-worker/check-answers")
    assert "Administrative" in _soup(as_manager.get(response["Location"])).get_text()


def test_invalid_answers_show_the_error_summary_with_the_specific_message_and_keep_what_was_typed(as_manager):
    workplace = _own_workplace()
    response = as_manager.post(_question(workplace, "hours"), {"hours": "about forty"})
    assert response.status_code == 200
    assert _title(response).startswith("Error: ")
    assert _summary(response) == [("Hours a week must be a number, like 37.5", "#id_hours")]
    page = _soup(response)
    assert page.select_one("#id_hours")["value"] == "about forty"
    assert page.select_one("#id_hours-error").get_text(strip=True).endswith("Hours a week must be a number, like 37.5")

    assert _summary(as_manager.post(_question(workplace, "hours"), {"hours": "80"})) == [
        ("Hours a week must be between 0 and 75", "#id_hours")
    ]
    assert _summary(as_manager.post(_question(workplace, "main-job-role"), {})) == [
        ("Select their main job role", "#id_main_job_role")
    ]
    assert _summary(as_manager.post(_question(workplace, "hourly-rate"), {"hourly_rate": ""})) == [
        ("Enter their hourly rate", "#id_hourly_rate")
    ]
    assert _summary(as_manager.post(_question(workplace, "annual-salary"), {"annual_salary": "120"})) == [
        ("Annual salary must be between £500 and £250,000", "#id_annual_salary")
    ]
    assert _summary(as_manager.post(_question(workplace, "reference"), {"local_identifier": ""})) == [
        ("Enter the worker's reference", "#id_local_identifier")
    ]


def test_a_nonexistent_or_future_start_date_is_refused_and_the_summary_links_to_the_day(as_manager):
    workplace = _own_workplace()
    response = as_manager.post(
        _question(workplace, "start-date"), {"start_date-day": "31", "start_date-month": "2", "start_date-year": "2025"}
    )
    assert _summary(response) == [("Date they started must be a real date", "#id_start_date")]
    page = _soup(response)
    day = page.select_one("#id_start_date")
    assert day["name"] == "start_date-day" and day["value"] == "31"
    assert page.select_one("#id_start_date-month")["value"] == "2"

    tomorrow = date.today() + timedelta(days=2)
    response = as_manager.post(
        _question(workplace, "start-date"),
        {"start_date-day": tomorrow.day, "start_date-month": tomorrow.month, "start_date-year": tomorrow.year},
    )
    assert _summary(response) == [("Date they started must be today or in the past", "#id_start_date")]
    response = as_manager.post(_question(workplace, "start-date"), {"start_date-day": "3", "start_date-year": "2025"})
    assert _summary(response) == [("Date they started must include a month", "#id_start_date")]


def test_a_worker_reference_already_used_at_the_workplace_is_refused(as_manager):
    workplace = _own_workplace()
    existing = Worker.objects.filter(workplace=workplace, left_on__isnull=True).first()
    response = as_manager.post(
        _question(workplace, "reference"), {"local_identifier": f" {existing.local_identifier} "}
    )
    assert _summary(response) == [
        ("Enter a worker reference that is not already used at this workplace", "#id_local_identifier")
    ]


def test_a_manager_changes_a_workers_contract_and_care_certificate_from_their_record(as_manager):
    worker = Worker.objects.filter(workplace=_own_workplace(), left_on__isnull=True, contract_type=1).first()
    hours = worker.contracted_hours
    record = _soup(as_manager.get(f"/provider/workers/{worker.pk}"))
    change = next(
        a["href"] for a in record.select(".govuk-summary-list__actions a") if "care Certificate" in a.get_text()
    )
    assert change == f"/provider/workers/{worker.pk}/change/care-certificate"
    response = as_manager.post(change, {"care_certificate": "1"})
    assert response["Location"] == f"/provider/workers/{worker.pk}"
    assert (
        "Worker record updated"
        in _soup(as_manager.get(response["Location"])).select_one(".govuk-notification-banner").get_text()
    )
    as_manager.post(f"/provider/workers/{worker.pk}/change/contract-type", {"contract_type": "3"})  # bank staff
    worker.refresh_from_db()
    assert worker.care_certificate == Worker.CareCertificate.COMPLETED and worker.contract_type == 3
    if hours is not None:  # bank staff report average hours, not contracted hours
        assert (worker.contracted_hours, worker.average_hours) == (None, hours)


def test_changing_how_a_worker_is_paid_asks_for_the_amount_and_saves_both_together(as_manager):
    worker = Worker.objects.filter(workplace=_own_workplace(), left_on__isnull=True).first()
    worker.pay_interval, worker.hourly_rate, worker.annual_salary = 3, Decimal("11.50"), None
    worker.save()
    response = as_manager.post(f"/provider/workers/{worker.pk}/change/pay", {"pay_interval": "1"})
    assert response["Location"] == f"/provider/workers/{worker.pk}/change/annual-salary"
    worker.refresh_from_db()
    assert (worker.pay_interval, worker.hourly_rate) == (3, Decimal("11.50"))  # nothing half-changed yet
    assert _summary(as_manager.post(response["Location"], {"annual_salary": ""})) == [
        ("Enter their annual salary", "#id_annual_salary")
    ]
    as_manager.post(response["Location"], {"annual_salary": "27500"})
    worker.refresh_from_db()
    assert (worker.pay_interval, worker.hourly_rate, worker.annual_salary) == (1, None, Decimal("27500"))  # type: ignore[comparison-overlap]
    assert "£27,500 a year" in _soup(as_manager.get(f"/provider/workers/{worker.pk}")).get_text()


def test_recording_leaving_refuses_a_future_date_then_removes_the_worker_from_the_staff_list_but_keeps_the_record(
    as_manager,
):
    worker = Worker.objects.filter(
        workplace=_own_workplace(), left_on__isnull=True, start_date__lt=date(2026, 1, 1)
    ).first()
    start = _soup(as_manager.get(f"/provider/workers/{worker.pk}")).select_one("a.govuk-button[href$='/leaving']")
    assert start.get_text(strip=True) == "Record that they have left"
    assert as_manager.get(start["href"])["Location"] == f"/provider/workers/{worker.pk}/leaving/date"
    future = date.today() + timedelta(days=3)
    response = as_manager.post(
        f"/provider/workers/{worker.pk}/leaving/date",
        {"left_on-day": future.day, "left_on-month": future.month, "left_on-year": future.year},
    )
    assert _summary(response) == [("Date they left must be today or in the past", "#id_left_on")]
    response = as_manager.post(
        f"/provider/workers/{worker.pk}/leaving/date",
        {"left_on-day": "31", "left_on-month": "2", "left_on-year": "2026"},
    )
    assert _summary(response) == [("Date they left must be a real date", "#id_left_on")]
    before = worker.start_date - timedelta(days=1)  # type: ignore[operator]
    response = as_manager.post(
        f"/provider/workers/{worker.pk}/leaving/date",
        {"left_on-day": before.day, "left_on-month": before.month, "left_on-year": before.year},
    )
    assert _summary(response)[0][0].startswith("Date they left must be the same as or after the date they started")
    worker.refresh_from_db()
    assert worker.is_current  # nothing recorded yet

    assert (
        as_manager.post(
            f"/provider/workers/{worker.pk}/leaving/date",
            {"left_on-day": "1", "left_on-month": "3", "left_on-year": "2026"},
        ).status_code
        == 302
    )
    assert _summary(as_manager.post(f"/provider/workers/{worker.pk}/leaving/reason", {})) == [
        ("Select why they left", "#id_leaving_reason")
    ]
    response = as_manager.post(f"/provider/workers/{worker.pk}/leaving/reason", {"leaving_reason": "6"})
    assert response["Location"] == f"/provider/workers/{worker.pk}/leaving/check-answers"
    check = _soup(as_manager.get(response["Location"])).get_text()
    assert "1 March 2026" in check and "The worker retired" in check

    response = as_manager.post(f"/provider/workers/{worker.pk}/leaving/check-answers")
    assert response["Location"] == f"/provider/workplaces/{worker.workplace_id}/staff"
    worker.refresh_from_db()
    assert (worker.left_on, worker.leaving_reason) == (date(2026, 3, 1), 6)
    staff = _soup(as_manager.get(response["Location"]))
    assert "recorded as having left on 1 March 2026" in staff.select_one(".govuk-notification-banner").get_text()
    assert worker.local_identifier not in [a.get_text(strip=True) for a in staff.select("tbody a")]
    assert as_manager.get(f"/provider/workers/{worker.pk}").status_code == 200  # the record is kept
    assert as_manager.get(f"/provider/workers/{worker.pk}/leaving/date").status_code == 404  # cannot leave twice


def test_a_manager_cannot_change_another_providers_worker_or_add_to_their_workplace_and_nothing_changes(as_manager):
    other = Worker.objects.filter(workplace=_other_workplace(), left_on__isnull=True).first()
    before = (other.care_certificate, other.contract_type, other.left_on)
    attempts = [
        (f"/provider/workers/{other.pk}/change/care-certificate", {"care_certificate": "1"}),
        (f"/provider/workers/{other.pk}/change/contract-type", {"contract_type": "4"}),
        (
            f"/provider/workers/{other.pk}/leaving/date",
            {"left_on-day": "1", "left_on-month": "3", "left_on-year": "2026"},
        ),
        (f"/provider/workers/{other.pk}/leaving/check-answers", {}),
        (f"/provider/workers/{other.pk}/added", {}),
        (_question(other.workplace, "reference"), {"local_identifier": "SNEAKY"}),
        (f"/provider/workplaces/{other.workplace_id}/add-worker/check-answers", {}),
        (f"/provider/workplaces/{other.workplace_id}/details/name", {"name": "Renamed"}),
    ]
    for path, data in attempts:
        assert as_manager.get(path).status_code == 404, path
        assert as_manager.post(path, data).status_code == 404, path
    other.refresh_from_db()
    assert (other.care_certificate, other.contract_type, other.left_on) == before
    assert Workplace.objects.get(pk=other.workplace_id).name != "Renamed"
    assert not Worker.objects.filter(local_identifier="SNEAKY").exists()


def test_a_manager_changes_workplace_details_and_a_blank_name_is_refused(as_manager):
    workplace = _own_workplace()
    details = _soup(as_manager.get(f"/provider/workplaces/{workplace.pk}/details"))
    assert workplace.name in details.get_text()
    response = as_manager.post(f"/provider/workplaces/{workplace.pk}/details/name", {"name": " "})
    assert _summary(response) == [("Enter the workplace name", "#id_name")]
    response = as_manager.post(
        f"/provider/workplaces/{workplace.pk}/details/address",
        {"address_line_1": "1 New Street", "address_line_2": "", "address_line_3": "", "post_town": ""},
    )
    assert _summary(response) == [("Enter town or city", "#id_post_town")]
    assert _soup(response).select_one("#id_address_line_1")["value"] == "1 New Street"
    response = as_manager.post(
        f"/provider/workplaces/{workplace.pk}/details/address",
        {"address_line_1": "1 New Street", "post_town": "Coventry"},
    )
    assert response["Location"] == f"/provider/workplaces/{workplace.pk}/details"
    workplace.refresh_from_db()
    assert (workplace.address_line_1, workplace.post_town) == ("1 New Street", "Coventry")
    assert "1 New Street, Coventry" in _soup(as_manager.get(response["Location"])).get_text()


def test_csrf_is_enforced_on_changes(db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(_manager())
    worker = Worker.objects.filter(workplace=_own_workplace(), left_on__isnull=True).first()
    before = worker.care_certificate
    response = client.post(
        f"/provider/workers/{worker.pk}/change/care-certificate", {"care_certificate": "1" if before != 1 else "2"}
    )
    assert response.status_code == 403
    worker.refresh_from_db()
    assert worker.care_certificate == before


def test_staff_and_analysts_cannot_open_the_managers_editing_pages(as_staff, as_analyst):
    worker = Worker.objects.filter(workplace=_own_workplace()).first()
    for client in (as_staff, as_analyst):
        assert client.get(f"/provider/workers/{worker.pk}/change/pay").status_code == 403
        assert (
            client.post(
                f"/provider/workplaces/{worker.workplace_id}/add-worker/reference", {"local_identifier": "X"}
            ).status_code
            == 403
        )


def test_provider_view_modules_do_not_import_the_workforce_models():
    package = Path(__file__).parents[2] / "src" / "careforce" / "workforce"
    for module in [package / "views.py", *package.glob("*_views.py"), package / "forms.py", package / "pages.py"]:
        imported = set()
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.ImportFrom):
                imported.add(("." * node.level) + (node.module or ""))
                imported.update(("." * node.level) + (node.module or "") + "." + a.name for a in node.names)
            elif isinstance(node, ast.Import):
                imported.update(a.name for a in node.names)
        assert not {
            m for m in imported if m in (".models", "..models") or m.endswith("workforce.models") or m == "..models"
        }, module.name
