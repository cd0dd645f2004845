"""Projection runs (who ran what, for which area, where the results are) and saved scenarios."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models


def results_folder() -> Path:
    folder = Path(settings.DATA_DIR) / "projections"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class ProjectionRun(models.Model):
    """One run of the projection engine. Its tidy results are a Parquet file keyed by the run id.

    ``council`` is the area scope: a council analyst's run keeps only their council's rows; a
    regional lead's run (``council`` empty) keeps every council and the region.
    """

    class RateSource(models.TextChoices):
        PUBLISHED = "published", "Published rates (Skills for Care)"
        RECORDS = "records", "Estimated from the loaded workforce records"

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting to start"
        DONE = "done", "Finished"
        FAILED = "failed", "Failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    council = models.ForeignKey(
        "region.Council",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projection_runs",
        help_text="empty: every council and the region",
    )
    scenario_names = models.JSONField(default=list)
    scenario_texts = models.JSONField(default=dict, help_text="scenario name -> its TOML text")
    demand_method = models.CharField(max_length=10, default="sfc")
    draws = models.PositiveIntegerField()
    seed = models.BigIntegerField()
    to_year = models.PositiveSmallIntegerField()
    rate_source = models.CharField(max_length=10, choices=RateSource.choices, default=RateSource.PUBLISHED)
    job = models.ForeignKey("jobs.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    message = models.CharField(max_length=300, blank=True)
    assumptions = models.JSONField(default=list, blank=True, help_text="the assumptions register of this run")
    rows = models.PositiveIntegerField(default=0, help_text="rows in the stored tidy table")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def parquet_path(self) -> Path:
        return results_folder() / f"{self.pk}.parquet"

    @property
    def workbook_path(self) -> Path:
        return results_folder() / f"{self.pk}.xlsx"

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def area_code(self) -> str:
        from careforce.domain.reference import REGION_CODE

        return self.council_id or REGION_CODE


class SavedScenario(models.Model):
    """A scenario a user wrote or edited, kept for their council (or for them, if they have none)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    council = models.ForeignKey("region.Council", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=80)
    title = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["owner", "name"], name="planning_saved_scenario_owner_name")]

    def __str__(self) -> str:
        return self.title or self.name
