"""Background jobs record progress and results, run in-process or from the Redis queue."""

import os

import pytest
from django.test import override_settings

from careforce.accounts.models import User
from careforce.jobs.models import Job
from careforce.jobs.runner import submit

pytestmark = pytest.mark.django_db


def count_staff(progress, council):  # type: ignore[no-untyped-def]
    """A small job used by these tests."""
    from careforce.workforce.models import Worker

    progress(50, "Counting")
    return {"staff": Worker.objects.filter(workplace__council_id=council, left_on__isnull=True).count()}


def broken(progress):  # type: ignore[no-untyped-def]
    raise ValueError("Row 3 of the file could not be read")


def _manager():  # type: ignore[no-untyped-def]
    return User.objects.get(username="manager@demo.careforce.test")


@override_settings(JOBS_BACKEND="immediate")
def test_a_job_runs_after_commit_and_its_result_is_kept(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = submit("test", "Counting staff", f"{__name__}.count_staff", {"council": "E08000026"}, _manager())
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.progress == 100
    assert job.result["staff"] > 0


@override_settings(JOBS_BACKEND="immediate")
def test_a_failed_job_shows_its_reason_to_the_person_who_started_it(
    django_capture_on_commit_callbacks, as_manager, as_lead
):
    with django_capture_on_commit_callbacks(execute=True):
        job = submit("test", "Checking your upload", f"{__name__}.broken", {}, _manager())
    page = as_manager.get(f"/jobs/{job.pk}").content.decode()
    assert "There is a problem" in page and "Row 3 of the file could not be read" in page
    assert as_lead.get(f"/jobs/{job.pk}").status_code == 404  # someone else's job


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="runs in the PostgreSQL pass, where REDIS_URL is set")
def test_a_job_queued_on_redis_is_done_by_a_worker(django_capture_on_commit_callbacks):
    from rq import SimpleWorker

    from careforce.jobs.runner import queue

    with override_settings(JOBS_BACKEND="rq", REDIS_URL=os.environ["REDIS_URL"]):
        q = queue()
        q.empty()
        with django_capture_on_commit_callbacks(execute=True):
            job = submit("test", "Counting staff", f"{__name__}.count_staff", {"council": "E08000025"}, _manager())
        assert Job.objects.get(pk=job.pk).status == Job.Status.QUEUED
        SimpleWorker([q], connection=q.connection).work(burst=True)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.result["staff"] > 0
