"""Downloads hold exactly what the table shows, suppressed cells included, and cannot carry formulas."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from typing import Any

import openpyxl
import pytest
from odf.opendocument import load
from odf.table import Table, TableCell, TableRow

from careforce.domain.metrics import Split, build_table, measure, to_csv_bytes, to_ods_bytes, to_xlsx_bytes
from careforce.domain.metrics.exports import cell_text, neutralise
from careforce.domain.metrics.tables import MeasureTable

from .builders import area


@pytest.fixture(scope="module")
def gender_by_role() -> MeasureTable:
    rows: list[dict[str, Any]] = [{"gender": 2}] * 12 + [{"gender": 1}] * 6 + [{"job_role": 16, "gender": 2}] * 3
    t = build_table(measure("gender"), area(rows), "E08000026", Split.JOB_ROLE, date(2026, 3, 31))
    assert t.suppressed_cells > 0
    return t


def expected(t: MeasureTable) -> list[list[str]]:
    return [list(t.headings)] + [[cell_text(c) for c in row] for row in t.rows]


def test_csv_round_trips_with_c_markers(gender_by_role: MeasureTable) -> None:
    text = to_csv_bytes(gender_by_role).decode("utf-8-sig")
    read = list(csv.reader(io.StringIO(text)))
    assert read == expected(gender_by_role)
    assert "[c]" in read[1]


def _plain(value: Any) -> str:
    """Spreadsheets keep 0.0 as 0: compare numbers by value."""
    if isinstance(value, int | float):
        return repr(float(value))
    return str(value)


def normalised(rows: list[list[str]]) -> list[list[str]]:
    def one(text: str) -> str:
        try:
            return repr(float(text))
        except ValueError:
            return text

    return [[one(v) for v in row] for row in rows]


def test_xlsx_round_trips_numbers_as_numbers_and_markers_as_text(gender_by_role: MeasureTable) -> None:
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(gender_by_role)))
    assert book.sheetnames == ["Table", "Notes"]
    read = [[_plain(v) for v in row] for row in book["Table"].iter_rows(values_only=True)]
    assert read == normalised(expected(gender_by_role))
    numbers = [v for row in book["Table"].iter_rows(min_row=2, values_only=True) for v in row[1:]]
    assert any(isinstance(v, int) for v in numbers) and "[c]" in numbers
    notes = [r[1] for r in book["Notes"].iter_rows(values_only=True)]
    assert gender_by_role.sentence in notes and gender_by_role.caption in notes


def _ods_rows(data: bytes, sheet: str) -> list[list[str]]:
    doc = load(io.BytesIO(data))
    for table in doc.spreadsheet.getElementsByType(Table):
        if table.getAttribute("name") == sheet:
            return [
                [_ods_value(c) for c in row.getElementsByType(TableCell)] for row in table.getElementsByType(TableRow)
            ]
    raise AssertionError(f"no sheet {sheet}")


def _ods_value(c: Any) -> str:
    if c.getAttribute("valuetype") == "float":
        return repr(float(c.getAttribute("value")))
    return str(c.getAttribute("stringvalue"))


def test_ods_round_trips(gender_by_role: MeasureTable) -> None:
    assert _ods_rows(to_ods_bytes(gender_by_role), "Table") == normalised(expected(gender_by_role))


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx"])
def test_csv_text_that_a_spreadsheet_would_run_gets_a_leading_apostrophe(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["-3.5", "+12", "Care worker", "[c]"])
def test_plain_numbers_and_ordinary_text_are_left_alone(text: str) -> None:
    assert neutralise(text) == text


def test_a_formula_in_a_label_reaches_no_download_as_a_formula(gender_by_role: MeasureTable) -> None:
    evil = "=cmd|' /C calc'!A0"
    t = replace(gender_by_role, rows=((evil, *gender_by_role.rows[0][1:]), *gender_by_role.rows[1:]))
    assert list(csv.reader(io.StringIO(to_csv_bytes(t).decode("utf-8-sig"))))[1][0] == "'" + evil
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(t)))["Table"]
    assert sheet["A2"].data_type == "s" and sheet["A2"].value == evil
    assert _ods_rows(to_ods_bytes(t), "Table")[1][0] == evil
