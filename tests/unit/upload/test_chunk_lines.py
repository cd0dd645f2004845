"""Cutting a file into chunks of lines for the workers finds exactly the rows and problems the csv module does.

:func:`iter_chunk_lines` reads lines without a quote character with string methods, and the others with
the csv module; :func:`iter_chunks` reads every line with the csv module. They must agree on every file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careforce.domain.upload.layouts import FileKind, Layout, match_layout, standard_columns
from careforce.domain.upload.reading import UploadFile, cells_from_lines, iter_chunk_lines, iter_chunks
from careforce.domain.upload.report import Problem

HEADER = standard_columns(FileKind.TRAINING)
WIDTH = len(HEADER)
LAYOUT = match_layout(HEADER)
assert isinstance(LAYOUT, Layout)

cell_text = st.text(alphabet=st.sampled_from('ab ;,\t"\r\n1'), max_size=6)
plain = st.text(alphabet=st.sampled_from("ab 1;"), max_size=4)


@st.composite
def records(draw: st.DrawFn, delimiter: str) -> str:
    """One record as a spreadsheet might save it, or something worse."""
    kind = draw(st.sampled_from(["row", "row", "row", "quoted", "short", "long", "trailing", "blank", "junk"]))
    width = {"short": draw(st.integers(1, WIDTH - 1)), "long": draw(st.integers(WIDTH + 1, WIDTH + 3))}.get(kind, WIDTH)
    if kind == "blank":
        return draw(st.sampled_from(["", delimiter * draw(st.integers(1, WIDTH + 2)), " "]))
    if kind == "junk":
        return draw(st.text(alphabet=st.sampled_from(f'a"{delimiter}\r\n '), max_size=20))
    cells = [draw(plain) for _ in range(width)]
    if draw(st.booleans()):
        cells[0] = ""
    if kind == "quoted":
        i = draw(st.integers(0, width - 1))
        cells[i] = '"' + draw(cell_text).replace('"', '""') + '"' if draw(st.booleans()) else draw(cell_text)
    line = delimiter.join(cells)
    if kind == "trailing":
        line += delimiter * draw(st.integers(1, 3)) + draw(st.sampled_from(["", "", "x"]))
    return line


@st.composite
def files(draw: st.DrawFn) -> tuple[str, str]:
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    ending = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    lines = [draw(st.sampled_from(["", delimiter * 3])) for _ in range(draw(st.integers(0, 2)))]
    if draw(st.integers(0, 9)):
        lines.append(delimiter.join(HEADER))
    lines += [draw(records(delimiter)) for _ in range(draw(st.integers(0, 40)))]
    text = ending.join(lines) + draw(st.sampled_from([ending, ""]))
    return delimiter, text


def chunks_both_ways(text: str, delimiter: str, size: int) -> Iterator[tuple[object, object]]:
    upload = UploadFile("training.csv", text.encode(), "utf-8", delimiter, LAYOUT)  # type: ignore[arg-type]
    problems: list[Problem] = []
    expected, reported = [], []  # the chunks, and how many problems had been reported when each came
    for chunk in iter_chunks(upload, problems, size):
        expected.append(chunk)
        reported.append(len(problems))
    items = list(iter_chunk_lines(upload, size))
    yield [item.rows for item in items if item.rows], [rows for rows, _cells in expected]
    yield [p for item in items for p in item.problems], problems
    yield (
        [cells_from_lines(item, delimiter, WIDTH) for item in items if item.rows],
        [cells for _rows, cells in expected],
    )
    before = [len(item.problems) for item in items]
    yield [sum(before[: i + 1]) for i, item in enumerate(items) if item.rows], reported


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files(), st.sampled_from([1, 2, 3, 7, 4096]))
def test_chunk_lines_find_the_same_rows_problems_and_cells_as_the_csv_module(file: tuple[str, str], size: int) -> None:
    delimiter, text = file
    for got, expected in chunks_both_ways(text, delimiter, size):
        assert got == expected


@pytest.mark.parametrize("size", [1, 2, 4096])
def test_a_cell_too_long_for_the_csv_module_stops_both_at_the_same_row(size: int) -> None:
    row = ",".join(["WP1", "W1", "6", "x", "1", "2", "3", "1", "12", "15/01/2026", "", ""])
    limit = csv.field_size_limit()
    for long_line in ("y" * (limit + 5), '"' + "y" * (limit + 5) + '"'):
        text = "\r\n".join([",".join(HEADER), row, row, row.replace("x", long_line), row, ""])
        for got, expected in chunks_both_ways(text, ",", size):
            assert got == expected
