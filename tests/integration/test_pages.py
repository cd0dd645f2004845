import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def page(response):  # type: ignore[no-untyped-def]
    return BeautifulSoup(response.content, "html.parser")


def test_start_page_explains_the_service_and_leads_to_its_three_sides(client):
    response = client.get("/")
    assert response.status_code == 200
    soup = page(response)
    assert soup.title.get_text() == "Adult social care workforce in the West Midlands – careforce"
    headings = [h.get_text() for h in soup.select("h2")]
    assert {"Looking for work in care", "Care providers", "Councils and the region"} <= set(headings)
    assert soup.select_one('a[href="/working-in-care"]') is not None
    assert soup.select_one('a[href="/sign-in"]') is not None


def test_pages_use_our_own_header_with_no_crown_or_govuk_logo(client):
    html = client.get("/").content.decode()
    assert "cf-header" in html
    assert "govuk-header__logo" not in html and "govuk-crest" not in html and "GOV.UK" not in html
    assert "GDS Transport" not in client.get("/static/careforce.css").getvalue().decode()


def test_every_page_says_the_demo_people_are_synthetic(client):
    assert "synthetic" in page(client.get("/")).select_one(".govuk-phase-banner").get_text()


@pytest.mark.parametrize("path", ["/working-in-care", "/about-the-data", "/privacy", "/accessibility"])
def test_information_pages_are_open_to_everyone(client, path):
    assert client.get(path).status_code == 200


def test_about_the_data_page_shows_the_postcode_attribution(client):
    text = page(client.get("/about-the-data")).get_text()
    assert "Contains OS data © Crown copyright and database right 2025" in text
    assert "Contains Royal Mail data" in text


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_pages_send_a_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
