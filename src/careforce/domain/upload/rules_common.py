"""Pieces shared by the workplace, staff and training rules: the problem sink and text cells."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import NamedTuple

from careforce.domain.upload.cells import INVALID, Invalid
from careforce.domain.upload.messages import Message
from careforce.domain.upload.neutralise import restore_cell
from careforce.domain.upload.records import Status
from careforce.domain.upload.report import Problem, Severity

STATUSES: Mapping[str, Status] = {s.value: s for s in Status} | {s.value.lower(): s for s in Status}


class Sink:
    """Collects the problems of one file; ``row`` is set before each row is checked."""

    __slots__ = ("file", "row", "problems", "row_has_error")

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.row = 0
        self.problems = problems
        self.row_has_error = False

    def add(self, message: Message, column: str, value: str = "", *fill: object, detail: str = "") -> None:
        text = message.render(*fill)
        if "(code)" in text:
            text = text.replace("(code)", f"({value.strip()})")
        if detail:
            text = f"{text} ({detail})"
        self.problems.append(Problem(self.file, self.row, column, message.code, message.severity, text, value))
        if message.severity is Severity.ERROR:
            self.row_has_error = True

    def add_at(self, row: int | None, message: Message, column: str, value: str = "", detail: str = "") -> None:
        text = f"{message.text} ({detail})" if detail else message.text
        self.problems.append(Problem(self.file, row, column, message.code, message.severity, text, value))


def text_cell(sink: Sink, column: str, cell: str) -> str | Invalid:
    """A free-text cell, stripped, stored as given even where it looks like a spreadsheet formula (ASC-WDS takes
    it; careforce never evaluates it, and every export neutralises it: see :mod:`neutralise`).

    A leading apostrophe added by our own exports (see :mod:`neutralise`) is removed first, so a
    download uploaded again gives back exactly the text that was downloaded.
    """
    text = cell.strip()
    if not text:
        return text
    if text[0] == "'":
        return restore_cell(text)
    return text


def identifier(sink: Sink, column: str, cell: str, missing: Message, too_long: Message, limit: int) -> str | None:
    """A local identifier (LOCALESTID, UNIQUEWORKERID): required and at most ``limit`` characters."""
    text = text_cell(sink, column, cell)
    if text is INVALID:
        return None
    if not text:
        sink.add(missing, column, cell)
        return None
    if len(text) > limit:
        sink.add(too_long, column, cell)
        return None
    return text


class WorkplaceFacts(NamedTuple):
    """What the staff and training rules need to know about a worker's workplace (a tuple: cheap to hash)."""

    cqc_regulated: bool | None
    main_service: int | None
    staff_do_delegated_healthcare_activities: int | None


WORKER_MIN_AGE = 14
WORKER_MAX_AGE = 100
"""A worker's age limits in ASC-WDS (workerCSVValidator.js, ``_validateDOB``): the upload's DOB rule and the
date of birth question page both ask :func:`worker_age_allowed`, and a start in the job before the 14th
birthday is refused by both through :func:`started_below_working_age`."""


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def worker_age_allowed(born: date, today: date) -> bool:
    """Whether a date of birth gives an age ASC-WDS accepts for a worker (14 to 100 on ``today``)."""
    return WORKER_MIN_AGE <= age_on(born, today) <= WORKER_MAX_AGE


def started_below_working_age(born: date, started: date) -> bool:
    """Whether a start date is before the worker's 14th birthday (ASC-WDS refuses it)."""
    return started < add_years(born, WORKER_MIN_AGE)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
