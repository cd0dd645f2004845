"""The planning start, assumptions and region headline pages, turnover from records, and who may see them."""

import numpy as np
import pytest

from careforce.domain.planning import default_calibration

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def results_in_tmp(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.DATA_DIR = tmp_path


def test_the_lead_sees_new_jobs_by_2030_and_2035_beside_the_2019_figure(as_lead):
    from django.core.cache import cache

    from careforce.planning.headline import CACHE_KEY

    cache.delete(CACHE_KEY)
    page = as_lead.get("/planning/region").content.decode()
    assert "<title>How many care jobs the West Midlands needs – careforce</title>" in page
    assert "45,000–70,000" in page and "sfc_workforce_projections.csv line" in page
    headline = cache.get(CACHE_KEY)  # kept, so the next view is quick
    y2030, y2035 = headline.year(2030), headline.year(2035)
    assert y2030.new_jobs.p5 < y2030.new_jobs.p50 < y2030.new_jobs.p95
    assert y2030.new_jobs.p50 < y2035.new_jobs.p50
    assert y2030.recruits_needed.p5 > y2030.new_jobs.p95  # recruits needed include replacing leavers
    assert f"{y2030.new_jobs.p5:,.0f} to {y2030.new_jobs.p95:,.0f}" in page
    assert f"{y2035.recruits_needed.p50:,.0f}" in page
    assert "also replace the staff who leave their jobs or retire" in page
    # people new to care and moves within the sector each with their range, adding up to less than all recruits
    assert f"{y2030.new_to_care.p5:,.0f} to {y2030.new_to_care.p95:,.0f}" in page
    assert f"{y2030.moves.p5:,.0f} to {y2030.moves.p95:,.0f}" in page
    assert y2030.new_to_care.p50 + y2030.moves.p50 <= y2030.recruits_needed.p95
    assert "People new to care recruited" in page and "Moves within the sector" in page
    assert "It does not cover:" in page


def test_the_headline_include_renders_on_its_own_for_other_pages():
    from django.template.loader import render_to_string

    from careforce.planning.headline import region_headline

    html = render_to_string("planning/_headline.html", {"headline": region_headline()})
    assert "New care jobs in the West Midlands" in html and "Stated in 2019" in html


def test_the_assumptions_page_lists_every_assumption_with_its_source(as_analyst):
    from careforce.domain.planning import assumptions

    page = as_analyst.get("/planning/assumptions").content.decode()
    assert "<title>Assumptions and their sources – careforce</title>" in page
    assert page.count('<tr class="govuk-table__row">') >= len(assumptions("need"))
    assert "workforce_estimates.csv line" in page and ">published<" in page and ">assumption<" in page
    assert "pay.relative_wage" in page  # the parameters a scenario can change


def test_the_assumptions_page_shows_the_backcast_and_what_the_range_covers(as_analyst):
    from careforce.planning.views.pages import published_backcast

    page = as_analyst.get("/planning/assumptions").content.decode()
    result = published_backcast()
    assert "How well the model did from 2016/17" in page
    assert f"{result.inside} of {len(result.rows)} published counts fell inside the likely range (90%)" in page
    for row in result.rows:
        assert f"{row.actual:,.0f}" in page and f"{row.error_percent:+.1f}%" in page
    assert "What the likely range covers" in page and "It does not cover" in page
    assert "no population figures before mid-2022" in page
    assert ">carried forward<" in page and ">2022/23<" in page  # base figures with their year


def test_the_start_page_explains_the_model_and_links_onwards(as_analyst, as_lead):
    page = as_analyst.get("/planning/").content.decode()
    assert "What the model does" in page and 'href="/planning/new-run"' in page
    assert 'href="/planning/region"' not in page
    assert 'href="/planning/region"' in as_lead.get("/planning/").content.decode()
    assert ">Planning<" in page  # the navigation item


def test_rates_from_records_differ_from_published_rates_and_pool_small_cells():
    from careforce.planning.records import calibration_from_records, estimate_rates

    rates = estimate_rates()
    assert rates is not None and rates.workers_counted > 1000
    published = default_calibration().turnover_rate
    assert rates.turnover_rate.shape == published.shape
    assert not np.allclose(rates.turnover_rate, published, atol=0.01)
    pooled = rates.pooled
    small = (pooled.staff > 0) & (pooled.staff < 10)
    assert small.any()
    moved = np.abs(pooled.turnover_rate[small] - pooled.turnover_prior[small])
    raw = np.abs(pooled.turnover_rate_raw[small] - pooled.turnover_prior[small])
    assert np.all(moved <= raw + 1e-12) and np.any(moved < raw)  # shrunk towards the regional rate
    assert "estimated from" in calibration_from_records().assumptions[-1].source


def test_a_run_with_rates_from_records_says_so_and_differs_from_published(as_analyst):
    def recruits(source: str) -> str:
        response = as_analyst.post(
            "/planning/new-run",
            {
                "scenarios": ["baseline"],
                "demand_method": "sfc",
                "draws": "20",
                "to_year": "2030",
                "rate_source": source,
            },
        )
        page = as_analyst.get(response["Location"]).content.decode()
        return page.split("Recruits needed in the year", 1)[1].split("</tr>", 1)[0]

    from_records = recruits("records")
    assert from_records != recruits("published")
    page = as_analyst.get("/planning/").content.decode()
    assert page.count("Finished") == 2


@pytest.mark.parametrize("who", ["as_manager", "as_job_seeker", "as_staff"])
@pytest.mark.parametrize("path", ["/planning/", "/planning/new-run", "/planning/assumptions", "/planning/region"])
def test_people_who_do_not_plan_are_refused(request, who, path):
    response = request.getfixturevalue(who).get(path)
    assert response.status_code == 403
    assert ">Planning<" not in response.content.decode()


def test_an_analyst_cannot_see_the_region_headline(as_analyst):
    assert as_analyst.get("/planning/region").status_code == 403
