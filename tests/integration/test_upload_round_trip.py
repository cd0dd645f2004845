"""A provider downloads its data in the ASC-WDS format, changes it and uploads it again."""

import pytest
from uploading import as_bytes, confirm, download_all, table, upload

from careforce.workforce.models import TrainingRecord, Worker

pytestmark = pytest.mark.django_db


def manager_worker_count() -> int:
    return Worker.objects.filter(
        workplace__organisation__users__username="manager@demo.careforce.test", left_on__isnull=True
    ).count()


def test_a_download_uploaded_again_changes_nothing(as_manager):  # type: ignore[no-untyped-def]
    files = download_all(as_manager)
    assert sorted(files) == ["staff.csv", "training.csv", "workplace.csv"]
    staff_before = manager_worker_count()
    assert len(table(files["staff.csv"])) - 1 == staff_before
    page = upload(as_manager, files).content.decode()
    assert "These files match your records: saving them changes nothing." in page
    assert "0 errors" in page
    saved = confirm(as_manager, upload(as_manager, files)).content.decode()
    assert "Upload saved" in saved
    assert manager_worker_count() == staff_before
    assert download_all(as_manager) == files


def test_changes_in_a_download_are_saved_and_the_same_files_twice_change_nothing(as_manager):  # type: ignore[no-untyped-def]
    files = download_all(as_manager)
    staff = table(files["staff.csv"])
    header = staff[0]
    first = staff[1]
    first[header.index("HOURLYRATE")] = "13.45"
    first[header.index("SALARYINT")] = "3"
    first[header.index("SALARY")] = ""
    new = list(staff[2])
    new[header.index("UNIQUEWORKERID")] = "NEWSTARTER1"
    new[header.index("DISPLAYID")] = "Sam New"
    new[header.index("NINUMBER")] = ""
    new[header.index("STATUS")] = "NEW"
    changed = {**files, "staff.csv": as_bytes([*staff, new])}
    response = upload(as_manager, changed)
    page = response.content.decode()
    assert "Check the changes before you save them" in page
    assert "Staff records added" in page and "Staff records changed" in page
    assert not Worker.objects.filter(local_identifier="NEWSTARTER1").exists()  # nothing saved before confirming
    assert "Upload saved" in confirm(as_manager, response).content.decode()
    worker = Worker.objects.get(local_identifier="NEWSTARTER1", left_on__isnull=True)
    assert worker.name_or_id == "Sam New"
    workplace, reference = first[header.index("LOCALESTID")], first[header.index("UNIQUEWORKERID")]
    assert (
        str(
            Worker.objects.get(
                workplace__local_identifier=workplace, local_identifier=reference, left_on__isnull=True
            ).hourly_rate
        )
        == "13.45"
    )
    again = upload(as_manager, changed).content.decode()  # NEW again: refused, as ASC-WDS does
    assert "STATUS is NEW but already exists" in again or "NEW but already exists" in again
    current = download_all(as_manager)
    assert "These files match your records" in upload(as_manager, current).content.decode()


def test_staff_left_out_of_the_staff_file_are_recorded_as_leavers(as_manager):  # type: ignore[no-untyped-def]
    files = download_all(as_manager)
    staff = table(files["staff.csv"])
    header, gone = staff[0], staff[1]
    reference = gone[header.index("UNIQUEWORKERID")]
    response = upload(as_manager, {"staff.csv": as_bytes([header, *staff[2:]])})
    page = response.content.decode()
    assert "1 staff will be recorded as having left today" in page
    assert reference in page
    confirm(as_manager, response)
    worker = Worker.objects.get(local_identifier=reference, workplace__local_identifier=gone[0])
    assert worker.left_on is not None  # kept for turnover, no longer current


def test_training_rows_replace_a_workers_training(as_manager):  # type: ignore[no-untyped-def]
    files = download_all(as_manager)
    training = table(files["training.csv"])
    header, dropped = training[0], training[1]
    worker = Worker.objects.get(
        workplace__local_identifier=dropped[0], local_identifier=dropped[1], left_on__isnull=True
    )
    before = TrainingRecord.objects.filter(worker=worker).count()
    response = upload(
        as_manager,
        {
            "workplace.csv": files["workplace.csv"],
            "staff.csv": files["staff.csv"],
            "training.csv": as_bytes([header, *training[2:]]),
        },
    )
    assert "Training records removed" in response.content.decode()
    confirm(as_manager, response)
    assert TrainingRecord.objects.filter(worker=worker).count() == before - 1


def test_a_value_ascwds_would_ignore_keeps_what_is_stored(as_manager):  # type: ignore[no-untyped-def]
    """A hired applicant who starts next month: the start date is in the future, which an upload ignores
    (with a warning); sending the download back must not wipe it."""
    from datetime import timedelta

    from django.utils import timezone

    worker = Worker.objects.filter(
        workplace__organisation__users__username="manager@demo.careforce.test", left_on__isnull=True
    ).first()
    starts = timezone.localdate() + timedelta(days=20)
    Worker.objects.filter(pk=worker.pk).update(start_date=starts)
    page = upload(as_manager, download_all(as_manager)).content.decode()
    assert "STARTDATE is in the future and will be ignored" in page
    assert "These files match your records: saving them changes nothing." in page
    worker.refresh_from_db()
    assert worker.start_date == starts


def test_many_warnings_of_one_kind_are_one_line_with_their_count_and_every_row_is_in_the_report(as_manager):  # type: ignore[no-untyped-def]
    files = download_all(as_manager)
    staff = table(files["staff.csv"])
    header = staff[0]
    for row in staff[1:]:  # UPDATE rows are checked in full, as ASC-WDS checks them: a blank POSTCODE is a warning
        row[header.index("STATUS")] = "UPDATE"
        row[header.index("POSTCODE")] = ""
    response = upload(as_manager, {**files, "staff.csv": as_bytes(staff)})
    page = response.content.decode()
    records = len(staff) - 1
    assert f"{records:,} staff records have no POSTCODE; it is optional" in page
    assert page.count("POSTCODE is blank") == 0  # not one table row per staff record
    report = as_manager.get(response.redirect_chain[-1][0] + "/report.csv").content.decode()
    assert report.count("POSTCODE is blank") == records
