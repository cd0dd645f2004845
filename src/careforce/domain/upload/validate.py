"""Reading and validating a whole upload: one, two or three files, in any order."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from careforce.domain.upload import parallel
from careforce.domain.upload.columnar import CHUNK_ROWS, ChunkSink
from careforce.domain.upload.crossfile import AccountSnapshot, CrossFileChecks
from careforce.domain.upload.encoding_advice import ascwds_would_not_take
from careforce.domain.upload.layouts import FileKind
from careforce.domain.upload.parallel import BIG_FILES
from careforce.domain.upload.reading import (
    DEFAULT_MAX_BYTES,
    ChunkLines,
    UnreadableFile,
    UploadFile,
    iter_chunk_lines,
    iter_chunks,
    iter_rows,
    open_upload,
)
from careforce.domain.upload.records import StaffRow, TrainingRecordRow, WorkplaceRow
from careforce.domain.upload.report import Problem, Severity, ValidationReport
from careforce.domain.upload.rules_common import Sink
from careforce.domain.upload.rules_staff import StaffChunk, StaffRules
from careforce.domain.upload.rules_training import TrainingRules, build_training
from careforce.domain.upload.rules_workplace import WorkplaceRules

ORDER = (FileKind.WORKPLACE, FileKind.STAFF, FileKind.TRAINING)


@dataclass
class UploadResult:
    """The report and, when kept, the validated rows of every file recognised in the upload."""

    report: ValidationReport
    files: dict[FileKind, str] = field(default_factory=dict)
    workplaces: list[WorkplaceRow] = field(default_factory=list)
    staff: list[StaffRow] = field(default_factory=list)
    training: list[TrainingRecordRow] = field(default_factory=list)
    rows_checked: dict[FileKind, int] = field(default_factory=dict)

    @property
    def can_apply(self) -> bool:
        return not self.report.has_errors

    def includes(self, kind: FileKind) -> bool:
        return kind in self.files


def _open_all(
    files: Sequence[tuple[str, bytes]], max_bytes: int, problems: list[Problem]
) -> dict[FileKind, UploadFile]:
    opened: dict[FileKind, UploadFile] = {}
    for name, data in files:
        try:
            upload = open_upload(name, data, max_bytes)
        except UnreadableFile as exc:
            problems.append(Problem(name, None, "", exc.code, Severity.ERROR, exc.message))
            continue
        if upload.kind in opened:
            first = opened[upload.kind].name
            problems.append(
                Problem(
                    name,
                    None,
                    "",
                    None,
                    Severity.ERROR,
                    f"This upload has two {upload.kind.value} files ({first} and {name}). "
                    "Upload one file of each kind.",
                )
            )
            continue
        opened[upload.kind] = upload
        advice = ascwds_would_not_take(upload)
        if advice:
            problems.append(Problem(name, None, "", None, Severity.WARNING, advice))
    return opened


def _rows(upload: UploadFile, problems: list[Problem], counts: dict[FileKind, int]) -> Iterator[tuple[int, list[str]]]:
    count = 0
    for item in iter_rows(upload, problems):
        count += 1
        yield item
    _counted(upload, problems, counts, count)


def _counted(upload: UploadFile, problems: list[Problem], counts: dict[FileKind, int], count: int) -> None:
    """Record how many rows a file had. A staff or training file with a header and no rows is accepted, as
    ASC-WDS accepts it (validateBulkUploadFiles.js: only the workplace file must have a row, 950/955)."""
    counts[upload.kind] = count
    if count == 0 and upload.kind is FileKind.WORKPLACE:
        problems.append(
            Problem(upload.name, None, "", None, Severity.ERROR, "This file has a header row but no records below it")
        )


def _chunks(
    upload: UploadFile, problems: list[Problem], counts: dict[FileKind, int]
) -> Iterator[tuple[list[int], list[list[str]]]]:
    count = 0
    for rows, chunk in iter_chunks(upload, problems, CHUNK_ROWS):
        count += len(rows)
        yield rows, chunk
    _counted(upload, problems, counts, count)


def read_upload(
    files: Sequence[tuple[str, bytes]],
    account: AccountSnapshot,
    today: date,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    keep_records: bool = True,
) -> UploadResult:
    """Validate the uploaded files ``(name, content)`` against each other and the account.

    Nothing is saved here. With ``keep_records=False`` only the report is built (rows stream through and
    are dropped), which is what the command line and the benchmark use. Large staff and training files
    are checked a chunk at a time in worker processes (see :mod:`parallel`); the result is the same.
    """
    problems: list[Problem] = []
    opened = _open_all(files, max_bytes, problems)
    workers = parallel.planned_workers(opened)
    with collection_paused():
        if workers:
            try:
                with parallel.ChunkPool(workers) as pool:
                    return validate_opened(opened, list(problems), account, today, keep_records, pool)
            except parallel.Unavailable:
                pass  # no worker processes here: check in this process
        return validate_opened(opened, problems, account, today, keep_records, None)


_pauses = 0
_was_enabled = False
_pauses_lock = threading.Lock()


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while an upload is validated, as :mod:`timeit` does.

    Validation allocates hundreds of thousands of small objects that live until the end (records, keys)
    and chunks of thousands of rows that live a little while; the collector would otherwise spend a third
    of the time walking them again and again, finding nothing to free. Reference counting still frees
    everything that is dropped. The collector is process-wide: pauses from several threads nest, and it
    is enabled again (if it was) when the last one ends.

    Everything allocated during the pause is then still in the youngest generation, which the next
    collection would walk whole (the records it returns, a tenth of a second). Unless the application
    froze objects itself, they are moved straight to the oldest generation (``gc.freeze()`` then
    ``gc.unfreeze()``), where long-lived objects end up anyway.
    """
    global _pauses, _was_enabled
    with _pauses_lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                if gc.get_freeze_count() == 0:
                    gc.freeze()
                    gc.unfreeze()
                gc.enable()


