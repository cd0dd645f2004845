"""STATUS semantics, uploading twice, and download -> upload round trips."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from careforce.domain.upload import (
    AccountSnapshot,
    CurrentData,
    Status,
    export_files,
    plan_changes,
    read_upload,
)

from .factory import TODAY, account_with, sample_records, training, worker, workplace


def with_status(data: bytes, status: Status, line: int | None = None) -> bytes:
    rows = list(csv.reader(io.StringIO(data.decode())))
    column = rows[0].index("STATUS")
    for number, row in enumerate(rows[1:], start=2):
        if line is None or number == line:
            row[column] = status.value
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode()


def stored() -> tuple[CurrentData, AccountSnapshot, list]:  # type: ignore[type-arg]
    w, s, t = sample_records()
    return CurrentData.from_records(w, s, t), account_with(w, s), [w, s, t]


def test_download_uploaded_again_changes_nothing() -> None:
    current, account, (w, s, t) = stored()
    result = read_upload(export_files(w, s, t).as_upload(), account, TODAY)
    assert result.report.problems == ()
    plan = plan_changes(result, current)
    assert plan.is_empty
    assert (plan.workplaces.unchanged, plan.workers.unchanged, plan.training_unchanged) == (1, 3, 2)


def test_download_with_formula_like_text_survives_the_round_trip() -> None:
    w, s, t = sample_records()
    s = [s[0], replace(s[1], name_or_id="=SUM(A1)", main_job_role=23, main_job_role_description="-5 hours cover"), s[2]]
    t = [replace(t[0], notes="@risk: '=also text'"), t[1]]
    files = export_files(w, s, t)
    assert b",'=SUM(A1)," in files.staff and b",'-5 hours cover," in files.staff
    result = read_upload(files.as_upload(), account_with(w, s), TODAY)
    assert result.report.problems == ()
    assert plan_changes(result, CurrentData.from_records(w, s, t)).is_empty


def test_uploading_new_records_twice_creates_them_once() -> None:
    w, s, t = sample_records()
    files = [(n, d.replace(b",UNCHECKED,", b",NEW,")) for n, d in export_files(w, s, t).as_upload()]
    first = plan_changes(read_upload(files, AccountSnapshot(), TODAY), CurrentData())
    assert (len(first.workplaces.created), len(first.workers.created), len(first.training_created)) == (1, 3, 2)
    again = read_upload(files, account_with(w, s), TODAY)
    assert {p.code for p in again.report.errors} == {1020, 1040}  # NEW but already exists: nothing applied
    unchecked = read_upload(export_files(w, s, t).as_upload(), account_with(w, s), TODAY)
    assert plan_changes(unchecked, CurrentData.from_records(w, s, t)).is_empty


def test_update_and_unchecked_change_only_the_fields_that_differ() -> None:
    current, account, (w, s, t) = stored()
    changed = [replace(s[1], hourly_rate=s[1].hourly_rate and s[1].hourly_rate + 1), *s[:1], *s[2:]]
    files = export_files(w, changed, t)
    for status in (Status.UPDATE, Status.UNCHECKED):
        result = read_upload([("staff.csv", with_status(files.staff, status))], account, TODAY)
        plan = plan_changes(result, current)
        (update,) = plan.workers.updated
        assert update.changed_fields == ("hourly_rate",)
        assert update.after.local_identifier == "W002"
        assert plan.workers.unchanged == 2


def test_nochange_leaves_the_record_as_it_is_even_if_the_row_differs() -> None:
    current, account, (w, s, t) = stored()
    files = export_files(w, [replace(s[0], name_or_id="Renamed"), *s[1:]], t)
    result = read_upload([("staff.csv", with_status(files.staff, Status.NOCHANGE, line=2))], account, TODAY)
    plan = plan_changes(result, current)
    assert plan.workers.updated == [] and plan.workers.unchanged == 3


def test_delete_removes_a_staff_record() -> None:
    current, account, (w, s, t) = stored()
    files = export_files(w, s, t)
    result = read_upload([("staff.csv", with_status(files.staff, Status.DELETE, line=3))], account, TODAY)
    plan = plan_changes(result, current)
    assert [r.local_identifier for r in plan.workers.deleted] == ["W002"]


def test_deleting_a_workplace_deletes_its_staff() -> None:
    current, account, (w, s, t) = stored()
    files = export_files(w, s, t)
    result = read_upload([("workplace.csv", with_status(files.workplace, Status.DELETE))], account, TODAY)
    plan = plan_changes(result, current)
    assert [r.local_identifier for r in plan.workplaces.deleted] == ["WM-HOME-1"]
    assert sorted(r.local_identifier for r in plan.workers.deleted) == ["W001", "W002", "W003"]


@pytest.mark.parametrize("status", [Status.UPDATE, Status.UNCHECKED, Status.NOCHANGE, Status.DELETE])
def test_status_other_than_new_for_a_record_that_does_not_exist_is_an_error(status: Status) -> None:
    _current, account, (w, s, t) = stored()
    files = export_files(w, [*s, worker("W009")], t)
    result = read_upload([("staff.csv", with_status(files.staff, status, line=5))], account, TODAY)
    (problem,) = result.report.errors
    assert (problem.row, problem.column, problem.code) == (5, "STATUS", 1040)
    assert f"STATUS of {status.value}" in problem.message


def test_staff_missing_from_the_staff_file_are_deleted_as_asc_wds_does() -> None:
    current, account, (w, s, t) = stored()
    result = read_upload([("staff.csv", export_files(w, s[:2], t).staff)], account, TODAY)
    plan = plan_changes(result, current)
    assert plan.workers_deleted_as_missing == [("WM-HOME-1", "W003")]


def test_workplaces_left_out_of_the_workplace_file_are_kept() -> None:
    w, s, t = sample_records()
    second = workplace("WM-HOME-2", cqc_location_id="1-112345679")
    current = CurrentData.from_records([*w, second], s, t)
    result = read_upload([("workplace.csv", export_files(w, s, t).workplace)], account_with([*w, second], s), TODAY)
    plan = plan_changes(result, current)
    assert plan.workplaces.deleted == [] and plan.is_empty


def test_training_file_replaces_a_workers_training_only_where_it_differs() -> None:
    current, account, (w, s, t) = stored()
    uploaded = [t[0], training("W002", category=14, title="Safeguarding adults")]
    result = read_upload([("training.csv", export_files(w, s, uploaded).training)], account, TODAY)
    plan = plan_changes(result, current)
    assert [r.category for r in plan.training_created] == [14]
    assert [r.category for r in plan.training_deleted] == [2]
    assert plan.training_unchanged == 1


def test_change_of_worker_id_and_transfer_become_updates_of_the_key() -> None:
    w, s, t = sample_records()
    second = workplace("WM-HOME-2", cqc_location_id="1-112345679")
    current = CurrentData.from_records([*w, second], s, t)
    account = account_with([*w, second], s)
    data = export_files(w, s, t).staff.decode().splitlines()
    header = data[0].replace("UNIQUEWORKERID,", "UNIQUEWORKERID,CHGUNIQUEWRKID,TRANSFERSTAFFRECORD,")
    rows = [
        line.replace("W001,", "W001,W001-NEW,WM-HOME-2,", 1)
        if ",W001," in line
        else line.replace(",UNCHECKED,", ",,,UNCHECKED,", 1)
        for line in data[1:]
    ]
    rows = [r.replace("WM-HOME-1,W00", "WM-HOME-1,W00", 1) for r in rows]
    result = read_upload([("staff.csv", "\r\n".join([header, *rows]).encode())], account, TODAY)
    assert result.report.errors == ()
    plan = plan_changes(result, current)
    (update,) = plan.workers.updated
    assert (update.after.workplace_local_identifier, update.after.local_identifier) == ("WM-HOME-2", "W001-NEW")
    assert set(update.changed_fields) == {"workplace_local_identifier", "local_identifier"}


def test_plan_refuses_an_upload_with_errors() -> None:
    w, s, t = sample_records()
    result = read_upload(export_files(w, s, t).as_upload(), AccountSnapshot(), TODAY)
    with pytest.raises(ValueError, match="with errors"):
        plan_changes(result, CurrentData())


def test_plan_lists_conflicts_when_the_data_changed_since_validation() -> None:
    current, account, (w, s, t) = stored()
    result = read_upload([("staff.csv", export_files(w, s, t).staff)], account, TODAY)
    plan = plan_changes(result, CurrentData.from_records(w, s[:2], t))
    assert [(p.row, p.column) for p in plan.conflicts] == [(4, "STATUS")]
    assert "no longer exists" in plan.conflicts[0].message
