"""Start a projection run, follow it, and read its results."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission
from careforce.domain.planning import builtin_scenarios
from careforce.jobs.views import notice_lost_jobs

from .. import presenters
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
            "page_has_errors": bool(form.errors),
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
    scenarios = [presenters.scenario_results(lookup, name, run.to_year, what) for name in run.scenario_names]
    return render(
        request,
        "planning/results.html",
        {
            "title": "Projection results",
            "run": run,
            "areas": areas_of(run),
            "roles": ROLE_CHOICES,
            "area_code": area_code,
            "area_name": area_name,
            "role_code": role_code,
            "role_name": role_name,
            "what": what,
            "scenarios": scenarios,
            "comparison": presenters.comparison(lookup, run.scenario_names, run.to_year),
            "notes": presenters.measure_notes(),
        },
    )