def validate_opened(
    opened: dict[FileKind, UploadFile],
    problems: list[Problem],
    account: AccountSnapshot,
    today: date,
    keep_records: bool,
    pool: parallel.ChunkPool | None,
) -> UploadResult:
    """:func:`read_upload` once the files are open, checking chunks in ``pool``'s workers or in-process."""
    names = [opened[kind].name for kind in ORDER if kind in opened]
    result = UploadResult(ValidationReport(file_order=names), {kind: f.name for kind, f in opened.items()})
    cross = CrossFileChecks(account)
    workplace_sink: Sink | None = None
    counts = result.rows_checked
    if pool is not None:
        pool.start()
    if FileKind.WORKPLACE in opened:
        upload = opened[FileKind.WORKPLACE]
        workplace_sink = Sink(upload.name, problems)
        workplace_rules = WorkplaceRules(upload.layout, workplace_sink)
        for row, cells in _rows(upload, problems, counts):
            workplace = workplace_rules.check(row, cells)
            if workplace is not None and cross.workplace(workplace_sink, workplace):
                result.workplaces.append(workplace)
    if pool is not None:
        _check_in_workers(pool, opened, problems, cross, workplace_sink, result, today, keep_records)
        result.report.extend(problems)
        return result
    if FileKind.STAFF in opened:
        upload = opened[FileKind.STAFF]
        staff_sink = ChunkSink(upload.name, problems)
        staff_rules = StaffRules(upload.layout, staff_sink, today, cross.workplace_facts())
        for rows, chunk in _chunks(upload, problems, counts):
            staff = staff_rules.check_chunk(rows, chunk, keep_records)
            cross.staff_chunk(staff_sink, staff)
            result.staff.extend(staff.records)
        cross.finish_staff(staff_sink, workplace_sink)
    if FileKind.TRAINING in opened:
        upload = opened[FileKind.TRAINING]
        training_sink = ChunkSink(upload.name, problems)
        training_rules = TrainingRules(upload.layout, training_sink, today)
        for rows, chunk in _chunks(upload, problems, counts):
            training = training_rules.check_chunk(rows, chunk, keep_records)
            cross.training_chunk(training_sink, training)
            result.training.extend(training.records)
    result.report.extend(problems)
    return result


def _check_in_workers(
    pool: parallel.ChunkPool,
    opened: dict[FileKind, UploadFile],
    problems: list[Problem],
    cross: CrossFileChecks,
    workplace_sink: Sink | None,
    result: UploadResult,
    today: date,
    keep_records: bool,
) -> None:
    """The staff and training files, as in :func:`validate_opened`, with each chunk's rules run in a worker.

    Problems are added in the same order as in-process: the reading problems found before a chunk, the
    chunk's rule problems, its cross-file problems; after a file's last chunk, the problems found after
    it, the row count, and for the staff file the checks that need the whole file.
    """
    facts = cross.workplace_facts()
    jobs = {kind: parallel.FileJob.of(opened[kind], today, facts, keep_records) for kind in BIG_FILES if kind in opened}
    kinds = {job.token: kind for kind, job in jobs.items()}
    sinks = {kind: ChunkSink(opened[kind].name, problems) for kind in jobs}

    def work() -> Iterator[tuple[parallel.FileJob, ChunkLines | None]]:
        for job in jobs.values():
            for item in iter_chunk_lines(opened[kinds[job.token]], CHUNK_ROWS):
                yield job, item
            yield job, None  # the end of the file

    count = 0
    order = iter(jobs.values())
    job = next(order, None)
    for item, checked in pool.checked(work()):
        assert job is not None
        kind = kinds[job.token]
        upload, sink = opened[kind], sinks[kind]
        if item is None:
            _counted(upload, problems, counts=result.rows_checked, count=count)
            if kind is FileKind.STAFF:
                cross.finish_staff(sink, workplace_sink)
            count = 0
            job = next(order, None)
            continue
        problems.extend(item.problems)
        if not isinstance(checked, parallel.Checked):
            continue
        count += len(item.rows)
        problems.extend(checked.problem_list(upload.name))
        sink.start(item.rows, {})
        chunk = checked.unpacked()
        if isinstance(chunk, StaffChunk):
            cross.staff_chunk(sink, chunk)
            if chunk.columns is not None:
                result.staff.extend(chunk.columns.build())
        else:
            cross.training_chunk(sink, chunk)
            if chunk.columns is not None:
                result.training.extend(build_training(chunk.columns))
