"""Background jobs as the acting user may see them: only the jobs they started."""

from __future__ import annotations

from django.http import Http404

from careforce.accounts.scope import Actor, scope_of

from .models import Job


def job_for(user: Actor, job_id: str) -> Job:
    """A job the acting user started; anyone else's (or none) is a 404."""
    started_by = scope_of(user).user_id
    if started_by is None:
        raise Http404("No such job")
    try:
        return Job.objects.get(pk=job_id, created_by_id=started_by)
    except (Job.DoesNotExist, ValueError):
        raise Http404("No such job") from None
