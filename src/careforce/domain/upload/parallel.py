"""Checking the staff and training files' chunks in worker processes (ADR 0025).

The column-at-a-time rules of a chunk (:mod:`rules_staff`, :mod:`rules_training`) depend only on the
chunk, the validation date and the workplace file; the cross-file checks (:mod:`crossfile`) must see
every row in order. So this process reads the file and cuts it into the same chunks as
:func:`~careforce.domain.upload.reading.iter_chunks` would, sends each chunk's lines of text to a worker
process, and takes the results back in order: the worker's problems, the values the cross-file checks
need, and the records as columns (:class:`~careforce.domain.upload.rules_staff.StaffColumns`). The
caller then adds the problems, runs the cross-file checks and builds the records exactly as it does for a
chunk checked in-process, so the report and the records are the same either way.

Workers are started with ``forkserver`` (``spawn`` where there is none), never ``fork``: the caller may
be a thread of a web worker or of a test run, and forking a process with threads is unsafe. They exist
for one upload, only for uploads of at least :data:`PARALLEL_MIN_ROWS` rows, and only where this process
may use more than one CPU. Where worker processes cannot be started or die, :class:`Unavailable` is
raised and the upload is validated in-process instead.
"""

from __future__ import annotations

import csv
import gc
import multiprocessing
import os
import pickle
import uuid
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from multiprocessing.context import BaseContext
from operator import attrgetter
from types import TracebackType
from typing import Any

from careforce.domain.upload.columnar import ChunkSink, build, unzip
from careforce.domain.upload.layouts import FileKind, Layout
from careforce.domain.upload.reading import ChunkLines, UploadFile, cells_from_lines
from careforce.domain.upload.report import Problem
from careforce.domain.upload.rules_common import WorkplaceFacts
from careforce.domain.upload.rules_staff import StaffChunk, StaffRules
from careforce.domain.upload.rules_training import TrainingChunk, TrainingRules

PARALLEL_MIN_ROWS = 20_000
"""Uploads with fewer staff and training rows than this are checked in-process: starting the workers
and sending them the chunks costs more than it saves."""
MAX_WORKERS = 2
"""The issue's target machine has 2 cores; the process that reads the files and runs the cross-file
checks shares them with the workers."""
CHUNKS_AHEAD = 3
"""Chunks sent to each worker before the oldest result is waited for: enough to keep the workers busy
while this process runs the cross-file checks, few enough to keep memory flat."""
BIG_FILES = (FileKind.STAFF, FileKind.TRAINING)
_PROBLEM_FIELDS = ("row", "column", "code", "severity", "message", "value")


class Unavailable(Exception):
    """Worker processes cannot be started here, or one of them died: validate in-process instead."""


def planned_workers(opened: Mapping[FileKind, UploadFile]) -> int:
    """How many worker processes to check these files' chunks with (0: in-process)."""
    rows = sum(opened[kind].data.count(b"\n") for kind in BIG_FILES if kind in opened)
    if rows < PARALLEL_MIN_ROWS or multiprocessing.current_process().daemon:
        return 0  # small, or in a daemonic process (which may not start processes)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(MAX_WORKERS, cpus) if cpus > 1 else 0


@dataclass(frozen=True)
class FileContext:
    """What a worker needs to check one file's chunks: sent once per file, pickled."""

    kind: FileKind
    name: str
    layout: Layout
    delimiter: str
    today: date
    workplaces: Mapping[str, WorkplaceFacts]
    keep_records: bool
    field_size_limit: int


@dataclass(frozen=True)
class FileJob:
    """One file to check in the workers: its context, pickled once, under a name unique to this upload."""

    token: str
    context: bytes

    @classmethod
    def of(
        cls,
        upload: UploadFile,
        today: date,
        workplaces: Mapping[str, WorkplaceFacts],
        keep_records: bool,
    ) -> FileJob:
        context = FileContext(
            upload.kind,
            upload.name,
            upload.layout,
            upload.delimiter,
            today,
            workplaces,
            keep_records,
            csv.field_size_limit(),
        )
        return cls(uuid.uuid4().hex, pickle.dumps(context, pickle.HIGHEST_PROTOCOL))


STAFF_CHUNK_DATES = ("born",)
WORKER_DATES = ("date_of_birth", "start_date")
TRAINING_CHUNK_DATES = ("completed",)
TRAINING_DATES = ("completed", "expires")
"""The columns of dates in a checked chunk: sent as day numbers, as pickling a date object takes a hundred
times longer than pickling an int (it is done by ``__reduce__``)."""


