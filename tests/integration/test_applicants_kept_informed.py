"""Applicants kept informed: their address confirmed by email, applications joined to an account made
later (once its address is confirmed), "you have already applied", withdrawal, and an email at each move."""

import re
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone
from emailing import to

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_careers_index")]
PASSWORD = "a long enough care password 2026"
ANSWERS = [
    ("your-name", {"full_name": "Amira Begum"}),
    ("contact-details", {"email": "amira@example.com", "phone": "07700 900 982"}),
    ("availability", {"availability": ["part_time"]}),
    ("right-to-work", {"right_to_work": "yes"}),
    ("driving", {"driving": ["licence"]}),
    ("about-you", {"about_you": "I cared for my grandmother."}),
]


@pytest.fixture
def job():  # type: ignore[no-untyped-def]
    from careforce.accounts.models import User
    from careforce.workforce.models import Vacancy, Workplace

    organisation = User.objects.get(username="manager@demo.careforce.test").organisation
    workplace = Workplace.objects.filter(organisation=organisation).order_by("pk").first()
    return Vacancy.objects.create(  # type: ignore[misc]
        workplace=workplace, job_role=8, hourly_rate=12.6, part_time=True, posted_on=date.today(), is_published=True
    )


def soup(response):  # type: ignore[no-untyped-def]
    return BeautifulSoup(response.content, "html.parser")


def apply(client, job, email="amira@example.com"):  # type: ignore[no-untyped-def]
    base = f"/care-jobs/jobs/{job.pk}/apply"
    for slug, data in ANSWERS:
        client.post(f"{base}/{slug}", {**data, **({"email": email} if "email" in data else {})})  # type: ignore[dict-item, operator]
    return client.post(f"{base}/check-your-answers")


def link_in(email, path: str) -> str:  # type: ignore[no-untyped-def]
    """The path of the link in ``email`` that starts with ``path``."""
    found = re.search(r"https?://[^/\s]+(" + re.escape(path) + r"[^\s]*)", email.body)
    assert found, (path, email.body)
    return found.group(1)


def application_of(job):  # type: ignore[no-untyped-def]
    from careforce.recruitment.models import Application

    return Application.objects.get(vacancy=job)


def test_the_copy_of_an_application_confirms_the_address_by_a_link_with_no_personal_data_in_it(client, job, sent_email):
    apply(client, job)
    (copy,) = to(sent_email, "amira@example.com")
    confirm = link_in(copy, "/care-jobs/confirm-email/")
    assert "amira" not in confirm.lower()
    assert application_of(job).email_confirmed_at is None
    page = soup(Client().get(confirm))
    assert page.select_one(".govuk-panel__title").get_text(strip=True) == "Email address confirmed"
    assert application_of(job).email_confirmed_at is not None
    assert Client().get(confirm[:-3] + "xyz").status_code == 404


def test_an_account_made_later_in_another_browser_gets_the_applications_once_its_address_is_confirmed(
    client, job, sent_email
):
    apply(client, job)
    other_browser = Client()
    response = other_browser.post(
        "/care-jobs/create-account", {"email": "Amira@Example.com", "password": PASSWORD, "password_again": PASSWORD}
    )
    assert response["Location"] == "/care-jobs/your-applications"
    page = soup(other_browser.get("/care-jobs/your-applications"))
    assert "You have not applied for any jobs" in page.get_text()
    assert "Confirm your email address" in page.get_text()
    (confirmation,) = [m for m in sent_email if m.subject == "Confirm your email address"]
    confirmed = soup(other_browser.get(link_in(confirmation, "/care-jobs/confirm-account/")))
    assert "1 application you sent earlier with this address is now in your account" in confirmed.get_text()
    page = soup(other_browser.get("/care-jobs/your-applications"))
    assert f"CF-{application_of(job).pk}" in page.select_one("tbody tr").get_text()
    assert "Confirm your email address" not in page.get_text()


def test_an_application_sent_after_the_account_confirmed_its_address_joins_when_its_own_copy_is_confirmed(
    job, sent_email
):
    account = Client()
    account.post(
        "/care-jobs/create-account", {"email": "amira@example.com", "password": PASSWORD, "password_again": PASSWORD}
    )
    account.get(link_in(sent_email[-1], "/care-jobs/confirm-account/"))
    apply(Client(), job)
    assert application_of(job).applicant is None
    Client().get(link_in(to(sent_email, "amira@example.com")[-1], "/care-jobs/confirm-email/"))
    assert application_of(job).applicant.username == "amira@example.com"


