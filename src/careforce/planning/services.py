"""Start projection runs: small ones in the request, bigger ones as background jobs."""

from __future__ import annotations

import logging
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from careforce.accounts.scope import scope_of
from careforce.domain.planning import DEFAULT_SEED, Scenario, project
from careforce.domain.planning.scenarios import parse_scenario
from careforce.jobs.runner import submit

from .decision_storage import write_decisions
from .models import ProjectionRun, SavedScenario
from .storage import write_results

if TYPE_CHECKING:
    from careforce.accounts.models import User

log = logging.getLogger(__name__)
IMMEDIATE_DRAWS = 200
"""Runs with this many draws or fewer take a second or so and run while the user waits."""


def start_run(
    user: User,
    scenarios: list[Scenario],
    *,
    demand_method: str,
    draws: int,
    to_year: int,
    rate_source: str,
    seed: int = DEFAULT_SEED,
) -> ProjectionRun:
    """Record a run scoped to the user's area and start it. A council analyst's run keeps only their council."""
    council = scope_of(user).projection_council
    run = ProjectionRun.objects.create(
        created_by=user,
        council_id=council,
        scenario_names=[s.name for s in scenarios],
        scenario_texts={s.name: s.text for s in scenarios},
        demand_method=demand_method,
        draws=draws,
        seed=seed,
        to_year=to_year,
        rate_source=rate_source,
    )
    if draws <= IMMEDIATE_DRAWS:
        try:
            run_projection(progress=lambda percent, message="": None, run_id=str(run.pk))
        except Exception:  # noqa: BLE001 - recorded on the run; its status page shows the reason
            log.exception("projection run %s failed", run.pk)
        run.refresh_from_db()
        return run
    with transaction.atomic():
        job = submit(
            "projection",
            f"Projection of {', '.join(run.scenario_names)} to {to_year}",
            "careforce.planning.services.run_projection",
            {"run_id": str(run.pk)},
            user,
            on_failure="careforce.planning.services.run_failed",
        )
        ProjectionRun.objects.filter(pk=run.pk).update(job=job)
    run.refresh_from_db()
    return run


def run_projection(progress: Any, run_id: str) -> dict[str, Any]:
    """Job work function: project the run's scenarios, store the tidy results, return the results page."""
    run = ProjectionRun.objects.get(pk=run_id)
    try:
        result = _project(run, progress)
        progress(90, "Saving the results")
        rows = write_results(run, result)
        write_decisions(run, result)
    except Exception as error:
        ProjectionRun.objects.filter(pk=run.pk).update(
            status=ProjectionRun.Status.FAILED, message=str(error)[:300], finished_at=timezone.now()
        )
        raise
    ProjectionRun.objects.filter(pk=run.pk).update(
        status=ProjectionRun.Status.DONE,
        rows=rows,
        finished_at=timezone.now(),
        assumptions=[asdict(a) for a in result.assumptions if in_scope(a.name, run.council_id)],
    )
    return {"url": reverse("planning:results", args=[run.pk]), "link_text": "See the projection results", "rows": rows}


STOPPED = "The projection stopped before it finished. No results were saved."


def run_failed(run_id: str, message: str) -> dict[str, str]:
    """The background run failed or its process died: the run says so instead of waiting for ever."""
    ProjectionRun.objects.filter(pk=run_id, status=ProjectionRun.Status.WAITING).update(
        status=ProjectionRun.Status.FAILED, message=STOPPED, finished_at=timezone.now()
    )
    return {"url": reverse("planning:new-run"), "link_text": "Run a projection again"}


def in_scope(name: str, council: str | None) -> bool:
    """A council run lists the inputs used for its own council, not other councils' factors."""
    from careforce.domain.planning.dimensions import council_names

    return council is None or not any(
        key in name for code, title in council_names().items() if code != council for key in (code, title)
    )


def _project(run: ProjectionRun, progress: Any) -> Any:
    base = None
    if run.rate_source == ProjectionRun.RateSource.RECORDS:
        from .records import calibration_from_records

        progress(2, "Estimating turnover rates from the workforce records")
        base = calibration_from_records()
    scenarios = [parse_scenario(run.scenario_texts[name], source=name) for name in run.scenario_names]

    def step(done: int, total: int, name: str) -> None:
        progress(5 + int(80 * done / total), f"Projected {name} ({done} of {total})")

    return project(
        scenarios,
        to_year=run.to_year,
        draws=run.draws,
        seed=run.seed,
        demand_method=run.demand_method,  # type: ignore[arg-type]
        base=base,
        progress=step,
    )  # type: ignore[arg-type]


def save_scenario(user: User, scenario: Scenario) -> SavedScenario:
    """Keep a written or edited scenario for the user (and their council), replacing one of the same name."""
    saved, _ = SavedScenario.objects.update_or_create(
        owner=user,
        name=scenario.name,
        defaults={"council_id": scope_of(user).projection_council, "title": scenario.title, "text": scenario.text},
    )
    return saved
