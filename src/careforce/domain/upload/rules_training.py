"""The training-file rules, a chunk of rows at a time. Training rows have no STATUS (see :mod:`plan`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from careforce.domain.upload.cells import DateProblem, code_table, describe_date, list_codes, parse_date
from careforce.domain.upload.columnar import CellResult, CellRule, ChunkSink, ComboRule, Finding, build, unzip
from careforce.domain.upload.layouts import Layout
from careforce.domain.upload.messages import ascwds
from careforce.domain.upload.records import DONT_KNOW, TrainingRecordRow
from careforce.domain.upload.staff_cells import Parser, code, text_rule

F = "training"
ID_LIMIT = 50
EXTERNAL_PROVIDER = 2

M_LOCAL_MISSING = ascwds(F, "LOCALESTID", "not been supplied")
M_LOCAL_LONG = ascwds(F, "LOCALESTID", "longer than")
M_WORKER_MISSING = ascwds(F, "UNIQUEWORKERID", "not been supplied")
M_WORKER_LONG = ascwds(F, "UNIQUEWORKERID", "longer than")
M_CATEGORY_MISSING = ascwds(F, "CATEGORY", "not been supplied")
M_CATEGORY = M_CATEGORY_MISSING.with_text("The code you have entered for CATEGORY is incorrect")
M_NAME_LONG = ascwds(F, "TRAININGNAME", "longer than")
M_ACCREDITED = ascwds(F, "ACCREDITED", "invalid")
M_WHO = ascwds(F, "WHODELIVERED", "invalid")
M_PROVIDER = ascwds(F, "PROVIDERNAME", "invalid")
M_PROVIDER_IGNORED = ascwds(F, "PROVIDERNAME", "will be ignored")
M_HOW = ascwds(F, "HOWDELIVERED", "invalid")
M_VALIDITY = ascwds(F, "VALIDITY", "should be either")
M_VALIDITY_ONE = M_VALIDITY.explained("ASC-WDS takes 2 to 999 months: it refuses 1")
M_NONE_WITH_EXPIRY = ascwds(F, "VALIDITY", "VALIDITY you have entered does not match")
M_VALIDITY_MISMATCH = ascwds(F, "VALIDITY", "EXPIRYDATE you have entered does not match")
M_COMPLETED_FORMAT = ascwds(F, "DATECOMPLETED", "incorrectly formatted")
M_COMPLETED_FUTURE = ascwds(F, "DATECOMPLETED", "in the future")
M_EXPIRY_FORMAT = ascwds(F, "EXPIRYDATE", "incorrectly formatted")
M_EXPIRY_BEFORE = ascwds(F, "EXPIRYDATE", "must be after")
M_NOTES_LONG = ascwds(F, "NOTES", "longer than")
NO_EXPIRY = "none"
VALIDITY_PAIR = "EXPIRYDATE/VALIDITY"
EXPIRY_PAIR = "EXPIRYDATE/DATECOMPLETED"
PROVIDER_PAIR = "WHODELIVERED/PROVIDERNAME"
_LEADING_INTEGER = re.compile(r"[+-]?\d+")


@lru_cache(maxsize=1 << 16)
def expiry_from_validity(completed: date, months: int) -> date:
    """ASC-WDS's rule: the day before the same date ``months`` later (end of month if it has no such day)."""
    month_index = completed.month - 1 + months
    year, month = completed.year + month_index // 12, month_index % 12 + 1
    day = completed.day
    while True:
        try:
            return date(year, month, day) - timedelta(days=1)
        except ValueError:
            day -= 1


def validity(cell: str) -> CellResult:
    """VALIDITY as ASC-WDS reads it (trainingCSVValidator.js, ``_validateValidity``): exactly ``none`` (so
    ``None`` is refused), or a whole number of months read from the start of the cell as JavaScript's
    ``parseInt`` does (``12 months`` is 12), more than 1 and at most 999."""
    value = cell.strip()
    if not value:
        return None, None, ""
    if value == NO_EXPIRY:
        return NO_EXPIRY, None, ""
    number = _LEADING_INTEGER.match(value)
    months = int(number.group()) if number and number.group().isascii() else None
    if months is not None and 1 < months <= 999:
        return months, None, ""
    return None, M_VALIDITY_ONE if months == 1 else M_VALIDITY, ""


def training_date(bad: Any, today: date | None) -> Parser:
    def parse(cell: str) -> CellResult:
        parsed = parse_date(cell)
        if parsed is None:
            return None, None, ""
        if isinstance(parsed, DateProblem):
            return None, bad, describe_date(cell, parsed)
        if today is not None and parsed > today:
            return None, M_COMPLETED_FUTURE, ""
        return parsed, None, ""

    return parse


def check_provider(who: int | None, provider: int | None) -> tuple[tuple[Any, ...], tuple[Finding, ...]]:
    if provider is not None and who != EXTERNAL_PROVIDER:
        return (None,), ((PROVIDER_PAIR, M_PROVIDER_IGNORED, ""),)
    return (provider,), ()


@dataclass(slots=True)
class TrainingChunk:
    rows: list[int]
    errors: bytearray
    workplace: list[str | None]
    worker: list[str | None]
    completed: list[date | None]
    completed_cells: Sequence[str]
    """The DATECOMPLETED cells as uploaded (the cross-file checks quote them)."""
    records: list[TrainingRecordRow] = field(default_factory=list)
    """The rows without an error, in order; kept records only."""
    columns: dict[str, Sequence[Any]] | None = None
    """The same records as one column per :class:`TrainingRecordRow` field (what a worker process sends)."""


