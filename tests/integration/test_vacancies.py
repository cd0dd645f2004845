"""A provider manager lists, adds, changes and closes vacancies by job role at their workplaces."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from careforce.accounts.models import User
from careforce.workforce.models import Vacancy, Workplace

pytestmark = pytest.mark.django_db
CARE_WORKER, REGISTERED_NURSE, REGISTERED_MANAGER = 8, 16, 4


def _workplaces():  # type: ignore[no-untyped-def]
    organisation = User.objects.get(username="manager@demo.careforce.test").organisation
    return (
        Workplace.objects.filter(organisation=organisation).order_by("pk").first(),
        Workplace.objects.exclude(organisation=organisation).order_by("pk").first(),
    )


def _soup(response) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    return BeautifulSoup(response.content, "html.parser")


def _summary(response) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    summary = _soup(response).select_one(".govuk-error-summary")
    assert summary is not None, "no error summary on the page"
    return [(a.get_text(strip=True), a["href"]) for a in summary.select("a")]  # type: ignore[misc]


def _vacancy(**changes: object) -> dict[str, object]:
    closing = date.today() + timedelta(days=30)
    data: dict[str, object] = {
        "job_role": str(CARE_WORKER),
        "title": "Night care worker",
        "number_of_posts": "3",
        "hourly_rate": "12.75",
        "contracted_hours": "37.5",
        "hours_pattern": ["full_time", "nights"],
        "requirements": ["requires_driving_licence"],
        "offers": ["travel_time_paid", "offers_visa_sponsorship", "guaranteed_hours"],
        "publish": "yes",
        "closing_date-day": str(closing.day),
        "closing_date-month": str(closing.month),
        "closing_date-year": str(closing.year),
        "description": "",
    }
    data.update(changes)
    return data


def _open_rows(client, workplace) -> list[str]:  # type: ignore[no-untyped-def]
    page = _soup(client.get(f"/provider/workplaces/{workplace.pk}/vacancies"))
    return [tr.get_text(" ", strip=True) for tr in page.select("tbody tr")]


def test_a_manager_adds_changes_and_closes_a_vacancy(as_manager):
    workplace, _ = _workplaces()
    staff = _soup(as_manager.get(f"/provider/workplaces/{workplace.pk}/staff"))
    assert staff.find("a", string="Vacancies")["href"] == f"/provider/workplaces/{workplace.pk}/vacancies"

    response = as_manager.post(f"/provider/workplaces/{workplace.pk}/vacancies/add", _vacancy())
    assert response["Location"] == f"/provider/workplaces/{workplace.pk}/vacancies"
    vacancy = Vacancy.objects.get(workplace=workplace, title="Night care worker")
    assert (vacancy.job_role, vacancy.number_of_posts, vacancy.hourly_rate, vacancy.contracted_hours) == (
        CARE_WORKER,
        3,
        Decimal("12.75"),
        Decimal("37.5"),
    )
    assert (
        vacancy.full_time,
        vacancy.part_time,
        vacancy.nights,
        vacancy.requires_driving_licence,
        vacancy.requires_car,
        vacancy.travel_time_paid,
        vacancy.offers_visa_sponsorship,
        vacancy.guaranteed_hours,
        vacancy.is_published,
    ) == (True, False, True, True, False, True, True, True, True)
    assert vacancy.posted_on == date.today()
    row = next(r for r in _open_rows(as_manager, workplace) if "Night care worker" in r)
    assert "£12.75 an hour" in row and "Published" in row
    listing = _soup(as_manager.get(f"/provider/workplaces/{workplace.pk}/vacancies"))
    advert = next(a for a in listing.select("tbody a") if a.get_text(strip=True).startswith("See the advert"))
    assert advert["href"] == f"/care-jobs/jobs/{vacancy.pk}"

    change = f"/provider/vacancies/{vacancy.pk}/change"
    form = _soup(as_manager.get(change))
    assert form.select_one("#id_number_of_posts")["value"] == "3"
    assert {i["value"] for i in form.select("input[name=offers][checked]")} == {
        "travel_time_paid",
        "offers_visa_sponsorship",
        "guaranteed_hours",
    }
    as_manager.post(
        change,
        # a nurse at a care worker's pay: far below a nurse's local range, so the pay is confirmed
        _vacancy(number_of_posts="1", job_role=str(REGISTERED_NURSE), offers=[], publish="no", pay_confirmed=["yes"]),
    )
    vacancy.refresh_from_db()
    assert (vacancy.number_of_posts, vacancy.job_role, vacancy.travel_time_paid, vacancy.is_published) == (
        1,
        REGISTERED_NURSE,
        False,
        False,
    )

    # closing one posted earlier keeps its row with yesterday's closing date, out of job search
    vacancy.posted_on = date.today() - timedelta(days=20)
    vacancy.save()
    close = f"/provider/vacancies/{vacancy.pk}/close"
    assert "Are you sure you want to close this vacancy?" in _soup(as_manager.get(close)).h1.get_text()
    assert as_manager.post(close)["Location"] == f"/provider/workplaces/{workplace.pk}/vacancies"
    vacancy.refresh_from_db()
    assert (vacancy.closing_date, vacancy.is_published) == (date.today() - timedelta(days=1), False)
    assert not any("Night care worker" in r for r in _open_rows(as_manager, workplace))


def test_bad_vacancy_answers_are_refused_with_specific_messages_and_what_was_typed_is_kept(as_manager):
    workplace, _ = _workplaces()
    before = Vacancy.objects.filter(workplace=workplace).count()
    past = date.today() - timedelta(days=1)
    response = as_manager.post(
        f"/provider/workplaces/{workplace.pk}/vacancies/add",
        _vacancy(
            job_role="",
            number_of_posts="0",
            hourly_rate="twelve",
            publish="",
            **{
                "closing_date-day": str(past.day),
                "closing_date-month": str(past.month),
                "closing_date-year": str(past.year),
            },
        ),
    )
    assert _summary(response) == [
        ("Select the job role", "#id_job_role"),
        ("Number of posts must be between 1 and 999", "#id_number_of_posts"),
        ("Hourly pay must be a number, like 13.20", "#id_hourly_rate"),
        ("Closing date must be today or in the future", "#id_closing_date"),
        ("Select whether to publish the vacancy in job search", "#id_publish"),
    ]
    page = _soup(response)
    assert page.title.get_text(strip=True).startswith("Error: Add a vacancy")
    assert page.select_one("#id_hourly_rate")["value"] == "twelve"
    assert page.select_one("#id_title")["value"] == "Night care worker"
    assert {i["value"] for i in page.select("input[name=hours_pattern][checked]")} == {"full_time", "nights"}
    assert Vacancy.objects.filter(workplace=workplace).count() == before


def test_what_a_manager_writes_about_a_job_is_kept_shown_again_and_shown_on_the_public_job_page(as_manager, client):
    from careforce.careers.queries import forget_index

    workplace, _ = _workplaces()
    typed = _vacancy(
        title="Home care worker, Edgbaston",
        description="Visits in Edgbaston and Harborne.\n\nWe pay mileage.",
        duties="Help people wash and dress\nPrepare meals",
        shift_pattern="7am to 2pm, 4 days a week",
    )
    as_manager.post(f"/provider/workplaces/{workplace.pk}/vacancies/add", typed)
    vacancy = Vacancy.objects.get(workplace=workplace, title="Home care worker, Edgbaston")
    assert (vacancy.duties, vacancy.shift_pattern) == (
        "Help people wash and dress\nPrepare meals",
        "7am to 2pm, 4 days a week",
    )
    form = _soup(as_manager.get(f"/provider/vacancies/{vacancy.pk}/change"))
    assert form.select_one("#id_shift_pattern")["value"] == "7am to 2pm, 4 days a week"
    assert form.select_one("#id_duties").get_text().strip() == "Help people wash and dress\nPrepare meals"
    forget_index()
    job = _soup(client.get(f"/care-jobs/jobs/{vacancy.pk}"))
    main = job.select_one("main").get_text(" ", strip=True)
    assert "Visits in Edgbaston and Harborne." in main and "We pay mileage." in main
    assert [li.get_text() for li in job.select("main ul.govuk-list--bullet li")] == [
        "Help people wash and dress",
        "Prepare meals",
    ]
    assert "7am to 2pm, 4 days a week" in main
    # 12.75 x 37.5 x 365/7 = 24,930.80, to the nearest pound
    assert "£12.75 an hour £24,931 a year for 37.5 hours a week" in main


def test_pay_below_the_national_living_wage_is_refused_and_nothing_is_saved(as_manager):
    workplace, _ = _workplaces()
    before = Vacancy.objects.filter(workplace=workplace).count()
    response = as_manager.post(f"/provider/workplaces/{workplace.pk}/vacancies/add", _vacancy(hourly_rate="12.60"))
    assert _summary(response) == [
        (
            "Hourly pay must be at least the National Living Wage, £12.71 an hour from 1 April 2026 "
            "for workers aged 21 and over",
            "#id_hourly_rate",
        )
    ]
    page = _soup(response)
    assert page.select_one("#id_hourly_rate")["value"] == "12.60"
    assert page.select_one("input[name=pay_confirmed]") is None  # refused: no way to confirm it
    assert Vacancy.objects.filter(workplace=workplace).count() == before


def _local_registered_manager_vacancies(workplace, rates):  # type: ignore[no-untyped-def]
    """Open registered manager vacancies at other workplaces in the same council, so the local range is known."""
    Vacancy.objects.filter(job_role=REGISTERED_MANAGER).delete()
    others = list(Workplace.objects.filter(council=workplace.council).exclude(pk=workplace.pk)[:2])
    assert others
    for i, rate in enumerate(rates):
        place = others[i % len(others)]
        Vacancy.objects.create(
            workplace=place, job_role=REGISTERED_MANAGER, hourly_rate=rate, posted_on=date.today(), is_published=True
        )


def test_pay_far_below_the_roles_local_range_gets_a_warning_the_manager_can_accept(as_manager):
    workplace, _ = _workplaces()
    _local_registered_manager_vacancies(workplace, ["21.00", "21.50", "22.00", "23.00"])
    add = f"/provider/workplaces/{workplace.pk}/vacancies/add"
    typed = _vacancy(job_role=str(REGISTERED_MANAGER), title="Registered manager", hourly_rate="13.00")
    response = as_manager.post(add, typed)
    council = workplace.council.name.removesuffix(", County of")
    assert _summary(response) == [
        (
            f"£13.00 an hour is well below what the 4 registered manager vacancies in {council} pay "
            "(£21.00 to £23.00 an hour). Check the hourly pay and the job role, or select that the pay is right",
            "#id_hourly_rate",
        )
    ]
    page = _soup(response)
    assert page.select_one("#id_hourly_rate")["value"] == "13.00"
    assert page.select_one("#id_title")["value"] == "Registered manager"
    assert page.select_one("input[name=pay_confirmed]") is not None
    assert not Vacancy.objects.filter(workplace=workplace, job_role=REGISTERED_MANAGER).exists()

    assert as_manager.post(add, {**typed, "pay_confirmed": ["yes"]}).status_code == 302
    saved = Vacancy.objects.get(workplace=workplace, job_role=REGISTERED_MANAGER)
    assert saved.hourly_rate == Decimal("13.00")


def test_pay_within_the_local_range_is_saved_without_a_question(as_manager):
    workplace, _ = _workplaces()
    _local_registered_manager_vacancies(workplace, ["21.00", "21.50", "22.00", "23.00"])
    form = _soup(as_manager.get(f"/provider/workplaces/{workplace.pk}/vacancies/add"))
    assert form.select_one("input[name=pay_confirmed]") is None
    assert "At least the National Living Wage: £12.71 an hour from 1 April 2026" in form.get_text()
    typed = _vacancy(job_role=str(REGISTERED_MANAGER), title="Registered manager", hourly_rate="22.40")
    assert as_manager.post(f"/provider/workplaces/{workplace.pk}/vacancies/add", typed).status_code == 302
    assert Vacancy.objects.get(workplace=workplace, job_role=REGISTERED_MANAGER).hourly_rate == Decimal("22.40")


def test_a_manager_cannot_see_change_or_close_another_providers_vacancies_and_nothing_changes(as_manager):
    _, other = _workplaces()
    vacancy = Vacancy.objects.create(
        workplace=other,
        job_role=CARE_WORKER,
        number_of_posts=2,
        posted_on=date.today() - timedelta(days=3),
        is_published=True,
    )
    for path, data in [
        (f"/provider/workplaces/{other.pk}/vacancies", {}),
        (f"/provider/workplaces/{other.pk}/vacancies/add", _vacancy()),
        (f"/provider/vacancies/{vacancy.pk}/change", _vacancy(number_of_posts="9")),
        (f"/provider/vacancies/{vacancy.pk}/close", {}),
    ]:
        assert as_manager.get(path).status_code == 404, path
        assert as_manager.post(path, data).status_code == 404, path
    vacancy.refresh_from_db()
    assert (vacancy.number_of_posts, vacancy.closing_date, vacancy.is_published) == (2, None, True)
    assert not Vacancy.objects.filter(workplace=other, title="Night care worker").exists()
