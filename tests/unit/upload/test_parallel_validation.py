"""Chunks checked in worker processes give exactly what checking in-process gives (ADR 0025).

The same files are validated both ways and everything is compared: the problems and their order, rows,
columns, codes and messages, the rows counted, and every kept record.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterator
from dataclasses import fields
from typing import Any

import pytest

from careforce.domain.upload import (
    AccountSnapshot,
    TrainingRecordRow,
    UploadResult,
    WorkerRecord,
    parallel,
    read_upload,
)
from careforce.domain.upload.columnar import CHUNK_ROWS
from careforce.domain.upload.reading import (
    cells_from_lines,
    iter_chunk_lines,
    iter_chunks,
    open_upload,
)
from careforce.domain.upload.report import Problem
from careforce.domain.upload.rules_staff import StaffChunk
from careforce.domain.upload.rules_training import TrainingChunk
from careforce.domain.upload.validate import _open_all, collection_paused, validate_opened

from . import messy
from .factory import FIXTURES, TODAY, fixture

BAD_INPUT = sorted(path.name for path in FIXTURES.glob("*.csv"))


@pytest.fixture(scope="module")
def pool() -> Iterator[parallel.ChunkPool]:
    """One pool of two workers for the whole module (each upload gets its own in production)."""
    try:
        with parallel.ChunkPool(2) as chunk_pool:
            yield chunk_pool
    except parallel.Unavailable as exc:  # pragma: no cover - where processes cannot be started
        pytest.skip(f"no worker processes here: {exc}")


def everything(result: UploadResult) -> dict[str, Any]:
    return {
        "problems": result.report.problems,
        "counts": (result.report.error_count, result.report.warning_count),
        "files": result.files,
        "rows_checked": result.rows_checked,
        "workplaces": result.workplaces,
        "staff": result.staff,
        "training": result.training,
    }


def both_ways(
    files: list[tuple[str, bytes]], account: AccountSnapshot, keep_records: bool, pool: parallel.ChunkPool
) -> tuple[dict[str, Any], dict[str, Any]]:
    serial_problems: list[Problem] = []
    serial = validate_opened(
        _open_all(files, 50 << 20, serial_problems), serial_problems, account, TODAY, keep_records, None
    )
    parallel_problems: list[Problem] = []
    in_workers = validate_opened(
        _open_all(files, 50 << 20, parallel_problems), parallel_problems, account, TODAY, keep_records, pool
    )
    return everything(serial), everything(in_workers)


def upload_with(name: str) -> list[tuple[str, bytes]]:
    """``name`` with the other files of a valid upload (so cross-file checks have something to do)."""
    others = {"workplace": "workplace.csv", "staff": "staff.csv", "training": "training.csv"}
    kind = next((k for k in others if name.startswith(k)), "")
    return [fixture(n) for n in others.values() if not kind or others[kind] != n] + [fixture(name)]


@pytest.mark.parametrize("keep_records", [True, False])
@pytest.mark.parametrize("name", BAD_INPUT)
def test_every_bad_input_fixture_is_reported_the_same_in_workers(
    name: str, keep_records: bool, pool: parallel.ChunkPool
) -> None:
    accounts = messy.accounts()
    for files, account in (([fixture(name)], accounts["unknown"]), (upload_with(name), accounts["existing"])):
        serial, in_workers = both_ways(files, account, keep_records, pool)
        assert in_workers == serial


@pytest.mark.parametrize(("account", "keep_records"), [("existing", True), ("unknown", True), ("empty", False)])
def test_a_larger_generated_upload_with_errors_is_reported_the_same_in_workers(
    account: str, keep_records: bool, pool: parallel.ChunkPool
) -> None:
    files = messy.build()
    serial, in_workers = both_ways(files, messy.accounts()[account], keep_records, pool)
    assert serial["rows_checked"]["staff"] > 2 * CHUNK_ROWS  # several chunks
    assert len(serial["problems"]) > 10_000
    assert {p.file for p in serial["problems"]} == {"workplace.csv", "staff.csv", "training.csv"}
    if keep_records:
        assert len(serial["staff"]) > CHUNK_ROWS and serial["training"]
    assert in_workers == serial


def test_optional_columns_and_files_in_any_order_are_the_same_in_workers(pool: parallel.ChunkPool) -> None:
    workplace, staff, training = messy.build(optional_columns=True, seed=8)
    for files in ([training, staff, workplace], [staff]):
        serial, in_workers = both_ways(files, messy.accounts()["existing"], True, pool)
        assert in_workers == serial


def test_a_workplace_file_of_many_rows_with_problems_is_reported_the_same_in_workers(
    pool: parallel.ChunkPool,
) -> None:
    files = messy.build(staff_rows=5_000, workplaces=2_500, seed=4, clean_share=0.3)
    serial, in_workers = both_ways(files, messy.accounts()["existing"], True, pool)
    assert serial["rows_checked"]["workplace"] > 2 * 1024  # read in several groups
    assert any(p.file == "workplace.csv" and p.message.startswith("This row has") for p in serial["problems"])
    assert in_workers == serial


def test_a_file_unreadable_half_way_stops_at_the_same_row_in_workers(pool: parallel.ChunkPool) -> None:
    workplace, staff, training = messy.build(seed=8)
    lines = staff[1].split(b"\n")
    lines.insert(6000, b'WP0001,"' + b"x" * 140_000 + b'",NEW')  # a cell over the csv module's limit
    files = [workplace, (staff[0], b"\n".join(lines)), training]
    serial, in_workers = both_ways(files, messy.accounts()["existing"], True, pool)
    (unreadable,) = [p for p in serial["problems"] if "could not be read as CSV from this row on" in p.message]
    assert unreadable.row is not None and serial["rows_checked"]["staff"] < unreadable.row
    assert in_workers == serial


def test_chunks_read_again_from_their_lines_are_the_chunks_read_in_process() -> None:
    _workplace, staff, _training = messy.build(seed=5)
    upload = open_upload(*staff)
    problems: list[Problem] = []
    expected = list(iter_chunks(upload, problems, 1000))
    items = list(iter_chunk_lines(upload, 1000))
    width = len(upload.layout.header)
    again = [(item.rows, cells_from_lines(item, upload.delimiter, width)) for item in items if item.rows]
    assert again == expected
    assert [p for item in items for p in item.problems] == problems
    assert any(p.message.startswith("This row has") for p in problems)


def test_read_upload_uses_workers_above_the_threshold_and_gives_the_same_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = messy.build(staff_rows=3_000, workplaces=15)
    account = messy.accounts()["existing"]
    serial = everything(read_upload(files, account, TODAY))
    used: list[int] = []

    class Spy(parallel.ChunkPool):
        def __init__(self, workers: int) -> None:
            used.append(workers)
            super().__init__(workers)

    monkeypatch.setattr(parallel, "ChunkPool", Spy)
    assert used == [] and parallel.planned_workers(_open_all(files, 50 << 20, [])) == 0
    monkeypatch.setattr(parallel, "PARALLEL_MIN_ROWS", 1_000)
    if parallel.planned_workers(_open_all(files, 50 << 20, [])) == 0:
        pytest.skip("one CPU: uploads are always checked in-process")
    assert everything(read_upload(files, account, TODAY)) == serial
    assert used == [min(2, len(os.sched_getaffinity(0)))]


def test_no_workers_are_planned_for_small_uploads_or_in_a_daemonic_process(monkeypatch: pytest.MonkeyPatch) -> None:
    opened = _open_all(messy.build(staff_rows=3_000, workplaces=15), 50 << 20, [])
    assert parallel.planned_workers(opened) == 0
    monkeypatch.setattr(parallel, "PARALLEL_MIN_ROWS", 1_000)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3}, raising=False)  # type: ignore[attr-defined]
    assert parallel.planned_workers(opened) == 2
    monkeypatch.setattr(parallel.multiprocessing, "current_process", lambda: type("P", (), {"daemon": True})())  # type: ignore[attr-defined]
    assert parallel.planned_workers(opened) == 0


def test_read_upload_checks_in_process_when_workers_cannot_be_had(monkeypatch: pytest.MonkeyPatch) -> None:
    files = messy.build(staff_rows=3_000, workplaces=15)
    expected = everything(read_upload(files, AccountSnapshot(), TODAY))

    class NoProcesses:
        def __init__(self, workers: int) -> None:
            raise parallel.Unavailable("no processes here")

    monkeypatch.setattr(parallel, "PARALLEL_MIN_ROWS", 0)
    monkeypatch.setattr(parallel, "planned_workers", lambda opened: 2)
    monkeypatch.setattr(parallel, "ChunkPool", NoProcesses)
    assert everything(read_upload(files, AccountSnapshot(), TODAY)) == expected


def test_validation_pauses_the_collector_and_leaves_it_as_it_found_it() -> None:
    files = [fixture("workplace.csv"), fixture("staff.csv")]
    assert gc.isenabled()
    read_upload(files, AccountSnapshot(), TODAY)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        with collection_paused(), collection_paused():
            assert not gc.isenabled()
        read_upload(files, AccountSnapshot(), TODAY)
        assert not gc.isenabled()  # it was off: it stays off
    finally:
        gc.enable()
    gc.freeze()  # an application's own frozen objects are left frozen
    try:
        frozen = gc.get_freeze_count()
        read_upload(files, AccountSnapshot(), TODAY)
        assert gc.get_freeze_count() == frozen and gc.isenabled()
    finally:
        gc.unfreeze()


def test_a_worker_that_dies_makes_the_pool_unavailable() -> None:
    with parallel.ChunkPool(1) as pool:
        died = pool.executor.submit(os._exit, 1)
        with pytest.raises(parallel.Unavailable):
            pool._result((None, died))  # type: ignore[arg-type]


def test_every_column_of_dates_is_sent_as_day_numbers() -> None:
    def dated(cls: type) -> set[str]:
        return {f.name for f in fields(cls) if re.search(r"\bdate\b", str(f.type))}

    assert dated(StaffChunk) == set(parallel.STAFF_CHUNK_DATES)
    assert dated(WorkerRecord) == set(parallel.WORKER_DATES)
    assert dated(TrainingChunk) == set(parallel.TRAINING_CHUNK_DATES)
    assert dated(TrainingRecordRow) == set(parallel.TRAINING_DATES)
