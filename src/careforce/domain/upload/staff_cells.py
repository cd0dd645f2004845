"""Cell parsers for the staff file: each turns one cell into ``(value, message or None, detail)``.

They see one cell only, so :class:`~careforce.domain.upload.columnar.CellRule` can memoise them on the
distinct values of a column. Rules that need other columns live in :mod:`staff_combos`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from careforce.domain.reference import MAX_WEEKLY_HOURS
from careforce.domain.upload import staff_messages as m
from careforce.domain.upload.cells import (
    INVALID,
    DateProblem,
    describe_date,
    is_half_step,
    parse_code,
    parse_date,
    parse_decimal,
    parse_year,
)
from careforce.domain.upload.columnar import CellResult, TextRule
from careforce.domain.upload.messages import Message
from careforce.domain.upload.neutralise import restore_cell
from careforce.domain.upload.records import DONT_KNOW
from careforce.domain.upload.rules_common import STATUSES, worker_age_allowed

Parser = Callable[[str], CellResult]
BLANK = ""
"""Value of an optional code cell left blank, where a rule must tell blank from invalid."""
ID_LIMIT = 49
NI_NUMBER = re.compile(r"[A-Za-z]{2}\d{6}[A-Za-z]?")
CLEAN_NI_NUMBER = "(?:[A-Z]{2}[0-9]{6}[A-Z]?)?"
"""NI numbers (or blanks) that :func:`ni_number` gives back as they are."""
HOME_POSTCODE = re.compile(r"[A-Za-z]{1,2}[0-9]{1,2}[A-Za-z]?\s[0-9][A-Za-z]{2}")
CLEAN_POSTCODE = "[A-Z]{1,2}[0-9]{1,2}[A-Z]? [0-9][A-Z]{2}"
"""Postcodes that :func:`postcode` gives back as they are."""
MAX_HOURS = MAX_WEEKLY_HOURS
MAX_DAYS_SICK = 366
L2_FIRST_YEAR = 2024
SPECIAL_START = frozenset(" \t\r\n=+-@'")
"""First characters that need the slow path: formula triggers, our export's apostrophe, leading space."""


def text(
    column: str, limit: int | None = None, missing: Message | None = None, too_long: Message | None = None
) -> Parser:
    """Free text, stored as given (a formula-looking value too: it is never evaluated here, and every export
    neutralises it, see :mod:`neutralise`); ``limit`` is the most characters allowed."""

    def parse(cell: str) -> CellResult:
        if cell[:1] in SPECIAL_START:
            value = cell.strip()
            if value[:1] == "'":
                value = restore_cell(value)
        else:
            value = cell.strip()
        if not value:
            return (None, missing, "") if missing else ("", None, "")
        if limit is not None and too_long is not None and len(value) > limit:
            return None, too_long, ""
        return value, None, ""

    return parse


def text_rule(
    column: str, limit: int | None = None, missing: Message | None = None, too_long: Message | None = None
) -> TextRule:
    return TextRule(
        column, text(column, limit, missing, too_long), limit if too_long else None, SPECIAL_START, missing is None
    )


def code(table: dict[str, int], bad: Message, missing: Message | None = None, blank: object = None) -> Parser:
    """A code from ``table``; ``missing`` is reported for a blank cell, else it gives ``blank``."""

    def parse(cell: str) -> CellResult:
        found = parse_code(table, cell)
        if found is None:
            return blank, missing, ""
        if found is INVALID:
            return None, bad, ""
        return found, None, ""

    return parse


def status(cell: str) -> CellResult:
    found = STATUSES.get(cell.strip().upper())
    return (found, None, "") if found is not None else (None, m.STATUS, "")


def ni_number(cell: str) -> CellResult:
    value = cell.strip()
    if not value:
        return "", None, ""
    if NI_NUMBER.fullmatch(value):
        return value.upper(), None, ""
    return None, m.NI, ""


def postcode(cell: str) -> CellResult:
    value = cell.strip()
    if not value:
        return "", m.POSTCODE_BLANK, ""
    if HOME_POSTCODE.fullmatch(value):
        return value.upper(), None, ""
    return "", m.POSTCODE, ""


def date_of_birth(today: date) -> Parser:
    def parse(cell: str) -> CellResult:
        born = parse_date(cell)
        if born is None:
            return None, m.DOB_MISSING, ""
        if isinstance(born, DateProblem):
            return None, m.DOB_FORMAT, describe_date(cell, born)
        if born > today:
            return None, m.DOB_RANGE, "it is in the future"
        if not worker_age_allowed(born, today):
            return None, m.DOB_RANGE, ""
        return born, None, ""

    return parse


def date_as_given(cell: str) -> CellResult:
    """A date read as it is, in range or not (``None`` if blank or not a date); no message."""
    found = parse_date(cell)
    return (None if found is None or isinstance(found, DateProblem) else found), None, ""


def start_date(today: date) -> Parser:
    def parse(cell: str) -> CellResult:
        started = parse_date(cell)
        if started is None:
            return None, m.START_MISSING, ""
        if isinstance(started, DateProblem):
            return None, m.START_FORMAT, describe_date(cell, started)
        if started > today:
            return None, m.START_FUTURE, ""
        return started, None, ""

    return parse


def year_started_in_sector(today: date) -> Parser:
    def parse(cell: str) -> CellResult:
        year = parse_year(cell)
        if year is None:
            return None, m.SECTOR_MISSING, ""
        if year is INVALID:
            return (DONT_KNOW, None, "") if cell.strip() == str(DONT_KNOW) else (None, m.SECTOR_FORMAT, "")
        if year > today.year:
            return None, m.SECTOR_FUTURE, ""
        return year, None, ""

    return parse


