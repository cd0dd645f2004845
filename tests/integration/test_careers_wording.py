"""What a job seeker reads: where the service works, searches from outside it, "1 mile", the
self-assessment's result and the way from their account to their applications."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from careforce.careers.queries import forget_index
from careforce.workforce.demo_loading import DEMO_PASSWORD

pytestmark = pytest.mark.django_db
COUNCILS = "Birmingham, Coventry, Dudley, Herefordshire, Sandwell, Shropshire, Solihull, Staffordshire, "
COVERS = "This service covers the West Midlands, 14 councils: " + COUNCILS


@pytest.fixture(autouse=True)
def fresh_index():  # type: ignore[no-untyped-def]
    forget_index()
    yield
    forget_index()


def text_of(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.status_code
    return " ".join(BeautifulSoup(response.content, "html.parser").select_one("main").get_text(" ").split())


def search(client, postcode: str, distance: str = "10") -> str:  # type: ignore[no-untyped-def]
    response = client.post("/care-jobs/search", {"postcode": postcode, "distance": distance, "sort": "distance"})
    assert response.status_code == 302, response.content.decode()[:1000]
    return text_of(client.get(response["Location"]))


def test_the_start_and_search_pages_say_where_the_service_works(client):
    for page in ("/care-jobs/", "/care-jobs/search"):
        text = text_of(client.get(page))
        assert COVERS in text
        assert "Wolverhampton and Worcestershire." in text


def test_a_postcode_outside_the_west_midlands_is_told_the_service_covers_the_west_midlands(client):
    text = search(client, "SW1A 1AA")
    assert "SW1A 1AA is outside the West Midlands. " + COVERS in text
    assert "search from the postcode of where you would like to work" in text
    assert "Enter your full postcode" not in text
    assert "No care jobs found" in text


def test_a_postcode_in_the_west_midlands_is_not_told_it_is_outside(client):
    text = search(client, "B15 2TT")
    assert "is outside the West Midlands" not in text


@pytest.mark.parametrize(("distance", "said"), [("1", "within 1 mile of B15 2TT"), ("3", "within 3 miles of B15 2TT")])
def test_the_search_is_described_with_mile_or_miles(client, distance, said):
    text = search(client, "B15 2TT", distance)
    assert said in text
    assert "1 miles" not in text


def test_the_count_of_jobs_found_reads_correctly(client):
    from datetime import date

    from careforce.workforce.models import Vacancy, Workplace

    place = Workplace.objects.order_by("-pk").first()
    place.vacancies.all().delete()
    place.postcode = "TR1 1AA"
    place.save()
    assert "0 jobs found" not in search(client, "TR1 1AA")  # none: the page says so in words
    Vacancy.objects.create(workplace=place, job_role=8, hourly_rate=13, posted_on=date.today(), is_published=True)  # type: ignore[misc]
    forget_index()
    one = search(client, "TR1 1AA")
    assert "1 job found" in one and "1 jobs" not in one
    Vacancy.objects.create(workplace=place, job_role=8, hourly_rate=13, posted_on=date.today(), is_published=True)  # type: ignore[misc]
    forget_index()
    assert "2 jobs found" in search(client, "TR1 1AA")


MOST_CARING = {
    "getting_dressed": "b",
    "recording_mistake": "a",
    "missing_garden": "c",
    "rough_colleague": "b",
    "new_app": "a",
    "cover_shift": "a",
    "neighbour_asks": "b",
    "not_today": "b",
    "just_wiping": "b",
    "something_new": "a",
    "running_late": "a",
}


def test_the_most_caring_answers_get_a_result_that_reads_correctly(client):
    text = text_of(client.post("/care-jobs/is-care-right-for-me/questions", MOST_CARING))
    assert (
        "Care worker : because your answers show that you are kind and notice how people feel, "
        "and that you respect people's choices and privacy" in text
    )
    assert "because of your" not in text
    assert "Kind, compassionate and empathetic 88%" in text


def test_a_job_seeker_signs_in_and_lands_on_a_page_with_their_applications(client):
    response = client.post("/sign-in", {"username": "jobseeker@demo.careforce.test", "password": DEMO_PASSWORD})
    landing = BeautifulSoup(client.get(response["Location"]).content, "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in landing.select("main a")}
    assert links["Your applications"] == "/care-jobs/your-applications"
    assert client.get(links["Your applications"]).status_code == 200
    assert links["Your saved searches"] == "/care-jobs/saved-searches"


def test_other_users_landing_pages_have_no_job_seeker_links():
    client = Client()
    client.post("/sign-in", {"username": "staff@demo.careforce.test", "password": DEMO_PASSWORD})
    assert "Your applications" not in client.get("/provider/my-record").content.decode()


def _live_median(job_role: int) -> float:
    import statistics
    from datetime import date

    from django.db.models import Q

    from careforce.workforce.models import Vacancy

    rates = Vacancy.objects.filter(
        Q(closing_date__isnull=True) | Q(closing_date__gte=date.today()),
        is_published=True,
        job_role=job_role,
        hourly_rate__isnull=False,
    ).values_list("hourly_rate", flat=True)
    return float(statistics.median(float(r) for r in rates))  # type: ignore[arg-type]


def test_the_pay_page_shows_each_roles_own_pay_from_the_records_not_care_worker_pay_for_managers(client):
    page = BeautifulSoup(client.get("/care-jobs/pay").content, "html.parser")
    region = page.select("main table")[0]
    shown = {row.th.get_text(strip=True): row.select("td")[1].get_text(strip=True) for row in region.select("tbody tr")}
    care_worker, manager = _live_median(8), _live_median(4)
    assert shown["Care worker"] == f"£{care_worker:,.2f}"
    assert shown["Registered manager"] == f"£{manager:,.2f}"
    assert manager > 1.3 * care_worker
    assert "County of" not in page.get_text()


def test_a_search_saved_with_old_words_is_described_with_todays(as_job_seeker):
    from datetime import date

    from careforce.accounts.models import User
    from careforce.careers.models import SavedSearch

    user = User.objects.get(username="jobseeker@demo.careforce.test")
    filters = {"postcode": "B15 2TT", "distance": 1.0, "roles": [], "hours": [], "min_pay": None, "terms": []}
    SavedSearch.objects.create(
        user=user,
        filters=filters,
        description="Care jobs within 1 miles of B15 2TT",
        last_alerted_on=date.today(),
        last_seen_vacancy_id=0,
    )
    text = text_of(as_job_seeker.get("/care-jobs/saved-searches"))
    assert "Care jobs within 1 mile of B15 2TT" in text
    assert "1 miles" not in text
