"""Council analysts and regional leads run projections on the planning pages and read their results."""

import csv as csvlib
import re
from html import unescape

import pytest
from django.test import override_settings

from careforce.planning.models import ProjectionRun, SavedScenario

pytestmark = pytest.mark.django_db
COVENTRY, BIRMINGHAM, REGION = "E08000026", "E08000025", "E12000005"
DRAWS = "20"


@pytest.fixture(autouse=True)
def results_in_tmp(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.DATA_DIR = tmp_path


def run_form(**changes: object) -> dict[str, object]:
    data = {
        "scenarios": ["baseline"],
        "scenario_text": "",
        "demand_method": "sfc",
        "draws": DRAWS,
        "to_year": "2035",
        "rate_source": "published",
    }
    data.update(changes)  # type: ignore[arg-type]
    return data  # type: ignore[return-value]


def start(client, **changes):  # type: ignore[no-untyped-def]
    response = client.post("/planning/new-run", run_form(**changes))
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def table_rows(page: str, table_id: str) -> list[list[str]]:
    table = re.search(rf'<table class="govuk-table" id="{table_id}">(.*?)</table>', page, re.S)
    assert table, f"no table {table_id}"
    body = table.group(1).split("<tbody", 1)[1]
    return [
        [unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]


def test_an_analyst_runs_the_baseline_for_coventry_and_sees_only_coventry(as_analyst):
    location = start(as_analyst, scenarios=["baseline", "pay-rise"])
    page = as_analyst.get(location).content.decode()
    assert "<title>Projection results – careforce</title>" in page
    assert "Coventry" in page and "Birmingham" not in page and "Wolverhampton" not in page
    assert f'value="{REGION}"' not in page  # no area choice: the run holds Coventry alone
    rows = table_rows(page, "headline-baseline")
    assert rows[0][:2] == ["New jobs since 2022/23", "2025"]
    assert table_rows(page, "comparison")  # pay-rise beside the baseline
    assert 'role="img"' in page and "Fan chart of posts required (demand), Coventry" in page
    csv = list(csvlib.DictReader(as_analyst.get(location + "/results.csv").content.decode().splitlines()))
    councils = {row["council"] for row in csv}
    assert councils == {COVENTRY}
    run = ProjectionRun.objects.get()
    assert run.council_id == COVENTRY and run.scenario_names == ["baseline", "pay-rise"]
    # the role filter narrows the tables to one job role
    care = as_analyst.get(location + "?role=care_worker").content.decode()
    assert "Coventry, care worker" in care


def test_an_analyst_cannot_open_or_download_a_leads_or_another_councils_run(as_analyst, as_lead):
    lead_run = start(as_lead)
    assert as_lead.get(lead_run).status_code == 200
    other = ProjectionRun.objects.create(
        council_id=BIRMINGHAM,
        scenario_names=["baseline"],
        draws=20,
        seed=1,
        to_year=2035,
        status=ProjectionRun.Status.DONE,
    )
    for path in (lead_run, f"/planning/runs/{other.pk}"):
        assert as_analyst.get(path).status_code == 404
        assert as_analyst.get(path + "/status").status_code == 404
        for fmt in ("csv", "parquet", "xlsx"):
            assert as_analyst.get(f"{path}/results.{fmt}").status_code == 404
    assert "Birmingham" not in as_analyst.get("/planning/").content.decode()


def test_a_bad_scenario_shows_the_error_summary_naming_the_line_and_keeps_the_text(as_analyst):
    text = 'name = "my-plan"\ntitle = "Mine"\n\n[[changes]]\nparameter = "turnover_rate"\nop = "divide"\nvalue = 0.9\n'
    response = as_analyst.post("/planning/new-run", run_form(scenarios=[], scenario_text=text))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Run a projection – careforce</title>" in page
    assert "There is a problem" in page and 'href="#id_scenario_text"' in page
    assert "line 6" in page and "op must be one of set, add, multiply" in page
    assert "op = &#34;divide&#34;" in page or 'op = "divide"' in unescape(page)
    assert not ProjectionRun.objects.exists()


def test_no_scenario_chosen_and_too_many_draws_are_refused(as_analyst):
    page = as_analyst.post("/planning/new-run", run_form(scenarios=[], draws="999999")).content.decode()
    assert "Choose at least one scenario, or write your own" in page
    assert "Number of draws must be between 10 and 5,000" in page


def test_a_written_scenario_runs_beside_the_baseline_and_is_saved_for_the_council(as_analyst):
    text = (
        'name = "coventry-retention"\ntitle = "Coventry keeps its care workers"\n\n[[changes]]\n'
        'parameter = "turnover_rate"\nop = "multiply"\nvalue = 0.7\nroles = ["care_worker"]\n'
    )
    location = start(as_analyst, scenarios=[], scenario_text=text)
    page = as_analyst.get(location).content.decode()
    rows = table_rows(page, "comparison")
    recruits_2030 = next(r for r in rows if r[0] == "Recruits needed in the year" and r[1] == "2030")
    assert recruits_2030[4].startswith("-")  # lower turnover: fewer recruits needed than the baseline
    assert SavedScenario.objects.get().name == "coventry-retention"
    form = as_analyst.get("/planning/new-run").content.decode()
    assert "Coventry keeps its care workers (saved)" in form
    assert "my-pay-rise" in as_analyst.get("/planning/new-run?edit=pay-rise").content.decode()


@override_settings(JOBS_BACKEND="immediate")
def test_a_big_run_goes_to_the_background_with_progress_and_links_to_its_results(
    as_lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        location = start(as_lead, draws="201", to_year="2030")
    assert location.endswith("/status")
    run = ProjectionRun.objects.get()
    assert run.job is not None and run.status == ProjectionRun.Status.DONE
    status = as_lead.get(location).content.decode()
    assert "See the projection results" in status and f"/jobs/{run.job.pk}" in status
    job_page = as_lead.get(f"/jobs/{run.job.pk}").content.decode()
    assert f"/planning/runs/{run.pk}" in job_page
    page = as_lead.get(f"/planning/runs/{run.pk}?council={BIRMINGHAM}").content.decode()
    assert "Birmingham, all job roles" in page


def test_downloads_hold_the_same_rows_as_the_page_table(as_lead):
    import io

    import pyarrow.parquet as pq
    from openpyxl import load_workbook

    location = start(as_lead, to_year="2030")
    page = as_lead.get(f"{location}?role=care_worker").content.decode()  # the region's care workers
    rows = table_rows(page, "headline-baseline")
    assert len(rows) >= 7
    csv_response = as_lead.get(location + "/results.csv")
    assert csv_response["Content-Disposition"].startswith('attachment; filename="careforce-projection-E12000005-')
    csv = {}
    for council, role, year, scenario, measure, statistic, value in list(
        csvlib.reader(csv_response.content.decode().splitlines())
    )[1:]:
        csv[(council, role, int(year), scenario, measure, statistic)] = float(value)
    parquet_response = as_lead.get(location + "/results.parquet")
    assert ".parquet" in parquet_response["Content-Disposition"]
    table = pq.read_table(io.BytesIO(b"".join(parquet_response.streaming_content))).to_pylist()
    parquet = {
        (r["council"], r["role"], r["year"], r["scenario"], r["measure"], r["statistic"]): r["value"] for r in table
    }
    assert len(parquet) == len(csv) == ProjectionRun.objects.get().rows
    book = load_workbook(
        io.BytesIO(b"".join(as_lead.get(location + "/results.xlsx").streaming_content)), read_only=True
    )
    sheet = list(book["Results"].iter_rows(values_only=True))
    header = sheet[0]
    xlsx = {(r[2], r[4], r[5], r[0], r[1]): dict(zip(header[6:], r[6:], strict=True)) for r in sheet[1:]}
    labels = {
        "New jobs since 2022/23": "new_jobs",
        "Recruits needed in the year": "recruits_needed",
        "Filled posts": "filled_posts",
        "Posts required (demand)": "demand_posts",
    }
    checked = 0
    for label, year, p5, p50, p95 in rows:
        if label not in labels:
            continue
        key = (REGION, "care_worker", int(year), "baseline", labels[label])
        for statistic, shown in (("p5", p5), ("p50", p50), ("p95", p95)):
            assert f"{csv[(*key, statistic)]:,.0f}" == shown
            assert f"{parquet[(*key, statistic)]:,.0f}" == shown
            assert f"{xlsx[key][statistic]:,.0f}" == shown
            checked += 1
    assert checked >= 12
