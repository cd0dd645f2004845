"""A provider manager adds a worker in Chromium, and every new provider page passes axe, errors included."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from .conftest import sign_in
from .test_accessibility import assert_accessible

pytestmark = pytest.mark.e2e


def _continue(page) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("button", name="Continue").click()


def _heading(page):  # type: ignore[no-untyped-def]
    return page.get_by_role("heading", level=1)


def _fill_date(page, day: str, month: str, year: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_label("Day").fill(day)
    page.get_by_label("Month").fill(month)
    page.get_by_label("Year").fill(year)


def test_a_manager_adds_a_worker_through_the_question_pages_and_check_your_answers(page):
    reference = f"E2E-{uuid.uuid4().hex[:6].upper()}"
    sign_in(page, "manager")
    page.locator("tbody a").first.click()
    expect(_heading(page)).to_have_text(re.compile(r"^Staff at "))
    workplace = _heading(page).inner_text().strip().removeprefix("Staff at ")
    page.get_by_role("link", name="Add a worker").click()

    expect(_heading(page)).to_have_text("What is the worker's reference?")
    assert_accessible(page)
    page.get_by_label("What is the worker's reference?").fill(reference)
    _continue(page)
    expect(_heading(page)).to_have_text("What is their main job role?")
    assert_accessible(page)
    page.get_by_label("Care worker", exact=True).check()
    _continue(page)
    page.get_by_label("Permanent").check()
    assert_accessible(page)
    _continue(page)

    # a date that does not exist is refused; the summary link focuses the day input; what was typed stays
    expect(_heading(page)).to_have_text("When did they start in this job?")
    _fill_date(page, "31", "2", "2025")
    _continue(page)
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    assert_accessible(page)
    summary.get_by_role("link", name="Date they started must be a real date").click()
    expect(page.locator("#id_start_date")).to_be_focused()
    expect(page.get_by_label("Day")).to_have_value("31")
    _fill_date(page, "28", "2", "2025")
    _continue(page)

    expect(_heading(page)).to_have_text("How many hours a week do they work?")
    assert_accessible(page)
    page.get_by_label("How many hours a week do they work?").fill("30")
    _continue(page)
    expect(_heading(page)).to_have_text("How are they paid?")
    page.get_by_label("Hourly", exact=True).check()
    assert_accessible(page)
    _continue(page)
    expect(_heading(page)).to_have_text("What is their hourly rate?")
    page.get_by_label("What is their hourly rate?").fill("12.80")
    assert_accessible(page)
    _continue(page)
    page.get_by_label("Not started").check()
    assert_accessible(page)
    _continue(page)

    expect(_heading(page)).to_have_text("Check your answers before adding the worker")
    assert_accessible(page)
    expect(page.locator(".govuk-summary-list")).to_contain_text(reference)
    assert page.locator(".govuk-summary-list").inner_text().count(reference) == 1
    page.get_by_role("link", name="Change hours a week").click()
    page.get_by_label("How many hours a week do they work?").fill("32.5")
    _continue(page)
    expect(_heading(page)).to_have_text("Check your answers before adding the worker")
    expect(page.locator(".govuk-summary-list")).to_contain_text("32.5")
    page.get_by_role("button", name="Add worker").click()

    expect(page.locator(".govuk-panel__title")).to_have_text("Worker added")
    assert_accessible(page)
    page.get_by_role("link", name="Add their training and qualifications").click()
    expect(_heading(page)).to_have_text(f"Worker {reference}")
    expect(page.get_by_role("link", name=f"Staff at {workplace}")).to_be_visible()
    assert_accessible(page)


def test_the_new_provider_pages_are_accessible_including_with_errors(page):
    sign_in(page, "manager")
    page.goto("/provider/training-due")
    expect(_heading(page)).to_have_text("Training due")
    assert_accessible(page)
    page.goto("/provider/workplaces")
    page.locator("tbody a").first.click()
    page.wait_for_url("**/staff")
    staff_url = page.url

    page.get_by_role("link", name="Workplace details").click()
    expect(page.get_by_role("link", name="Change address")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Change address").click()
    page.get_by_label("Town or city").fill("")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert_accessible(page)

    page.goto(staff_url)
    page.get_by_role("link", name="Vacancies").click()
    page.wait_for_url("**/vacancies")
    assert_accessible(page)
    page.get_by_role("button", name="Add a vacancy").click()
    page.wait_for_url("**/vacancies/add")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert_accessible(page)
    page.get_by_role("link", name="Select the job role").click()
    expect(page.locator("#id_job_role")).to_be_focused()

    page.goto(staff_url)
    page.locator("tbody a").first.click()
    page.wait_for_url("**/workers/*")
    worker_url = page.url
    page.get_by_role("link", name="Add a training record").click()
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert_accessible(page)
    page.goto(worker_url)
    page.get_by_role("link", name="Add a qualification").click()
    expect(page.get_by_role("button", name="Save")).to_be_visible()
    assert_accessible(page)
    page.goto(worker_url)
    page.get_by_role("link", name="Change care Certificate").click()
    page.wait_for_url(lambda url: url != worker_url)
    assert_accessible(page)
    page.goto(worker_url)
    page.get_by_role("button", name="Record that they have left").click()
    expect(_heading(page)).to_have_text("When did they leave?")
    assert_accessible(page)
    _fill_date(page, "1", "1", "2099")
    _continue(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("must be today or in the past")
    assert page.locator(".govuk-error-summary").inner_text().count("must be today or in the past") == 1
    assert_accessible(page)


def test_a_staff_member_adds_their_own_training_and_the_pages_are_accessible(page):
    sign_in(page, "staff")
    expect(_heading(page)).to_have_text("Your record")
    page.get_by_role("link", name="Add a training record").click()
    expect(page.get_by_label("Training category")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Training category").select_option(label="Fire safety")
    page.get_by_label("Training name (optional)").fill("Fire warden refresher")
    page.get_by_label("Yes", exact=True).check()
    page.locator("#id_completed_on").fill("3")
    page.locator("#id_completed_on-month").fill("9")
    page.locator("#id_completed_on-year").fill("2026")
    page.get_by_role("button", name="Save").click()
    expect(_heading(page)).to_have_text("Your record")
    expect(page.locator("table").first).to_contain_text("Fire warden refresher")
    assert_accessible(page)
