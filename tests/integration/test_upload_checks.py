"""Bad uploads get a report and change nothing; other people's uploads and workplaces are out of reach."""

import csv
import io
from pathlib import Path

import pytest
from django.test import override_settings
from uploading import as_bytes, confirm, download_all, table, upload

from careforce.uploads import workflow
from careforce.uploads.models import Upload
from careforce.workforce.models import Organisation, TrainingRecord, Worker, Workplace

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent.parent / "fixtures" / "upload"
BAD_FILES = [
    "staff_wrong_header.csv",
    "staff_missing_header.csv",
    "staff_missing_columns.csv",
    "staff_unknown_workplace.csv",
    "staff_duplicate_worker_ids.csv",
    "staff_bad_codes.csv",
    "staff_dont_know_999.csv",
    "binary_junk.csv",
    "workbook.csv",
    "training_bad_dates.csv",
]


def counts() -> tuple[int, int, int]:
    return (
        Workplace.objects.count(),
        Worker.objects.filter(left_on__isnull=True).count(),
        TrainingRecord.objects.count(),
    )


def fixture(*names: str) -> dict[str, bytes]:
    return {name: (FIXTURES / name).read_bytes() for name in names}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_gets_a_report_and_changes_nothing(as_manager, name):  # type: ignore[no-untyped-def]
    before = counts()
    names = ("workplace.csv", "staff.csv", name) if name.startswith("training") else ("workplace.csv", name)
    response = upload(as_manager, fixture(*names))
    page = response.content.decode()
    assert "There is a problem" in page and "must be fixed before anything can be saved" in page
    assert "Save these changes" not in page
    assert counts() == before
    item = Upload.objects.latest("created_at")
    assert confirm(as_manager, response).status_code == 200 and counts() == before  # confirming anyway does nothing
    report = list(
        csv.DictReader(io.StringIO(as_manager.get(f"/provider/upload/{item.pk}/report.csv").content.decode()))
    )
    assert report and list(report[0]) == ["file", "row", "column", "code", "severity", "message", "value"]
    assert any(row["severity"] == "error" for row in report)


@pytest.mark.parametrize(
    "name",
    ["staff_utf8_bom.csv", "staff_windows_1252.csv", "staff_semicolon.csv", "staff_tab.csv", "staff_utf16_tab.csv"],
)
def test_files_saved_by_excel_are_read_and_saved(as_manager, name):  # type: ignore[no-untyped-def]
    response = upload(as_manager, fixture("workplace.csv", name))
    page = response.content.decode()
    assert "0 errors" in page and "Save these changes" in page
    assert "Upload saved" in confirm(as_manager, response).content.decode()
    assert Worker.objects.filter(workplace__local_identifier="WM-HOME-1", left_on__isnull=True).count() == 3
    assert Workplace.objects.get(local_identifier="WM-HOME-1").council.name == "Dudley"


def test_an_impossible_date_is_a_warning_and_is_not_saved(as_manager):  # type: ignore[no-untyped-def]
    response = upload(as_manager, fixture("workplace.csv", "staff_impossible_dates.csv"))
    page = response.content.decode()
    assert "Warning: The date of birth you have entered is incorrectly formatted and will be ignored" in page
    assert "31/02/2020 is not a real date" in page
    confirm(as_manager, response)
    assert Worker.objects.get(workplace__local_identifier="WM-HOME-1", local_identifier="W001").date_of_birth is None


def test_a_date_in_the_future_is_a_warning_and_is_not_saved(as_manager):  # type: ignore[no-untyped-def]
    response = upload(as_manager, fixture("workplace.csv", "staff_future_dates.csv"))
    assert "Warning: STARTDATE is in the future and will be ignored" in response.content.decode()
    confirm(as_manager, response)
    assert Worker.objects.get(workplace__local_identifier="WM-HOME-1", local_identifier="W001").start_date is None


def test_a_file_over_50_mb_is_refused_before_it_is_kept(as_manager):  # type: ignore[no-untyped-def]
    big = b"LOCALESTID," + b"x" * (50 * 1024 * 1024 + 10)
    page = upload(as_manager, {"staff.csv": big}).content.decode()
    assert "Error: Upload ASC-WDS files" in page
    assert "the largest file we accept is 50 MB" in page
    assert not Upload.objects.exists()


def test_an_empty_file_is_an_error_on_the_page(as_manager):  # type: ignore[no-untyped-def]
    page = upload(as_manager, fixture("empty.csv")).content.decode()
    assert "The selected file is empty" in page and 'href="#id_files"' in page
    assert not Upload.objects.exists()


def test_no_file_chosen_is_an_error_on_the_page(as_manager):  # type: ignore[no-untyped-def]
    page = as_manager.post("/provider/upload/", {}).content.decode()
    assert "Select one, two or three ASC-WDS files" in page and 'href="#id_files"' in page


