"""Parsing single cells: codes, dates, years, numbers and ``;`` lists.

Everything that can be looked up is looked up: code columns use a dict from the exact text to the code
(built once from the code lists), and dates and hours are memoised, because a staff file repeats the
same few thousand values many times. Parsers return the value, ``None`` for a blank cell, or
:data:`INVALID`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache
from typing import Final, Literal

from careforce.domain.reference import code_list, read_rows


class _Invalid(Enum):
    INVALID = "invalid"


INVALID: Final = _Invalid.INVALID
Invalid = Literal[_Invalid.INVALID]

_MEMO_LIMIT = 200_000
_DIGITS = re.compile(r"\d+")


def code_table(codes: Iterable[int | str]) -> dict[str, int]:
    """Exact cell text -> code, with zero-padded forms (``01``) accepted as ASC-WDS's parseInt does."""
    table: dict[str, int] = {}
    for code in codes:
        number = int(code)
        table[str(number)] = number
        table[f"{number:02d}"] = number
    return table


@cache
def list_codes(name: str) -> frozenset[int]:
    """The codes of a code list (``job_roles``...) or of a list in ``enumerations.csv``."""
    try:
        return frozenset(c.code for c in code_list(name))
    except KeyError:
        rows = read_rows("ascwds", "enumerations.csv")
        found = frozenset(int(r["code"]) for r in rows if r["list"] == name and r["code"].strip().isdigit())
        if not found:
            raise
        return found


def parse_code(table: dict[str, int], cell: str) -> int | None | Invalid:
    """The code in ``cell`` (surrounding spaces allowed), ``None`` when blank, else :data:`INVALID`."""
    found = table.get(cell)
    if found is not None:
        return found
    stripped = cell.strip()
    if not stripped:
        return None
    found = table.get(stripped)
    if found is None and stripped.isdigit():
        found = table.get(str(int(stripped)))
    return INVALID if found is None else found


def parse_int(cell: str) -> int | None | Invalid:
    stripped = cell.strip()
    if not stripped:
        return None
    if stripped.isascii() and stripped.isdigit():
        return int(stripped)
    return INVALID


def split_list(cell: str) -> list[str]:
    """The items of a ``;`` list, each stripped ('' -> [])."""
    stripped = cell.strip()
    if not stripped:
        return []
    return [item.strip() for item in stripped.split(";")]


class DateProblem(Enum):
    FORMAT = "not in the format DD/MM/YYYY"
    NOT_A_DATE = "not a real date"


_date_memo: dict[str, date | DateProblem] = {}


def _parse_date(text: str) -> date | DateProblem:
    if len(text) != 10 or text[2] != "/" or text[5] != "/":
        return DateProblem.FORMAT
    day, month, year = text[:2], text[3:5], text[6:]
    if not (day.isdigit() and month.isdigit() and year.isdigit() and text.isascii()):
        return DateProblem.FORMAT
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return DateProblem.NOT_A_DATE


def parse_date(cell: str) -> date | DateProblem | None:
    """A strict ``DD/MM/YYYY`` date; ``31/02/2020`` is :attr:`DateProblem.NOT_A_DATE`."""
    found = _date_memo.get(cell)
    if found is not None:
        return found
    text = cell.strip()
    if not text:
        return None
    parsed = _parse_date(text)
    if len(_date_memo) > _MEMO_LIMIT:
        _date_memo.clear()
    _date_memo[cell] = parsed
    return parsed


def describe_date(cell: str, problem: DateProblem) -> str:
    if problem is DateProblem.NOT_A_DATE:
        return f"{cell.strip()} is not a real date"
    return f"{cell.strip()} is not a date in the format DD/MM/YYYY"


def format_date(value: date | None) -> str:
    return "" if value is None else f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def parse_year(cell: str) -> int | None | Invalid:
    stripped = cell.strip()
    if not stripped:
        return None
    if len(stripped) == 4 and stripped.isascii() and stripped.isdigit():
        return int(stripped)
    return INVALID


_decimal_memo: dict[str, Decimal | Invalid] = {}


def parse_decimal(cell: str, max_places: int = 2) -> Decimal | None | Invalid:
    """A plain non-negative decimal number (no sign, no thousands separator, at most ``max_places``)."""
    found = _decimal_memo.get(cell)
    if found is not None:
        return found
    text = cell.strip()
    if not text:
        return None
    result: Decimal | Invalid = INVALID
    whole, _, places = text.partition(".")
    if whole.isascii() and (whole.isdigit() or (not whole and places)) and (not places or places.isdigit()):
        if len(places) <= max_places:
            try:
                result = Decimal(text)
            except InvalidOperation:
                result = INVALID
    if len(_decimal_memo) > _MEMO_LIMIT:
        _decimal_memo.clear()
    _decimal_memo[cell] = result
    return result


HALF = Decimal("0.5")


def is_half_step(value: Decimal) -> bool:
    return (value / HALF) == (value / HALF).to_integral_value()


def format_decimal(value: Decimal | None) -> str:
    return "" if value is None else str(value)


def format_int(value: int | None) -> str:
    return "" if value is None else str(value)
