"""Job alerts carry each vacancy as the employer describes it now, and leave out jobs that have closed."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_careers_index")]


@pytest.fixture
def workplace(db):  # type: ignore[no-untyped-def]
    """A workplace alone in Truro, far from every demo vacancy, so a search there finds only this test's jobs."""
    from careforce.workforce.models import Workplace

    found = Workplace.objects.select_related("organisation").order_by("pk").first()
    found.postcode = "TR1 1AA"
    found.save()
    found.vacancies.all().delete()
    return found


def new_vacancy(workplace, **fields):  # type: ignore[no-untyped-def]
    from careforce.workforce.models import Vacancy

    return Vacancy.objects.create(
        workplace=workplace,
        **{"job_role": 8, "hourly_rate": Decimal("12.60"), "full_time": True, "posted_on": date.today()}
        | {"is_published": True}
        | fields,
    )


def save_search(client) -> None:  # type: ignore[no-untyped-def]
    client.post("/care-jobs/search", {"postcode": "TR1", "distance": "5"})
    client.post("/care-jobs/search/save")


def test_the_alert_carries_the_description_and_details_as_they_are_when_it_is_sent(
    as_job_seeker, sent_email, workplace
):  # type: ignore[no-untyped-def]
    from careforce.careers import queries
    from careforce.careers.alerts import run_alerts

    save_search(as_job_seeker)
    vacancy = new_vacancy(
        workplace,
        title="Night carer",
        description="Words the employer first typed.",
        closing_date=date.today() + timedelta(days=30),
    )
    queries.live_vacancies()  # the search index now holds the job as it was first posted
    vacancy.title = "Senior night carer"
    vacancy.description = "Support six people with dementia at night.\n\nA second paragraph the email leaves out."
    vacancy.shift_pattern = "Four 10-hour nights a week"
    vacancy.hourly_rate = Decimal("13.40")
    vacancy.contracted_hours = Decimal("40")
    vacancy.guaranteed_hours = True
    vacancy.save()

    assert run_alerts("https://careforce.example").emails == 1
    (email,) = sent_email
    body = email.body
    assert f"Senior night carer at {workplace.name} ({workplace.organisation.name})" in body
    assert "Support six people with dementia at night." in body
    assert "Words the employer first typed" not in body and "second paragraph" not in body
    assert "£13.40 an hour (£27,949 a year for 40 hours a week)" in body
    assert "40 hours a week guaranteed. Shift pattern: Four 10-hour nights a week" in body
    assert f"Closing date: {vacancy.closing_date:%-d %B %Y}" in body
    assert f"https://careforce.example/care-jobs/jobs/{vacancy.pk}" in body


def test_a_job_closed_since_the_index_was_built_is_left_out_and_not_counted(
    as_job_seeker, sent_email, workplace, monkeypatch
):  # type: ignore[no-untyped-def]
    from careforce.careers import queries
    from careforce.careers.alerts import run_alerts

    save_search(as_job_seeker)
    new_vacancy(workplace, title="Still open")
    closed = new_vacancy(workplace, title="Filled already")
    index_before = queries.live_vacancies()
    monkeypatch.setattr(queries, "live_vacancies", lambda: index_before)  # the index as a busy server still holds it
    closed.is_published = False
    closed.save()

    result = run_alerts()
    assert (result.emails, result.jobs) == (1, 1)
    (email,) = sent_email
    assert email.subject == "1 new care job for your saved search"
    assert "Still open" in email.body and "Filled already" not in email.body


def test_a_long_description_is_cut_at_a_word_and_more_jobs_are_counted(
    as_job_seeker, sent_email, workplace, monkeypatch
):  # type: ignore[no-untyped-def]
    from careforce.careers import alerts

    monkeypatch.setattr(alerts, "MAX_LISTED", 1)
    save_search(as_job_seeker)
    long_text = " ".join(["compassionate"] * 60)
    new_vacancy(workplace, title="First job", description=long_text)
    new_vacancy(workplace, title="Second job")
    new_vacancy(workplace, title="Third job")

    assert alerts.run_alerts().jobs == 3
    (email,) = sent_email
    summary = next(line for line in email.body.splitlines() if line.startswith("compassionate"))
    assert summary.endswith("compassionate...") and len(summary) <= alerts.SUMMARY_CHARACTERS + 3
    assert "And 2 more jobs." in email.body