def test_another_organisations_workplace_is_refused(as_manager):  # type: ignore[no-untyped-def]
    files = download_all(as_manager)
    rows = table(files["workplace.csv"])
    other = Workplace.objects.exclude(organisation__users__username="manager@demo.careforce.test").first()
    rows[1][0] = other.local_identifier
    before = counts()
    page = upload(as_manager, {"workplace.csv": as_bytes(rows)}).content.decode()
    assert "belongs to another organisation" in page
    rows[1][0] = "A-BRAND-NEW-HOME"
    rows[1][1] = "NEW"
    rows[1][rows[0].index("LOCATIONID")] = other.cqc_location_id
    page = upload(as_manager, {"workplace.csv": as_bytes(rows)}).content.decode()
    assert "LOCATIONID is already used by another organisation" in page
    assert counts() == before and Workplace.objects.get(pk=other.pk).name == other.name


def test_only_the_uploading_organisations_managers_see_an_upload(as_manager, as_staff, as_analyst, client):  # type: ignore[no-untyped-def]
    upload(as_manager, fixture("workplace.csv"))
    item = Upload.objects.latest("created_at")
    someone_else = Organisation.objects.exclude(pk=item.organisation_id).first()
    from careforce.accounts.models import User

    other_manager = User.objects.create(
        username="other@example.test", role="provider_manager", organisation=someone_else
    )
    client.force_login(other_manager)
    for url in (f"/provider/upload/{item.pk}", f"/provider/upload/{item.pk}/report.csv"):
        assert client.get(url).status_code == 404
        assert as_staff.get(url).status_code == 403
        assert as_analyst.get(url).status_code == 403
    assert client.post(f"/provider/upload/{item.pk}/confirm").status_code == 404
    assert as_staff.get("/provider/upload/download/all").status_code == 403
    other_staff = table(download_all(client)["staff.csv"])
    own_staff = table(download_all(as_manager)["staff.csv"])
    assert {r[0] for r in other_staff[1:]}.isdisjoint({r[0] for r in own_staff[1:]})


def test_a_failure_while_saving_leaves_everything_as_it_was(as_manager, monkeypatch):  # type: ignore[no-untyped-def]
    from careforce.uploads import apply

    before = counts()
    response = upload(as_manager, fixture("workplace.csv", "staff.csv", "training.csv"))
    assert "Save these changes" in response.content.decode()

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(apply, "_qualifications", broken)  # after workplaces and staff are written
    with pytest.raises(RuntimeError):
        confirm(as_manager, response)
    assert counts() == before
    assert Upload.objects.latest("created_at").state == Upload.State.FAILED


@override_settings(JOBS_BACKEND="immediate")
def test_a_large_upload_is_checked_and_saved_in_the_background(
    as_manager, monkeypatch, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(workflow, "IN_REQUEST_BYTES", 0)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = upload(as_manager, fixture("workplace.csv", "staff.csv"))
    assert "Checking your files" in response.content.decode()
    assert "You can leave this page and come back" in response.content.decode()
    for callback in callbacks:
        callback()
    item = Upload.objects.latest("created_at")
    page = as_manager.get(f"/provider/upload/{item.pk}").content.decode()
    assert "Save these changes" in page
    with django_capture_on_commit_callbacks(execute=True):
        as_manager.post(f"/provider/upload/{item.pk}/confirm")
    assert "Upload saved" in as_manager.get(f"/provider/upload/{item.pk}").content.decode()
    assert Worker.objects.filter(workplace__local_identifier="WM-HOME-1").count() == 3
    assert not any(bytes(f.content) for f in item.files.all())  # contents forgotten once saved


def test_import_upload_command_saves_valid_files_and_refuses_bad_ones(capsys):  # type: ignore[no-untyped-def]
    from careforce.commands import import_upload

    organisation = Organisation.objects.create(name="Command Line Care")
    args = import_upload_args(organisation.pk, "workplace.csv", "staff_bad_codes.csv")
    assert import_upload.run(args) == 1
    out = capsys.readouterr()
    assert out.out.startswith("file,row,column,code,severity,message") and "GENDER" in out.out
    assert not Workplace.objects.filter(organisation=organisation).exists()
    assert import_upload.run(import_upload_args(organisation.pk, "workplace.csv", "staff.csv", "training.csv")) == 0
    assert "Staff records added: 3" in capsys.readouterr().err
    assert Worker.objects.filter(workplace__organisation=organisation).count() == 3


def import_upload_args(organisation: int, *names: str):  # type: ignore[no-untyped-def]
    import argparse
    from datetime import date

    return argparse.Namespace(organisation=organisation, files=[FIXTURES / n for n in names], today=date(2026, 9, 1))
