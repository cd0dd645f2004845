"""Commissioners read a run's headline, each scenario's difference, what moves it most, and compare two runs."""

import csv as csvlib
import io

import pytest
from openpyxl import load_workbook
from test_planning_runs import COVENTRY, REGION, start, table_rows

from careforce.planning.models import ProjectionRun

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def results_in_tmp(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.DATA_DIR = tmp_path


def number(text: str) -> float:
    return float(text.replace(",", "").replace("+", ""))


def test_the_headline_names_scenarios_and_shows_new_jobs_people_new_to_care_and_moves_each_with_its_range(as_lead):
    location = start(as_lead, scenarios=["baseline", "lower-turnover"], to_year="2030")
    page = as_lead.get(location).content.decode()
    assert "Lower turnover" in page and "TOML" not in page
    assert "P5/P95" not in page and "seed" not in page.split("Advanced: how this run was made")[0]
    assert "Likely range (90%)" in page and "What the range covers" not in page  # the note is plain words
    assert "It does not cover:" in page
    rows = table_rows(page, "decision-baseline")
    labels = [r[0] for r in rows]
    assert any(label.startswith("New jobs") for label in labels)
    assert any(label.startswith("People new to care recruited") for label in labels)
    assert any(label.startswith("Moves within the sector") for label in labels)
    new_to_care_2030 = next(r for r in rows if r[0].startswith("People new to care") and r[1] == "2030")
    low, high = (number(x) for x in new_to_care_2030[3].split(" to "))
    assert low < number(new_to_care_2030[2]) < high


def test_a_scenarios_difference_from_the_baseline_has_a_range_from_paired_draws(as_lead):
    location = start(as_lead, scenarios=["baseline", "lower-turnover"], to_year="2030")
    page = as_lead.get(location).content.decode()
    rows = table_rows(page, "difference-lower-turnover")
    moves = next(r for r in rows if r[0] == "Moves within the sector" and r[1] == "2030")
    low, high = (number(x.strip()) for x in moves[3].replace("to", "|").split("|"))
    assert high < 0  # lower turnover means fewer moves in every draw, so the whole range is below zero
    assert low <= number(moves[2]) <= high
    csv = list(csvlib.DictReader(as_lead.get(location + "/differences.csv").content.decode().splitlines()))
    found = {
        r["statistic"]: float(r["value"])
        for r in csv
        if (r["table"], r["scenario"], r["measure"], r["council"], r["year"])
        == ("difference", "lower-turnover", "moves_within_sector", REGION, "2030")
    }
    assert round(found["p50"]) == round(number(moves[2]))


def test_the_tornado_shows_which_assumption_moves_a_headline_most_in_a_chart_and_a_table(as_lead):
    location = start(as_lead, to_year="2035")
    page = as_lead.get(location + "?headline=new_jobs").content.decode()
    assert 'id="tornado-title">What moves new jobs by 2035 most' in page
    rows = table_rows(page, "tornado-table")
    swings = [number(r[3]) for r in rows]
    assert swings == sorted(swings, reverse=True) and swings[0] > 0
    assert rows[0][0].split(" (")[0] in (
        "Drift in posts per person aged 65 and over",
        "Population projection error (aged 65 and over)",
        "Base-year count of filled posts",
    )
    sensitivity = as_lead.get(location + "/sensitivity.csv").content.decode()
    header = next(csvlib.reader(sensitivity.splitlines()))
    assert header[4:9] == ["rank", "assumption", "label", "low_input", "high_input"]
    book = load_workbook(
        io.BytesIO(b"".join(as_lead.get(location + "/results.xlsx").streaming_content)), read_only=True
    )
    assert {"Headline and differences", "Sensitivity"} <= set(book.sheetnames)
    about = list(book["About"].iter_rows(values_only=True))
    assert any(r[0] == "The range does not cover" for r in about)


def test_a_council_runs_decision_files_hold_only_its_council(as_analyst):
    location = start(as_analyst, scenarios=["baseline", "pay-rise"])
    for name in ("differences", "sensitivity"):
        rows = list(csvlib.DictReader(as_analyst.get(f"{location}/{name}.csv").content.decode().splitlines()))
        assert rows and {r["council"] for r in rows} == {COVENTRY}


def test_two_runs_are_compared_by_their_headline_figures(as_lead):
    first = start(as_lead, to_year="2030").rsplit("/", 1)[-1]
    second = start(as_lead, scenarios=["baseline", "international-recruitment-cap"], to_year="2035").rsplit("/", 1)[-1]
    page = as_lead.get(f"/planning/compare?first={first}/baseline&second={second}/international-recruitment-cap")
    html = page.content.decode()
    assert page.status_code == 200 and "International recruitment cap against Baseline" in html
    rows = table_rows(html, "run-comparison")
    people = next(r for r in rows if r[0] == "People new to care recruited" and r[1] == "2030")
    assert number(people[6]) == pytest.approx(number(people[4]) - number(people[2]), abs=1)
    assert number(people[6]) < 0  # the cap holds back recruits new to care
    assert max(int(r[1]) for r in rows) == 2030  # only the years both runs reach


def test_comparing_needs_two_different_runs_and_keeps_the_choice(as_lead):
    first = start(as_lead, to_year="2030").rsplit("/", 1)[-1]
    page = as_lead.get(f"/planning/compare?first={first}/baseline&second={first}/baseline").content.decode()
    assert "<title>Error: Compare two projection runs – careforce</title>" in page
    assert "There is a problem" in page and 'href="#second"' in page
    assert f'value="{first}/baseline" selected' in page
    page = as_lead.get(f"/planning/compare?first={first}&second=").content.decode()
    assert "Choose the second run to compare" in page


def test_an_analyst_cannot_compare_or_download_a_leads_run(as_analyst, as_lead):
    lead = start(as_lead, to_year="2030").rsplit("/", 1)[-1]
    mine = start(as_analyst, to_year="2030").rsplit("/", 1)[-1]
    page = as_analyst.get(f"/planning/compare?first={mine}/baseline&second={lead}/baseline").content.decode()
    assert "Choose the second run to compare" in page and lead not in page
    for name in ("differences", "sensitivity"):
        assert as_analyst.get(f"/planning/runs/{lead}/{name}.csv").status_code == 404
    assert ProjectionRun.objects.count() == 2
