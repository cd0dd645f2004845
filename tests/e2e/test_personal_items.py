"""A provider manager, on a phone, adds a worker with their ASC-WDS personal items and changes one of them:
every page passes axe and none scrolls sideways at 390 px."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from .conftest import sign_in
from .test_accessibility import assert_accessible

pytestmark = pytest.mark.e2e


def _continue(page) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("button", name="Continue").click()


def _heading(page, text: str) -> None:  # type: ignore[no-untyped-def]
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def _checked(page) -> None:  # type: ignore[no-untyped-def]
    """The page passes axe and fits a 390 px screen."""
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_manager_adds_a_worker_with_their_personal_items_and_changes_one_at_phone_width(page):
    page.set_viewport_size({"width": 390, "height": 844})
    reference = f"E2E-P-{uuid.uuid4().hex[:6].upper()}"
    sign_in(page, "manager")
    page.locator("tbody a").first.click()
    page.get_by_role("link", name="Add a worker").click()
    page.get_by_label("What is the worker's reference?").fill(reference)
    _continue(page)
    page.get_by_label("Care worker", exact=True).check()
    _continue(page)
    page.get_by_label("Permanent").check()
    _continue(page)
    page.get_by_label("Day").fill("3")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2025")
    _continue(page)
    page.get_by_label("How many hours a week do they work?").fill("30")
    _continue(page)
    page.get_by_label("Hourly", exact=True).check()
    _continue(page)
    page.get_by_label("What is their hourly rate?").fill("12.80")
    _continue(page)
    page.get_by_label("In progress").check()
    _continue(page)
    _heading(page, "Check your answers before adding the worker")
    page.get_by_role("button", name="Add worker").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Worker added")
    _checked(page)

    page.get_by_role("button", name="Add their personal details").click()
    _heading(page, "What is the worker's name?")
    _checked(page)
    page.get_by_label("What is the worker's name?").fill("Amira Begum")
    _continue(page)
    _heading(page, "What is their date of birth? (optional)")
    page.get_by_label("Year").fill("2020")
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("1")
    _continue(page)
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("between 14 and 100 years old")
    _checked(page)
    page.get_by_label("Year").fill("1988")
    _continue(page)
    _heading(page, "What is their gender?")
    page.get_by_label("Female").check()
    _checked(page)
    _continue(page)
    _heading(page, "What is their ethnic group?")
    page.get_by_label("Bangladeshi").check()
    _checked(page)
    _continue(page)
    _heading(page, "What is their nationality?")
    page.get_by_label("Another nationality").check()
    _checked(page)
    _continue(page)
    _heading(page, "Which nationality are they?")
    page.get_by_label("Which nationality are they?").select_option(label="French")
    _checked(page)
    _continue(page)
    _heading(page, "Do they have a disability?")
    page.get_by_label("No", exact=True).check()
    _continue(page)
    _heading(page, "Do they have a social care qualification?")
    page.get_by_label("Yes", exact=True).check()
    _continue(page)
    _heading(page, "What level is their highest social care qualification?")
    page.get_by_label("Level 3").check()
    _checked(page)
    _continue(page)
    _heading(page, "Do they have a qualification that is not in social care?")
    page.get_by_label("No", exact=True).check()
    _continue(page)

    _heading(page, "Check the personal details before saving them")
    summary = page.locator(".govuk-summary-list")
    for shown in ("Amira Begum", "1 January 1988", "Female", "Bangladeshi", "French", "Yes, Level 3"):
        expect(summary).to_contain_text(shown)
    _checked(page)
    page.get_by_role("button", name="Save personal details").click()

    _heading(page, "Amira Begum")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Personal details saved")
    expect(page.locator(".govuk-caption-l")).to_contain_text(reference)
    _checked(page)
    page.get_by_role("link", name="Change gender").click()
    _heading(page, "What is their gender?")
    expect(page.get_by_label("Female")).to_be_checked()
    page.get_by_label("Other", exact=True).check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Worker record updated")
    gender = page.locator(".govuk-summary-list__row", has_text="Gender")
    expect(gender.locator("dd").first).to_have_text("Other")
    _checked(page)
