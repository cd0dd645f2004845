"""A manager adding a vacancy in Chromium: pay below the National Living Wage is refused, pay far from the
role's local range is questioned and can be confirmed; the error pages are axe clean."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import sign_in
from .test_accessibility import assert_accessible

pytestmark = pytest.mark.e2e


def test_a_manager_is_refused_below_the_living_wage_and_confirms_unusual_pay(page):
    sign_in(page, "manager")
    page.locator("tbody a").first.click()
    page.wait_for_url("**/staff")
    page.goto(page.url.removesuffix("/staff") + "/vacancies/add")
    page.get_by_label("Job role").select_option("8")  # care worker: many demo vacancies, so the usual pay is known
    page.get_by_label("Number of posts").fill("1")
    page.get_by_label("Hourly pay", exact=True).fill("12.60")
    page.get_by_label("Contracted hours a week").fill("37.5")
    page.get_by_role("radio", name="No").check()  # not published: other tests search the same demo
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Hourly pay must be at least the National Living Wage, £12.71 an hour")
    expect(page.get_by_label("Hourly pay", exact=True)).to_have_value("12.60")
    assert_accessible(page)

    page.get_by_label("Hourly pay", exact=True).fill("30.00")  # a slip for 13.00, say
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(summary).to_contain_text(
        re.compile(r"£30\.00 an hour is well above what (most of )?the [\d,]+ care worker vacanc")
    )
    expect(page.get_by_label("Hourly pay", exact=True)).to_have_value("30.00")
    assert_accessible(page)
    page.get_by_label("Yes, the hourly pay is right").check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/vacancies")
    expect(page.get_by_text("Vacancy saved")).to_be_visible()
