"""Job applications that went nowhere are anonymised after ``APPLICATION_RETENTION_MONTHS`` (default 12).

An application is kept with the applicant's details while it could still matter to them or the employer.
Once it has had no activity (its last stage change, or when it was sent) for the retention period and did
not end in a hire, its personal details are removed the same way as when a job seeker deletes their
account (``careers.account_data.anonymise``): the row stays, anonymous, so employers' and the region's
counts of applications and hires do not change. A hired applicant's details live on in their staff record.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.db.models.functions import Coalesce

from careforce.careers.account_data import ERASED_NAME, anonymise
from careforce.recruitment.models import Application, Stage

DAYS_PER_MONTH = 30.44  # the mean Gregorian month


def retention_months() -> int:
    return int(getattr(settings, "APPLICATION_RETENTION_MONTHS", 12))


@transaction.atomic
def anonymise_stale_applications(now: datetime) -> int:
    """Anonymise applications not progressed to a hire with no activity for the period; how many."""
    cutoff = now - timedelta(days=round(retention_months() * DAYS_PER_MONTH))
    stale = (
        Application.objects.exclude(stage=Stage.HIRED)
        .exclude(full_name=ERASED_NAME, email="")
        .annotate(last_activity=Coalesce(Max("events__created_at"), "created_at"))
        .filter(last_activity__lt=cutoff)
    )
    ids = list(stale.values_list("pk", flat=True))
    anonymise(Application.objects.filter(pk__in=ids))
    return len(ids)
