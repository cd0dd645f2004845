"""Every figure a council sees is true and traceable (ADR 0093), on the demo region.

* No measure page or download, for any role that may see one, says ``None``, ``nan`` or ``inf``.
* Where a measure adds up (counts of posts, vacancies and leavers), the councils' figures add up to
  the region's.
* Every table says which dates its figures are for and how many workplaces and returns they rest on.
"""

import io
import re

import pytest
from bs4 import BeautifulSoup
from signing_in import DEMO, signed_in
from test_intelligence_helpers import COVENTRY, REGION, csv_rows, page_table

from careforce.domain.metrics import MEASURES
from careforce.intelligence.measures import REGION_SPLITS, slug

pytestmark = pytest.mark.django_db
MISSING = re.compile(r"\b(None|nan|NaN|inf|null)\b")


def _text(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("main").get_text(" ", strip=True)


def _notes(content: bytes) -> str:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content))
    return " ".join(str(v) for ws in book for row in ws.iter_rows(values_only=True) for v in row)


def _no_missing_words(where: str, text: str) -> None:
    found = MISSING.findall(text)
    assert found == [], f"{where} shows {found}"


@pytest.mark.parametrize(("role", "area"), [("analyst", COVENTRY), ("lead", REGION)])
def test_no_measure_page_or_download_says_none_or_nan(role, area):
    client = signed_in(f"{role}@{DEMO}")
    _no_missing_words(f"dashboard {area}", _text(client.get(f"/intelligence/measures/{area}")))
    splits = [s.value for s in REGION_SPLITS if area == REGION or s.value != "council"]
    for m in MEASURES:
        path = f"/intelligence/measures/{area}/{slug(m)}"
        for by in splits:
            _no_missing_words(f"{path}?by={by}", _text(client.get(path, {"by": by})))
            _no_missing_words(f"{path}.csv?by={by}", client.get(f"{path}.csv", {"by": by}).content.decode("utf-8-sig"))
        _no_missing_words(f"{path}.xlsx", _notes(client.get(f"{path}.xlsx").content))


def test_no_provider_measure_page_or_download_says_none_or_nan(as_manager):
    _no_missing_words("provider dashboard", _text(as_manager.get("/intelligence/provider")))
    for m in MEASURES:
        path = f"/intelligence/provider/{slug(m)}"
        _no_missing_words(path, _text(as_manager.get(path)))
        _no_missing_words(f"{path}.xlsx", _notes(as_manager.get(f"{path}.xlsx").content))


def _number(cell: str) -> int:
    return int(cell.replace(",", ""))


@pytest.mark.parametrize(
    ("measure", "columns"),
    [
        ("filled-posts", ["Filled posts"]),
        ("vacancy-rate", ["Vacancies", "Posts (staff plus vacancies)"]),
        ("turnover-rate", ["Leavers in the 12 months", "Permanent and temporary staff"]),
        ("fte", ["Staff records with hours"]),
    ],
)
def test_the_councils_counts_add_up_to_the_regions_and_each_council_page_agrees(as_lead, measure, columns):
    by_council = csv_rows(as_lead.get(f"/intelligence/measures/{REGION}/{measure}.csv", {"by": "council"}).content)
    headings, *rows = by_council
    region_row = next(r for r in rows if r[0] == "All (West Midlands)")
    councils = [r for r in rows if r[0] != region_row[0] and not r[0].startswith(("England", "West Midlands "))]
    assert len(councils) == 14
    alone = csv_rows(as_lead.get(f"/intelligence/measures/{REGION}/{measure}.csv").content)
    for heading in columns:
        i = headings.index(heading)
        if any(r[i] == "[c]" for r in councils):
            continue  # a hidden council figure: nothing to add (the small demo has none for these counts)
        assert sum(_number(r[i]) for r in councils) == _number(region_row[i])
        assert _number(alone[1][alone[0].index(heading)]) == _number(region_row[i])
    coventry = csv_rows(as_lead.get(f"/intelligence/measures/{COVENTRY}/{measure}.csv").content)
    row = next(r for r in councils if r[0] == "Coventry")
    assert [coventry[1][coventry[0].index(h)] for h in columns] == [row[headings.index(h)] for h in columns]


def test_a_trend_says_for_each_year_which_dates_and_how_many_workplaces_and_returns(as_analyst):
    text = _text(as_analyst.get(f"/intelligence/measures/{COVENTRY}/turnover-rate", {"by": "trend"}))
    for year in (2022, 2023, 2024, 2025, 2026):
        assert re.search(
            rf"Figures for the 12 months from 2 November {year - 1} to 1 November {year} come from the staff records "
            rf"of [\d,]+ workplaces in Coventry; [\d,]+ workplaces there had made a return in the 2 years to "
            rf"1 November {year}, [\d,]+ of them one this measure can use, and [\d,]+ pass the benchmark rule\.",
            text,
        ), year


def test_years_before_the_demos_records_show_no_returns_not_a_turnover_of_nothing(as_analyst):
    response = as_analyst.get(f"/intelligence/measures/{COVENTRY}/turnover-rate", {"by": "trend"})
    rows = {r[0]: r[1:] for r in page_table(response)[1:]}
    # the small demo's records (and so its returns) go back 3 years: to 1 November 2023
    assert rows["12 months to 1 November 2022"] == ["no returns"] * 3
    assert rows["12 months to 1 November 2023"] == ["no returns"] * 3  # no return at the start of the 12 months
    assert all(re.fullmatch(r"\d+\.\d", rows[f"12 months to 1 November {y}"][2]) for y in (2024, 2025, 2026))
    assert "0.0" not in {r[2] for r in rows.values()}
    text = _text(response)
    assert "no returns no workplace in the area had made a return this figure can use by then" in text
    filled = {
        r[0]: r[1:]
        for r in page_table(as_analyst.get(f"/intelligence/measures/{COVENTRY}/filled-posts", {"by": "trend"}))[1:]
    }
    assert filled["1 November 2022"] == ["no returns"]
    assert filled["1 November 2023"] != ["no returns"]  # the year end the records begin at


def test_a_provider_page_says_how_many_of_its_own_workplaces_and_the_councils_its_figures_rest_on(as_manager):
    from careforce.accounts.models import User
    from careforce.workforce.models import Worker

    manager = User.objects.get(username=f"manager@{DEMO}")
    text = _text(as_manager.get("/intelligence/provider/filled-posts"))
    council = re.search(r"beside all workplaces in (.+?), on ", text).group(1)
    current = Worker.objects.filter(left_on__isnull=True, workplace__council__name=council)
    ours = current.filter(workplace__organisation=manager.organisation).values("workplace").distinct().count()
    everyone = current.values("workplace").distinct().count()
    name = manager.organisation.name
    assert f"come from the staff records of {everyone:,} workplaces in {council};" in text
    assert f"come from the staff records of {ours:,} {name}'s workplaces in {council} (your row);" in text
