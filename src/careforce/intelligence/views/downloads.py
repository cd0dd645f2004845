"""Downloads of exactly the table a page shows: CSV, XLSX and ODS."""

from __future__ import annotations

from django.http import Http404, HttpResponse

from careforce.domain.metrics import MeasureTable, to_csv_bytes, to_ods_bytes, to_xlsx_bytes

FORMATS = {
    "csv": ("text/csv; charset=utf-8", to_csv_bytes),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", to_xlsx_bytes),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", to_ods_bytes),
}
FORMAT_NAMES = {"csv": "CSV", "xlsx": "Excel (XLSX)", "ods": "OpenDocument (ODS)"}


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Http404("No such format")
    return fmt


def filename(table: MeasureTable, who: str, fmt: str) -> str:
    return (
        f"careforce-{table.measure_id.replace('_', '-')}-{who}-{table.split.replace('_', '-')}-"
        f"{table.reference_date:%Y-%m-%d}.{fmt}"
    )


def download(table: MeasureTable, who: str, fmt: str) -> HttpResponse:
    content_type, write = FORMATS[check_format(fmt)]
    response = HttpResponse(write(table), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename(table, who, fmt)}"'
    response["Cache-Control"] = "private, no-store"
    return response