def test_back_after_sending_shows_you_have_already_applied_not_a_blank_second_application(client, job, sent_email):
    apply(client, job)
    for page in ("check-your-answers", "your-name", ""):
        shown = soup(client.get(f"/care-jobs/jobs/{job.pk}/apply/{page}".rstrip("/")))
        assert shown.h1.get_text() == "You have already applied for this job", page
        assert f"CF-{application_of(job).pk}" in shown.get_text()


def test_the_same_address_applying_again_from_another_browser_is_told_and_nothing_is_saved(client, job, sent_email):
    from careforce.recruitment.models import Application

    apply(client, job)
    again = soup(apply(Client(), job, email="AMIRA@example.com"))
    assert again.h1.get_text() == "You have already applied for this job"
    # the other browser is not told the reference of someone else's application
    assert "CF-" not in again.get_text()
    assert Application.objects.filter(vacancy=job).count() == 1
    assert len(to(sent_email, "amira@example.com")) == 1


def test_withdrawing_by_the_link_in_the_copy_tells_the_applicant_and_the_employer_and_allows_a_new_application(
    client, job, sent_email, as_manager
):
    apply(client, job)
    withdraw = link_in(to(sent_email, "amira@example.com")[0], "/care-jobs/withdraw/")
    browser = Client()
    page = soup(browser.get(withdraw))
    assert page.h1.get_text() == "Withdraw your application"
    assert application_of(job).stage == "new"  # opening the link changes nothing
    done = soup(browser.post(withdraw))
    assert done.select_one(".govuk-panel__title").get_text(strip=True) == "Application withdrawn"
    application = application_of(job)
    assert application.stage == "withdrawn"
    assert to(sent_email, "amira@example.com")[-1].subject.startswith("You have withdrawn your application")
    pipeline = soup(as_manager.get(f"/recruitment/vacancies/{job.pk}/applicants")).get_text()
    assert "Withdrawn by the applicant (1)" in pipeline
    as_manager.post(f"/recruitment/applicants/{application.pk}/shortlist")
    refused = as_manager.post(f"/recruitment/applicants/{application.pk}/stage", {"stage": "contacted"})
    assert "withdrew their application" in soup(refused).get_text()
    assert soup(browser.get(withdraw)).find(string=re.compile("already withdrawn"))
    # a withdrawn application does not stop a fresh one
    apply(Client(), job)
    assert job.applications.count() == 2


def test_a_signed_in_job_seeker_withdraws_from_their_applications_page(job, sent_email):
    browser = Client()
    apply(browser, job)
    browser.post(
        "/care-jobs/create-account", {"email": "amira@example.com", "password": PASSWORD, "password_again": PASSWORD}
    )
    page = soup(browser.get("/care-jobs/your-applications"))
    href = page.select_one("tbody a[href$='/withdraw']")["href"]
    assert browser.post(href).status_code == 200
    assert application_of(job).stage == "withdrawn"
    assert "Withdrawn by you" in soup(browser.get("/care-jobs/your-applications")).select_one("tbody").get_text()
    assert Client().post(href).status_code == 302  # signed out: to sign in


def test_each_move_to_another_stage_emails_the_applicant_with_their_news(job, sent_email):
    from careforce.accounts.models import User
    from careforce.recruitment import services

    manager = User.objects.get(username="manager@demo.careforce.test")
    apply(Client(), job)
    application = application_of(job)
    services.shortlist(manager, application.pk)
    subjects = []
    for stage in ("contacted", "interview", "offer", "checks"):
        services.move_stage(manager, application.pk, stage)
        subjects.append(to(sent_email, "amira@example.com")[-1].subject.split(": ", 1)[1])
    assert subjects == [
        "The employer is getting in touch",
        "Invited to an interview",
        "Offered the job",
        "Checks (DBS and references)",
    ]
    start = timezone.localdate() + timedelta(days=14)
    services.hire(manager, application.pk, start)
    hired = to(sent_email, "amira@example.com")[-1]
    assert hired.subject.endswith(": Hired") and f"Your start date is {start:%-d %B %Y}." in hired.body
    assert hired.body.startswith("Dear Amira Begum,")
    # 1 copy + 4 moves + the hire; shortlisting alone sends nothing
    assert len(to(sent_email, "amira@example.com")) == 6


def test_not_progressed_is_told_kindly_without_the_employers_reason(job, sent_email):
    from careforce.accounts.models import User
    from careforce.recruitment import services

    manager = User.objects.get(username="manager@demo.careforce.test")
    apply(Client(), job)
    services.move_stage(manager, application_of(job).pk, "not_progressed", "Poor answers about night shifts")
    told = to(sent_email, "amira@example.com")[-1]
    assert told.subject.endswith(": Not taken forward")
    assert "night shifts" not in told.body and "not to take your application further" in told.body
