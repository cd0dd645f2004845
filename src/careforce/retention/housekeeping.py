"""Housekeeping: the scheduled removal of personal data past its retention period (ADR 0092).

Safe to run at any time and as often as wanted: each step only removes what is past its period. It runs
from ``careforce housekeeping`` (daily, from cron or a platform scheduler), when ``careforce serve`` and
``careforce worker`` start, and every ``HOUSEKEEPING_EVERY_HOURS`` inside ``careforce worker``.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from datetime import datetime

from django.utils import timezone

from .applications import anonymise_stale_applications
from .uploads import forget_expired_uploads

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    uploads_forgotten: int
    applications_anonymised: int


def run_housekeeping(now: datetime | None = None) -> Outcome:
    now = now or timezone.now()
    outcome = Outcome(
        uploads_forgotten=forget_expired_uploads(now), applications_anonymised=anonymise_stale_applications(now)
    )
    log.info("housekeeping: %s", asdict(outcome))  # counts only: never what was removed
    return outcome
