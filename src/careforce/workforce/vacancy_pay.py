"""What a job role pays locally, for the warning on a vacancy whose pay is far off it.

Local means the open vacancies in the same job role at workplaces in the same council (every provider's:
only the summary leaves here, never another provider's vacancy). Where the council has too few to say
(``pay.MIN_VACANCIES``), the whole region's are used instead.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from django.db.models import Q
from django.utils import timezone

from careforce.domain.careers.coverage import spoken_name
from careforce.domain.careers.pay import PayGroup, typical_pay
from careforce.domain.reference import REGION_NAME

from .models import Vacancy


def _summary(rates: list[Any], job_role: int) -> PayGroup | None:
    if not rates:
        return None
    values = np.array([float(r) for r in rates], dtype=np.float64)
    groups = typical_pay(np.full(len(values), job_role), values)
    return groups[0] if groups else None


def local_pay(workplace: Any, job_role: int, leave_out: int | None = None) -> tuple[PayGroup | None, str]:
    """The pay of open vacancies in ``job_role`` in the workplace's council (or the region), leaving out
    the vacancy being changed; and the name of that area."""
    today = timezone.localdate()
    vacancies = Vacancy.objects.filter(
        Q(closing_date__isnull=True) | Q(closing_date__gte=today),
        job_role=job_role,
        hourly_rate__isnull=False,
    )
    if leave_out is not None:
        vacancies = vacancies.exclude(pk=leave_out)
    council = _summary(
        list(vacancies.filter(workplace__council_id=workplace.council_id).values_list("hourly_rate", flat=True)),
        job_role,
    )
    if council is not None and not council.suppressed:
        return council, spoken_name(workplace.council.name)
    return _summary(list(vacancies.values_list("hourly_rate", flat=True)), job_role), f"the {REGION_NAME}"
