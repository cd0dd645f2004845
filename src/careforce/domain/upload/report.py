"""The validation report a provider sees before anything is saved.

Each :class:`Problem` names the file, the spreadsheet row (the header is row 1, the first record row 2),
the column, the ASC-WDS error or warning code where one applies, the severity and a plain message.
Errors block the import; warnings let the row through (the value concerned is ignored).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TextIO

from careforce.domain.upload.neutralise import neutralise_cell

CLI_COLUMNS = ("file", "row", "column", "code", "severity", "message")
DOWNLOAD_COLUMNS = (*CLI_COLUMNS, "value")
GROUP_FROM = 4
"""Problems of one kind (file, column, code, wording) this many times or more are shown as one line."""
ROWS_NAMED = 5
OPTIONAL_BLANK = (" is blank", " is missing")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an upload.

    ``row`` is ``None`` for problems with a whole file (its encoding, size or header row is checked
    before any row is read). ``code`` is the ASC-WDS code, or ``None`` when ASC-WDS has no such check.
    """

    file: str
    row: int | None
    column: str
    code: int | None
    severity: Severity
    message: str
    value: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def kind(self) -> tuple[str, str, int | None, Severity, str]:
        """What makes two problems the same kind: file, column, code, severity and wording."""
        return (self.file, self.column, self.code, self.severity, self.message)

    def as_row(self, with_value: bool) -> list[str]:
        cells = [
            self.file,
            "" if self.row is None else str(self.row),
            self.column,
            "" if self.code is None else str(self.code),
            self.severity.value,
            self.message,
        ]
        if with_value:
            cells.append(self.value)
        return [neutralise_cell(cell) for cell in cells]


@dataclass(frozen=True, slots=True)
class ProblemGroup:
    """Many problems of one kind, shown as one line; every row is still in the downloadable report."""

    file: str
    column: str
    code: int | None
    severity: Severity
    message: str
    count: int
    rows: tuple[int, ...]
    """The first few rows it is found on."""
    value: str = ""
    """The value given, when it is the same on every row (often blank)."""
    records: str = "rows"
    """What a row of this file is, in words: "staff records", "workplaces", "training records"."""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def summary(self) -> str:
        """One line: "11,280 staff records have no POSTCODE; it is optional", or the count and ASC-WDS's wording."""
        blank = not self.is_error and self.message.startswith(self.column) and self.message.endswith(OPTIONAL_BLANK)
        if blank:
            return f"{self.count:,} {self.records} have no {self.column}; it is optional"
        return f"{self.count:,} {self.records}: {self.message}"

    def rows_text(self) -> str:
        named = ", ".join(f"{row:,}" for row in self.rows)
        more = self.count - len(self.rows)
        return f"rows {named} and {more:,} more" if more > 0 else f"rows {named}"


class ValidationReport:
    """Every problem found in an upload, in the order found; counts kept as problems are added."""

    __slots__ = ("_problems", "error_count", "warning_count", "file_order")

    def __init__(self, problems: Iterable[Problem] = (), file_order: Iterable[str] = ()) -> None:
        self._problems: list[Problem] = []
        self.file_order = list(file_order)
        """Files in the order to list them (workplace, staff, training); others follow as first reported."""
        self.error_count = 0
        self.warning_count = 0
        for problem in problems:
            self.add(problem)

    def add(self, problem: Problem) -> None:
        self._problems.append(problem)
        if problem.severity is Severity.ERROR:
            self.error_count += 1
        else:
            self.warning_count += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.add(problem)

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(self._problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self._problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self._problems if not p.is_error)

    @property
    def has_errors(self) -> bool:
        return self.error_count > 0

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self._problems)

    def sorted(self) -> list[Problem]:
        """Problems by file (in the order first reported), then row (file-level problems first)."""
        order: dict[str, int] = {name: i for i, name in enumerate(self.file_order)}
        for p in self._problems:
            order.setdefault(p.file, len(order))
        return sorted(self._problems, key=lambda p: (order[p.file], -1 if p.row is None else p.row))

    def grouped(
        self, records: dict[str, str] | None = None, group_from: int = GROUP_FROM
    ) -> list[Problem | ProblemGroup]:
        """:meth:`sorted`, with each kind of problem found ``group_from`` times or more as one
        :class:`ProblemGroup` where it is first found. ``records`` names each file's rows ("staff records")."""
        ordered = self.sorted()
        kinds: dict[tuple[str, str, int | None, Severity, str], list[Problem]] = {}
        for p in ordered:
            kinds.setdefault(p.kind, []).append(p)
        out: list[Problem | ProblemGroup] = []
        placed: set[tuple[str, str, int | None, Severity, str]] = set()
        for p in ordered:
            found = kinds[p.kind]
            if len(found) < group_from or p.row is None:
                out.append(p)
            elif p.kind not in placed:
                placed.add(p.kind)
                values = {f.value for f in found}
                out.append(
                    ProblemGroup(
                        *p.kind,
                        count=len(found),
                        rows=tuple(f.row for f in found[:ROWS_NAMED] if f.row is not None),
                        value=values.pop() if len(values) == 1 else "",
                        records=(records or {}).get(p.file, "rows"),
                    )
                )
        return out

    def counts_by_code(self) -> dict[tuple[int | None, Severity], int]:
        counts: dict[tuple[int | None, Severity], int] = {}
        for p in self._problems:
            counts[(p.code, p.severity)] = counts.get((p.code, p.severity), 0) + 1
        return counts

    def write_csv(self, stream: TextIO, with_value: bool = True, lineterminator: str = "\r\n") -> None:
        """Write the report as CSV; every cell is neutralised against formula injection."""
        writer = csv.writer(stream, lineterminator=lineterminator)
        writer.writerow(DOWNLOAD_COLUMNS if with_value else CLI_COLUMNS)
        for problem in self.sorted():
            writer.writerow(problem.as_row(with_value))

    def to_csv(self, with_value: bool = True) -> str:
        """The report as CSV text: ``file,row,column,code,severity,message[,value]``."""
        buffer = io.StringIO()
        self.write_csv(buffer, with_value=with_value)
        return buffer.getvalue()
