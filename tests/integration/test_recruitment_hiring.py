"""Hiring turns an applicant into a worker record; staff referrals are tracked to hire and to 3 and 6 months."""

from datetime import date, timedelta
from math import ceil

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from careforce.accounts.models import User
from careforce.recruitment.measures import add_months
from careforce.recruitment.models import Application, Referral, Stage
from careforce.recruitment.services import submit_application
from careforce.workforce.models import Vacancy, Worker, Workplace

pytestmark = pytest.mark.django_db


def user(kind: str) -> User:
    return User.objects.get(username=f"{kind}@demo.careforce.test")


def text(response) -> str:  # type: ignore[no-untyped-def]
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def new_vacancy(**fields) -> Vacancy:  # type: ignore[no-untyped-def]
    workplace = Workplace.objects.filter(organisation=user("manager").organisation).order_by("pk").first()
    return Vacancy.objects.create(  # type: ignore[misc]
        workplace=workplace, posted_on=date(2026, 10, 1), **{"is_published": True, "job_role": 8, **fields}
    )


def apply(vacancy: Vacancy, name: str, email: str) -> Application:
    return submit_application(
        vacancy, {"full_name": name, "email": email, "has_right_to_work": True, "availability": ["full_time"]}
    )


def to_offer(client, application: Application) -> None:  # type: ignore[no-untyped-def]
    client.post(f"/recruitment/applicants/{application.pk}/shortlist")
    for stage in ("contacted", "interview", "offer"):
        client.post(f"/recruitment/applicants/{application.pk}/stage", {"stage": stage, "reason": ""})


def hire(client, application: Application, start: date):  # type: ignore[no-untyped-def]
    client.post(
        f"/recruitment/applicants/{application.pk}/hire",
        {"start_date-day": start.day, "start_date-month": start.month, "start_date-year": start.year},
    )
    return client.post(f"/recruitment/applicants/{application.pk}/hire/check", follow=True)


def test_hiring_creates_a_worker_with_care_certificate_not_started_in_the_staff_list(as_manager):
    vacancy = new_vacancy(job_role=7)
    application = apply(vacancy, "Jo Kerr", "jo.kerr@example.com")
    assert as_manager.get(f"/recruitment/applicants/{application.pk}/hire").status_code == 302  # not at offer yet
    to_offer(as_manager, application)
    start = timezone.localdate() + timedelta(days=14)
    before = Worker.objects.filter(workplace=vacancy.workplace).count()

    as_manager.post(
        f"/recruitment/applicants/{application.pk}/hire",
        {"start_date-day": start.day, "start_date-month": start.month, "start_date-year": start.year},
    )
    check = text(as_manager.get(f"/recruitment/applicants/{application.pk}/hire/check"))
    assert "Check before you hire" in check and f"{start:%-d %B %Y}" in check and "Not started" in check
    assert Worker.objects.filter(workplace=vacancy.workplace).count() == before  # nothing created until confirmed

    done = hire(as_manager, application, start)
    application.refresh_from_db()
    worker = application.hired_worker
    assert application.stage == Stage.HIRED and application.hired_at is not None
    assert worker.start_date == start and worker.care_certificate == Worker.CareCertificate.NOT_STARTED
    assert worker.main_job_role == 7 and worker.contract_type == 1 and worker.workplace == vacancy.workplace
    assert f"Their worker record is {worker.local_identifier}" in text(done)

    current = Worker.objects.filter(workplace=vacancy.workplace, left_on__isnull=True).count()
    last_page = ceil(current / 50)
    staff = BeautifulSoup(
        as_manager.get(f"/provider/workplaces/{vacancy.workplace.pk}/staff?page={last_page}").content, "html.parser"
    )
    row = next(tr for tr in staff.select("tbody tr") if worker.local_identifier in tr.get_text())
    assert f"{start:%-d %B %Y}" in row.get_text() and "Not started" in row.get_text()


def test_the_new_worker_reference_is_the_next_free_one_at_the_workplace(as_manager):
    vacancy = new_vacancy()
    references = set(Worker.objects.filter(workplace=vacancy.workplace).values_list("local_identifier", flat=True))
    first, second = apply(vacancy, "Kim Lee", "kim@example.com"), apply(vacancy, "Lou Mo", "lou@example.com")
    for application in (first, second):
        to_offer(as_manager, application)
        hire(as_manager, application, timezone.localdate())
    made = [Application.objects.get(pk=a.pk).hired_worker.local_identifier for a in (first, second)]
    assert made[0] not in references and made[1] not in references and made[0] != made[1]
    assert int(made[1][-6:]) == int(made[0][-6:]) + 1


def test_a_start_date_must_be_a_real_date_within_a_year(as_manager):
    application = apply(new_vacancy(), "Max Nye", "max@example.com")
    to_offer(as_manager, application)
    far = timezone.localdate() + timedelta(days=800)
    for answers, message in (
        (
            {"start_date-day": "31", "start_date-month": "2", "start_date-year": "2027"},
            "Start date must be a real date",
        ),
        (
            {"start_date-day": far.day, "start_date-month": far.month, "start_date-year": far.year},
            "Start date must be within a year of today",
        ),
        ({}, "Enter the start date"),
    ):
        response = as_manager.post(f"/recruitment/applicants/{application.pk}/hire", answers)
        assert message in text(response)
    application.refresh_from_db()
    assert application.stage == Stage.OFFER and application.hired_worker is None