def build_training(columns: dict[str, Sequence[Any]]) -> list[TrainingRecordRow]:
    return build(TrainingRecordRow, columns, len(columns["category"]))


class TrainingRules:
    def __init__(self, layout: Layout, sink: ChunkSink, today: date) -> None:
        self.sink, self.index = sink, layout.index
        one_two = code_table((1, 2))
        self.rules = {
            "LOCALESTID": text_rule("LOCALESTID", ID_LIMIT, M_LOCAL_MISSING, M_LOCAL_LONG),
            "UNIQUEWORKERID": text_rule("UNIQUEWORKERID", ID_LIMIT, M_WORKER_MISSING, M_WORKER_LONG),
            "CATEGORY": CellRule(
                "CATEGORY", code(code_table(list_codes("training_categories")), M_CATEGORY, M_CATEGORY_MISSING)
            ),
            "TRAININGNAME": text_rule("TRAININGNAME", 120, None, M_NAME_LONG),
            "ACCREDITED": CellRule("ACCREDITED", code(code_table((0, 1, DONT_KNOW)), M_ACCREDITED)),
            "WHODELIVERED": CellRule("WHODELIVERED", code(one_two, M_WHO)),
            "PROVIDERNAME": CellRule("PROVIDERNAME", code(code_table(list_codes("training_providers")), M_PROVIDER)),
            "HOWDELIVERED": CellRule("HOWDELIVERED", code(one_two, M_HOW)),
            "VALIDITY": CellRule("VALIDITY", validity),
            "DATECOMPLETED": CellRule("DATECOMPLETED", training_date(M_COMPLETED_FORMAT, today)),
            "EXPIRYDATE": CellRule("EXPIRYDATE", training_date(M_EXPIRY_FORMAT, None)),
            "NOTES": text_rule("NOTES", 1000, None, M_NOTES_LONG),
        }
        self.provider = ComboRule(check_provider)

    def check_chunk(
        self, rows: list[int], chunk: list[list[str]], keep_records: bool, materialise: bool = True
    ) -> TrainingChunk:
        """Check one chunk; with ``keep_records``, also its records (see :meth:`StaffRules.check_chunk`)."""
        sink, ix = self.sink, self.index
        columns: list[Sequence[str]] = list(zip(*chunk, strict=True))
        sink.start(rows, {name: columns[i] for name, i in ix.items()})
        v = {name: rule.run(columns[ix[name]], sink) for name, rule in self.rules.items()}
        (provider,) = unzip(self.provider.run(sink, v["WHODELIVERED"], v["PROVIDERNAME"]), 1)
        completed, expires, months = v["DATECOMPLETED"], v["EXPIRYDATE"], v["VALIDITY"]
        expiry_cells, validity_cells = columns[ix["EXPIRYDATE"]], columns[ix["VALIDITY"]]
        # in ASC-WDS's order (trainingCSVValidator.js, ``validate``): EXPIRYDATE is checked against DATECOMPLETED
        # first, and one refused there is not compared with VALIDITY (``_validateExpiry``, ``_matchUpWithExpiryDate``)
        for i, (done, ends, period) in enumerate(zip(completed, expires, months, strict=True)):
            if ends is not None and done is not None and ends <= done:
                sink.add(i, EXPIRY_PAIR, M_EXPIRY_BEFORE, expiry_cells[i])
                ends = expires[i] = None
            if period == NO_EXPIRY:
                if ends is not None:
                    sink.add(i, VALIDITY_PAIR, M_NONE_WITH_EXPIRY, validity_cells[i])
            elif isinstance(period, int) and done is not None:
                expected = expiry_from_validity(done, period)
                if ends is None:
                    expires[i] = expected
                elif ends != expected:
                    sink.add(
                        i,
                        VALIDITY_PAIR,
                        M_VALIDITY_MISMATCH,
                        validity_cells[i],
                        f"{period} months from {done:%d/%m/%Y} ends on {expected:%d/%m/%Y}",
                    )
        result = TrainingChunk(
            rows, sink.errors, v["LOCALESTID"], v["UNIQUEWORKERID"], completed, columns[ix["DATECOMPLETED"]]
        )
        if not keep_records:
            return result
        kept = [i for i in range(len(rows)) if not sink.errors[i]]

        def take(column: Sequence[Any]) -> Sequence[Any]:
            return column if len(kept) == len(rows) else list(map(column.__getitem__, kept))

        periods = take(months)
        result.columns = {
            "workplace_local_identifier": take(v["LOCALESTID"]),
            "worker_local_identifier": take(v["UNIQUEWORKERID"]),
            "category": take(v["CATEGORY"]),
            "title": [t or "" for t in take(v["TRAININGNAME"])],
            "accredited": take(v["ACCREDITED"]),
            "delivered_by": take(v["WHODELIVERED"]),
            "provider": take(provider),
            "how_delivered": take(v["HOWDELIVERED"]),
            "validity_months": [p if isinstance(p, int) else None for p in periods],
            "does_not_expire": [p == NO_EXPIRY for p in periods],
            "completed": take(completed),
            "expires": take(expires),
            "notes": [t or "" for t in take(v["NOTES"])],
        }
        if materialise:
            result.records = build_training(result.columns)
        return result
