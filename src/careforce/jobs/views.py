from django.http import HttpResponse
from django.shortcuts import render

from careforce.accounts.access import signed_in
from careforce.accounts.scope import ScopedRequest

from .queries import job_for
from .reaper import reap_lost_jobs

REAP_AT_MOST_EVERY = 5.0
"""Seconds between looks for lost jobs when people open pages that follow a job (one cheap query)."""


def notice_lost_jobs() -> None:
    """Called by pages that follow a job, so a job whose process died shows as failed, not waiting for ever."""
    reap_lost_jobs(at_most_every=REAP_AT_MOST_EVERY)


@signed_in
def job_status(request: ScopedRequest, job_id: str) -> HttpResponse:
    """Progress of a background job; only the person who started it may see it."""
    notice_lost_jobs()
    job = job_for(request.scope, job_id)
    return render(request, "jobs/status.html", {"title": job.title, "job": job})
