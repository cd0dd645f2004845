"""Published England and West Midlands figures to show beside an area's own (workforce_estimates.csv).

Choice rules, applied to each (area, metric) a measure names:

1. Only rows whose ``year`` starts with a financial year ``YYYY/YY`` (monthly tracking rows and rows
   dated only by a calendar year are for other purposes).
2. Only ``high`` or ``medium`` confidence: ``low`` means the area, year or source is doubtful.
3. The latest financial year wins; within a year, ``high`` beats ``medium``; then the measure's own
   order of metrics (so a preferred definition beats a near one); then the file's order.
4. The figure chosen is shown beside an area's own only if its financial year began no more than the
   measure's ``comparator_max_age_years`` before the financial year of the reference date (ADR 0093).
   An older latest figure is cited in a note, saying why it is not in the table; an area with no
   published figure at all says that too.

Every figure keeps its source title, URL, year, scope note and confidence, so it is always labelled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
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
            f"{self.area_name}, {self.year}, {self.metric_label}: {self.value:,.10g} {self.unit}{scope}. "
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


def financial_year_of(day: date) -> int:
    """The first calendar year of the financial year (April to March) a day falls in."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_label(start: int) -> str:
    return f"{start}/{(start + 1) % 100:02d}"


def best_figure(area_code: str, metrics: tuple[str, ...], *, not_before: int = 0) -> PublishedFigure | None:
    """The figure chosen by the rules above for an area among ``metrics`` (in order of preference), from a
    financial year starting in ``not_before`` or later."""
    candidates = [
        (i, f)
        for i, f in enumerate(published_figures())
        if f.area_code == area_code and f.metric in metrics and f.start_year >= not_before
    ]
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


def comparator_rows(
    metric_headings: tuple[tuple[str, str], ...],
    *,
    not_before: int = 0,
    areas: tuple[tuple[str, str], ...] = COMPARATOR_AREAS,
) -> list[ComparatorRow]:
    """England and West Midlands rows (or ``areas``') for a measure's (metric, heading) pairs, from financial
    years starting in ``not_before`` or later. Figures for the same area from the same year and source share
    a row; different years or sources get their own rows."""
    rows: list[ComparatorRow] = []
    for code, _name in areas:
        by_heading: dict[str, list[str]] = {}
        for metric, heading in metric_headings:
            by_heading.setdefault(heading, []).append(metric)
        chosen = [
            (h, f)
            for h, ms in by_heading.items()
            if (f := best_figure(code, tuple(ms), not_before=not_before)) is not None
        ]
        keyed: dict[tuple[str, str], list[tuple[str, PublishedFigure]]] = {}
        for heading, figure in chosen:
            keyed.setdefault((figure.year, figure.source_title), []).append((heading, figure))
        for (year, _source), items in sorted(keyed.items(), key=lambda kv: kv[0][0], reverse=True):
            figures = tuple(f for _, f in items)
            what = "; ".join(f.metric_label for f in figures)
            label = f"{figures[0].area_name} {year} (published: {what})"
            rows.append(ComparatorRow(figures[0].area_name, label, {h: f.value for h, f in items}, figures))
    return rows


@dataclass(frozen=True)
class Comparators:
    """What is shown beside an area's figures for a reference date, and what is said about the rest."""

    rows: list[ComparatorRow]
    notes: tuple[str, ...]  # a citation per figure shown, and why any area's latest figure is not shown


def comparator_areas(area_code: str | None, metrics: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """England and the West Midlands, and a council itself when a figure for it is published (the figures the
    council's own records can be set beside: Skills for Care's estimate for the same area)."""
    if area_code is None or area_code in dict(COMPARATOR_AREAS):
        return COMPARATOR_AREAS
    own = best_figure(area_code, metrics) if metrics else None
    return COMPARATOR_AREAS if own is None else (*COMPARATOR_AREAS, (area_code, own.area_name))


def comparators_for(
    metric_headings: tuple[tuple[str, str], ...],
    reference_date: date,
    max_age_years: int,
    area_code: str | None = None,
) -> Comparators:
    """Rule 4 above: the rows of figures recent enough to stand beside figures for ``reference_date``, with a
    note citing each, and a note for every comparator area whose latest figure is too old or missing. A
    council (``area_code``) with published figures of its own is a comparator area too."""
    year = financial_year_of(reference_date)
    not_before = year - max_age_years
    metrics = tuple(dict.fromkeys(m for m, _ in metric_headings))
    areas = comparator_areas(area_code, metrics)
    rows = comparator_rows(metric_headings, not_before=not_before, areas=areas)
    notes = []
    for code, name in areas:
        shown = [f.citation() for row in rows if row.area_name == name for f in row.figures]
        if shown:
            notes += shown
            continue
        latest = best_figure(code, metrics) if metrics else None
        if latest is None:
            notes.append(f"{name}: no published figure for this measure is held, so none is shown beside it.")
        else:
            notes.append(
                f"{name}: the latest published figure held is for {latest.year} ({latest.value:,.10g} {latest.unit}, "
                f"{latest.metric_label}), more than {max_age_years} year{'s' if max_age_years != 1 else ''} "
                f"before {financial_year_label(year)}, the year of these figures, so it is not shown beside them. "
                f"Source: {latest.source_title}, {latest.source_url}."
            )
    return Comparators(rows, tuple(notes))
