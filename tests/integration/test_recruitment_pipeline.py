"""A manager's recruitment pages: publishing vacancies, the pipeline, blind shortlisting, stages, interview
scores and time to contact and hire."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from careforce.accounts.models import User
from careforce.recruitment.models import Application, ApplicationEvent, InterviewScore, Stage
from careforce.recruitment.services import submit_application
from careforce.workforce.models import Vacancy, Workplace

pytestmark = pytest.mark.django_db
VALUES = ("kind", "honest", "respect", "courageous", "whole_person", "flexible", "proud")


def manager() -> User:
    return User.objects.get(username="manager@demo.careforce.test")


def new_vacancy(organisation, **fields) -> Vacancy:  # type: ignore[no-untyped-def]
    workplace = Workplace.objects.filter(organisation=organisation).order_by("pk").first()
    return Vacancy.objects.create(  # type: ignore[misc]
        workplace=workplace, job_role=8, posted_on=date(2026, 10, 1), **{"is_published": True, **fields}
    )


def apply(vacancy: Vacancy, name: str, email: str = "", **answers) -> Application:  # type: ignore[no-untyped-def]
    return submit_application(
        vacancy,
        {
            "full_name": name,
            "email": email or name.lower().replace(" ", ".") + "@example.com",
            "phone": "07700 900456",
            "availability": ["weekends", "part_time", "made_up"],
            "has_right_to_work": True,
            "has_driving_licence": True,
            "has_car": False,
            "about_you": "I cared for my dad.",
            **answers,
        },
    )


def text(response) -> str:  # type: ignore[no-untyped-def]
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_submit_application_keeps_known_hours_patterns_in_order_and_records_the_first_event():
    vacancy = new_vacancy(manager().organisation)
    application = apply(vacancy, "Rosa Diaz")
    assert application.stage == Stage.NEW and not application.shortlisted
    assert application.availability == ["part_time", "weekends"]
    assert list(application.events.values_list("to_stage", flat=True)) == ["new"]


def test_the_vacancy_list_publishes_and_takes_down_the_organisations_vacancies(as_manager):
    vacancy = new_vacancy(manager().organisation, title="Night care worker", is_published=False)
    page = text(as_manager.get("/recruitment/"))
    assert "Night care worker" in page
    response = as_manager.post(f"/recruitment/vacancies/{vacancy.pk}/publish", {"publish": "yes"}, follow=True)
    vacancy.refresh_from_db()
    assert vacancy.is_published
    assert "Night care worker at" in text(response) and "is now published in job search" in text(response)
    as_manager.post(f"/recruitment/vacancies/{vacancy.pk}/publish", {"publish": "no"})
    vacancy.refresh_from_db()
    assert not vacancy.is_published


def test_a_closed_vacancy_cannot_be_published(as_manager):
    vacancy = new_vacancy(
        manager().organisation, is_published=False, closing_date=timezone.localdate() - timedelta(days=3)
    )
    response = as_manager.post(f"/recruitment/vacancies/{vacancy.pk}/publish", {"publish": "yes"}, follow=True)
    vacancy.refresh_from_db()
    assert not vacancy.is_published
    assert "This vacancy has closed, so it cannot be published" in text(response)


def test_the_pipeline_lists_applicants_under_their_stage(as_manager):
    vacancy = new_vacancy(manager().organisation)
    first, second, third = apply(vacancy, "Ann One"), apply(vacancy, "Ben Two"), apply(vacancy, "Cat Three")
    Application.objects.filter(pk=third.pk).update(stage=Stage.NOT_PROGRESSED, not_progressed_reason="Withdrew")
    soup = BeautifulSoup(as_manager.get(f"/recruitment/vacancies/{vacancy.pk}/applicants").content, "html.parser")
    headings = [h.get_text(strip=True) for h in soup.select("h2")]
    assert "New (2)" in headings and "Not progressed (1)" in headings and "Hired (0)" in headings
    new_table = soup.find("table", attrs={"aria-labelledby": "stage-new"})
    assert [a.get_text(strip=True) for a in new_table.select("tbody a")] == [
        f"Applicant {first.pk}",
        f"Applicant {second.pk}",
    ]
    assert "Withdrew" in soup.find("table", attrs={"aria-labelledby": "stage-not_progressed"}).get_text()


def test_name_and_contact_details_are_hidden_until_shortlisted_and_shown_after(as_manager):
    vacancy = new_vacancy(manager().organisation)
    application = apply(vacancy, "Dana Scully", email="dana.s@example.com")
    before = as_manager.get(f"/recruitment/applicants/{application.pk}")
    for secret in ("Dana", "Scully", "dana.s@example.com", "07700 900456"):
        assert secret not in before.content.decode()
    assert f"Applicant {application.pk}" in text(before) and "Hidden until shortlisted" in text(before)
    assert "Part time, Weekends" in text(before)  # what bears on the job is shown

    as_manager.post(f"/recruitment/applicants/{application.pk}/shortlist")
    after = text(as_manager.get(f"/recruitment/applicants/{application.pk}"))
    assert "Dana Scully" in after and "dana.s@example.com" in after and "07700 900456" in after
    assert "Hidden until shortlisted" not in after
    pipeline = text(as_manager.get(f"/recruitment/vacancies/{vacancy.pk}/applicants"))
    assert "Dana Scully" in pipeline


def test_not_progressing_someone_needs_a_reason_and_keeps_it_in_the_history(as_manager):
    application = apply(new_vacancy(manager().organisation), "Eve Adams")
    url = f"/recruitment/applicants/{application.pk}/stage"
    response = as_manager.post(url, {"stage": "not_progressed", "reason": ""})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.title.get_text().startswith("Error: ")
    summary = soup.select_one(".govuk-error-summary")
    assert summary.select_one("h2").get_text(strip=True) == "There is a problem"
    link = summary.find("a", string="Enter the reason they are not progressing")
    assert link["href"] == "#id_reason" and soup.find(id="id_reason") is not None
    application.refresh_from_db()
    assert application.stage == Stage.NEW

    as_manager.post(url, {"stage": "not_progressed", "reason": "No right to work in the UK"})
    application.refresh_from_db()
    assert application.stage == Stage.NOT_PROGRESSED
    assert application.not_progressed_reason == "No right to work in the UK"
    page = text(as_manager.get(f"/recruitment/applicants/{application.pk}"))
    assert "Moved from New to Not progressed" in page and "No right to work in the UK" in page


def test_moving_on_needs_shortlisting_first_and_the_first_contact_is_timed(as_manager):
    application = apply(new_vacancy(manager().organisation), "Finn Jones")
    url = f"/recruitment/applicants/{application.pk}/stage"
    refused = as_manager.post(url, {"stage": "contacted", "reason": ""})
    assert "Shortlist the applicant before you move them on" in text(refused)
    application.refresh_from_db()
    assert application.stage == Stage.NEW and application.first_contacted_at is None

    as_manager.post(f"/recruitment/applicants/{application.pk}/shortlist")
    as_manager.post(url, {"stage": "contacted", "reason": "Phoned"})
    as_manager.post(url, {"stage": "interview", "reason": ""})
    application.refresh_from_db()
    assert application.stage == Stage.INTERVIEW and application.first_contacted_at is not None
    moves = list(
        ApplicationEvent.objects.filter(application=application)
        .exclude(reason="Shortlisted")
        .values_list("from_stage", "to_stage")
    )
    assert moves == [("", "new"), ("new", "contacted"), ("contacted", "interview")]


def test_interview_scores_are_saved_against_each_value_with_the_lived_experience_flag(as_manager):
    application = apply(new_vacancy(manager().organisation), "Gil Hart")
    url = f"/recruitment/applicants/{application.pk}/interview-scores"
    assert "See the whole person" in text(as_manager.get(url))
    incomplete = as_manager.post(url, {"score_kind": "4"})
    assert "Select a score for respect" in text(incomplete)
    assert not InterviewScore.objects.filter(application=application).exists()

    answers = {f"score_{key}": str(n) for key, n in zip(VALUES, (4, 3, 3, 2, 4, 1, 3), strict=True)}
    answers |= {"notes_kind": "Spoke warmly about her nan", "panel_included_person_with_lived_experience": "yes"}
    as_manager.post(url, answers)
    saved = dict(InterviewScore.objects.filter(application=application).values_list("value", "score"))
    assert saved == dict(zip(VALUES, (4, 3, 3, 2, 4, 1, 3), strict=True))
    assert all(
        InterviewScore.objects.filter(application=application).values_list(
            "panel_included_person_with_lived_experience", flat=True
        )
    )
    page = text(as_manager.get(f"/recruitment/applicants/{application.pk}"))
    assert "4 out of 4: Spoke warmly about her nan" in page and "20 out of 28" in page
    assert "A person who draws on care and support sat on the panel Yes" in page

    answers["panel_included_person_with_lived_experience"] = "no"
    as_manager.post(url, answers)  # scoring again replaces the scores
    assert InterviewScore.objects.filter(application=application).count() == 7
    assert not any(
        InterviewScore.objects.filter(application=application).values_list(
            "panel_included_person_with_lived_experience", flat=True
        )
    )


def test_median_time_to_first_contact_and_to_hire_from_hand_made_timestamps(as_manager):
    Application.objects.filter(vacancy__workplace__organisation=manager().organisation).delete()
    vacancy = new_vacancy(manager().organisation)
    applied = timezone.now() - timedelta(days=60)
    # contact after 2, 10 and 30 hours (median 10 hours); hires after 20 and 40 days (median 30 days)
    for number, (contact_hours, hire_days) in enumerate(((2, 20), (10, 40), (30, None))):
        application = apply(vacancy, f"Hal Ives {number}")
        Application.objects.filter(pk=application.pk).update(
            created_at=applied,
            first_contacted_at=applied + timedelta(hours=contact_hours),
            hired_at=applied + timedelta(days=hire_days) if hire_days else None,
            stage=Stage.HIRED if hire_days else Stage.CONTACTED,
        )
    apply(vacancy, "Ida Jay")  # not yet contacted: left out of the medians
    page = text(as_manager.get("/recruitment/time-to-hire"))
    assert "Median time to first contact 10 hours (3 contacted)" in page
    assert "Median time to hire 30 days (2 hired)" in page
    assert "For all 4 applications" in page


def test_the_recruitment_page_is_paginated_and_filtered_by_workplace_role_status_and_stage(as_manager):
    organisation = manager().organisation
    Vacancy.objects.filter(workplace__organisation=organisation).delete()
    workplaces = list(Workplace.objects.filter(organisation=organisation).order_by("pk")[:2])
    for number in range(30):
        Vacancy.objects.create(
            workplace=workplaces[number % 2],
            job_role=8 if number < 20 else 7,
            posted_on=date(2026, 10, 1),
            is_published=number % 3 != 0,
            title=f"Job {number:02d}",
        )
    page = BeautifulSoup(as_manager.get("/recruitment/").content, "html.parser")
    assert len(page.select("tbody tr")) == 25
    assert "Showing 1 to 25 of 30 vacancies" in page.get_text()
    second = page.select_one(".govuk-pagination__next a")["href"]
    assert len(BeautifulSoup(as_manager.get("/recruitment/" + second).content, "html.parser").select("tbody tr")) == 5  # type: ignore[operator]
    first_workplace = f"/recruitment/?workplace={workplaces[0].pk}"
    filtered = BeautifulSoup(as_manager.get(first_workplace).content, "html.parser")
    assert "15 vacancies (filtered)" in filtered.get_text()
    assert {r.select("td")[1].get_text(strip=True) for r in filtered.select("tbody tr")} == {workplaces[0].name}
    assert "10 vacancies" in text(as_manager.get("/recruitment/?job_role=7"))
    assert "20 vacancies" in text(as_manager.get("/recruitment/?status=published"))
    # pages keep the filters
    assert "1 vacancy (filtered)" in text(
        as_manager.get(f"{first_workplace}&job_role=7&status=not-published")
    )  # Job 24
    job = Vacancy.objects.get(title="Job 05")
    apply(job, "Una Vale")
    with_new = BeautifulSoup(as_manager.get("/recruitment/?stage=new").content, "html.parser")
    assert [next(r.select_one("td a").strings).strip() for r in with_new.select("tbody tr")] == ["Job 05"]
    assert "No vacancies match these filters" in text(as_manager.get("/recruitment/?stage=hired"))
    # a value that is not a choice is ignored rather than failing
    assert as_manager.get("/recruitment/?workplace=999999&sort=nonsense&page=x").status_code == 200


def test_all_applicants_filtered_by_stage_vacancy_and_workplace_newest_first_or_oldest(as_manager):
    organisation = manager().organisation
    Application.objects.filter(vacancy__workplace__organisation=organisation).delete()
    first, second = new_vacancy(organisation), new_vacancy(organisation)
    older = apply(first, "Vic Wade")
    Application.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=3))
    newer = apply(second, "Wyn Xu")
    page = BeautifulSoup(as_manager.get("/recruitment/applicants").content, "html.parser")
    names = [a.get_text() for a in page.select("tbody td:first-child a")]
    assert names == [f"Applicant {newer.pk}", f"Applicant {older.pk}"]  # blind until shortlisted
    oldest = BeautifulSoup(as_manager.get("/recruitment/applicants?sort=oldest").content, "html.parser")
    assert [a.get_text() for a in oldest.select("tbody td:first-child a")][0] == f"Applicant {older.pk}"
    by_vacancy = text(as_manager.get(f"/recruitment/applicants?vacancy={first.pk}"))
    assert f"Applicant {older.pk}" in by_vacancy and f"Applicant {newer.pk}" not in by_vacancy
    services_move(older)
    contacted = text(as_manager.get("/recruitment/applicants?stage=contacted"))
    assert "1 applicant" in contacted and "Vic Wade" in contacted
    other = Vacancy.objects.exclude(workplace__organisation=organisation).first()
    assert as_manager.get(f"/recruitment/applicants?vacancy={other.pk}").status_code == 404


def services_move(application: Application) -> None:
    from careforce.recruitment import services

    services.shortlist(manager(), application.pk)
    services.move_stage(manager(), application.pk, "contacted")
