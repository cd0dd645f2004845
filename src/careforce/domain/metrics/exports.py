"""Downloads of a :class:`~careforce.domain.metrics.tables.MeasureTable`: CSV, XLSX and ODS.

Each writes exactly the table's rows and columns (suppressed cells as their marker, e.g. "[c]").
CSV holds the table alone so it loads straight into analysis tools; XLSX and ODS hold it on a sheet
called "Table" starting at A1, with a "Notes" sheet carrying the caption, sentence, definition,
footnotes and source (the ONS layout for accessible spreadsheets).

CSV text cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
return) get a leading apostrophe, unless they are plain numbers. XLSX cells are written as typed
strings, and ODS cells carry an explicit string value type, so neither can hold a formula.
"""

from __future__ import annotations

import csv
import io
import re

from careforce.domain.metrics.disclosure import Marker
from careforce.domain.metrics.tables import Cell, MeasureTable

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def neutralise(text: str) -> str:
    """Text made safe to open in a spreadsheet from a CSV file."""
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def cell_text(cell: Cell) -> str:
    if isinstance(cell, Marker):
        return cell.code
    if isinstance(cell, bool):
        return str(int(cell))
    if isinstance(cell, int | float):
        return repr(cell) if isinstance(cell, float) else str(cell)
    return neutralise(cell)


def _notes(table: MeasureTable) -> list[tuple[str, str]]:
    return [
        ("Title", table.caption),
        ("What it shows", table.sentence),
        ("Definition", table.definition),
        *(("Note", f) for f in table.footnotes),
        ("Source", table.source),
    ]


def to_csv_bytes(table: MeasureTable) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in table.headings])
    for row in table.rows:
        writer.writerow([cell_text(c) for c in row])
    return buf.getvalue().encode("utf-8-sig")


def to_xlsx_bytes(table: MeasureTable) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Table"

    def put(ws: object, r: int, c: int, value: Cell) -> None:
        cell = ws.cell(row=r, column=c)  # type: ignore[attr-defined]
        if isinstance(value, int | float) and not isinstance(value, bool):
            cell.value = value
        else:
            cell.value = value.code if isinstance(value, Marker) else value
            cell.data_type = "s"

    for c, heading in enumerate(table.headings, start=1):
        put(sheet, 1, c, heading)
    for r, row in enumerate(table.rows, start=2):
        for c, value in enumerate(row, start=1):
            put(sheet, r, c, value)
    notes = book.create_sheet("Notes")
    for r, (key, text) in enumerate(_notes(table), start=1):
        put(notes, r, 1, key)
        put(notes, r, 2, text)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_ods_bytes(table: MeasureTable) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()

    def cell(value: Cell) -> object:
        if isinstance(value, int | float) and not isinstance(value, bool):
            tc = TableCell(valuetype="float", value=value)
            tc.addElement(P(text=str(value)))
        else:
            text = value.code if isinstance(value, Marker) else value
            tc = TableCell(valuetype="string", stringvalue=text)
            tc.addElement(P(text=text))
        return tc

    def add_sheet(name: str, rows: list[list[Cell]]) -> None:
        sheet = Table(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                tr.addElement(cell(value))
            sheet.addElement(tr)
        doc.spreadsheet.addElement(sheet)

    add_sheet("Table", [list(table.headings), *(list(r) for r in table.rows)])
    add_sheet("Notes", [[k, v] for k, v in _notes(table)])
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()
