"""Start a projection run, follow it, and read its results."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission
from careforce.domain.planning import RANGE_COVERS, RANGE_EXCLUDES, builtin_scenarios
from careforce.jobs.views import notice_lost_jobs
from careforce.web.journeys import page_has_errors

from .. import decision_presenters as decided
from .. import presenters
from ..decision_storage import read_decisions, read_sensitivity
from ..forms import RunForm
from ..queries import ROLE_CHOICES, area_of, areas_of, is_regional, role_of, run_for, saved_scenarios_for
from ..services import IMMEDIATE_DRAWS, save_scenario, start_run
from ..storage import read_results


@requires(Permission.RUN_PROJECTIONS)
def new_run(request: ScopedRequest) -> HttpResponse:
    saved = list(saved_scenarios_for(request.scope))
    if request.method == "POST":
        form = RunForm(request.POST, saved=saved)
        if form.is_valid():
            if form.written is not None:
                save_scenario(request.user, form.written)
            data = form.cleaned_data
            run = start_run(
                request.user,
                form.chosen,
                demand_method=data["demand_method"],
                draws=data["draws"],
                to_year=int(data["to_year"]),
                rate_source=data["rate_source"],
            )
            if run.is_done:
                return redirect("planning:results", run.pk)
            return redirect("planning:status", run.pk)
    else:
        initial = {"scenarios": ["baseline"]}
        edit = request.GET.get("edit", "")
        builtin = builtin_scenarios()
        if edit in builtin:
            initial["scenario_text"] = builtin[edit].text.replace(f'name = "{edit}"', f'name = "my-{edit}"', 1)  # type: ignore[assignment]
        elif edit.startswith("saved-"):
            found = next((s for s in saved if f"saved-{s.pk}" == edit), None)
            initial["scenario_text"] = found.text if found else ""  # type: ignore[assignment]
        form = RunForm(initial=initial, saved=saved)
    return render(
        request,
        "planning/new_run.html",
        {
            "title": "Run a projection",
            "form": form,
            "page_has_errors": page_has_errors(form),
            "builtin": builtin_scenarios(),
            "saved": saved,
            "immediate_draws": IMMEDIATE_DRAWS,
            "regional": is_regional(request.scope),
        },
    )


@requires(Permission.RUN_PROJECTIONS)
def status(request: ScopedRequest, run_id: str) -> HttpResponse:
    notice_lost_jobs()  # a run whose process died shows as stopped, not waiting for ever
    run = run_for(request.scope, run_id)
    job = run.job
    return render(request, "planning/status.html", {"title": "Projection run", "run": run, "job": job})


@requires(Permission.RUN_PROJECTIONS)
def results(request: ScopedRequest, run_id: str) -> HttpResponse:
    run = run_for(request.scope, run_id)
    if not run.is_done:
        return redirect("planning:status", run.pk)
    area_code, area_name = area_of(run, request.GET.get("council"))
    role_code, role_name = role_of(request.GET.get("role"))
    lookup = presenters.Lookup(read_results(run, council=area_code, role=role_code))
    what = f"{area_name}, {role_name.lower()}"
    titles = presenters.scenario_titles(run)
    scenarios = [presenters.scenario_results(lookup, name, run.to_year, what, titles) for name in run.scenario_names]
    return render(
        request,
        "planning/results.html",
        {
            "title": "Projection results",
            "run": run,
            "titles": titles,
            "areas": areas_of(run),
            "roles": ROLE_CHOICES,
            "area_code": area_code,
            "area_name": area_name,
            "role_code": role_code,
            "role_name": role_name,
            "what": what,
            "scenarios": scenarios,
            "comparison": presenters.comparison(lookup, run.scenario_names, run.to_year),
            "range_covers": RANGE_COVERS,
            "range_excludes": RANGE_EXCLUDES,
            **decision_context(request, run, area_code),
            "notes": presenters.measure_notes(),
        },
    )


def decision_context(request: ScopedRequest, run: object, area_code: str) -> dict[str, object]:
    """The headline, the paired differences and the tornado of a run, for one area (all job roles)."""
    years = presenters.milestone_years(run.to_year)  # type: ignore[attr-defined]
    names: list[str] = run.scenario_names  # type: ignore[attr-defined]
    table = read_decisions(run, council=area_code)  # type: ignore[arg-type]
    if table is None:
        return {"decided": False}
    found = decided.DecisionLookup(table)
    measure = request.GET.get("headline", "people_new_to_care")
    measure = measure if measure in dict(decided.tornado_choices()) else "people_new_to_care"
    scenario = request.GET.get("scenario", names[0])
    scenario = scenario if scenario in names else names[0]
    swings = read_sensitivity(run, council=area_code)  # type: ignore[arg-type]
    return {
        "decided": True,
        "headline": {n: decided.rows(found, "headline", n, years, decided.HEADLINE_DECISIONS) for n in names},
        "differences": {
            n: decided.rows(
                found, "difference", n, years, (*decided.HEADLINE_DECISIONS, "filled_posts", "unfilled_gap")
            )
            for n in names[1:]
        },
        "tornado": None if swings is None else decided.tornado(swings, scenario, measure, run.to_year),  # type: ignore[attr-defined]
        "tornado_measure": measure,
        "tornado_scenario": scenario,
        "tornado_choices": decided.tornado_choices(),
    }
