"""Council analysts, regional leads and provider managers see workforce measures with the sector's
definitions, published comparators and suppression of figures about fewer than 5 people."""

import re

import pytest
from bs4 import BeautifulSoup
from test_intelligence_helpers import COVENTRY, REGION, caption, csv_rows, page_table

from careforce.workforce.models import Worker

pytestmark = pytest.mark.django_db
AGENCY = 4


def _staff(**where):  # type: ignore[no-untyped-def]
    """Current staff on every contract except agency: the measures' workforce."""
    return Worker.objects.filter(left_on__isnull=True, **where).exclude(contract_type=AGENCY).count()


def test_analyst_starts_from_coventrys_dashboard_listing_every_measure_beside_published_figures(as_analyst):
    response = as_analyst.get("/intelligence/measures", follow=True)
    assert response.redirect_chain[-1][0] == f"/intelligence/measures/{COVENTRY}"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.title.get_text(strip=True) == "Workforce measures for Coventry – careforce"
    rows = {r[0]: r for r in page_table(response)[1:]}
    assert {
        "Filled posts",
        "Vacancy rate",
        "Staff turnover rate",
        "Median hourly pay",
        "Gender",
        "Ethnic group",
        "Nationality",
        "Disability",
        "Care Certificate",
        "Days lost to sickness",
    } <= set(rows)
    assert rows["Filled posts"][2] == f"{_staff(workplace__council_id=COVENTRY):,}"
    vacancy_published = rows["Vacancy rate"][3]
    assert vacancy_published == "England 2024/25 (published: vacancy rate): 7"
    # the latest published turnover and pay figures are too old to stand beside 2026/27's
    assert rows["Staff turnover rate"][3] == (
        "No figure published for 2023/24 or later (latest held: England 2022/23, West Midlands 2019/20)"
    )
    assert rows["Median hourly pay"][3] == (
        "No figure published for 2025/26 or later (latest held: England 2016/17, West Midlands 2016/17)"
    )
    assert rows["Age"][3] == "No published figure held"
    assert "None" not in {r[3] for r in rows.values()}


def test_a_measure_page_shows_the_table_first_with_caption_numeric_columns_definition_and_sources(as_analyst):
    response = as_analyst.get(f"/intelligence/measures/{COVENTRY}/staff-turnover-rate".replace("staff-", ""))
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.title.get_text(strip=True) == "Staff turnover rate in Coventry – careforce"
    assert caption(response).startswith("Staff turnover rate in Coventry, in the 12 months to 1 November 2026")
    numeric = [th.get_text(strip=True) for th in soup.select("thead th.govuk-table__header--numeric")]
    assert numeric == ["Leavers in the 12 months", "Permanent and temporary staff", "Turnover rate (%)"]
    rows = page_table(response)[1:]
    assert rows[0][0] == "Coventry" and re.fullmatch(r"\d+\.\d", rows[0][3])
    assert len(rows) == 1  # no published turnover figure is recent enough to stand beside it
    text = soup.select_one("main").get_text(" ", strip=True)
    assert "of staff left in the 12 months to 1 November 2026" in text
    assert "divided by permanent and temporary staff on the date" in text  # the definition
    assert (
        "England: the latest published figure held is for 2022/23 (30 percent, staff turnover rate), more than 3 "
        "years before 2026/27, the year of these figures, so it is not shown beside them. Source: Skills for Care"
    ) in text
    assert "Figures for the 12 months from 2 November 2025 to 1 November 2026 come from the staff records of " in text


def test_a_comparator_on_a_measure_page_names_its_year_and_source(as_analyst):
    response = as_analyst.get(f"/intelligence/measures/{COVENTRY}/vacancy-rate")
    rows = page_table(response)[1:]
    assert [r[0] for r in rows] == ["Coventry", "England 2024/25 (published: vacancy rate)"]
    assert rows[1][3] == "7"
    text = BeautifulSoup(response.content, "html.parser").select_one("main").get_text(" ", strip=True)
    assert "England, 2024/25, vacancy rate: 7 percent. Source: The Care Workers' Charity" in text


