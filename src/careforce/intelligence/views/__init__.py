"""Council and regional pages: counts of providers, locations and staff by area."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest, scope_for
from careforce.domain.access import Permission
from careforce.domain.reference import REGION_NAME

from .. import queries


@requires(Permission.VIEW_COUNCIL_AGGREGATES)
def area(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request)
    if scope.whole_region:
        return redirect("intelligence:region")
    return council(request, scope.council or "")  # type: ignore[return-value]


@requires(Permission.VIEW_COUNCIL_AGGREGATES)
def council(request: ScopedRequest, gss_code: str) -> HttpResponse:
    chosen = queries.council_for(request.scope, gss_code)
    counts = queries.area_counts([chosen])[0]
    return render(
        request, "intelligence/area.html", {"title": f"Adult social care workforce in {chosen.name}", "counts": counts}
    )


@requires(Permission.VIEW_REGION_AGGREGATES)
def region(request: ScopedRequest) -> HttpResponse:
    councils = queries.councils_visible_to(request.scope)
    rows = queries.area_counts(councils)
    totals = queries.region_counts(councils)
    from careforce.planning.headline import region_headline

    return render(
        request,
        "intelligence/region.html",
        {
            "title": f"Adult social care workforce in the {REGION_NAME}",
            "rows": rows,
            "totals": totals,
            "in_several": sum(r.providers for r in rows) - totals.providers,
            "headline": region_headline(),
        },
    )
