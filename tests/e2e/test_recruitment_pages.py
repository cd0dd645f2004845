"""The recruitment pages in Chromium pass axe-core (WCAG 2.2 AA), as the manager and as a member of staff.

The demo load gives each synthetic provider's first published vacancy a few made-up applicants.
"""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from .conftest import sign_in
from .test_accessibility import assert_accessible

pytestmark = pytest.mark.e2e


def test_a_manager_works_an_applicant_through_the_pipeline_on_accessible_pages(page):
    sign_in(page, "manager")
    page.goto("/recruitment/")
    expect(page).to_have_title("Recruitment – careforce")
    assert_accessible(page)
    page.goto("/recruitment/time-to-hire")
    assert_accessible(page)
    page.goto("/recruitment/referrals")
    assert_accessible(page)

    page.goto("/recruitment/")
    # the demo vacancy with made-up applicants: 4 of its 5 applicants are still in progress
    page.locator("tbody tr", has_text="4 of 5").first.locator("a").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Applicants: "))
    assert_accessible(page)

    page.locator("table[aria-labelledby=stage-new] tbody a").first.click()
    expect(page.get_by_text("Hidden until shortlisted").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Change their stage").click()
    page.get_by_label("Not progressed").check()
    page.get_by_role("button", name="Save stage").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert_accessible(page)
    page.locator(".govuk-error-summary").get_by_role("link", name="Enter the reason they are not progressing").click()
    expect(page.locator("#id_reason")).to_be_focused()
    page.get_by_role("link", name="Back").click()

    page.get_by_role("button", name="Shortlist").click()
    expect(page.get_by_text("is shortlisted")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Score their interview").click()
    expect(page.get_by_role("button", name="Save interview scores")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Save interview scores").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert_accessible(page)
    for group in page.locator(".govuk-radios").all()[:-1]:
        group.locator("input").first.check()
    page.locator("input[name=panel_included_person_with_lived_experience][value=yes]").check()
    page.get_by_role("button", name="Save interview scores").click()
    expect(page.get_by_text("Interview scores saved")).to_be_visible()

    for stage in ("Contacted", "Interview", "Offer"):
        page.get_by_role("link", name="Change their stage").click()
        page.get_by_label(stage, exact=True).check()
        page.get_by_role("button", name="Save stage").click()
        page.wait_for_url(re.compile(r"/recruitment/applicants/\d+$"))
    page.get_by_role("link", name="Hire them").click()
    expect(page.get_by_label("Day")).to_be_visible()
    assert_accessible(page)
    start = date.today() + timedelta(days=28)  # after the application and within the year ahead
    page.get_by_label("Day").fill(str(start.day))
    page.get_by_label("Month").fill(str(start.month))
    page.get_by_label("Year").fill(str(start.year))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check before you hire")
    assert_accessible(page)
    page.get_by_role("button", name="Hire and add worker record").click()
    expect(page.get_by_text("Their worker record is")).to_be_visible()
    assert_accessible(page)


def test_a_member_of_staff_refers_a_friend_on_accessible_pages(page):
    sign_in(page, "staff")
    page.goto("/recruitment/refer-a-friend")
    expect(page).to_have_title("Refer a friend – careforce")
    assert_accessible(page)
    vacancies = page.locator("main ul.govuk-list a")
    if vacancies.count() == 0:
        pytest.fail("the staff member's employer has no published vacancy in the demo region")
    vacancies.first.click()
    page.wait_for_url(re.compile(r"/refer-a-friend/\d+$"))
    page.get_by_role("button", name="Send referral").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert_accessible(page)
    page.get_by_label("Your name", exact=True).fill("Sam Staff")
    page.get_by_label("Your friend's full name").fill("Uma Vale")
    page.get_by_label("Your friend's email address").fill("uma.vale@example.com")
    page.get_by_label("My friend has agreed").check()
    page.get_by_role("button", name="Send referral").click()
    expect(page.get_by_text("Referral sent")).to_be_visible()
    expect(page.get_by_role("cell", name="Uma Vale")).to_be_visible()
    assert_accessible(page)