def test_suppressed_cells_show_c_with_a_visible_key_and_the_csv_has_the_same_c(as_analyst):
    path = f"/intelligence/measures/{COVENTRY}/turnover-rate"
    response = as_analyst.get(path, {"by": "job_role"})
    shown = page_table(response)
    suppressed = [(i, j) for i, row in enumerate(shown) for j, cell in enumerate(row) if cell == "[c]"]
    assert suppressed, "the small demo's job roles in Coventry include roles with fewer than 5 staff"
    key = BeautifulSoup(response.content, "html.parser").select_one("main dl").get_text(" ", strip=True)
    assert "[c] fewer than 5 people" in key
    cells = csv_rows(as_analyst.get(f"{path}.csv", {"by": "job_role"}).content)
    assert all(cells[i][j] == "[c]" for i, j in suppressed)
    for row in shown[1:]:  # no shown count of 1 to 4 people anywhere
        for cell in row[1:3]:
            assert cell in ("[c]", "[x]", "no returns") or not 1 <= int(cell.replace(",", "")) <= 4


def test_every_breakdown_of_every_measure_opens_and_unknown_breakdowns_fall_back_to_the_area(as_analyst):
    from careforce.domain.metrics import MEASURES

    for m in MEASURES:
        slug = m.id.replace("_", "-")
        for by in ("", "trend", "job_role", "job_role_group", "main_service", "sector"):
            assert as_analyst.get(f"/intelligence/measures/{COVENTRY}/{slug}", {"by": by}).status_code == 200
    odd = as_analyst.get(f"/intelligence/measures/{COVENTRY}/gender", {"by": "<script>"})
    assert odd.status_code == 200 and "<script>" not in odd.content.decode()
    assert caption(odd).startswith("Gender in Coventry, on")


def test_trends_show_turnover_for_each_of_the_last_five_year_ends(as_analyst):
    response = as_analyst.get(f"/intelligence/measures/{COVENTRY}/turnover-rate", {"by": "trend"})
    rows = page_table(response)[1:]
    assert [r[0] for r in rows] == [f"12 months to 1 November {y}" for y in range(2022, 2027)]
    assert re.fullmatch(r"\d+\.\d", rows[-1][3]) and re.fullmatch(r"\d+\.\d", rows[-2][3])


def test_regional_lead_sees_all_fourteen_councils_side_by_side_and_the_region(as_lead):
    response = as_lead.get(f"/intelligence/measures/{REGION}/filled-posts", {"by": "council"})
    rows = page_table(response)[1:]
    councils = [r for r in rows if not r[0].startswith(("All", "England", "West Midlands"))]
    assert len(councils) == 14
    coventry = next(r for r in councils if r[0] == "Coventry")
    assert coventry[1] == f"{_staff(workplace__council_id=COVENTRY):,}"
    assert next(r for r in rows if r[0] == "All (West Midlands)")[1] == f"{_staff():,}"
    dashboard = BeautifulSoup(as_lead.get(f"/intelligence/measures/{REGION}").content, "html.parser")
    assert len(dashboard.select(f"a[href^='/intelligence/measures/E0'][href$='{COVENTRY}']")) == 1


def test_a_change_to_the_records_shows_on_the_next_page(as_analyst):
    path = f"/intelligence/measures/{COVENTRY}/filled-posts"
    before = int(page_table(as_analyst.get(path))[1][1].replace(",", ""))
    worker = Worker.objects.filter(workplace__council_id=COVENTRY, left_on__isnull=True, contract_type=1).first()
    worker.pk = None
    worker.local_identifier = "NEW-STARTER"
    worker.save()
    assert int(page_table(as_analyst.get(path))[1][1].replace(",", "")) == before + 1


def test_provider_manager_sees_their_workplaces_beside_their_council(as_manager):
    from careforce.accounts.models import User

    response = as_manager.get("/intelligence/provider")
    assert response.status_code == 200
    manager = User.objects.get(username="manager@demo.careforce.test")
    soup = BeautifulSoup(response.content, "html.parser")
    council_name = soup.select_one("main table caption").get_text(strip=True).split("all workplaces in ")[1]
    council_name = council_name.rsplit(",", 1)[0]
    from careforce.region.models import Council

    council = Council.objects.get(name=council_name)
    rows = {r[0]: r for r in page_table(response)[1:]}
    own = _staff(workplace__council_id=council.gss_code, workplace__organisation_id=manager.organisation_id)
    assert rows["Filled posts"][2:] == [f"{own:,}", f"{_staff(workplace__council_id=council.gss_code):,}"]
    detail = as_manager.get("/intelligence/provider/turnover-rate")
    labels = [r[0] for r in page_table(detail)[1:]]
    assert labels[:2] == [f"Your workplaces in {council_name}", f"All workplaces in {council_name}"]
    assert not any(label.startswith("England ") for label in labels)  # 2022/23 is too old for 2026/27
    vacancies = [r[0] for r in page_table(as_manager.get("/intelligence/provider/vacancy-rate"))[1:]]
    assert vacancies[2:] == ["England 2024/25 (published: vacancy rate)"]
