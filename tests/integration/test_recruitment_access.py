"""An employer never sees or changes another employer's applicants; the wrong kind of user is refused."""

from datetime import date

import pytest
from django.test import Client

from careforce.accounts.models import User
from careforce.recruitment.models import Application, ApplicationEvent, InterviewScore, Stage
from careforce.recruitment.services import submit_application
from careforce.workforce.models import Organisation, Vacancy, Worker, Workplace

pytestmark = pytest.mark.django_db
VALUES = ("kind", "honest", "respect", "courageous", "whole_person", "flexible", "proud")


def _own_vacancy() -> Vacancy:
    organisation = User.objects.get(username="manager@demo.careforce.test").organisation
    workplace = Workplace.objects.filter(organisation=organisation).order_by("pk").first()
    return Vacancy.objects.create(workplace=workplace, job_role=8, posted_on=date(2026, 10, 1), is_published=True)  # type: ignore[misc]


def _other_providers_manager() -> Client:
    mine = User.objects.get(username="manager@demo.careforce.test").organisation
    other = Organisation.objects.filter(is_synthetic=True).exclude(pk=mine.pk).order_by("pk").first()
    manager = User.objects.create(username="other.manager@example.test", role="provider_manager", organisation=other)
    client = Client()
    client.force_login(manager)
    return client


def _urls(vacancy: Vacancy, application: Application) -> tuple[list[str], list[tuple[str, dict]]]:
    a, v = application.pk, vacancy.pk
    start = {"start_date-day": "1", "start_date-month": "12", "start_date-year": "2026"}
    pages = [
        f"/recruitment/vacancies/{v}/applicants",
        f"/recruitment/applicants/{a}",
        f"/recruitment/applicants/{a}/stage",
        f"/recruitment/applicants/{a}/interview-scores",
        f"/recruitment/applicants/{a}/hire",
        f"/recruitment/applicants/{a}/hire/check",
    ]
    posts = [
        (f"/recruitment/vacancies/{v}/publish", {"publish": "no"}),
        (f"/recruitment/applicants/{a}/shortlist", {}),
        (f"/recruitment/applicants/{a}/stage", {"stage": "not_progressed", "reason": "Taken"}),
        (
            f"/recruitment/applicants/{a}/interview-scores",
            {**{f"score_{k}": "1" for k in VALUES}, "panel_included_person_with_lived_experience": "no"},
        ),
        (f"/recruitment/applicants/{a}/hire", start),
        (f"/recruitment/applicants/{a}/hire/check", {}),
    ]
    return pages, posts


def _snapshot(vacancy: Vacancy, application: Application) -> tuple:
    application.refresh_from_db()
    vacancy.refresh_from_db()
    return (
        vacancy.is_published,
        application.stage,
        application.shortlisted,
        application.not_progressed_reason,
        application.hired_worker_id,
        ApplicationEvent.objects.filter(application=application).count(),
        InterviewScore.objects.filter(application=application).count(),
        Worker.objects.filter(workplace=vacancy.workplace).count(),
    )


def test_another_providers_manager_gets_404_on_every_applicant_and_vacancy_url_and_nothing_changes():
    vacancy = _own_vacancy()
    application = submit_application(vacancy, {"full_name": "Pat Quinn", "email": "pat.quinn@example.com"})
    Application.objects.filter(pk=application.pk).update(stage=Stage.OFFER, shortlisted=True)
    before = _snapshot(vacancy, application)
    intruder = _other_providers_manager()
    session = intruder.session
    session[f"recruitment-hire-{application.pk}"] = "2026-12-01"  # even with a start date already chosen
    session.save()
    pages, posts = _urls(vacancy, application)
    for url in pages:
        response = intruder.get(url)
        assert response.status_code == 404, url
        assert "Pat Quinn" not in response.content.decode()
    for url, data in posts:
        assert intruder.post(url, data).status_code == 404, url
    assert _snapshot(vacancy, application) == before
    listing = intruder.get("/recruitment/").content.decode()
    assert f"/recruitment/vacancies/{vacancy.pk}/" not in listing
    theirs = Application.objects.filter(vacancy__workplace__organisation__users__username="other.manager@example.test")
    assert f"For all {theirs.count()} applications" in intruder.get("/recruitment/time-to-hire").content.decode()


@pytest.mark.parametrize("who", ["as_analyst", "as_staff", "as_job_seeker", "as_lead"])
def test_only_provider_managers_reach_the_employer_pages(request, who):
    vacancy = _own_vacancy()
    application = submit_application(vacancy, {"full_name": "Quin Rae", "email": "quin@example.com"})
    before = _snapshot(vacancy, application)
    client = request.getfixturevalue(who)
    pages, posts = _urls(vacancy, application)
    for url in ["/recruitment/", "/recruitment/time-to-hire", "/recruitment/referrals", *pages]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert "You cannot see this page" in response.content.decode()
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    assert _snapshot(vacancy, application) == before


@pytest.mark.parametrize("who", ["as_analyst", "as_manager", "as_job_seeker"])
def test_only_staff_reach_the_referral_pages(request, who):
    vacancy = _own_vacancy()
    client = request.getfixturevalue(who)
    assert client.get("/recruitment/refer-a-friend").status_code == 403
    assert (
        client.post(
            f"/recruitment/refer-a-friend/{vacancy.pk}",
            {"your_name": "Sam", "friend_name": "Ray Sun", "friend_email": "ray@example.com", "consent": "on"},
        ).status_code
        == 403
    )


def test_signed_out_visitors_are_sent_to_sign_in_without_personal_data_in_the_address(client):
    application = submit_application(_own_vacancy(), {"full_name": "Sol Tate", "email": "sol@example.com"})
    for url in ("/recruitment/", f"/recruitment/applicants/{application.pk}", "/recruitment/refer-a-friend"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/sign-in?next=")
        assert "sol" not in response["Location"].lower()
