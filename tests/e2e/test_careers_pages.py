"""The careers pages in Chromium: axe-core on every page (with error states), and applying on a phone."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import ACTION_TIMEOUT_MS, sign_in
from .test_accessibility import assert_accessible

pytestmark = pytest.mark.e2e

PUBLIC = [
    "/care-jobs/",
    "/care-jobs/roles",
    "/care-jobs/roles/8",
    "/care-jobs/pay",
    "/care-jobs/ways-in",
    "/care-jobs/career-pathway",
    "/care-jobs/myths",
    "/care-jobs/postcode-data",
    "/care-jobs/is-care-right-for-me",
    "/care-jobs/is-care-right-for-me/questions",
    "/care-jobs/search",
    "/care-jobs/create-account",
]


@pytest.mark.parametrize("path", PUBLIC)
def test_careers_pages_are_accessible(page, path):
    page.goto(path)
    expect(page).to_have_title(re.compile(r" – careforce$"))
    assert_accessible(page)


def test_search_errors_results_empty_results_and_a_vacancy_are_accessible(page):
    page.goto("/care-jobs/search")
    page.get_by_label("Your postcode").fill("not a postcode")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert_accessible(page)
    page.get_by_role("link", name="Enter a real postcode, like B15 2TT, or the first part, like B15").click()
    expect(page.get_by_label("Your postcode")).to_be_focused()
    page.get_by_label("Your postcode").fill("b152tt")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Care jobs near you")
    assert "postcode" not in page.url.lower() and "B15" not in page.url
    assert_accessible(page)
    page.locator("main li h2 a").first.click()
    expect(page.get_by_role("heading", name="About the job")).to_be_visible()
    assert_accessible(page)
    page.goto("/care-jobs/search")
    page.get_by_label("Your postcode").fill("B15")
    page.get_by_label("Lowest hourly pay (optional)").fill("99")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("No care jobs found")
    assert_accessible(page)


def test_a_vacancy_on_a_phone_says_what_the_job_is_what_it_pays_and_how_long_it_takes_to_get_there(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    page = context.new_page()
    page.goto("/care-jobs/search")
    page.get_by_label("Your postcode").fill("B15 2TT")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Care jobs near you")
    page.locator("main li h2 a").first.click()
    expect(page.get_by_role("heading", name="About the job")).to_be_visible()
    expect(page.get_by_role("heading", name="What you will do")).to_be_visible()
    pay = page.locator(".govuk-summary-list__row", has_text="Pay").first
    expect(pay).to_contain_text(re.compile(r"£\d+\.\d\d an hour.*£[\d,]+ a year for [\d.]+ hours a week", re.S))
    travel = page.locator(".govuk-summary-list__row", has_text="Travel time")
    expect(travel).to_contain_text(re.compile(r"At least \d+ minutes? by car from B15 2TT"))
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert_accessible(page)
    context.close()


def test_self_assessment_errors_and_result_are_accessible(page):
    page.goto("/care-jobs/is-care-right-for-me/questions")
    page.get_by_role("button", name="See my result").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert_accessible(page)
    for fieldset in page.locator("main form .govuk-fieldset").all():
        fieldset.locator("input[type=radio]").first.check()
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_role("heading", name="Your strengths")).to_be_visible()
    assert_accessible(page)


def test_apply_on_a_phone_sized_screen_without_a_cv(browser, base_url):
    context = browser.new_context(
        base_url=base_url, bypass_csp=True, viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    page = context.new_page()
    try:
        page.goto("/care-jobs/search")
        page.get_by_label("Your postcode").fill("B15 2TT")
        page.get_by_role("button", name="Search").click()
        page.locator("main li h2 a").first.click()
        page.get_by_role("button", name="Apply for this job").click()
        expect(page.get_by_role("button", name="Start your application")).to_be_visible()
        assert_accessible(page)
        page.get_by_role("button", name="Start your application").click()
        page.get_by_role("button", name="Continue").click()  # nothing entered: an error
        expect(page).to_have_title(re.compile(r"^Error: "))
        assert_accessible(page)
        page.get_by_label("What is your full name?").fill("Test Applicant")
        page.get_by_role("button", name="Continue").click()
        page.get_by_label("Email address").fill("applicant@example.com")
        page.get_by_label("Phone number").fill("07700 900 982")
        page.get_by_role("button", name="Continue").click()
        page.get_by_label("Part-time").check()
        page.get_by_role("button", name="Continue").click()
        page.get_by_label("Yes").check()
        page.get_by_role("button", name="Continue").click()
        page.get_by_label("Neither").check()
        page.get_by_role("button", name="Continue").click()
        page.get_by_label("Tell the employer a little about yourself").fill("I looked after my dad for two years.")
        assert_accessible(page)
        page.get_by_role("button", name="Continue").click()
        heading = page.get_by_role("heading", level=1)
        expect(heading).to_have_text("Check your answers before sending your application")
        assert_accessible(page)
        page.get_by_role("button", name="Accept and send").click()
        expect(page.locator(".govuk-panel__title")).to_have_text("Application sent")
        assert "applicant" not in page.url
        assert_accessible(page)
        page.get_by_role("link", name="Create an account").click()
        page.get_by_label("Email address").fill("applicant@example.com")
        page.get_by_label("Create a password").fill("short")
        page.get_by_label("Enter the password again").fill("short")
        page.get_by_role("button", name="Create account").click()
        expect(page).to_have_title(re.compile(r"^Error: "))
        assert_accessible(page)
        page.get_by_label("Create a password").fill("a long enough care password 2026")
        page.get_by_label("Enter the password again").fill("a long enough care password 2026")
        page.get_by_role("button", name="Create account").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Your applications")
        expect(page.locator("tbody")).to_contain_text("Sent: the employer has not replied yet")
        assert_accessible(page)
        for path in ["/care-jobs/your-data", "/care-jobs/saved-searches", "/care-jobs/delete-account"]:
            page.goto(path)
            assert_accessible(page)
        page.get_by_role("button", name="Delete my account").click()
        expect(page).to_have_title(re.compile(r"^Error: "))
        assert_accessible(page)
        page.get_by_label("I understand my account and my details will be deleted").check()
        page.get_by_role("button", name="Delete my account").click()
        expect(page.locator(".govuk-panel__title")).to_have_text("Your account has been deleted")
        assert_accessible(page)
    finally:
        context.close()


def test_the_demo_job_seeker_saves_a_search(page):
    sign_in(page, "jobseeker")
    page.goto("/care-jobs/search")
    page.get_by_label("Your postcode").fill("B15")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("button", name="Save this search and tell me about new jobs").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Search saved")
    assert_accessible(page)
