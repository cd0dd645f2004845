"""Reading measure pages and their downloads back, as a person or a spreadsheet would."""

from __future__ import annotations

import csv
import io

from bs4 import BeautifulSoup

COVENTRY = "E08000026"
BIRMINGHAM = "E08000025"
REGION = "E12000005"


def page_table(response) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The first table of a page: its header row, then each row (row header first)."""
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.select_one("main table")
    head = [th.get_text(strip=True) for th in table.select("thead th")]
    body = [[c.get_text(strip=True) for c in tr.select("th, td")] for tr in table.select("tbody tr")]
    return [head, *body]


def caption(response) -> str:  # type: ignore[no-untyped-def]
    return BeautifulSoup(response.content, "html.parser").select_one("main table caption").get_text(strip=True)


def same(shown: str, downloaded: object) -> bool:
    """A page cell and a download cell hold the same figure (the page adds thousands separators)."""
    text = str(downloaded)
    if shown == text:
        return True
    try:
        return abs(float(shown.replace(",", "")) - float(text)) < 1e-9
    except ValueError:
        return False


def assert_same_table(shown: list[list[str]], downloaded: list[list[object]]) -> None:
    assert len(shown) == len(downloaded), (shown, downloaded)
    for page_row, file_row in zip(shown, downloaded, strict=True):
        assert len(page_row) == len(file_row), (page_row, file_row)
        assert all(same(a, b) for a, b in zip(page_row, file_row, strict=True)), (page_row, file_row)


def csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_rows(content: bytes) -> list[list[object]]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content))["Table"]
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def ods_rows(content: bytes) -> list[list[object]]:
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow

    doc = load(io.BytesIO(content))
    sheet = next(t for t in doc.spreadsheet.getElementsByType(Table) if t.getAttribute("name") == "Table")
    rows = []
    for tr in sheet.getElementsByType(TableRow):
        row: list[object] = []
        for cell in tr.getElementsByType(TableCell):
            kind = cell.getAttribute("valuetype")
            row.append(float(cell.getAttribute("value")) if kind == "float" else str(cell))
        rows.append(row)
    return rows