def year_of_entry(today: date) -> Parser:
    def parse(cell: str) -> CellResult:
        year = parse_year(cell)
        if year is None:
            return None, None, ""
        if year is INVALID:
            return None, m.ENTRY_FORMAT, ""
        if year > today.year:
            return None, m.ENTRY_FUTURE, ""
        return year, None, ""

    return parse


def hours(bad: Message, too_many: Message) -> Parser:
    def parse(cell: str) -> CellResult:
        value = parse_decimal(cell, max_places=1)
        if value is None:
            return None, None, ""
        if value is INVALID or not is_half_step(value):
            return None, bad, ""
        if value > MAX_HOURS and value != DONT_KNOW:
            return None, too_many, ""
        return value, None, ""

    return parse


def days_sick(cell: str) -> CellResult:
    value = parse_decimal(cell, max_places=1)
    if value is None:
        return None, None, ""
    if value is INVALID or not is_half_step(value) or MAX_DAYS_SICK < value != DONT_KNOW:
        return None, m.SICK, ""
    return value, None, ""


def pay_interval(cell: str) -> CellResult:
    value = cell.strip()
    if not value:
        return None, None, ""
    if not value.isdigit():
        return None, m.PAY_INTERVAL_NUMBER, ""
    if int(value) not in (1, 3, DONT_KNOW):
        return None, m.PAY_INTERVAL, ""
    return int(value), None, ""


def salary(cell: str) -> CellResult:
    value = cell.strip()
    if not value:
        return None, None, ""
    return (int(value), None, "") if value.isascii() and value.isdigit() else (INVALID, m.SALARY, "")


def salary_band(cell: str) -> CellResult:
    """Which SALARY range a cell falls in: all :func:`staff_combos.check_pay` needs to know of it."""
    value, _message, _detail = salary(cell)
    if value is None or value is INVALID:
        return value, None, ""
    if value < 500:
        return "under 500", None, ""
    if value <= 200_000:
        return "standard", None, ""
    return ("senior" if value <= 250_000 else "too high"), None, ""


def hourly_rate(cell: str) -> CellResult:
    value = parse_decimal(cell, max_places=2)
    if value is INVALID:
        return INVALID, m.RATE, ""
    return value, None, ""


def hourly_rate_given(cell: str) -> CellResult:
    """Whether HOURLYRATE is given (``True``), blank (``None``) or not a rate (:data:`INVALID`)."""
    value = parse_decimal(cell, max_places=2)
    return (value if value is None or value is INVALID else True), None, ""


def qualification_held(table: dict[str, int], bad: Message, bad_level: Message, level_required: bool) -> Parser:
    """SCQUAL / NONSCQUAL: ``1;level``, ``2`` or ``999``; the value is ``(held, level)``."""

    def parse(cell: str) -> CellResult:
        parts = cell.strip().split(";")
        if not parts[0]:
            return (None, None), (m.SC_BLANK if level_required else None), ""
        held = {"1": 1, "2": 2, "999": DONT_KNOW}.get(parts[0].strip())
        if held is None or len(parts) > 2 or (held != 1 and len(parts) > 1):
            return (None, None), bad, ""
        if held != 1:
            return (held, None), None, ""
        if len(parts) == 1 or not parts[1].strip():
            return ((None, None), m.SC_LEVEL_MISSING, "") if level_required else ((held, DONT_KNOW), None, "")
        level = table.get(parts[1].strip())
        return (held, level), (bad_level if level is None else None), ""

    return parse


def level_2_care_certificate(today: date) -> Parser:
    """L2CARECERT: ``1[;YYYY]``, ``2`` or ``3``; the value is ``(option, year)``."""

    def parse(cell: str) -> CellResult:
        value = cell.strip()
        if not value:
            return (None, None), None, ""
        option_text, _, year_text = value.partition(";")
        option = {"1": 1, "2": 2, "3": 3}.get(option_text.strip())
        year_text = year_text.strip()
        if option is None:
            return (None, None), m.L2, ""
        if not year_text:
            return (option, None), None, ""
        if option != 1:
            return (option, None), m.L2_YEAR_OPTION.with_text(m.L2_YEAR_OPTION.text.replace("2|3", str(option))), ""
        if not (len(year_text) == 4 and year_text.isdigit()):
            return (option, None), m.L2_YEAR, ""
        if int(year_text) < L2_FIRST_YEAR:
            return (option, None), m.L2_EARLY, ""
        if int(year_text) > today.year:
            return (option, None), m.L2_FUTURE, ""
        return (option, int(year_text)), None, ""

    return parse


def qualification(table: dict[str, int], messages: tuple[Message, Message, Message, Message], today: date) -> Parser:
    """QUALACHnn: ``code;YYYY``; the value is ``(code, year)`` or ``None``."""
    bad_code, blank_year, bad_year, _notes = messages

    def parse(cell: str) -> CellResult:
        value = cell.strip()
        if not value:
            return None, None, ""
        code_text, _, year_text = value.partition(";")
        found = table.get(code_text.strip())
        if found is None:
            return None, bad_code, ""
        year_text = year_text.strip()
        if not year_text:
            return (found, None), blank_year, ""
        if not (len(year_text) == 4 and year_text.isdigit()) or not today.year - 100 <= int(year_text) <= today.year:
            return None, bad_year, ""
        return (found, int(year_text)), None, ""

    return parse
