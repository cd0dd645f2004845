"""The planning pages, opened in Chromium by a council analyst and a regional lead, pass axe-core."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import sign_in
from .test_accessibility import assert_accessible

pytestmark = pytest.mark.e2e


def run_projection(page, scenarios=("pay-rise",)):  # type: ignore[no-untyped-def]
    page.goto("/planning/new-run")
    for title in scenarios:
        page.get_by_label(title).check()
    page.get_by_label("Number of draws").fill("20")
    page.get_by_role("button", name="Run the projection").click()
    expect(page).to_have_title("Projection results – careforce")


def test_an_analyst_runs_a_projection_and_every_planning_page_is_accessible(page):
    sign_in(page, "analyst")
    page.get_by_role("link", name="Planning").click()
    expect(page).to_have_title("Workforce planning – careforce")
    assert_accessible(page)
    page.get_by_role("button", name="Run a projection").click()
    expect(page).to_have_title(re.compile(r"^Run a projection"))
    assert_accessible(page)
    run_projection(page, ["Pay rise for care roles"])
    expect(page.locator("svg[role=img]")).to_have_count(3)  # two fan charts and the tornado
    expect(page.locator("#comparison caption")).to_contain_text("Coventry")
    assert_accessible(page)
    page.get_by_label("Job role", exact=True).select_option("care_worker")
    page.get_by_role("button", name="Show results").click()
    expect(page.locator("#headline-baseline caption")).to_contain_text("care worker")
    assert_accessible(page)
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the results as CSV").click()
    assert info.value.suggested_filename.startswith("careforce-projection-E08000026-")
    page.goto("/planning/assumptions")
    assert_accessible(page)
    page.goto("/planning/")
    assert_accessible(page)  # now with the run in the table


def test_a_mistake_in_a_written_scenario_is_shown_accessibly_and_the_link_focuses_the_text(page):
    sign_in(page, "analyst")
    page.goto("/planning/new-run?edit=lower-turnover")
    text = page.get_by_label("your own scenario file (optional)")
    text.fill(text.input_value().replace('op = "multiply"', 'op = "divide"', 1))
    page.get_by_role("button", name="Run the projection").click()
    expect(page).to_have_title("Error: Run a projection – careforce")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text(re.compile(r"line.*op must be one of|op must be one of.*line", re.S))
    expect(page.get_by_label("your own scenario file (optional)")).to_have_value(re.compile(r'op = "divide"'))
    assert_accessible(page)
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("your own scenario file (optional)")).to_be_focused()


def test_the_lead_sees_the_region_headline_and_a_regional_run_accessibly(page):
    sign_in(page, "lead")
    page.goto("/planning/region")
    expect(page.locator("main")).to_contain_text("45,000–70,000")
    assert_accessible(page)
    run_projection(page, [])
    page.get_by_label("Area", exact=True).select_option(label="Birmingham")
    page.get_by_role("button", name="Show results").click()
    expect(page.locator("#headline-baseline caption")).to_contain_text("Birmingham")
    assert_accessible(page)


def test_the_lead_reads_what_moves_a_result_most_and_compares_two_runs_on_a_phone(page):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "lead")
    run_projection(page, ["Lower turnover"])
    page.get_by_label("Result", exact=True).select_option(label="New jobs")
    page.get_by_role("button", name="Show what moves it").click()
    expect(page.locator("#tornado-title")).to_have_text("What moves new jobs by 2035 most")
    expect(page.locator("#tornado-table tbody tr")).to_have_count(12)
    chart = page.locator("svg[aria-labelledby^=tornado]").bounding_box()
    assert chart is not None and chart["width"] <= 390  # drawn to the phone's width, not wider
    assert_accessible(page)
    run_projection(page, ["International recruitment cap"])
    page.get_by_role("link", name="Compare this run with another run").click()
    expect(page).to_have_title("Compare two projection runs – careforce")
    second = page.get_by_label("Second run")
    earlier = second.locator("option", has_text="Lower turnover, West Midlands").first.get_attribute("value")
    second.select_option(earlier)
    page.get_by_role("button", name="Compare the runs").click()
    expect(page.locator("#run-comparison")).to_contain_text("People new to care recruited")
    assert_accessible(page)
