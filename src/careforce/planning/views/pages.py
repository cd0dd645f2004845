"""The planning start page, the assumptions register and the region's headline answer."""

from __future__ import annotations

import functools

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission
from careforce.domain.planning import PARAMETERS, RANGE_COVERS, RANGE_EXCLUDES, assumptions
from careforce.domain.planning.backcast import Backcast, backcast

from ..headline import region_headline
from ..presenters import scenario_titles
from ..queries import is_regional, runs_visible_to


@requires(Permission.RUN_PROJECTIONS)
def start(request: ScopedRequest) -> HttpResponse:
    runs = list(runs_visible_to(request.scope)[:20])
    return render(
        request,
        "planning/start.html",
        {
            "title": "Workforce planning",
            "runs": runs,
            "run_titles": {run.pk: list(scenario_titles(run).values()) for run in runs},
            "regional": is_regional(request.scope),
        },
    )


@functools.cache
def published_backcast() -> Backcast:
    """The backcast shown on the assumptions page (the same every time: fixed seed, shipped data)."""
    return backcast()


@requires(Permission.RUN_PROJECTIONS)
def assumptions_page(request: HttpRequest) -> HttpResponse:
    shared = assumptions("sfc")
    need_only = [a for a in assumptions("need") if a not in shared]
    return render(
        request,
        "planning/assumptions.html",
        {
            "title": "Assumptions and their sources",
            "assumptions": shared,
            "need_only": need_only,
            "parameters": PARAMETERS.values(),
            "range_covers": RANGE_COVERS,
            "range_excludes": RANGE_EXCLUDES,
            "backcast": published_backcast(),
        },
    )


@requires(Permission.VIEW_REGION_AGGREGATES)
def region(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "planning/region.html",
        {
            "title": "How many care jobs the West Midlands needs",
            "headline": region_headline(),
            "range_covers": RANGE_COVERS,
            "range_excludes": RANGE_EXCLUDES,
        },
    )
