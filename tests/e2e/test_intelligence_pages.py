"""The workforce-measure pages, opened in Chromium by the people who use them, pass axe-core."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import sign_in
from .test_accessibility import assert_accessible

pytestmark = pytest.mark.e2e
COVENTRY, REGION = "E08000026", "E12000005"


@pytest.mark.parametrize(
    ("who", "paths"),
    [
        (
            "analyst",
            [
                f"/intelligence/measures/{COVENTRY}",
                f"/intelligence/measures/{COVENTRY}/turnover-rate",
                f"/intelligence/measures/{COVENTRY}/gender?by=job_role",
                f"/intelligence/measures/{COVENTRY}/vacancy-rate?by=trend",
            ],
        ),
        ("lead", [f"/intelligence/measures/{REGION}", f"/intelligence/measures/{REGION}/median-hourly-pay?by=council"]),
        ("manager", ["/intelligence/provider", "/intelligence/provider/disability"]),
    ],
)
def test_measure_pages_are_accessible(page, who, paths):
    sign_in(page, who)
    for path in paths:
        page.goto(path)
        expect(page.locator("main table caption").first).to_be_visible()
        assert_accessible(page)


def test_an_analyst_goes_from_the_dashboard_to_a_breakdown_and_downloads_it(page):
    sign_in(page, "analyst")
    page.goto("/intelligence/measures")
    page.get_by_role("link", name="Staff turnover rate").click()
    page.wait_for_url(re.compile(r"/turnover-rate"))
    page.get_by_role("link", name="Main service", exact=True).click()
    expect(page.locator("main table caption")).to_contain_text("by main service")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the table as CSV").click()
    assert (
        info.value.suggested_filename == f"careforce-turnover-rate-{COVENTRY}-main-service-2026-11-01.csv"
        or info.value.suggested_filename.startswith(f"careforce-turnover-rate-{COVENTRY}-main-service-")
    )
