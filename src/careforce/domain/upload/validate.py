"""Reading and validating a whole upload: one, two or three files, in any order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from careforce.domain.upload.columnar import CHUNK_ROWS, ChunkSink
from careforce.domain.upload.crossfile import AccountSnapshot, CrossFileChecks
from careforce.domain.upload.layouts import FileKind
from careforce.domain.upload.reading import (
    DEFAULT_MAX_BYTES,
    UnreadableFile,
    UploadFile,
    iter_chunks,
    iter_rows,
    open_upload,
)
from careforce.domain.upload.records import StaffRow, TrainingRecordRow, WorkplaceRow
from careforce.domain.upload.report import Problem, Severity, ValidationReport
from careforce.domain.upload.rules_common import Sink
from careforce.domain.upload.rules_staff import StaffRules
from careforce.domain.upload.rules_training import TrainingRules
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
            problems.append(Problem(name, None, "", None, Severity.ERROR,
                                    f"This upload has two {upload.kind.value} files ({first} and {name}). "
                                    "Upload one file of each kind."))  # fmt: skip
            continue
        opened[upload.kind] = upload
    return opened


def _rows(upload: UploadFile, problems: list[Problem], counts: dict[FileKind, int]) -> Iterator[tuple[int, list[str]]]:
    count = 0
    for item in iter_rows(upload, problems):
        count += 1
        yield item
    _counted(upload, problems, counts, count)


def _counted(upload: UploadFile, problems: list[Problem], counts: dict[FileKind, int], count: int) -> None:
    counts[upload.kind] = count
    if count == 0:
        problems.append(Problem(upload.name, None, "", None, Severity.ERROR,
                                "This file has a header row but no records below it"))  # fmt: skip


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
    are dropped), which is what the command line and the benchmark use.
    """
    problems: list[Problem] = []
    opened = _open_all(files, max_bytes, problems)
    names = [opened[kind].name for kind in ORDER if kind in opened]
    result = UploadResult(ValidationReport(file_order=names), {kind: f.name for kind, f in opened.items()})
    cross = CrossFileChecks(account)
    workplace_sink: Sink | None = None
    counts = result.rows_checked
    if FileKind.WORKPLACE in opened:
        upload = opened[FileKind.WORKPLACE]
        workplace_sink = Sink(upload.name, problems)
        workplace_rules = WorkplaceRules(upload.layout, workplace_sink)
        for row, cells in _rows(upload, problems, counts):
            workplace = workplace_rules.check(row, cells)
            if workplace is not None and cross.workplace(workplace_sink, workplace):
                result.workplaces.append(workplace)
    if FileKind.STAFF in opened:
        upload = opened[FileKind.STAFF]
        staff_sink = ChunkSink(upload.name, problems)
        staff_rules = StaffRules(upload.layout, staff_sink, today, cross.workplace_facts())
        for rows, chunk in _chunks(upload, problems, counts):
            staff = staff_rules.check_chunk(rows, chunk, keep_records)
            cross.staff_chunk(staff_sink, staff)
            result.staff.extend(r for r in staff.records if r is not None)
        cross.finish_staff(staff_sink, workplace_sink)
    if FileKind.TRAINING in opened:
        upload = opened[FileKind.TRAINING]
        training_sink = ChunkSink(upload.name, problems)
        training_rules = TrainingRules(upload.layout, training_sink, today)
        for rows, chunk in _chunks(upload, problems, counts):
            training = training_rules.check_chunk(rows, chunk, keep_records)
            cross.training_chunk(training_sink, training)
            result.training.extend(r for r in training.records if r is not None)
    result.report.extend(problems)
    return result
