"""The column-at-a-time rules' shortcuts give what checking each cell would give (ADR 0024, ADR 0025).

Each rule is run over random chunks, several in a row (so memos fill up), and compared with a plain
reference: parse each cell (or check each combination) and report each finding in row order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from careforce.domain.upload import staff_cells as c
from careforce.domain.upload.columnar import CellRule, ChunkSink, ComboRule, build, constant
from careforce.domain.upload.messages import own
from careforce.domain.upload.records import QualificationAchieved
from careforce.domain.upload.report import Problem
from careforce.domain.upload.staff_cells import SPECIAL_START, text_rule

BAD = own("bad")
ODD = own("odd")


def code(cell: str) -> tuple[Any, Any, str]:
    if cell == "x":
        return None, BAD, "not a code"
    return (int(cell) if cell.isdigit() else cell), None, ""


cells = st.sampled_from(
    ["", "1", "2", "x", " 1", "10", "=1", "'a", "b ", "AB123456C", "ab123456c", "WV1 1AA", "AB123456C\nCD123456D"]
)
chunks = st.lists(st.lists(cells, min_size=1, max_size=30), min_size=1, max_size=4)


def run_both(
    rule: Callable[[], Any], parse: Callable[[str], Any], chunk_list: list[list[str]], column: str
) -> tuple[list[Any], list[Any]]:
    """What the rule gives for each chunk in turn, and what parsing each cell would give."""
    problems: list[Problem] = []
    sink = ChunkSink("f.csv", problems)
    checked, expected = [], []
    the_rule = rule()
    for chunk in chunk_list:
        rows = list(range(2, len(chunk) + 2))
        sink.start(rows, {column: tuple(chunk)})
        before = len(problems)
        values = the_rule.run(tuple(chunk), sink)
        checked.append((values, problems[before:]))
        want_values, want_problems = [], []
        for i, cell in enumerate(chunk):
            value, message, detail = parse(cell)
            want_values.append(value)
            if message is not None:
                text = f"{message.text} ({detail})" if detail else message.text
                want_problems.append(Problem("f.csv", rows[i], column, message.code, message.severity, text, cell))
        expected.append((want_values, want_problems))
    return checked, expected


@settings(max_examples=150, deadline=None)
@given(chunks)
def test_cell_rules_give_what_parsing_each_cell_gives(chunk_list: list[list[str]]) -> None:
    for rule, parse in (
        (lambda: CellRule("C", code), code),
        (lambda: CellRule("C", c.ni_number, c.CLEAN_NI_NUMBER), c.ni_number),
        (lambda: CellRule("C", c.postcode, c.CLEAN_POSTCODE), c.postcode),
    ):
        checked, expected = run_both(rule, parse, chunk_list, "C")
        assert checked == expected


@settings(max_examples=150, deadline=None)
@given(chunks, st.booleans())
def test_text_rules_give_what_parsing_each_cell_gives(chunk_list: list[list[str]], blank_ok: bool) -> None:
    missing = None if blank_ok else own("missing")
    rule = text_rule("T", 3, missing, own("too long"))
    checked, expected = run_both(lambda: rule, rule.parse, chunk_list, "T")
    assert checked == expected
    assert SPECIAL_START >= {"=", "'", " "}


@given(st.from_regex(re.compile(c.CLEAN_NI_NUMBER), fullmatch=True))
def test_a_clean_ni_number_is_given_back_as_it_is(cell: str) -> None:
    assert c.ni_number(cell) == (cell, None, "")


@given(st.from_regex(re.compile(c.CLEAN_POSTCODE), fullmatch=True))
def test_a_clean_postcode_is_given_back_as_it_is(cell: str) -> None:
    assert c.postcode(cell) == (cell, None, "")


def combine(a: Any, b: Any) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    found = (("A", ODD, f"{a}/{b}"),) if a == "x" or b == "2" else ()
    return (f"{a}{b}",), found


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.tuples(cells, cells), min_size=1, max_size=20), min_size=1, max_size=4))
def test_combination_rules_give_what_checking_each_row_gives(chunk_list: list[list[tuple[str, str]]]) -> None:
    rule = ComboRule(combine)
    problems: list[Problem] = []
    sink = ChunkSink("f.csv", problems)
    for chunk in chunk_list:
        a, b = (list(column) for column in zip(*chunk, strict=True))
        rows = list(range(2, len(chunk) + 2))
        sink.start(rows, {"A": a})
        before = len(problems)
        assert rule.run(sink, a, b) == [combine(x, y)[0] for x, y in chunk]
        assert [(p.row, p.message) for p in problems[before:]] == [
            (rows[i], f"odd ({x}/{y})") for i, (x, y) in enumerate(chunk) if x == "x" or y == "2"
        ]


def test_constant_is_true_only_when_every_cell_is_the_same() -> None:
    assert constant(("", "", "")) and constant(["a"]) and not constant([]) and not constant(("a", "b", "a"))
    assert not constant(("a", "a", "b", "a", "a"))


def test_build_fills_every_field_as_the_constructor_does() -> None:
    built = build(QualificationAchieved, {"code": [1, 2], "year": [2020, None], "notes": ["a", ""]}, 2)
    assert built == [QualificationAchieved(1, 2020, "a"), QualificationAchieved(2, None, "")]
    try:
        build(QualificationAchieved, {"code": [1], "year": [2020]}, 1)
    except ValueError as exc:
        assert "needs the 3 fields" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("a missing field must be refused")
