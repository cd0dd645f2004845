"""Downloads of exactly one run's stored results: CSV, Parquet and the Excel workbook."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpResponse

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission

from ..decision_storage import csv_of, read_decisions, read_sensitivity
from ..queries import run_for
from ..storage import csv_bytes, workbook_path

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def filename(run: object, fmt: str) -> str:
    return f"careforce-projection-{run.area_code}-{run.created_at:%Y-%m-%d}-{str(run.pk)[:8]}.{fmt}"  # type: ignore[attr-defined]


@requires(Permission.RUN_PROJECTIONS)
def download(request: ScopedRequest, run_id: str, fmt: str) -> HttpResponse:
    run = run_for(request.scope, run_id)
    if fmt not in CONTENT_TYPES or not run.is_done:
        raise Http404("No such download")
    name = filename(run, fmt)
    if fmt == "csv":
        response = HttpResponse(csv_bytes(run), content_type=CONTENT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    if not run.parquet_path.exists():
        raise Http404("The results of this run are no longer stored")
    path = run.parquet_path if fmt == "parquet" else workbook_path(run)
    return FileResponse(path.open("rb"), as_attachment=True, filename=name, content_type=CONTENT_TYPES[fmt])  # type: ignore[return-value]


@requires(Permission.RUN_PROJECTIONS)
def decisions_csv(request: ScopedRequest, run_id: str, table: str) -> HttpResponse:
    """The run's headline and differences (``decisions``) or its sensitivity table, as CSV."""
    run = run_for(request.scope, run_id)
    found = (read_decisions if table == "decisions" else read_sensitivity)(run) if run.is_done else None
    if found is None:
        raise Http404("No such download")
    response = HttpResponse(csv_of(found), content_type=CONTENT_TYPES["csv"])
    name = filename(run, "csv").replace("projection", "differences" if table == "decisions" else "sensitivity")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
