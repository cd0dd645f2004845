"""Long lists for a provider manager: one page at a time, sortable by column, filtered by workplace and role."""

import re

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def _soup(response):  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _rows(page):  # type: ignore[no-untyped-def]
    return [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in page.select("table tbody tr")]


def test_training_due_shows_fifty_at_a_time_and_says_how_many_in_all(as_manager):
    page = _soup(as_manager.get("/provider/training-due"))
    caption = page.select_one("table caption").get_text(strip=True)
    total = int(re.search(r"of ([\d,]+) training records", caption).group(1).replace(",", ""))
    assert total > 50
    assert caption == f"Showing 1 to 50 of {total:,} training records"
    assert len(_rows(page)) == 50
    counts = page.find(string=re.compile(r"expired, .* expiring")).replace(",", "")
    expired, soon = (int(n) for n in re.findall(r"\d+", counts)[:2])
    assert expired + soon == total
    last = -(-total // 50)
    second = _soup(as_manager.get("/provider/training-due" + page.select_one(".govuk-pagination__next a")["href"]))
    assert second.select_one("table caption").get_text(strip=True).startswith("Showing 51 to ")
    end = _soup(as_manager.get(f"/provider/training-due?page={last}"))
    assert len(_rows(end)) == total - 50 * (last - 1)


def test_training_due_filters_by_workplace_role_and_status_and_the_pages_keep_the_filters(as_manager):
    page = _soup(as_manager.get("/provider/training-due"))
    workplace = page.select("#filter-workplace option")[1]
    filtered = _soup(as_manager.get(f"/provider/training-due?workplace={workplace['value']}&status=expired"))
    rows = _rows(filtered)
    assert rows and {r[1] for r in rows} == {workplace.get_text(strip=True)}
    assert {r[4] for r in rows} == {"Expired"}
    assert filtered.select_one("#filter-workplace option[selected]")["value"] == workplace["value"]
    for link in filtered.select("thead a"):
        assert f"workplace={workplace['value']}" in link["href"] and "status=expired" in link["href"]

    option = next(o for o in page.select("#filter-role option") if o.get_text(strip=True) == "Care worker")
    by_role = _soup(as_manager.get(f"/provider/training-due?role={option['value']}"))
    roles = {td.select_one(".govuk-body-s").get_text(strip=True) for td in by_role.select("tbody tr td:first-child")}
    assert roles == {"Care worker"}


def test_training_due_sorts_by_the_column_picked_and_says_so_to_screen_readers(as_manager):
    page = _soup(as_manager.get("/provider/training-due?sort=worker&order=desc"))
    references = [r[0].split(":")[0].strip() for r in _rows(page)]
    assert references == sorted(references, reverse=True)
    heading = page.find("th", attrs={"aria-sort": "descending"})
    assert heading.get_text(" ", strip=True).startswith("Worker reference")
    assert "sort=worker&order=asc" in heading.a["href"]
    expiry = next(th for th in page.select("thead th") if "Expiry date" in th.get_text())
    assert expiry["aria-sort"] == "none"


def test_a_changed_link_with_values_not_offered_shows_the_first_page_as_usual(as_manager):
    odd = _soup(as_manager.get("/provider/training-due?sort=nonsense&order=sideways&workplace=abc&role=999&page=x"))
    usual = _soup(as_manager.get("/provider/training-due"))
    assert _rows(odd) == _rows(usual)
