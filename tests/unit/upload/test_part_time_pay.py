"""Warning 1260 across a whole staff file: part-time and full-time workers on one annual salary, far apart."""

from __future__ import annotations

from decimal import Decimal

from careforce.domain.upload import AccountSnapshot, export_files, read_upload
from careforce.domain.upload.columnar import CHUNK_ROWS
from careforce.domain.upload.parallel import ChunkPool, Unavailable
from careforce.domain.upload.validate import _open_all, validate_opened

from .factory import TODAY, training, worker, workplace

ANNUAL = {"pay_interval": 1, "hourly_rate": None, "national_insurance_number": ""}


def staff_file_with_pay_spread_over_chunks() -> tuple[list[tuple[str, bytes]], set[int]]:
    """Three chunks of care workers paid hourly; 40 part-timers on £24,000 a year in the first chunk, one
    full-timer on £24,000 in the last; 40 part-timers on £18,000 nobody full-time shares; senior care workers
    (another role) part-time on £24,000. Returns the files and the spreadsheet rows that should be warned."""
    workers, warned = [], set()
    for n in range(3 * CHUNK_ROWS):
        record = worker(f"W{n:05d}", national_insurance_number="")
        if n % 100 == 1 and n < CHUNK_ROWS:
            record = worker(f"W{n:05d}", annual_salary=24000, contracted_hours=Decimal(20), **ANNUAL)  # type: ignore[arg-type]
            warned.add(n + 2)
        elif n % 100 == 2 and n < CHUNK_ROWS:
            record = worker(f"W{n:05d}", annual_salary=18000, contracted_hours=Decimal(20), **ANNUAL)  # type: ignore[arg-type]
        elif n % 100 == 3 and n < CHUNK_ROWS:
            record = worker(f"W{n:05d}", main_job_role=7, annual_salary=24000, contracted_hours=Decimal(20), **ANNUAL)  # type: ignore[arg-type]
        elif n == 3 * CHUNK_ROWS - 5:
            record = worker(f"W{n:05d}", annual_salary=24000, contracted_hours=Decimal("37.5"), **ANNUAL)  # type: ignore[arg-type]
        workers.append(record)
    workers[0] = worker("W00000", main_job_role=4, national_insurance_number="")  # the registered manager
    files = export_files([workplace(total_perm_temp=999)], workers, [training("W00000")]).as_upload()
    return [(name, data.replace(b",UNCHECKED,", b",NEW,")) for name, data in files], warned


def test_part_timers_on_a_full_timers_annual_salary_are_warned_wherever_they_are_in_the_file() -> None:
    files, warned = staff_file_with_pay_spread_over_chunks()
    result = read_upload(files, AccountSnapshot(), TODAY, keep_records=False)
    found = {(p.row, p.column, p.code, p.severity.value) for p in result.report.problems if p.code == 1260}
    assert found == {(row, "SALARY", 1260, "warning") for row in warned}
    assert len(found) == 41
    assert not result.report.has_errors


def test_the_warnings_are_the_same_when_the_file_is_checked_in_worker_processes() -> None:
    files, warned = staff_file_with_pay_spread_over_chunks()
    serial = read_upload(files, AccountSnapshot(), TODAY, keep_records=False)
    try:
        with ChunkPool(2) as pool:
            problems: list = []
            in_workers = validate_opened(
                _open_all(files, 50 << 20, problems), problems, AccountSnapshot(), TODAY, False, pool
            )
    except Unavailable:  # pragma: no cover - where processes cannot be started
        return
    assert in_workers.report.problems == serial.report.problems
    assert {p.row for p in in_workers.report.problems if p.code == 1260} == warned
