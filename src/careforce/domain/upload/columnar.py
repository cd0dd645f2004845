"""Column-at-a-time validation for the big files (staff and training).

Rows are read in chunks and turned into columns. A *cell rule* parses one column and is memoised on the
distinct values of that column: a staff file of 160,000 rows has a few hundred distinct job roles,
genders or hours, so each distinct value is checked once and the rest is a dictionary look-up done by
``map`` in C. A *combination rule* checks several parsed columns together (contract type with hours,
pay interval with salary...) and is memoised on the tuple of its inputs. Only rules that compare
high-cardinality values (dates against dates of birth) run row by row.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import fields
from itertools import repeat
from operator import itemgetter
from typing import Any, TypeVar

from careforce.domain.upload.messages import Message
from careforce.domain.upload.report import Problem, Severity

CHUNK_ROWS = 4096
MEMO_LIMIT = 100_000
Finding = tuple[str, Message, str]
"""A problem found by a rule: column, message, plain detail ('' for none)."""
CellResult = tuple[Any, Message | None, str]
"""What a cell parser returns: the value (``None`` if ignored), a message or ``None``, a detail."""
T = TypeVar("T")


def constant(cells: Sequence[Any]) -> bool:
    """Whether every cell is the same (a column left blank, or one value throughout the chunk).

    Compared in C without hashing, so a constant column costs a few nanoseconds a cell; the first, middle
    and last cells are looked at first so that a varied column is given up on at once.
    """
    n = len(cells)
    if not n:
        return False
    first = cells[0]
    return bool(cells[-1] == first and cells[n // 2] == first and cells.count(first) == n)


class ChunkSink:
    """Problems of one chunk of rows; remembers which rows have an error (those make no record)."""

    __slots__ = ("file", "rows", "problems", "errors", "raw", "skip", "unchecked", "quiet")

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        self.rows: list[int] = []
        self.errors = bytearray()
        self.raw: dict[str, Sequence[str]] = {}
        self.skip = bytearray()
        """Rows whose other columns are not checked (STATUS DELETE or NOCHANGE), set once keys are read."""
        self.unchecked = bytearray()
        """Rows with STATUS UNCHECKED: ASC-WDS does not validate them, so ``quiet`` messages are not given."""
        self.quiet: frozenset[Message] = frozenset()
        """Warnings that only say an optional cell is blank, which ASC-WDS never gives on an UNCHECKED row."""

    def start(self, rows: list[int], raw: dict[str, Sequence[str]]) -> None:
        self.rows, self.raw = rows, raw
        self.errors = bytearray(len(rows))
        self.skip = bytearray()
        self.unchecked = bytearray()

    def add(self, i: int, column: str, message: Message, value: str | None = None, detail: str = "") -> None:
        if self.skip and self.skip[i]:
            return
        if self.unchecked and self.unchecked[i] and message in self.quiet:
            return
        text = message.text
        if value is None:
            column_cells = self.raw.get(column)
            value = column_cells[i] if column_cells is not None else ""
        if "(code)" in text:
            text = text.replace("(code)", f"({value.strip()})")
        if detail:
            text = f"{text} ({detail})"
        self.problems.append(Problem(self.file, self.rows[i], column, message.code, message.severity, text, value))
        if message.severity is Severity.ERROR:
            self.errors[i] = 1

    def add_at(self, row: int, column: str, message: Message, value: str, detail: str = "") -> None:
        """A problem found after the chunk has gone (cross-file checks at the end of a file)."""
        text = f"{message.text} ({detail})" if detail else message.text
        self.problems.append(Problem(self.file, row, column, message.code, message.severity, text, value))


class CellRule:
    """Parse one column, memoised on its distinct values; report each bad cell.

    ``clean``, if given, matches cells that ``parse`` returns unchanged without a message (an NI number
    already in capitals, say): a column of such cells (mostly distinct, so memoising would not help) is
    accepted with one regular expression over the whole column.
    """

    __slots__ = ("column", "parse", "memo", "findings", "missed", "clean")

    def __init__(self, column: str, parse: Callable[[str], CellResult], clean: str | None = None) -> None:
        self.column = column
        self.parse = parse
        self.memo: dict[str, Any] = {}
        self.findings: dict[str, tuple[Message, str]] = {}
        self.missed = True
        """Whether the last chunk had values not seen before (then the next is not assumed to have none)."""
        self.clean = re.compile(f"(?:(?:{clean})\\n)*(?:{clean})") if clean is not None else None

    def run(self, cells: Sequence[str], sink: ChunkSink) -> list[Any]:
        memo = self.memo
        if len(memo) > MEMO_LIMIT:
            memo.clear()
            self.findings.clear()
        if constant(cells):
            return self._run_constant(cells, sink)
        if self.clean is not None and cells:
            joined = "\n".join(cells)
            if joined.count("\n") == len(cells) - 1 and self.clean.fullmatch(joined):
                return list(cells)
        values: list[Any] | None = None
        if not self.missed:  # usually every value has been seen before: one look-up a cell, no set
            try:
                values = list(map(memo.__getitem__, cells))
            except KeyError:
                pass
        if values is None:
            new = set(cells).difference(memo)
            self.missed = bool(new)
            for cell in new:
                value, message, detail = self.parse(cell)
                memo[cell] = value
                if message is not None:
                    self.findings[cell] = (message, detail)
            values = list(map(memo.__getitem__, cells))
        findings = self.findings
        if findings and not findings.keys().isdisjoint(cells):
            column = self.column
            for i in [i for i, cell in enumerate(cells) if cell in findings]:
                message, detail = findings[cells[i]]
                sink.add(i, column, message, cells[i], detail)
        return values

    def _run_constant(self, cells: Sequence[str], sink: ChunkSink) -> list[Any]:
        """:meth:`run` for a column whose cells are all the same: parsed once, reported row by row."""
        cell = cells[0]
        if cell not in self.memo:
            value, message, detail = self.parse(cell)
            self.memo[cell] = value
            if message is not None:
                self.findings[cell] = (message, detail)
        found = self.findings.get(cell)
        if found is not None:
            message, detail = found
            for i in range(len(cells)):
                sink.add(i, self.column, message, cell, detail)
        return [self.memo[cell]] * len(cells)


class TextRule(CellRule):
    """A free-text column: most cells need no parsing, so only unusual ones go through ``parse``.

    A cell is usual when it is not blank (or blank is allowed), not longer than ``limit``, has no surrounding space and does not
    start with one of ``special`` (formula triggers, the apostrophe of our exports). Text columns are
    mostly distinct per row (names, identifiers), so memoising them would not help.
    """

    __slots__ = ("limit", "special", "blank_ok")

    def __init__(
        self,
        column: str,
        parse: Callable[[str], CellResult],
        limit: int | None,
        special: frozenset[str],
        blank_ok: bool,
    ) -> None:
        super().__init__(column, parse)
        self.limit = limit if limit is not None else 1 << 30
        self.special = special
        self.blank_ok = blank_ok

    def run(self, cells: Sequence[str], sink: ChunkSink) -> list[Any]:
        values: list[Any] = list(cells)
        if self._all_usual(cells):
            return values
        limit, special = self.limit, self.special
        if self.blank_ok:
            unusual = [i for i, c in enumerate(cells) if c and (len(c) > limit or c[0] in special or c[-1] in " \t")]
        else:
            unusual = [i for i, c in enumerate(cells) if not c or len(c) > limit or c[0] in special or c[-1] in " \t"]
        for i in unusual:
            value, message, detail = self.parse(cells[i])
            values[i] = value
            if message is not None:
                sink.add(i, self.column, message, cells[i], detail)
        return values

    def _all_usual(self, cells: Sequence[str]) -> bool:
        """Whether no cell needs ``parse``, found a whole column at a time in C (the usual case)."""
        if not cells:
            return True
        if not self.blank_ok and "" in cells:
            return False
        if constant(cells) and not cells[0]:
            return True  # blank throughout, and blank is allowed
        if max(map(len, cells)) > self.limit:
            return False
        firsts, lasts = set(map(_FIRST, cells)), set(map(_LAST, cells))
        return self.special.isdisjoint(firsts) and lasts.isdisjoint(_TRAILING_SPACE)


_FIRST = itemgetter(slice(None, 1))
_LAST = itemgetter(slice(-1, None))
_TRAILING_SPACE = frozenset(" \t")


class ComboRule:
    """Check several parsed columns together, memoised on the combination of their values.

    ``check`` returns the (possibly changed) values and the findings for that combination.
    """

    __slots__ = ("check", "inputs", "values", "findings")

    def __init__(
        self,
        check: Callable[..., tuple[tuple[Any, ...], tuple[Finding, ...]]],
        inputs: Sequence[Callable[[Any], Any] | None] = (),
    ) -> None:
        self.check = check
        self.inputs = tuple(inputs)
        """For each column, how to get ``check``'s argument from the column's item: usually the raw cell is
        given (its hash is cached, unlike a Decimal's or a date's) and looked up in the cell rule's memo."""
        self.values: dict[Hashable, tuple[Any, ...]] = {}
        self.findings: dict[Hashable, tuple[Finding, ...]] = {}

    def run(self, sink: ChunkSink, *columns: Sequence[Any]) -> list[tuple[Any, ...]]:
        memo = self.values
        if len(memo) > MEMO_LIMIT:
            memo.clear()
            self.findings.clear()
        if columns and all(map(constant, columns)):
            keys: list[tuple[Any, ...]] = [tuple(column[0] for column in columns)] * len(columns[0])
        else:
            keys = list(zip(*columns, strict=True))
        if not self.findings:  # usually every combination has been seen before, and none has findings
            try:
                return list(map(memo.__getitem__, keys))
            except KeyError:
                pass
        distinct = set(keys)
        inputs = self.inputs
        for key in distinct.difference(memo):
            args = [f(k) if f is not None else k for f, k in zip(inputs, key, strict=False)] if inputs else key
            memo[key], found = self.check(*args)
            if found:
                self.findings[key] = found
        if self.findings:
            bad = self.findings.keys() & distinct
            if bad:
                for i in [i for i, key in enumerate(keys) if key in bad]:
                    for column, message, detail in self.findings[keys[i]]:
                        sink.add(i, column, message, None, detail)
        return list(map(memo.__getitem__, keys))


