"""Applying without a CV: question pages, check your answers, confirmation, email, CSRF and rate limits."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from emailing import to

from careforce.careers.queries import forget_index

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_careers_index")]

ANSWERS = [
    ("your-name", {"full_name": "Amira Begum"}),
    ("contact-details", {"email": "amira@example.com", "phone": "07700 900 982"}),
    ("availability", {"availability": ["part_time", "weekends"]}),
    ("right-to-work", {"right_to_work": "yes"}),
    ("driving", {"driving": ["licence"]}),
    ("about-you", {"about_you": "I cared for my grandmother for three years."}),
]


@pytest.fixture
def job():  # type: ignore[no-untyped-def]
    from careforce.workforce.models import Vacancy, Workplace

    workplace = Workplace.objects.order_by("pk").first()
    return Vacancy.objects.create(  # type: ignore[misc]
        workplace=workplace, job_role=8, hourly_rate=12.6, part_time=True, posted_on=date.today(), is_published=True
    )


def soup(response):  # type: ignore[no-untyped-def]
    return BeautifulSoup(response.content, "html.parser")


def answer_everything(client, job) -> None:  # type: ignore[no-untyped-def]
    base = f"/care-jobs/jobs/{job.pk}/apply"
    for number, (slug, data) in enumerate(ANSWERS):
        response = client.post(f"{base}/{slug}", data)
        expected = f"{base}/{ANSWERS[number + 1][0]}" if number + 1 < len(ANSWERS) else f"{base}/check-your-answers"
        assert response.status_code == 302 and response["Location"] == expected, (slug, response.content[:3000])


def test_apply_from_the_job_page_through_check_your_answers_to_confirmation_and_email(client, job, sent_email):
    from careforce.recruitment.models import Application

    job_page = soup(client.get(f"/care-jobs/jobs/{job.pk}"))
    assert job_page.select_one(f'a[href="/care-jobs/jobs/{job.pk}/apply"]').get_text(strip=True) == "Apply for this job"
    start = soup(client.get(f"/care-jobs/jobs/{job.pk}/apply"))
    assert start.h1.get_text() == "Apply to be a care worker"
    first = soup(client.get(f"/care-jobs/jobs/{job.pk}/apply/your-name"))
    assert first.select_one("h1 label").get_text(strip=True) == "What is your full name?"
    answer_everything(client, job)
    check = soup(client.get(f"/care-jobs/jobs/{job.pk}/apply/check-your-answers"))
    rows = {r.dt.get_text(strip=True): r.dd.get_text(strip=True) for r in check.select(".govuk-summary-list__row")}
    assert rows == {
        "Full name": "Amira Begum",
        "Email address": "amira@example.com",
        "Phone number": "07700 900 982",
        "Hours you can work": "Part-time, Weekends",
        "Right to work in the UK": "Yes",
        "Driving licence or car": "A driving licence",
        "About you": "I cared for my grandmother for three years.",
    }
    response = client.post(f"/care-jobs/jobs/{job.pk}/apply/check-your-answers")
    assert response["Location"] == f"/care-jobs/jobs/{job.pk}/apply/application-sent"
    application = Application.objects.get(vacancy=job)
    assert (
        application.full_name,
        application.email,
        application.availability,
        application.has_driving_licence,
        application.has_car,
        application.has_right_to_work,
        application.stage,
    ) == ("Amira Begum", "amira@example.com", ["part_time", "weekends"], True, False, True, "new")
    sent = soup(client.get(response["Location"]))
    assert sent.select_one(".govuk-panel__title").get_text(strip=True) == "Application sent"
    assert f"CF-{application.pk}" in sent.select_one(".govuk-panel__body").get_text()
    (email,) = to(sent_email, "amira@example.com")
    assert (
        f"CF-{application.pk}" in email.body
        and email.subject == f"Your application to {job.workplace.organisation.name}"
    )
    assert email.body.startswith("Dear Amira Begum,")
    # sending again (Back, then Send) shows "you have already applied", not a blank second application
    again = soup(client.post(f"/care-jobs/jobs/{job.pk}/apply/check-your-answers"))
    assert again.h1.get_text() == "You have already applied for this job"
    assert f"CF-{application.pk}" in again.get_text()
    assert Application.objects.filter(vacancy=job).count() == 1


def test_a_change_link_returns_to_check_your_answers(client, job):
    answer_everything(client, job)
    check = soup(client.get(f"/care-jobs/jobs/{job.pk}/apply/check-your-answers"))
    change = check.select_one('a[href$="/right-to-work?change=1"]')
    assert "right to work in the uk" in change.get_text().lower()
    response = client.post(change["href"], {"right_to_work": "no"})
    assert response["Location"].endswith("/check-your-answers")
    rows = soup(client.get(response["Location"])).get_text()
    assert "No, I would need visa sponsorship" in rows


@pytest.mark.parametrize(
    ("slug", "data", "field", "message"),
    [
        ("your-name", {}, "full_name", "Enter your full name"),
        (
            "contact-details",
            {"email": "amira", "phone": "07700 900 982"},
            "email",
            "Enter an email address in the correct format, like name@example.com",
        ),
        (
            "contact-details",
            {"email": "a@example.com", "phone": "call me"},
            "phone",
            "Enter a phone number, like 07700 900 982 or +44 7700 900 982",
        ),
        ("availability", {}, "availability", "Select the hours you can work"),
        ("right-to-work", {}, "right_to_work", "Select yes if you have the right to work in the UK"),
        ("driving", {"driving": ["car", "neither"]}, "driving", "Select neither, or select a driving licence or a car"),
        (
            "about-you",
            {"about_you": "x" * 501},
            "about_you",
            "What you tell the employer must be 500 characters or fewer",
        ),
    ],
)
def test_question_pages_show_errors_linked_to_the_field(client, job, slug, data, field, message):
    page = soup(client.post(f"/care-jobs/jobs/{job.pk}/apply/{slug}", data))
    assert page.title.get_text().startswith("Error: ")
    link = page.select_one(".govuk-error-summary a")
    assert link.get_text(strip=True) == message and link["href"] == f"#id_{field}"
    assert page.select_one(f"#id_{field}") is not None


def test_check_your_answers_sends_people_back_to_unanswered_questions(client, job):
    response = client.get(f"/care-jobs/jobs/{job.pk}/apply/check-your-answers")
    assert response["Location"] == f"/care-jobs/jobs/{job.pk}/apply/your-name"


def test_sending_an_application_needs_the_csrf_token(job):
    from careforce.recruitment.models import Application

    client = Client(enforce_csrf_checks=True)
    page = soup(client.get(f"/care-jobs/jobs/{job.pk}/apply/your-name"))
    token = page.select_one("input[name=csrfmiddlewaretoken]")["value"]
    assert client.post(f"/care-jobs/jobs/{job.pk}/apply/your-name", {"full_name": "A B"}).status_code == 403
    ok = client.post(f"/care-jobs/jobs/{job.pk}/apply/your-name", {"full_name": "A B", "csrfmiddlewaretoken": token})
    assert ok.status_code == 302
    for slug, data in ANSWERS[1:]:
        client.post(f"/care-jobs/jobs/{job.pk}/apply/{slug}", {**data, "csrfmiddlewaretoken": token})  # type: ignore[dict-item]
    assert client.post(f"/care-jobs/jobs/{job.pk}/apply/check-your-answers").status_code == 403
    assert not Application.objects.filter(vacancy=job).exists()


def test_too_many_applications_from_one_address_are_refused(client, job, settings):
    from careforce.recruitment.models import Application
    from careforce.workforce.models import Vacancy

    settings.CAREFORCE_APPLY_RATE = "2/h"
    jobs = [job, *(Vacancy.objects.get(pk=job.pk) for _ in range(2))]
    for other in jobs[1:]:
        other.pk = None
        other.save()
    forget_index()
    for each in jobs[:2]:
        answer_everything(client, each)
        assert client.post(f"/care-jobs/jobs/{each.pk}/apply/check-your-answers").status_code == 302
    answer_everything(client, jobs[2])
    refused = client.post(f"/care-jobs/jobs/{jobs[2].pk}/apply/check-your-answers")
    assert refused.status_code == 429
    assert "Too many applications" in soup(refused).h1.get_text()
    assert Application.objects.filter(vacancy__in=jobs).count() == 2


def test_no_personal_data_in_the_addresses_of_the_apply_pages(client, job):
    answer_everything(client, job)
    page = soup(client.get(f"/care-jobs/jobs/{job.pk}/apply/check-your-answers"))
    for link in page.select("a[href]"):
        assert "amira" not in link["href"].lower() and "07700" not in link["href"]