@dataclass(slots=True)
class Checked:
    """A worker's result for one chunk: its problems (as columns), the checked chunk, its dates as numbers."""

    problems: list[tuple[Any, ...]]
    chunk: StaffChunk | TrainingChunk
    dates: dict[str, list[int | None]]

    def problem_list(self, file: str) -> list[Problem]:
        n = len(self.problems[0]) if self.problems else 0
        columns = dict(zip(_PROBLEM_FIELDS, self.problems or unzip([], len(_PROBLEM_FIELDS)), strict=True))
        return build(Problem, {"file": [file] * n, **columns}, n)

    @classmethod
    def packed(cls, problems: list[Problem], chunk: StaffChunk | TrainingChunk) -> Checked:
        """In a worker: ``chunk``'s result, with its dates taken out as day numbers."""
        packed: dict[int, tuple[Sequence[date | None], list[int | None]]] = {}

        def pack(column: Sequence[date | None]) -> list[int | None]:
            if id(column) not in packed:  # a column can be in the chunk twice (a record's and the checks')
                packed[id(column)] = (column, [None if day is None else day.toordinal() for day in column])
            return packed[id(column)][1]

        dates: dict[str, list[int | None]] = {}
        if isinstance(chunk, StaffChunk):
            dates["born"], chunk.born = pack(chunk.born), []
            if chunk.columns is not None:
                for name in WORKER_DATES:
                    dates[name], chunk.columns.workers[name] = pack(chunk.columns.workers[name]), []
        else:
            dates["completed"], chunk.completed = pack(chunk.completed), []
            if chunk.columns is not None:
                for name in TRAINING_DATES:
                    dates[f"record {name}"], chunk.columns[name] = pack(chunk.columns[name]), []
        fields = unzip(list(map(attrgetter(*_PROBLEM_FIELDS), problems)), 6) if problems else []
        return cls(fields, chunk, dates)

    def unpacked(self) -> StaffChunk | TrainingChunk:
        """In this process: the chunk, with its dates back."""
        days: dict[int, list[date | None]] = {}

        def unpack(numbers: list[int | None]) -> list[date | None]:
            if id(numbers) not in days:
                days[id(numbers)] = (
                    list(map(date.fromordinal, numbers))  # type: ignore[arg-type]
                    if None not in numbers
                    else [None if day is None else date.fromordinal(day) for day in numbers]
                )
            return days[id(numbers)]

        chunk = self.chunk
        if isinstance(chunk, StaffChunk):
            chunk.born = unpack(self.dates["born"])
            if chunk.columns is not None:
                for name in WORKER_DATES:
                    chunk.columns.workers[name] = unpack(self.dates[name])
        else:
            chunk.completed = unpack(self.dates["completed"])
            if chunk.columns is not None:
                for name in TRAINING_DATES:
                    chunk.columns[name] = unpack(self.dates[f"record {name}"])
        return chunk


class ChunkPool:
    """Worker processes for one upload; use as a context manager."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.ahead = workers * CHUNKS_AHEAD
        try:
            self.executor = ProcessPoolExecutor(workers, mp_context=_start_method(), initializer=_start_worker)
        except (OSError, ValueError) as exc:
            raise Unavailable(str(exc)) from exc

    def __enter__(self) -> ChunkPool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def start(self) -> None:
        """Start the workers now (they take a moment), while this process checks the workplace file."""
        for _ in range(self.workers):
            self._submit(_ready)

    def checked(
        self, work: Iterable[tuple[FileJob, ChunkLines | None]]
    ) -> Iterator[tuple[ChunkLines | None, Checked | None]]:
        """Each item of ``work`` in order, with its chunk checked by a worker (``None`` for an item without
        rows). ``work`` is read only a few chunks ahead of the results given back."""
        pending: deque[tuple[ChunkLines | None, Future[Checked] | None]] = deque()
        in_flight = 0
        for job, item in work:
            future = None
            if item is not None and item.rows:
                future = self._submit(check_chunk, job.token, job.context, item.first_row, item.rows, item.lines)
                in_flight += 1
            pending.append((item, future))
            while in_flight > self.ahead:
                done = pending.popleft()
                in_flight -= done[1] is not None
                yield self._result(done)
        while pending:
            yield self._result(pending.popleft())

    def _submit(self, function: Any, *args: Any) -> Future[Any]:
        try:
            return self.executor.submit(function, *args)
        except (BrokenProcessPool, OSError) as exc:
            raise Unavailable(str(exc)) from exc

    @staticmethod
    def _result(
        done: tuple[ChunkLines | None, Future[Checked] | None],
    ) -> tuple[ChunkLines | None, Checked | None]:
        item, future = done
        if future is None:
            return item, None
        try:
            return item, future.result()
        except BrokenProcessPool as exc:
            raise Unavailable(str(exc)) from exc


def _start_method() -> BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])  # the server imports the rules once; workers fork from it
        return context
    return multiprocessing.get_context("spawn")


# in the worker processes -------------------------------------------------------------------------
class _Checker:
    """One file's rules in a worker, kept for its next chunks (the rules memoise parsed values)."""

    def __init__(self, context: FileContext) -> None:
        self.context = context
        self.width = len(context.layout.header)
        self.sink = ChunkSink(context.name, [])
        self.rules: StaffRules | TrainingRules
        if context.kind is FileKind.STAFF:
            self.rules = StaffRules(context.layout, self.sink, context.today, context.workplaces)
        else:
            self.rules = TrainingRules(context.layout, self.sink, context.today)


_CHECKERS: dict[str, _Checker] = {}


def _start_worker() -> None:
    # A worker lives for one upload and keeps little: collecting cycles would only cost time (about a
    # third of it, with chunks of thousands of rows alive at once).
    gc.disable()


def _ready() -> None:
    """Nothing: submitted to start the workers early."""


def check_chunk(token: str, context: bytes, first_row: int, rows: list[int], lines: list[str]) -> Checked:
    """In a worker: check one chunk of a file, given as its lines of text (see :class:`ChunkLines`)."""
    checker = _CHECKERS.get(token)
    if checker is None:
        if len(_CHECKERS) >= 4:
            _CHECKERS.clear()
        checker = _CHECKERS[token] = _Checker(pickle.loads(context))
    settings = checker.context
    if csv.field_size_limit() != settings.field_size_limit:
        csv.field_size_limit(settings.field_size_limit)
    cells = cells_from_lines(ChunkLines(first_row, rows, lines, []), settings.delimiter, checker.width)
    problems: list[Problem] = []
    checker.sink.problems = problems
    chunk = checker.rules.check_chunk(rows, cells, settings.keep_records, materialise=False)
    return Checked.packed(problems, chunk)
