from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from careforce.accounts.access import signed_in

from .models import Job


@signed_in
def job_status(request: HttpRequest, job_id: str) -> HttpResponse:
    """Progress of a background job; only the person who started it may see it."""
    try:
        job = Job.objects.get(pk=job_id, created_by=request.user)
    except (Job.DoesNotExist, ValueError):
        raise Http404("No such job") from None
    return render(request, "jobs/status.html", {"title": job.title, "job": job})
