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


@pytest.fixture(autouse=True)
def look_for_lost_jobs_at_once(monkeypatch):  # type: ignore[no-untyped-def]
    """Pages look for lost jobs at most every few seconds per process: start each test afresh."""
    from careforce.jobs import reaper

    monkeypatch.setattr(reaper, "_last_reap", 0.0)


def _lost_job(holder: str, **fields):  # type: ignore[no-untyped-def]
    """A job recorded as running in a process that has gone: its lease was never renewed."""
    from datetime import timedelta

    from django.utils import timezone

    job = Job.objects.create(
        kind="projection",
        title="Projection of baseline to 2035",
        function="careforce.planning.services.run_projection",
        status=Job.Status.RUNNING,
        holder=holder,
        attempts=1,
        created_by=User.objects.get(username="analyst@demo.careforce.test"),
        **fields,
    )
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    return job


def test_a_projection_run_whose_process_died_says_it_stopped_and_offers_to_run_again(as_analyst):
    from careforce.jobs.leases import holder_id
    from careforce.planning.models import ProjectionRun

    analyst = User.objects.get(username="analyst@demo.careforce.test")
    run = ProjectionRun.objects.create(
        created_by=analyst, council_id=analyst.council_id, scenario_names=["baseline"], draws=1000, seed=1, to_year=2035
    )
    job = _lost_job(
        f"{holder_id().rpartition(':')[0]}:999999999",
        arguments={"run_id": str(run.pk)},
        on_failure="careforce.planning.services.run_failed",
    )
    ProjectionRun.objects.filter(pk=run.pk).update(job=job)
    page = as_analyst.get(f"/planning/runs/{run.pk}/status").content.decode()  # opening it looks for lost jobs
    assert "The projection stopped before it finished. No results were saved." in page
    assert "Run a projection again" in page and "This page updates itself" not in page
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.result["url"] == "/planning/new-run"
    job_page = as_analyst.get(f"/jobs/{job.pk}").content.decode()
    assert "the process doing it stopped" in job_page and "Nothing was saved by this job" in job_page


def test_a_job_held_on_another_machine_is_left_to_that_machine(as_analyst):
    from careforce.jobs.reaper import reap_lost_jobs

    job = _lost_job("another-machine:1234")
    assert str(job.pk) not in reap_lost_jobs()
    assert Job.objects.get(pk=job.pk).status == Job.Status.RUNNING


@override_settings(JOBS_BACKEND="immediate")
def test_a_job_delivered_again_after_it_finished_does_not_run_again(django_capture_on_commit_callbacks):
    from careforce.jobs.runner import execute

    with django_capture_on_commit_callbacks(execute=True):
        job = submit("test", "Counting staff", f"{__name__}.count_staff", {"council": "E08000026"}, _manager())
    execute(str(job.pk))  # a second delivery, as RQ may make
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.attempts == 1
