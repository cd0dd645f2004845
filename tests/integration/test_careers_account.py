"""A job seeker's account: create it after applying, see status, download data, delete; self-assessment; alerts."""

import csv
import io
import json
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from careforce.domain.careers.self_assessment import questions

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_careers_index")]
PASSWORD = "a long enough care password 2026"


def soup(response):  # type: ignore[no-untyped-def]
    return BeautifulSoup(response.content, "html.parser")


def new_vacancy(**fields):  # type: ignore[no-untyped-def]
    from careforce.workforce.models import Vacancy, Workplace

    workplace = Workplace.objects.order_by("pk").first()
    return Vacancy.objects.create(  # type: ignore[misc]
        workplace=workplace,
        **{
            "job_role": 8,
            "hourly_rate": 12.6,
            "full_time": True,
            "posted_on": date.today(),
            "is_published": True,
            **fields,
        },
    )


def apply(client, vacancy, name="Amira Begum", email="amira@example.com"):  # type: ignore[no-untyped-def]
    base = f"/care-jobs/jobs/{vacancy.pk}/apply"
    for slug, data in [
        ("your-name", {"full_name": name}),
        ("contact-details", {"email": email, "phone": "07700900982"}),
        ("availability", {"availability": ["full_time"]}),
        ("right-to-work", {"right_to_work": "yes"}),
        ("driving", {"driving": ["neither"]}),
        ("about-you", {"about_you": f"I am {name}."}),
    ]:
        client.post(f"{base}/{slug}", data)
    assert client.post(f"{base}/check-your-answers").status_code == 302


def create_account(client, email="amira@example.com"):  # type: ignore[no-untyped-def]
    return client.post("/care-jobs/create-account", {"email": email, "password": PASSWORD, "password_again": PASSWORD})


def test_apply_then_create_an_account_and_see_the_application_and_its_status(client):
    from careforce.recruitment.models import Application

    job = new_vacancy()
    apply(client, job)
    assert create_account(client)["Location"] == "/care-jobs/your-applications"
    application = Application.objects.get(vacancy=job)
    assert application.applicant.username == "amira@example.com"
    application.stage = "interview"
    application.save()
    page = soup(client.get("/care-jobs/your-applications"))
    row = page.select_one("tbody tr")
    assert (
        f"CF-{application.pk}" in row.get_text()
        and row.select_one(".govuk-tag").get_text() == "Invited to an interview"
    )


def test_create_account_checks_the_password_and_existing_accounts(client):
    page = soup(
        client.post(
            "/care-jobs/create-account", {"email": "new@example.com", "password": "short", "password_again": "short"}
        )
    )
    assert page.select_one(".govuk-error-summary a")["href"] == "#id_password"
    assert "too short" in page.select_one(".govuk-error-summary").get_text()
    page = soup(create_account(client, "jobseeker@demo.careforce.test"))
    assert "There is already an account with this email address" in page.get_text()
    page = soup(
        client.post(
            "/care-jobs/create-account",
            {"email": "new@example.com", "password": PASSWORD, "password_again": PASSWORD + "x"},
        )
    )
    assert "Enter the same password twice" in page.select_one(".govuk-error-summary").get_text()


def test_data_download_contains_their_data_and_nobody_elses(client):
    job = new_vacancy()
    apply(Client(), job, name="Somebody Else", email="else@example.com")
    apply(client, job)
    create_account(client)
    data = json.loads(client.get("/care-jobs/your-data.json").content)
    assert data["account"]["email"] == "amira@example.com"
    assert [a["full_name"] for a in data["applications"]] == ["Amira Begum"]
    everything = json.dumps(data) + client.get("/care-jobs/your-data.csv").content.decode()
    assert "Somebody Else" not in everything and "else@example.com" not in everything
    rows = list(csv.reader(io.StringIO(client.get("/care-jobs/your-data.csv").content.decode())))
    assert rows[0] == ["section", "item", "field", "value"]
    assert ["applications", "1", "about_you", "I am Amira Begum."] in rows
    assert Client().get("/care-jobs/your-data.json").status_code == 302