def test_a_start_date_before_the_application_is_refused_with_the_error_summary_keeping_what_was_typed(as_manager):
    from careforce.recruitment import services

    application = apply(new_vacancy(), "Ola Pym", "ola@example.com")
    applied = timezone.localdate() - timedelta(days=20)
    Application.objects.filter(pk=application.pk).update(created_at=timezone.now() - timedelta(days=20))
    to_offer(as_manager, application)
    before = applied - timedelta(days=1)
    response = as_manager.post(
        f"/recruitment/applicants/{application.pk}/hire",
        {"start_date-day": before.day, "start_date-month": before.month, "start_date-year": before.year},
    )
    page = BeautifulSoup(response.content, "html.parser")
    summary = page.select_one(".govuk-error-summary")
    assert f"Start date must be on or after {applied:%-d %B %Y}, the day they applied" in summary.get_text()
    assert page.title.get_text().startswith("Error: ")
    assert page.select_one("input[name=start_date-day]")["value"] == str(before.day)
    assert page.select_one("input[name=start_date-year]")["value"] == str(before.year)
    with pytest.raises(services.PipelineError):
        services.hire(user("manager"), application.pk, before)
    application.refresh_from_db()
    assert application.stage == Stage.OFFER and application.hired_worker is None
    # the day they applied is allowed
    assert "is hired" in text(hire(as_manager, application, applied))


def test_a_staff_member_refers_a_friend_and_sees_the_referral_reach_3_and_6_months(as_staff, as_manager):
    vacancy = new_vacancy(title="Weekend support worker")
    page = text(as_staff.get("/recruitment/refer-a-friend"))
    assert "Weekend support worker" in page and "You have not referred anyone yet" in page

    refused = as_staff.post(
        f"/recruitment/refer-a-friend/{vacancy.pk}", {"friend_name": "Nia Obi", "friend_email": "not-an-email"}
    )
    assert "Enter an email address in the correct format" in text(refused)
    assert "Confirm your friend has agreed to share their details" in text(refused)
    as_staff.post(
        f"/recruitment/refer-a-friend/{vacancy.pk}",
        {"your_name": "Sam", "friend_name": "Nia Obi", "friend_email": "nia.obi@example.com", "consent": "on"},
    )
    referral = Referral.objects.get(referrer=user("staff"))
    assert referral.vacancy == vacancy and referral.referrer_worker == user("staff").worker
    assert "Nia Obi" in text(as_staff.get("/recruitment/refer-a-friend"))

    application = apply(vacancy, "Nia Obi", "NIA.OBI@example.com")  # she applies herself: matched by email
    referral.refresh_from_db()
    assert application.referral == referral and referral.status == Referral.Status.APPLIED

    to_offer(as_manager, application)
    today = timezone.localdate()
    start = add_months(today, -4)
    # she applied before her start date (a hire cannot start before the application)
    Application.objects.filter(pk=application.pk).update(created_at=timezone.now() - timedelta(days=200))
    hire(as_manager, application, start)
    referral.refresh_from_db()
    assert referral.status == Referral.Status.HIRED
    mine = text(as_staff.get("/recruitment/refer-a-friend"))
    assert f"Reached on {add_months(start, 3):%-d %B %Y}" in mine
    assert f"Due on {add_months(start, 6):%-d %B %Y}" in mine

    worker = Application.objects.get(pk=application.pk).hired_worker
    worker.start_date, worker.left_on = add_months(today, -7), add_months(today, -2)  # left after 5 months
    worker.save()
    mine = text(as_staff.get("/recruitment/refer-a-friend"))
    assert f"Reached on {add_months(worker.start_date, 3):%-d %B %Y}" in mine
    assert "Not reached: they left before it" in mine
    managers = text(as_manager.get("/recruitment/referrals"))
    assert "Nia Obi" in managers and user("staff").worker.local_identifier in managers


def test_staff_can_only_refer_to_their_employers_published_open_vacancies(as_staff):
    unpublished = new_vacancy(is_published=False)
    closed = new_vacancy(closing_date=timezone.localdate() - timedelta(days=1))
    elsewhere = Vacancy.objects.exclude(workplace__organisation=user("staff").organisation).first()
    for vacancy in (unpublished, closed, elsewhere):
        assert as_staff.get(f"/recruitment/refer-a-friend/{vacancy.pk}").status_code == 404
        response = as_staff.post(
            f"/recruitment/refer-a-friend/{vacancy.pk}",
            {"your_name": "Sam", "friend_name": "Ola Py", "friend_email": "ola@example.com", "consent": "on"},
        )
        assert response.status_code == 404
    assert not Referral.objects.filter(referrer=user("staff")).exists()