def build(cls: type[T], columns: Mapping[str, Sequence[Any]], n: int) -> list[T]:
    """``n`` instances of the slotted dataclass ``cls``, filled a field at a time from ``columns``.

    The same as ``cls(**{name: column[i] ...})`` for each ``i`` (a dataclass ``__init__`` without
    ``__post_init__`` only stores its arguments, with ``object.__setattr__`` even when frozen), but each
    field is stored for the whole chunk by ``map`` in C: building 160,000 worker records this way takes
    a fraction of the time of calling the constructor for each. Every field must be given.
    """
    names = _field_names(cls)
    if set(columns) != names or any(len(column) != n for column in columns.values()):
        raise ValueError(f"{cls.__name__} needs the {len(names)} fields as columns of {n} values")
    objects: list[T] = list(map(object.__new__, repeat(cls, n)))
    for name, column in columns.items():
        deque(map(getattr(cls, name).__set__, objects, column), maxlen=0)
    return objects


_FIELD_NAMES: dict[type, frozenset[str]] = {}


def _field_names(cls: type) -> frozenset[str]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        if "__slots__" not in cls.__dict__:
            raise TypeError(f"{cls.__name__} is not a slotted dataclass")
        names = _FIELD_NAMES[cls] = frozenset(f.name for f in fields(cls))
    return names


def unzip(results: list[tuple[Any, ...]], width: int) -> list[tuple[Any, ...]]:
    """Columns from a list of equal-length tuples (``width`` columns when there are no rows)."""
    if not results:
        return [() for _ in range(width)]
    return list(zip(*results, strict=True))
