"""Projection runs and saved scenarios as the acting user may see them.

A regional lead sees every run. A council analyst sees only runs scoped to their council (whoever
in the council ran them); those runs store nothing about other councils or the region. Anything
else is a 404.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from careforce.accounts.scope import Actor, scope_of
from careforce.domain.planning import ALL_ROLES, ROLE_GROUPS
from careforce.domain.planning.dimensions import council_names
from careforce.domain.reference import REGION_CODE

from .models import ProjectionRun, SavedScenario


def is_regional(user: Actor) -> bool:
    return scope_of(user).whole_region


def runs_visible_to(user: Actor) -> QuerySet[ProjectionRun]:
    scope = scope_of(user)
    runs = ProjectionRun.objects.select_related("council", "created_by")
    if scope.whole_region:
        return runs
    if scope.projection_council:
        return runs.filter(council_id=scope.projection_council)
    return runs.none()


def finished_runs_visible_to(user: Actor, limit: int) -> QuerySet[ProjectionRun]:
    """The newest ``limit`` finished runs the user may see."""
    return runs_visible_to(user).filter(status=ProjectionRun.Status.DONE)[:limit]


def run_for(user: Actor, run_id: Any) -> ProjectionRun:
    try:
        return runs_visible_to(user).get(pk=run_id)
    except (ProjectionRun.DoesNotExist, ValueError):
        raise Http404("No such projection run") from None


def areas_of(run: ProjectionRun) -> list[tuple[str, str]]:
    """(code, name) of the areas a run's results cover: its council, or the region and every council."""
    names = council_names()
    if run.council_id:
        return [(run.council_id, names[run.council_id])]
    return [(REGION_CODE, names[REGION_CODE])] + sorted(
        ((code, name) for code, name in names.items() if code != REGION_CODE), key=lambda item: item[1]
    )


def area_of(run: ProjectionRun, code: str | None) -> tuple[str, str]:
    """The chosen area if the run covers it; otherwise (or unchosen) the run's own area."""
    areas = areas_of(run)
    return next((a for a in areas if a[0] == code), areas[0])


ROLE_CHOICES: list[tuple[str, str]] = [(ALL_ROLES, "All job roles"), *((g.key, g.label) for g in ROLE_GROUPS)]


def role_of(code: str | None) -> tuple[str, str]:
    return next((r for r in ROLE_CHOICES if r[0] == code), ROLE_CHOICES[0])


def saved_scenarios_for(user: Actor) -> QuerySet[SavedScenario]:
    """Scenarios the user saved, and (for a council analyst) those saved by colleagues in their council."""
    scope = scope_of(user)
    mine = Q(owner_id=scope.user_id)
    if scope.projection_council:
        mine |= Q(council_id=scope.projection_council)
    return SavedScenario.objects.filter(mine)
