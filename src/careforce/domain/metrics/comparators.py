"""Published England and West Midlands figures to show beside an area's own (workforce_estimates.csv).

Choice rules, applied to each (area, metric) a measure names:

1. Only rows whose ``year`` starts with a financial year ``YYYY/YY`` (monthly tracking rows and rows
   dated only by a calendar year are for other purposes).
2. Only ``high`` or ``medium`` confidence: ``low`` means the area, year or source is doubtful.
3. The latest financial year wins; within a year, ``high`` beats ``medium``; then the measure's own
   order of metrics (so a preferred definition beats a near one); then the file's order.

Every figure keeps its source title, URL, year, scope note and confidence, so it is always labelled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from careforce.domain.reference import ENGLAND_CODE, REGION_CODE, read_rows

_FINANCIAL_YEAR = re.compile(r"^(\d{4})/(\d{2})\b")
_CONFIDENCE_RANK = {"high": 2, "medium": 1}
COMPARATOR_AREAS = ((ENGLAND_CODE, "England"), (REGION_CODE, "West Midlands"))


@dataclass(frozen=True)
class PublishedFigure:
    area_code: str
    area_name: str
    year: str  # e.g. "2023/24"
    metric: str
    value: float
    unit: str
    scope_note: str
    confidence: str
    source_title: str
    source_url: str

    @property
    def start_year(self) -> int:
        match = _FINANCIAL_YEAR.match(self.year)
        return int(match.group(1)) if match else 0

    @property
    def metric_label(self) -> str:
        return self.metric.replace("_", " ")

    def citation(self) -> str:
        scope = f" ({self.scope_note})" if self.scope_note else ""
        return (
            f"{self.area_name}, {self.year}, {self.metric_label}: {self.value:g} {self.unit}{scope}. "
            f"Source: {self.source_title}, {self.source_url} (confidence: {self.confidence})."
        )


@cache
def published_figures() -> tuple[PublishedFigure, ...]:
    out = []
    for r in read_rows("calibration", "workforce_estimates.csv"):
        match = _FINANCIAL_YEAR.match(r["year"])
        if not match or r["confidence"] not in _CONFIDENCE_RANK:
            continue
        names = dict(COMPARATOR_AREAS)
        out.append(
            PublishedFigure(
                r["area_code"],
                names.get(r["area_code"], r["area"]),
                match.group(0),
                r["metric"],
                float(r["value"]),
                r["unit"],
                r["scope_note"],
                r["confidence"],
                r["source_title"],
                r["source_url"],
            )
        )
    return tuple(out)


def best_figure(area_code: str, metrics: tuple[str, ...]) -> PublishedFigure | None:
    """The figure chosen by the rules above for an area among ``metrics`` (in order of preference)."""
    candidates = [(i, f) for i, f in enumerate(published_figures()) if f.area_code == area_code and f.metric in metrics]
    if not candidates:
        return None
    return max(
        candidates,
        key=lambda c: (c[1].start_year, _CONFIDENCE_RANK[c[1].confidence], -metrics.index(c[1].metric), -c[0]),
    )[1]


@dataclass(frozen=True)
class ComparatorRow:
    """One labelled row of published figures for an area, keyed by the table heading they belong under."""

    area_name: str
    label: str
    values: dict[str, float]
    figures: tuple[PublishedFigure, ...]


def comparator_rows(metric_headings: tuple[tuple[str, str], ...]) -> list[ComparatorRow]:
    """England and West Midlands rows for a measure's (metric, heading) pairs. Figures for the same area
    from the same year and source share a row; different years or sources get their own rows."""
    rows: list[ComparatorRow] = []
    for code, _name in COMPARATOR_AREAS:
        by_heading: dict[str, list[str]] = {}
        for metric, heading in metric_headings:
            by_heading.setdefault(heading, []).append(metric)
        chosen = [(h, f) for h, ms in by_heading.items() if (f := best_figure(code, tuple(ms))) is not None]
        keyed: dict[tuple[str, str], list[tuple[str, PublishedFigure]]] = {}
        for heading, figure in chosen:
            keyed.setdefault((figure.year, figure.source_title), []).append((heading, figure))
        for (year, _source), items in sorted(keyed.items(), key=lambda kv: kv[0][0], reverse=True):
            figures = tuple(f for _, f in items)
            what = "; ".join(f.metric_label for f in figures)
            label = f"{figures[0].area_name} {year} (published: {what})"
            rows.append(ComparatorRow(figures[0].area_name, label, {h: f.value for h, f in items}, figures))
    return rows
