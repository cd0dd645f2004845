import pytest
from bs4 import BeautifulSoup
from django.test import Client

from careforce.workforce.demo_loading import DEMO_PASSWORD

pytestmark = pytest.mark.django_db
DEMO = "demo.careforce.test"


@pytest.mark.parametrize(
    ("who", "lands_on"),
    [
        ("jobseeker", "/your-account"),
        ("staff", "/provider/my-record"),
        ("manager", "/provider/workplaces"),
        ("analyst", "/intelligence/area"),
        ("lead", "/intelligence/region"),
        ("admin", "/admin/"),
    ],
)
def test_each_demo_user_signs_in_and_lands_on_their_own_start(who, lands_on):
    client = Client()
    response = client.post("/sign-in", {"username": f"{who}@{DEMO}", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == lands_on
    assert client.get(lands_on).status_code == 200


def _errors(response):  # type: ignore[no-untyped-def]
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one(".govuk-error-summary")
    return soup, summary


@pytest.mark.parametrize(
    ("username", "password"),
    [(f"manager@{DEMO}", "wrong-password"), (f"nobody@{DEMO}", DEMO_PASSWORD)],
)
def test_wrong_sign_in_shows_the_error_summary_without_saying_which_part_was_wrong(username, password):
    response = Client().post("/sign-in", {"username": username, "password": password})
    soup, summary = _errors(response)
    assert response.status_code == 200
    assert summary.select_one(".govuk-error-summary__title").get_text(strip=True) == "There is a problem"
    link = summary.select_one("a")
    assert link.get_text(strip=True) == "Enter a correct email address and password"
    assert link["href"] == "#id_username"
    assert soup.title.get_text().startswith("Error: ")
    assert soup.select_one("#id_username")["value"] == username  # what they typed is kept


def test_empty_sign_in_asks_for_each_missing_field():
    _, summary = _errors(Client().post("/sign-in", {"username": "", "password": ""}))
    texts = [a.get_text(strip=True) for a in summary.select("a")]
    assert texts == ["Enter your email address", "Enter your password"]


def test_repeated_failed_sign_ins_lock_the_account_even_with_the_right_password():
    client = Client()
    for _ in range(5):
        client.post("/sign-in", {"username": f"manager@{DEMO}", "password": "wrong-password"})
    response = client.post("/sign-in", {"username": f"manager@{DEMO}", "password": DEMO_PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()


def test_sign_in_does_not_follow_a_next_link_to_another_site():
    response = Client().post(
        "/sign-in?next=https://evil.example",
        {"username": f"manager@{DEMO}", "password": DEMO_PASSWORD, "next": "https://evil.example"},
    )
    assert response["Location"] == "/provider/workplaces"


def test_signing_out_ends_the_session(as_manager):
    as_manager.post("/sign-out")
    assert as_manager.get("/provider/workplaces").status_code == 302
