"""Dated workplace returns: each workplace's stated totals and vacancies on a date.

The workforce measures need a history of what each workplace stated (ASC-WDS TOTALPERMTEMP and
VACANCIES by job role) to show vacancy and turnover rates over the last years (ADR 0030, 0035).
``history.record_returns`` snapshots the current statements; rows are never edited afterwards.
"""

from django.db import models


class WorkplaceReturn(models.Model):
    """What one workplace stated on one date: its permanent and temporary staff, and whether its
    vacancies were known. Vacancies by job role are in :class:`ReturnVacancy`."""

    # no database constraint: workplaces may be removed by bulk SQL (the demo loader); orphaned
    # returns are ignored by the measures and cleared by ``history.record_returns``
    workplace = models.ForeignKey(
        "workforce.Workplace", on_delete=models.CASCADE, related_name="returns", db_constraint=False
    )
    as_of = models.DateField("Date the totals were stated")
    total_perm_temp = models.PositiveIntegerField("Permanent and temporary staff (stated total)")
    vacancies_known = models.BooleanField(default=True)
    derived_from_records = models.BooleanField(
        default=False, help_text="Worked out afterwards from staff records (the demo's past years), not stated."
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["workplace_id", "as_of"]
        constraints = [models.UniqueConstraint(fields=["workplace", "as_of"], name="one_return_per_workplace_and_day")]
        indexes = [models.Index(fields=["as_of"])]

    def __str__(self) -> str:
        return f"Return of workplace {self.workplace_id} on {self.as_of:%Y-%m-%d}"


class ReturnVacancy(models.Model):
    """Vacancies for one job role in a return (roles with none have no row)."""

    workplace_return = models.ForeignKey(WorkplaceReturn, on_delete=models.CASCADE, related_name="vacancies")
    job_role = models.PositiveSmallIntegerField()
    vacancies = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["workplace_return", "job_role"], name="one_vacancy_count_per_return_and_role"
            )
        ]
