"""Every page we have built, opened in Chromium by the right user, passes axe-core (WCAG 2.2 AA)."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import sign_in

pytestmark = pytest.mark.e2e
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}


def assert_accessible(page) -> None:  # type: ignore[no-untyped-def]
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize(
    "path",
    [
        *("/", "/working-in-care", "/about-the-data", "/privacy", "/accessibility", "/sign-in", "/no-such-page"),
        *("/sign-in/forgotten-password", "/sign-in/forgotten-password/sent", "/sign-in/new-password/MQ/used-link"),
    ],
)
def test_public_pages_are_accessible(page, path):
    page.goto(path)
    assert_accessible(page)


def test_sign_in_with_errors_is_accessible_and_the_summary_link_focuses_the_field(page):
    page.goto("/sign-in")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    assert_accessible(page)
    summary.get_by_role("link", name="Enter your email address").click()
    expect(page.locator("#id_username")).to_be_focused()


def test_asking_for_a_password_reset_without_an_email_is_accessible_and_focuses_the_field(page):
    page.goto("/sign-in/forgotten-password")
    page.get_by_role("button", name="Send the link").click()
    expect(page).to_have_title(re.compile(r"^Error: Reset your password"))
    assert_accessible(page)
    page.locator(".govuk-error-summary").get_by_role("link", name="Enter your email address").click()
    expect(page.locator("#id_email")).to_be_focused()


@pytest.mark.parametrize(
    ("who", "paths"),
    [
        ("manager", ["/provider/workplaces", "FIRST_WORKPLACE", "FIRST_WORKER"]),
        ("staff", ["/provider/my-record"]),
        ("analyst", ["/intelligence/area"]),
        ("lead", ["/intelligence/region", "/intelligence/councils/E08000026"]),
        ("jobseeker", ["/your-account", "/sign-out", "/provider/workplaces"]),
    ],
)
def test_signed_in_pages_are_accessible(page, who, paths):
    sign_in(page, who)
    for path in paths:
        if path in ("FIRST_WORKPLACE", "FIRST_WORKER"):
            page.locator("tbody a").first.click()
            page.wait_for_url("**/staff" if path == "FIRST_WORKPLACE" else "**/workers/*")
        else:
            page.goto(path)
        assert_accessible(page)


def test_a_manager_signs_in_and_reaches_a_staff_record_from_their_workplaces(page):
    sign_in(page, "manager")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your workplaces")
    page.locator("tbody a").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Staff at "))
    page.locator("tbody a").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Worker "))
