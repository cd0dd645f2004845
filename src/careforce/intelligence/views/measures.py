"""Measures for a council or the region: a dashboard, a page per measure, and its downloads."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission
from careforce.domain.metrics import MEASURES, Split
from careforce.domain.metrics.tables import format_date

from .. import measures, presenters, queries
from .downloads import FORMAT_NAMES, download


@requires(Permission.VIEW_COUNCIL_AGGREGATES)
def home(request: ScopedRequest) -> HttpResponse:
    area = queries.home_area_for(request.scope)
    return redirect("intelligence:dashboard", area.code)


@requires(Permission.VIEW_COUNCIL_AGGREGATES)
def dashboard(request: ScopedRequest, area_code: str) -> HttpResponse:
    area = queries.area_for(request.scope, area_code)
    region = measures.current()
    rows = [presenters.summary_row(m, measures.table_for_area(area, m, Split.NONE, region)) for m in MEASURES]
    others = queries.councils_visible_to(request.scope) if area.is_region else []
    return render(
        request,
        "intelligence/dashboard.html",
        {
            "title": f"Workforce measures for {area.name}",
            "area": area,
            "rows": rows,
            "date": format_date(region.reference_date),
            "slug": measures.slug,
            "councils": others,
        },
    )


def _split_links(request: HttpRequest, area: queries.Area, slug: str, chosen: Split) -> list[dict[str, object]]:
    base = reverse("intelligence:measure", args=[area.code, slug])
    return [
        {
            "text": measures.SPLIT_LABELS[s],
            "href": base if s is Split.NONE else f"{base}?by={s.value}",
            "current": s is chosen,
        }
        for s in measures.splits_for(area)
    ]


@requires(Permission.VIEW_COUNCIL_AGGREGATES)
def measure(request: ScopedRequest, area_code: str, slug: str) -> HttpResponse:
    chosen = measures.measure_for(slug)
    area = queries.area_for(request.scope, area_code)
    split = measures.split_for(area, request.GET.get("by"))
    _, table = measures.area_table(request.scope, area.code, chosen, split)
    query = "" if split is Split.NONE else f"?by={split.value}"
    downloads = [
        {
            "text": name,
            "fmt": fmt,
            "href": reverse("intelligence:measure-download", args=[area.code, slug, fmt]) + query,
        }
        for fmt, name in FORMAT_NAMES.items()
    ]
    return render(
        request,
        "intelligence/measure.html",
        {
            "title": f"{chosen.title} in {area.name}",
            "area": area,
            "measure": chosen,
            "table": table,
            "view": presenters.table_view(chosen, table),
            "splits": _split_links(request, area, slug, split),
            "downloads": downloads,
            "back": reverse("intelligence:dashboard", args=[area.code]),
        },
    )


@requires(Permission.VIEW_COUNCIL_AGGREGATES)
def measure_download(request: ScopedRequest, area_code: str, slug: str, fmt: str) -> HttpResponse:
    chosen = measures.measure_for(slug)
    area = queries.area_for(request.scope, area_code)
    _, table = measures.area_table(request.scope, area.code, chosen, measures.split_for(area, request.GET.get("by")))
    return download(table, area.code, fmt)
