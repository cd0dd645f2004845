"""The dated history of workplace returns that vacancy and turnover trends rest on (ADR 0035).

* :func:`record_returns` snapshots what every workplace states today: its permanent and temporary
  staff total (TOTALPERMTEMP) and its open vacancies by job role.
* :func:`derive_past_returns` is for the synthetic demo region, which starts with no history: it works
  out a return at each of the last year ends from the staff records (the permanent and temporary
  staff on that date). Its vacancies are marked "not known", since no vacancy statement exists for
  those dates, so vacancy-rate trends show "no returns" for them rather than a false zero. It derives
  returns only for the years the records cover (the demo makes leavers for ``history_years``): before
  that the records hold no leavers, so a derived return would claim a turnover of nothing (ADR 0093).

Both write with ``workforce.bulk.insert_rows`` (COPY on PostgreSQL), so the full region takes seconds.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import connection, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from careforce.domain.metrics.snapshot import years_before
from careforce.domain.metrics.tables import TREND_YEARS
from careforce.domain.reference import PERMANENT_OR_TEMPORARY
from careforce.workforce.bulk import insert_rows
from careforce.workforce.models import Vacancy, Worker, Workplace

from .models import ReturnVacancy, WorkplaceReturn

RETURN_FIELDS = ("workplace", "as_of", "total_perm_temp", "vacancies_known", "derived_from_records", "recorded_at")


def clear_orphaned_returns() -> None:
    """Remove returns of workplaces that no longer exist (e.g. after the demo region is replaced)."""
    returns = connection.ops.quote_name(WorkplaceReturn._meta.db_table)
    vacancies = connection.ops.quote_name(ReturnVacancy._meta.db_table)
    workplaces = connection.ops.quote_name(Workplace._meta.db_table)
    orphans = f"SELECT id FROM {returns} WHERE workplace_id NOT IN (SELECT id FROM {workplaces})"
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {vacancies} WHERE workplace_return_id IN ({orphans})")
        cursor.execute(f"DELETE FROM {returns} WHERE workplace_id NOT IN (SELECT id FROM {workplaces})")


def _insert_returns(as_of: date, totals: Iterable[tuple[int, int]], *, vacancies_known: bool, derived: bool) -> int:
    now = timezone.now()
    # a list, not a generator: no other query may run on the connection while PostgreSQL's COPY is open
    rows = [(wp, as_of, total, vacancies_known, derived, now) for wp, total in totals]
    return insert_rows(WorkplaceReturn, RETURN_FIELDS, rows)


@transaction.atomic
def record_returns(as_of: date) -> int:
    """Record every workplace's stated total and open vacancies as its return on ``as_of`` (replacing any
    return already recorded for that day). Workplaces with no stated total make no return. Returns the
    number of returns recorded."""
    clear_orphaned_returns()
    WorkplaceReturn.objects.filter(as_of=as_of).delete()
    totals = Workplace.objects.filter(total_perm_temp__isnull=False).values_list("pk", "total_perm_temp")
    n = _insert_returns(as_of, list(totals), vacancies_known=True, derived=False)  # type: ignore[arg-type]
    open_on_day = list(
        Vacancy.objects.filter(posted_on__lte=as_of)
        .filter(Q(closing_date__isnull=True) | Q(closing_date__gte=as_of))
        .values("workplace_id", "job_role")
        .annotate(n=Sum("number_of_posts"))
        .filter(n__gt=0)
        .values_list("workplace_id", "job_role", "n")
    )
    return_of = dict(WorkplaceReturn.objects.filter(as_of=as_of).values_list("workplace_id", "pk"))
    insert_rows(
        ReturnVacancy,
        ("workplace_return", "job_role", "vacancies"),
        [(return_of[wp], role, count) for wp, role, count in open_on_day if wp in return_of],
    )
    return n


@transaction.atomic
def derive_past_returns(as_of: date, years: int = TREND_YEARS) -> int:
    """For each of the ``years`` year ends before ``as_of``, a return per workplace stating the permanent
    and temporary staff its records show on that day (vacancies not known). Days that already have a
    stated (not derived) return for a workplace keep it."""
    n = 0
    for k in range(1, years + 1):
        day = years_before(as_of, k)
        WorkplaceReturn.objects.filter(as_of=day, derived_from_records=True).delete()
        stated = set(WorkplaceReturn.objects.filter(as_of=day).values_list("workplace_id", flat=True))
        counts = list(
            Worker.objects.filter(contract_type__in=PERMANENT_OR_TEMPORARY, start_date__lte=day)
            .filter(Q(left_on__isnull=True) | Q(left_on__gt=day))
            .values("workplace_id")
            .annotate(n=Count("pk"))
            .values_list("workplace_id", "n")
        )
        n += _insert_returns(
            day, [(wp, c) for wp, c in counts if wp not in stated], vacancies_known=False, derived=True
        )
    return n


def demo_history_years() -> int:
    """How many years back the demo region's records go (its leavers are made for that many years)."""
    from careforce.domain.demo.parameters import parameters

    return int(parameters()["turnover"]["history_years"])


def record_demo_history(as_of: date) -> int:
    """The demo region's returns: past year ends its staff records cover, derived from them, and today's."""
    clear_orphaned_returns()
    return derive_past_returns(as_of, min(TREND_YEARS, demo_history_years())) + record_returns(as_of)
