"""Shape measure tables for the templates: formatted cells, the headline column and a bar chart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from careforce.domain.metrics import CONFIDENTIAL, Kind, Marker, Measure, MeasureTable
from careforce.domain.metrics.comparators import COMPARATOR_AREAS, best_figure, financial_year_label, financial_year_of

CHART_WIDTH = 640
LABEL_WIDTH = 260
BAR_HEIGHT = 22
BAR_GAP = 8


@dataclass(frozen=True)
class CellView:
    text: str
    numeric: bool
    marker: Marker | None = None


@dataclass(frozen=True)
class RowView:
    label: str
    cells: tuple[CellView, ...]
    published: bool  # a published comparator row, not the area's own records


@dataclass(frozen=True)
class Bar:
    label: str
    value_text: str
    y: int
    width: float


@dataclass(frozen=True)
class Chart:
    title: str
    bars: tuple[Bar, ...]
    height: int
    label_width: int = LABEL_WIDTH
    width: int = CHART_WIDTH


@dataclass(frozen=True)
class TableView:
    caption: str
    headings: tuple[tuple[str, bool], ...]  # (text, numeric)
    rows: tuple[RowView, ...]
    markers: tuple[Marker, ...]  # markers used, for the key under the table
    chart: Chart | None


def format_cell(value: Any, heading: str) -> CellView:
    if isinstance(value, Marker):
        return CellView(value.code, True, value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return CellView(str(value), False)
    if isinstance(value, int):
        return CellView(f"{value:,}", True)
    places = 2 if "£" in heading else 1
    return CellView(f"{value:,.{places}f}", True)


def headline_heading(measure: Measure, table: MeasureTable) -> str:
    """The column a measure is summed up by: the rate, median, count or the headline category's share."""
    headings = table.headings
    if measure.kind is Kind.DISTRIBUTION:
        if measure.headline:
            return f"{measure.headline} (%)"
        first = table.rows[0] if table.rows else ()
        shares = [
            (first[i], h)
            for i, h in enumerate(headings)
            if h.endswith("(%)") and not h.startswith("Not known") and isinstance(first[i], int | float)
        ]
        return max(shares)[1] if shares else next(h for h in headings if h.endswith("(%)"))
    if measure.kind in (Kind.AMOUNT, Kind.AVERAGE):
        return measure.headings[1]
    return measure.headings[-1]


def _chart(measure: Measure, table: MeasureTable) -> Chart | None:
    heading = headline_heading(measure, table)
    column = table.headings.index(heading)
    own = table.rows[: len(table.rows) - table.comparator_rows]
    values = [(str(r[0]), r[column]) for r in own]
    numbers = [float(v) for _, v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    if len(values) < 2 or not numbers:
        return None
    top = max(max(numbers), 0) or 1.0
    span = CHART_WIDTH - LABEL_WIDTH - 70
    bars = []
    for i, (label, value) in enumerate(values):
        width = max(float(value), 0) / top * span if isinstance(value, int | float) else 0.0
        bars.append(
            Bar(
                label if len(label) <= 38 else label[:36] + "…",
                format_cell(value, heading).text,
                i * (BAR_HEIGHT + BAR_GAP),
                round(width, 1),
            )
        )
    return Chart(f"{heading} ({table.headings[0].lower()})", tuple(bars), len(bars) * (BAR_HEIGHT + BAR_GAP))


def table_view(measure: Measure, table: MeasureTable, *, chart: bool = True) -> TableView:
    headings = tuple((h, i > 0) for i, h in enumerate(table.headings))
    first_published = len(table.rows) - table.comparator_rows
    rows = tuple(
        RowView(
            str(r[0]), tuple(format_cell(v, table.headings[j + 1]) for j, v in enumerate(r[1:])), i >= first_published
        )
        for i, r in enumerate(table.rows)
    )
    used = {c.marker for row in rows for c in row.cells if c.marker is not None}
    markers = tuple(sorted(used | {CONFIDENTIAL}, key=lambda m: m.code))
    return TableView(table.caption, headings, rows, markers, _chart(measure, table) if chart else None)


@dataclass(frozen=True)
class SummaryRow:
    measure: Measure
    heading: str
    value: CellView
    published: tuple[tuple[str, CellView], ...]  # (label, value) of each comparator row with this figure
    unpublished: str  # what to say when there is none: why not


def no_comparator_text(measure: Measure, table: MeasureTable) -> str:
    """Why a measure has no published figure beside it: none held, or the latest held is too old."""
    since = financial_year_label(financial_year_of(table.reference_date) - measure.comparator_max_age_years)
    metrics = tuple(dict.fromkeys(m for m, _ in measure.comparator_metrics))
    latest = [(name, f) for code, name in COMPARATOR_AREAS if metrics and (f := best_figure(code, metrics))]
    if not latest:
        return "No published figure held"
    held = ", ".join(f"{name} {f.year}" for name, f in latest)
    return f"No figure published for {since} or later (latest held: {held})"


def summary_row(measure: Measure, table: MeasureTable) -> SummaryRow:
    heading = headline_heading(measure, table)
    column = table.headings.index(heading)
    published = tuple(
        (str(r[0]), format_cell(r[column], heading))
        for r in table.rows[len(table.rows) - table.comparator_rows :]
        if not isinstance(r[column], Marker)
    )
    unpublished = "" if published else no_comparator_text(measure, table)
    return SummaryRow(measure, heading, format_cell(table.rows[0][column], heading), published, unpublished)
