"""Uploads as the signed-in manager may see them: their own organisation's only."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from careforce.accounts.scope import Actor, scope_of

from .models import Upload

__all__ = ["Upload", "recent_uploads", "upload_for"]
RECENT = 10


def _own(user: Actor) -> QuerySet[Upload]:
    organisation_id = scope_of(user).managed_organisation
    if organisation_id is None:
        return Upload.objects.none()
    return Upload.objects.filter(organisation_id=organisation_id)


def upload_for(user: Actor, upload_id: str) -> Upload:
    try:
        return _own(user).select_related("job").defer("report_csv").get(pk=upload_id)
    except (Upload.DoesNotExist, ValueError):
        raise Http404("No such upload") from None


def recent_uploads(user: Actor) -> list[Upload]:
    return list(_own(user).defer("report_csv", "problems")[:RECENT])
