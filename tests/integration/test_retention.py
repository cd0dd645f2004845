"""Personal data kept only as long as needed: uploaded files, upload reports and job applications."""

from __future__ import annotations

import argparse
import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.utils import timezone
from uploading import upload

from careforce.accounts.models import User
from careforce.commands import housekeeping
from careforce.domain.access import Role
from careforce.recruitment.models import Application, ApplicationEvent, InterviewScore, Stage
from careforce.uploads.models import Upload
from careforce.workforce.models import Vacancy

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent.parent / "fixtures" / "upload"


def files(*names: str) -> dict[str, bytes]:
    return {name: (FIXTURES / name).read_bytes() for name in names}


def kept_bytes(item: Upload) -> int:
    return sum(len(bytes(f.content)) for f in item.files.all())


def age(item: Upload, days: int) -> None:
    Upload.objects.filter(pk=item.pk).update(created_at=timezone.now() - timedelta(days=days))


def run_housekeeping(capsys) -> str:  # type: ignore[no-untyped-def]
    assert housekeeping.run(argparse.Namespace()) == 0
    return capsys.readouterr().out


def test_files_are_deleted_when_an_upload_is_cancelled_or_has_errors_to_fix(as_manager):
    upload(as_manager, files("workplace.csv", "staff.csv"))
    waiting = Upload.objects.latest("created_at")
    assert waiting.can_apply and kept_bytes(waiting) > 0  # kept while the manager reads the report
    as_manager.post(f"/provider/upload/{waiting.pk}/cancel")
    assert kept_bytes(waiting) == 0
    upload(as_manager, files("workplace.csv", "staff_bad_codes.csv"))
    with_errors = Upload.objects.latest("created_at")
    assert with_errors.error_count and kept_bytes(with_errors) == 0
    assert as_manager.get(f"/provider/upload/{with_errors.pk}/report.csv").status_code == 200  # report stays


def test_an_upload_older_than_the_retention_period_loses_its_files_report_and_names(as_manager, capsys):
    upload(as_manager, files("workplace.csv", "staff.csv"))
    old = Upload.objects.latest("created_at")
    upload(as_manager, files("workplace.csv", "staff.csv"))
    recent = Upload.objects.latest("created_at")
    age(old, 31)
    age(recent, 29)
    out = run_housekeeping(capsys)
    assert "Deleted the files of 1 uploads older than 30 days" in out
    old.refresh_from_db()
    assert kept_bytes(old) == 0 and bytes(old.report_csv) == b"" and old.problems == []
    assert "leaving_sample" not in old.changes and old.state == Upload.State.CANCELLED
    page = as_manager.get(f"/provider/upload/{old.pk}").content.decode()
    assert "Upload cancelled" in page and "Save these changes" not in page
    assert "This upload was not saved within 30 days, so its files were deleted" in page
    assert as_manager.post(f"/provider/upload/{old.pk}/confirm").status_code == 302 and not old.files.exclude(
        content=b""
    )
    assert kept_bytes(Upload.objects.get(pk=recent.pk)) > 0 and Upload.objects.get(pk=recent.pk).can_apply
    assert "Deleted the files of 0 uploads" in run_housekeeping(capsys)  # running again changes nothing


@override_settings(UPLOAD_RETENTION_DAYS=7)
def test_the_upload_retention_period_is_a_setting(as_manager, capsys):
    upload(as_manager, files("workplace.csv", "staff.csv"))
    item = Upload.objects.latest("created_at")
    age(item, 8)
    assert "older than 7 days" in run_housekeeping(capsys)
    assert kept_bytes(item) == 0


def application(stage: str, *, sent_days_ago: int, last_change_days_ago: int | None = None) -> Application:
    vacancy = Vacancy.objects.order_by("pk").first()
    email = f"priya.{Application.objects.count()}@example.test"  # one application per address and job
    made = Application.objects.create(  # type: ignore[misc]
        vacancy=vacancy, full_name="Priya Shah", email=email, phone="07700 900123", stage=stage
    )
    Application.objects.filter(pk=made.pk).update(created_at=timezone.now() - timedelta(days=sent_days_ago))
    if last_change_days_ago is not None:
        ApplicationEvent.objects.create(
            application=made,
            from_stage=Stage.NEW,
            to_stage=stage,
            reason="Not enough experience with dementia",
            created_at=timezone.now() - timedelta(days=last_change_days_ago),
        )
    InterviewScore.objects.create(application=made, value="compassion", score=3, notes="Spoke about her nan")
    return made


def test_applications_that_went_nowhere_are_anonymised_after_twelve_months(capsys):
    stale = application(Stage.NOT_PROGRESSED, sent_days_ago=500, last_change_days_ago=380)
    forgotten = application(Stage.NEW, sent_days_ago=400)  # never answered
    still_moving = application(Stage.INTERVIEW, sent_days_ago=400, last_change_days_ago=20)
    hired = application(Stage.HIRED, sent_days_ago=500, last_change_days_ago=400)
    recent = application(Stage.NOT_PROGRESSED, sent_days_ago=60, last_change_days_ago=50)
    assert "anonymised 2 job applications with no activity for 12 months" in run_housekeeping(capsys)
    for item in (stale, forgotten):
        item.refresh_from_db()
        assert (item.full_name, item.email, item.phone) == ("Deleted applicant", "", "")
        assert item.interview_scores.get().notes == ""
        assert Application.objects.filter(pk=item.pk).exists()  # counted still, anonymously
    for item in (still_moving, hired, recent):
        kept = item.email
        item.refresh_from_db()
        assert item.email == kept and item.full_name == "Priya Shah"
    assert "anonymised 0 job applications" in run_housekeeping(capsys)


def test_the_applicants_own_data_csv_neutralises_formula_cells():
    person = User.objects.create_user(
        username="formula@example.test", email="formula@example.test", password="x" * 16, role=Role.JOB_SEEKER
    )
    made = application(Stage.NEW, sent_days_ago=1)
    Application.objects.filter(pk=made.pk).update(
        applicant=person, full_name='=HYPERLINK("https://evil.example","Click")', about_you="+44 is my code"
    )
    client = Client()
    client.force_login(person)
    rows = list(csv.reader(io.StringIO(client.get("/care-jobs/your-data.csv").content.decode())))
    values = {row[2]: row[3] for row in rows if row[0] == "applications"}
    assert values["full_name"] == '\'=HYPERLINK("https://evil.example","Click")'
    assert values["about_you"] == "'+44 is my code"
