"""Compare any two runs (each with one of its scenarios): their headline figures side by side."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.http import Http404, HttpResponse
from django.shortcuts import render

from careforce.accounts.access import requires
from careforce.accounts.scope import Actor, ScopedRequest
from careforce.domain.access import Permission
from careforce.domain.planning import RANGE_COVERS, RANGE_EXCLUDES
from careforce.domain.planning.decisions import DECISION_LABELS, DECISION_MEASURES
from careforce.domain.planning.dimensions import council_names

from .. import presenters
from ..decision_presenters import DecisionLookup, Range
from ..decision_storage import read_decisions
from ..queries import finished_runs_visible_to, run_for

if TYPE_CHECKING:
    from ..models import ProjectionRun

CHOICES = 40


@dataclass(frozen=True)
class Pick:
    run: ProjectionRun
    scenario: str
    title: str

    @property
    def value(self) -> str:
        return f"{self.run.pk}/{self.scenario}"

    @property
    def text(self) -> str:
        area = self.run.council.name if self.run.council else "West Midlands"
        return f"{self.title}, {area}, to {self.run.to_year} (run {self.run.created_at:%d %b %Y %H:%M})"


@dataclass(frozen=True)
class Row:
    label: str
    year: int
    first: Range
    second: Range

    @property
    def difference(self) -> float:
        return self.second.p50 - self.first.p50


def picks_for(user: Actor) -> list[Pick]:
    out: list[Pick] = []
    for run in finished_runs_visible_to(user, CHOICES):
        titles = presenters.scenario_titles(run)
        out.extend(Pick(run, name, titles[name]) for name in run.scenario_names)
    return out


def pick_from(user: Actor, value: str) -> Pick | None:
    run_id, _, scenario = value.partition("/")
    try:
        run = run_for(user, run_id)
    except Http404:
        return None
    if scenario not in run.scenario_names or not run.is_done:
        return None
    return Pick(run, scenario, presenters.scenario_titles(run)[scenario])


@requires(Permission.RUN_PROJECTIONS)
def compare_runs(request: ScopedRequest) -> HttpResponse:
    picks = picks_for(request.scope)
    first_value, second_value = request.GET.get("first", ""), request.GET.get("second", "")
    if first_value and "/" not in first_value:  # a link from a run's page names the run alone: its first scenario
        found = next((p for p in picks if str(p.run.pk) == first_value), None)
        first_value = found.value if found else ""
    errors: list[tuple[str, str]] = []
    rows: list[Row] = []
    first = pick_from(request.scope, first_value) if first_value else None
    second = pick_from(request.scope, second_value) if second_value else None
    area = ""
    if "second" in request.GET:
        if first is None:
            errors.append(("first", "Choose the first run to compare"))
        if second is None:
            errors.append(("second", "Choose the second run to compare"))
        if first and second and first.value == second.value:
            errors.append(("second", "Choose a different run or scenario to compare with the first"))
        if first and second and not errors:
            area = first.run.area_code
            if second.run.area_code != area and second.run.council_id is not None:
                errors.append(("second", "Choose a run that covers the same area as the first"))
            else:
                rows = compare(first, second, area)
                if not rows:
                    errors.append(("second", "Choose runs made since careforce worked out headline ranges"))
    return render(
        request,
        "planning/compare.html",
        {
            "title": "Compare two projection runs",
            "picks": picks,
            "first_value": first_value,
            "second_value": second_value,
            "first": first,
            "second": second,
            "rows": rows,
            "area_name": council_names().get(area, area),
            "errors": errors,
            "page_has_errors": bool(errors),
            "range_covers": RANGE_COVERS,
            "range_excludes": RANGE_EXCLUDES,
        },
    )


def compare(first: Pick, second: Pick, area: str) -> list[Row]:
    a, b = read_decisions(first.run, council=area), read_decisions(second.run, council=area)
    if a is None or b is None:
        return []
    la, lb = DecisionLookup(a), DecisionLookup(b)
    years = presenters.milestone_years(min(first.run.to_year, second.run.to_year))
    rows = []
    for measure in DECISION_MEASURES:
        for year in years:
            x = la.range("headline", first.scenario, measure, year)
            y = lb.range("headline", second.scenario, measure, year)
            if x is not None and y is not None:
                rows.append(Row(DECISION_LABELS[measure], year, x, y))
    return rows
