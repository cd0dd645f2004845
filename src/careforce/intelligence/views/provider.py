"""A care provider's own workplaces' measures beside their council's."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission
from careforce.domain.metrics import MEASURES
from careforce.domain.metrics.tables import format_date

from .. import measures, presenters
from .downloads import FORMAT_NAMES, download


def _query(scope: measures.ProviderScope) -> str:
    return "" if scope.council == scope.councils[0] else f"?council={scope.council.code}"


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def provider(request: ScopedRequest) -> HttpResponse:
    region = measures.current()
    scope = measures.provider_scope(request.scope, request.GET.get("council"), region)
    rows = []
    for m in MEASURES:
        table = measures.provider_table(scope, m, region)
        heading = presenters.headline_heading(m, table)
        column = table.headings.index(heading)
        rows.append(
            {
                "measure": m,
                "slug": measures.slug(m),
                "heading": heading,
                "own": presenters.format_cell(table.rows[0][column], heading),
                "council": presenters.format_cell(table.rows[1][column], heading),
            }
        )
    return render(
        request,
        "intelligence/provider.html",
        {
            "title": "Your workplaces' measures",
            "scope": scope,
            "rows": rows,
            "query": _query(scope),
            "date": format_date(region.reference_date),
        },
    )


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def provider_measure(request: ScopedRequest, slug: str) -> HttpResponse:
    chosen = measures.measure_for(slug)
    region = measures.current()
    scope = measures.provider_scope(request.scope, request.GET.get("council"), region)
    table = measures.provider_table(scope, chosen, region)
    downloads = [
        {
            "text": name,
            "fmt": fmt,
            "href": reverse("intelligence:provider-measure-download", args=[slug, fmt]) + _query(scope),
        }
        for fmt, name in FORMAT_NAMES.items()
    ]
    return render(
        request,
        "intelligence/measure.html",
        {
            "title": f"{chosen.title}: your workplaces beside {scope.council.name}",
            "measure": chosen,
            "table": table,
            "view": presenters.table_view(chosen, table),
            "splits": [],
            "downloads": downloads,
            "back": reverse("intelligence:provider") + _query(scope),
        },
    )


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def provider_measure_download(request: ScopedRequest, slug: str, fmt: str) -> HttpResponse:
    chosen = measures.measure_for(slug)
    region = measures.current()
    scope = measures.provider_scope(request.scope, request.GET.get("council"), region)
    return download(measures.provider_table(scope, chosen, region), f"provider-{scope.council.code}", fmt)
