"""What care work is like: roles, a day, typical pay from live vacancies, ways in, the pathway, myths."""

from datetime import date

import pytest
from bs4 import BeautifulSoup

from careforce.careers.queries import forget_index
from careforce.domain.reference import code_list

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_index():  # type: ignore[no-untyped-def]
    forget_index()
    yield
    forget_index()


def soup(response):  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def unused_role() -> list[int]:
    from careforce.workforce.models import Vacancy

    used = set(Vacancy.objects.values_list("job_role", flat=True))
    return [c.code for c in code_list("job_roles") if c.code not in used and c.code < 900]


def add_vacancies(job_role: int, rates: list[float]) -> None:
    from careforce.workforce.models import Vacancy, Workplace

    workplace = Workplace.objects.order_by("pk").first()
    for rate in rates:
        Vacancy.objects.create(  # type: ignore[misc]
            workplace=workplace,
            job_role=job_role,
            hourly_rate=rate,
            full_time=True,
            posted_on=date.today(),
            is_published=True,
        )


def test_care_work_in_the_menu_leads_to_the_careers_pages(client):
    page = soup(client.get("/"))
    link = page.select_one('.govuk-service-navigation a[href="/care-jobs/"]')
    assert link is not None and link.get_text(strip=True) == "Care work"
    start = soup(client.get("/care-jobs/"))
    assert start.title.get_text() == "Find care work in the West Midlands – careforce"
    assert start.select_one('a[href="/care-jobs/search"]') is not None
    assert soup(client.get("/working-in-care")).select_one('a[href="/care-jobs/"]') is not None


def test_roles_are_grouped_by_pathway_category_and_a_role_shows_its_day_and_where_it_leads(client):
    roles = soup(client.get("/care-jobs/roles"))
    assert "Care worker" in roles.get_text()
    role = soup(client.get("/care-jobs/roles/8"))
    assert role.h1.get_text() == "Care worker"
    headings = [h.get_text() for h in role.select("h2")]
    assert {"What a day looks like", "Typical pay in the West Midlands", "Ways in", "Where this role can lead"} <= set(
        headings
    )
    assert "Help with medicines" in role.get_text()
    assert client.get("/care-jobs/roles/99999").status_code == 404


def test_myths_are_answered_with_facts_and_their_sources(client):
    page = soup(client.get("/care-jobs/myths"))
    assert "You need qualifications or care experience to start." in page.get_text()
    facts = page.select("main .govuk-list--bullet li")
    assert facts and all(li.select_one("a[href^='http']") for li in facts)
    assert "Source:" in page.get_text()


def test_typical_pay_shows_median_and_range_from_live_vacancies_and_hides_small_groups(client):
    few, many = unused_role()[:2]
    add_vacancies(few, [11.0, 13.0])
    add_vacancies(many, [11.0, 12.0, 14.0])
    page = soup(client.get("/care-jobs/pay"))
    rows = {
        r.select_one("th").get_text(strip=True): [c.get_text(strip=True) for c in r.select("td")]
        for r in page.select("table")[0].select("tbody tr")
    }
    few_row = rows[code_list("job_roles").label(few)]
    many_row = rows[code_list("job_roles").label(many)]
    assert few_row == ["2", "Not enough vacancies to show"]
    assert many_row == ["3", "£12.00", "£11.00 to £14.00 (lowest to highest)"]


def test_closed_and_unpublished_vacancies_do_not_count_towards_pay(client):
    from careforce.workforce.models import Vacancy, Workplace

    role = unused_role()[0]
    add_vacancies(role, [10.0, 10.0, 10.0])
    workplace = Workplace.objects.order_by("pk").first()
    Vacancy.objects.create(  # type: ignore[misc]
        workplace=workplace, job_role=role, hourly_rate=99, posted_on=date.today(), is_published=False
    )
    Vacancy.objects.create(  # type: ignore[misc]
        workplace=workplace,
        job_role=role,
        hourly_rate=99,
        posted_on=date(2020, 1, 1),
        closing_date=date(2020, 2, 1),
        is_published=True,
    )
    row = [
        r
        for r in soup(client.get("/care-jobs/pay")).select("table")[0].select("tbody tr")
        if r.th.get_text(strip=True) == code_list("job_roles").label(role)
    ][0]
    assert [c.get_text(strip=True) for c in row.select("td")][:2] == ["3", "£10.00"]


def test_ways_in_and_the_career_pathway(client):
    ways = soup(client.get("/care-jobs/ways-in")).get_text()
    assert "No experience needed" in ways and "Care Certificate" in ways
    pathway = soup(client.get("/care-jobs/career-pathway"))
    assert "Can lead to:" in pathway.get_text()
    attribution = soup(client.get("/care-jobs/postcode-data")).get_text()
    assert "Open Government Licence" in attribution and "Royal Mail" in attribution
