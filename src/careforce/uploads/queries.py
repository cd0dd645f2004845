"""Uploads as the signed-in manager may see them: their own organisation's only."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from .models import Upload

__all__ = ["Upload", "recent_uploads", "upload_for"]
RECENT = 10


def _own(user: Any) -> QuerySet[Upload]:
    if not user.organisation_id:
        return Upload.objects.none()
    return Upload.objects.filter(organisation_id=user.organisation_id)


def upload_for(user: Any, upload_id: str) -> Upload:
    try:
        return _own(user).select_related("job").defer("report_csv").get(pk=upload_id)
    except (Upload.DoesNotExist, ValueError):
        raise Http404("No such upload") from None


def recent_uploads(user: Any) -> list[Upload]:
    return list(_own(user).defer("report_csv", "problems")[:RECENT])
