"""A provider manager uploads ASC-WDS files in Chromium: every page is accessible, bad files get a report."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import sign_in
from .test_accessibility import assert_accessible

pytestmark = pytest.mark.e2e
FIXTURES = Path(__file__).parent.parent / "fixtures" / "upload"


def test_choosing_no_file_shows_the_error_summary(page):  # type: ignore[no-untyped-def]
    sign_in(page, "manager")
    page.goto("/provider/upload/")
    assert_accessible(page)
    page.get_by_role("button", name="Upload and check").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert_accessible(page)
    page.locator(".govuk-error-summary").get_by_role("link").click()
    expect(page.locator("#id_files")).to_be_focused()


def test_a_bad_file_gets_an_accessible_report(page):  # type: ignore[no-untyped-def]
    sign_in(page, "manager")
    page.goto("/provider/upload/")
    page.locator("#id_files").set_input_files([str(FIXTURES / "workplace.csv"), str(FIXTURES / "staff_bad_codes.csv")])
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your files have problems to fix")
    expect(page.locator(".govuk-error-summary")).to_contain_text("must be fixed before anything can be saved")
    expect(page.locator("table")).to_contain_text("GENDER")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the report (CSV)").click()
    assert download.value.suggested_filename.startswith("upload-report-")


def test_a_download_uploaded_again_is_saved_and_changes_nothing(page, tmp_path):  # type: ignore[no-untyped-def]
    sign_in(page, "manager")
    page.goto("/provider/upload/")
    with page.expect_download() as download:
        page.get_by_role("link", name="All three files (ZIP)").click()
    archive = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
    archive.extractall(tmp_path)
    page.locator("#id_files").set_input_files([str(tmp_path / n) for n in archive.namelist()])
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the changes before you save them")
    expect(page.locator("main")).to_contain_text("These files match your records: saving them changes nothing.")
    assert_accessible(page)
    page.get_by_role("button", name="Save these changes").click()
    expect(page.locator(".govuk-panel")).to_contain_text("Upload saved")
    assert_accessible(page)
    page.goto("/provider/upload/")
    expect(page.locator("table")).to_contain_text("Saved")
    assert_accessible(page)