def test_deleting_the_account_removes_their_personal_data(client):
    from careforce.accounts.models import User
    from careforce.careers.models import SavedSearch
    from careforce.recruitment.models import Application

    job = new_vacancy()
    apply(client, job)
    create_account(client)
    client.post("/care-jobs/search", {"postcode": "B15 2TT", "distance": "10"})
    client.post("/care-jobs/search/save")
    page = soup(client.post("/care-jobs/delete-account", {}))
    assert page.select_one(".govuk-error-summary a")["href"] == "#id_confirm"
    done = soup(client.post("/care-jobs/delete-account", {"confirm": "on"}))
    assert done.select_one(".govuk-panel__title").get_text(strip=True) == "Your account has been deleted"
    assert not User.objects.filter(username="amira@example.com").exists()
    assert not SavedSearch.objects.exists()
    application = Application.objects.get(vacancy=job)
    assert (
        application.full_name,
        application.email,
        application.phone,
        application.about_you,
        application.applicant,
    ) == ("Deleted applicant", "", "", "", None)
    assert client.get("/care-jobs/your-applications").status_code == 302  # signed out


def test_other_roles_cannot_see_job_seeker_pages(as_manager):
    assert as_manager.get("/care-jobs/your-applications").status_code == 403
    assert as_manager.get("/care-jobs/your-data.json").status_code == 403


def answers(choice: int = 0) -> dict[str, str]:
    return {q.id: q.options[choice].id for q in questions()}


def test_self_assessment_scores_answers_and_stores_nothing_unless_saved(client):
    from careforce.careers.models import SavedSelfAssessment

    page = soup(client.post("/care-jobs/is-care-right-for-me/questions", answers(0)))
    assert page.h1.get_text() == "Your result: is care right for me?"
    headings = [h.get_text() for h in page.select("h2")]
    assert {"Your strengths", "Roles that might suit you", "What to do next"} <= set(headings)
    assert page.select("main table tbody tr")
    assert SavedSelfAssessment.objects.count() == 0
    assert not any("assessment" in key for key in client.session.keys())


def test_self_assessment_asks_for_every_answer(client):
    partial = answers(0)
    first = questions()[0]
    del partial[first.id]
    page = soup(client.post("/care-jobs/is-care-right-for-me/questions", partial))
    link = page.select_one(".govuk-error-summary a")
    assert link["href"] == f"#{first.id}" and link.get_text() == "Choose an answer for question 1"
    assert page.select_one(f"#{questions()[1].id}")["checked"] is not None


def test_saving_a_result_signed_in_or_by_creating_an_account(client, as_job_seeker):
    from careforce.careers.models import SavedSelfAssessment

    page = soup(as_job_seeker.post("/care-jobs/is-care-right-for-me/save", answers(1)))
    assert "Your result has been saved" in page.get_text()
    assert SavedSelfAssessment.objects.filter(user__username="jobseeker@demo.careforce.test").count() == 1
    assert client.post("/care-jobs/is-care-right-for-me/save", answers(0))["Location"] == "/care-jobs/create-account"
    create_account(client, "saver@example.com")
    saved = SavedSelfAssessment.objects.get(user__username="saver@example.com")
    assert saved.answers == answers(0)


def test_job_alerts_tell_people_about_new_matching_jobs_once(as_job_seeker, sent_email):
    from careforce.careers.alerts import run_alerts
    from careforce.workforce.models import Workplace

    workplace = Workplace.objects.order_by("pk").first()
    workplace.postcode = "TR1 1AA"
    workplace.save()
    workplace.vacancies.all().delete()
    new_vacancy(title="Old job", posted_on=date.today() - timedelta(days=3))
    as_job_seeker.post("/care-jobs/search", {"postcode": "TR1", "distance": "5"})
    as_job_seeker.post("/care-jobs/search/save")
    assert run_alerts().emails == 0 and sent_email == []
    new_vacancy(title="Brand new job")
    new_vacancy(title="Another new job")
    result = run_alerts("https://careforce.example")
    assert result.emails == 1 and result.jobs == 2
    (email,) = sent_email
    assert email.to == ["jobseeker@demo.careforce.test"] and email.subject == "2 new care jobs for your saved search"
    assert "Brand new job" in email.body and "Old job" not in email.body
    assert "https://careforce.example/care-jobs/jobs/" in email.body
    assert run_alerts().emails == 0


def test_the_job_alerts_command_is_registered(capsys):
    from careforce.cli import main

    assert main(["job-alerts"]) == 0
    assert "Checked" in capsys.readouterr().out
