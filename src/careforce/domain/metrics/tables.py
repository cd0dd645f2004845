"""A measure laid out as a table, with disclosure control already applied.

:func:`build_table` is the only way a measure becomes something a person sees: the web page, the CSV,
XLSX and ODS downloads and the command line all render the same :class:`MeasureTable`, so they show
exactly the same figures and the same suppressed cells.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from numpy.typing import NDArray

from careforce.domain.metrics import aggregates as agg
from careforce.domain.metrics import disclosure as dc
from careforce.domain.metrics.categories import national_living_wage_on
from careforce.domain.metrics.comparators import comparator_rows
from careforce.domain.metrics.definitions import Kind, Measure
from careforce.domain.metrics.facts import AreaFacts, Float
from careforce.domain.metrics.snapshot import Groups, Snapshot, Split, groups_for, snapshot, years_before

Cell = int | float | str | dc.Marker
TREND_YEARS = 5
SOURCE = "Staff and workplace records held in careforce (ASC-WDS data items), for workplaces in the area"


@dataclass(frozen=True)
class Column:
    heading: str
    numeric: bool = True


@dataclass(frozen=True)
class PopulationShares:
    """The area's population by the categories of a distribution measure, e.g. from the 2021 Census,
    as percentages. Shown as a labelled row; not suppressed (it is already published)."""

    label: str
    source: str
    shares: Mapping[str, float]


@dataclass(frozen=True)
class MeasureTable:
    measure_id: str
    title: str
    caption: str
    sentence: str
    definition: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    footnotes: tuple[str, ...]
    source: str
    area_code: str
    area_name: str
    split: str
    reference_date: date
    suppressed_cells: int = 0
    comparator_rows: int = field(default=0)  # how many rows at the end are published comparators

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(c.heading for c in self.columns)

    @property
    def numeric_columns(self) -> tuple[int, ...]:
        return tuple(i for i, c in enumerate(self.columns) if c.numeric)


def format_date(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def period_phrase(measure: Measure, d: date) -> str:
    return f"in the 12 months to {format_date(d)}" if measure.over_year else f"on {format_date(d)}"


def _period_label(measure: Measure, d: date) -> str:
    return f"12 months to {format_date(d)}" if measure.over_year else format_date(d)


# ---- computing the rows ------------------------------------------------------------------------------
def _stack(parts: Sequence[agg.Aggregate]) -> agg.Aggregate:
    first = parts[0]
    if isinstance(first, agg.Count):
        return agg.Count(np.concatenate([p.people for p in parts if isinstance(p, agg.Count)]))
    if isinstance(first, agg.Amount):
        ps = [p for p in parts if isinstance(p, agg.Amount)]
        return agg.Amount(np.concatenate([p.people for p in ps]), np.concatenate([p.amount for p in ps]))
    if isinstance(first, agg.Ratio):
        rs = [p for p in parts if isinstance(p, agg.Ratio)]
        return agg.Ratio(np.concatenate([p.numerator for p in rs]), np.concatenate([p.denominator for p in rs]))
    if isinstance(first, agg.Average):
        avs = [p for p in parts if isinstance(p, agg.Average)]
        return agg.Average(np.concatenate([p.people for p in avs]), np.concatenate([p.value for p in avs]))
    ds = [p for p in parts if isinstance(p, agg.Distribution)]
    return agg.Distribution(np.concatenate([p.counts for p in ds], axis=0))


def _present(a: agg.Aggregate) -> Float:
    """Rows with anything in them (to drop empty groups from long breakdowns)."""
    if isinstance(a, agg.Ratio):
        out: Float = a.numerator + a.denominator
    elif isinstance(a, agg.Distribution):
        out = a.counts.sum(axis=1)
    else:
        out = a.people
    return out


def _select(a: agg.Aggregate, keep: NDArray[np.bool_]) -> agg.Aggregate:
    if isinstance(a, agg.Count):
        return agg.Count(a.people[keep])
    if isinstance(a, agg.Amount):
        return agg.Amount(a.people[keep], a.amount[keep])
    if isinstance(a, agg.Ratio):
        return agg.Ratio(a.numerator[keep], a.denominator[keep])
    if isinstance(a, agg.Average):
        return agg.Average(a.people[keep], a.value[keep])
    return agg.Distribution(a.counts[keep])


@dataclass(frozen=True)
class _Rows:
    labels: tuple[str, ...]
    data: agg.Aggregate
    has_total: bool  # the last row is the total of the others


def _rows(
    measure: Measure, facts: AreaFacts, area: str, split: Split, reference_date: date, trend_years: int
) -> tuple[_Rows, Snapshot]:
    snap = snapshot(facts, area, reference_date)
    if split is Split.TREND:
        dates = [years_before(reference_date, k) for k in range(trend_years - 1, -1, -1)]
        snaps = [snapshot(facts, area, d) for d in dates[:-1]] + [snap]
        parts = [measure.compute(s, groups_for(s, Split.NONE)) for s in snaps]
        return _Rows(tuple(_period_label(measure, d) for d in dates), _stack(parts), False), snap
    groups: Groups = groups_for(snap, split)
    data = measure.compute(snap, groups)
    if split is Split.NONE:
        return _Rows(groups.labels, data, False), snap
    keep = _present(data) > 0
    if split is Split.COUNCIL:
        keep[:] = True
    total = measure.compute(snap, groups.total())
    labels = tuple(lab for lab, k in zip(groups.labels, keep, strict=True) if k) + (f"All ({snap.area_name})",)
    return _Rows(labels, _stack([_select(data, keep), total]), True), snap


# ---- laying out and protecting -----------------------------------------------------------------------
@dataclass(frozen=True)
class _Col:
    heading: str
    count: int | None = None  # index of a count column
    value: Callable[[int], float] | None = None  # derived value of row r
    depends: tuple[int, ...] = ()  # count columns it is computed from
    basis: Callable[[int], float] | None = None  # people it rests on
    decimals: int = 1


def _at(values: Float) -> Callable[[int], float]:
    def get(r: int) -> float:
        return float(values[r])

    return get


def _ratio(num: Float, den: Float) -> Float:
    with np.errstate(invalid="ignore", divide="ignore"):
        out: Float = np.where(den > 0, 100.0 * num / np.where(den > 0, den, 1), np.nan)
    return out


def _layout(measure: Measure, data: agg.Aggregate, reference_date: date) -> tuple[Float, list[_Col]]:
    h, d = measure.headings, measure.decimals
    if isinstance(data, agg.Count):
        return data.people[:, None], [_Col(h[0], count=0)]
    if isinstance(data, agg.Amount):
        amount = data.amount
        return data.people[:, None], [
            _Col(h[0], count=0),
            _Col(h[1], value=lambda r: float(amount[r]), depends=(0,), decimals=d),
        ]
    if isinstance(data, agg.Ratio):
        rate = _ratio(data.numerator, data.denominator)
        den = data.denominator
        counts = np.stack([data.numerator, data.denominator], axis=1)
        return counts, [
            _Col(h[0], count=0),
            _Col(h[1], count=1),
            _Col(h[2], value=lambda r: float(rate[r]), depends=(0, 1), basis=lambda r: float(den[r])),
        ]
    if isinstance(data, agg.Average):
        people, value = data.people, data.value
        cols = [
            _Col(h[0], count=0),
            _Col(h[1], value=lambda r: float(value[r]), basis=lambda r: float(people[r]), decimals=d),
        ]
        if len(h) > 2:
            nlw = national_living_wage_on(reference_date)
            gap = value - (float(nlw.hourly_rate) if nlw else np.nan)
            cols.append(_Col(h[2], value=lambda r: float(gap[r]), basis=lambda r: float(people[r]), decimals=2))
        return people[:, None], cols
    counts = data.counts
    k = counts.shape[1]
    everyone = counts.sum(axis=1)
    grid = np.concatenate([everyone[:, None], counts], axis=1)
    cols = [_Col("All staff", count=0)]
    for j in range(k):
        label = measure.categories[j]
        cols.append(_Col(label, count=j + 1))
        cols.append(
            _Col(f"{label} (%)", value=_at(_ratio(counts[:, j], everyone)), depends=(j + 1, 0), basis=_at(everyone))
        )
    return grid, cols


def _constraints(grid: Float, rows: _Rows, kind: Kind) -> list[dc.Constraint]:
    n_rows, n_cols = grid.shape
    out: list[dc.Constraint] = []
    if rows.has_total:
        out += [dc.column_total(n_rows, n_cols, c, n_rows - 1) for c in range(n_cols)]
    if kind is Kind.DISTRIBUTION:
        out += [dc.Constraint(r * n_cols, tuple(r * n_cols + c for c in range(1, n_cols))) for r in range(n_rows)]
    return out


def _cell(col: _Col, r: int, hidden: NDArray[np.bool_], grid: Float) -> Cell:
    if col.count is not None:
        value = grid[r, col.count]
        if not np.isfinite(value):
            return dc.NOT_AVAILABLE
        return dc.CONFIDENTIAL if hidden[r, col.count] else int(round(value))
    if any(not np.isfinite(grid[r, c]) for c in col.depends):
        return dc.NOT_AVAILABLE
    if any(hidden[r, c] for c in col.depends):
        return dc.CONFIDENTIAL
    if col.basis is not None:
        basis = col.basis(r)
        if basis <= 0:
            return dc.NOT_AVAILABLE
        if basis < dc.THRESHOLD:
            return dc.CONFIDENTIAL
    assert col.value is not None
    value = col.value(r)
    if not np.isfinite(value):
        return dc.NOT_AVAILABLE
    return round(value, col.decimals) if col.decimals else int(round(value))


@dataclass(frozen=True, eq=False)
class Laid:
    """A measure's rows laid out as a grid of counts and the columns shown, before protection."""

    measure: Measure
    split: Split
    rows: _Rows
    snap: Snapshot
    grid: Float  # (rows, count columns)
    cols: tuple[_Col, ...]
    constraints: tuple[dc.Constraint, ...]  # within the table, over the flattened grid

    @property
    def count_headings(self) -> tuple[str, ...]:
        return tuple(
            c.heading for c in sorted((c for c in self.cols if c.count is not None), key=lambda c: c.count or 0)
        )


def lay_out(
    measure: Measure, facts: AreaFacts, area: str, by: Split, reference_date: date, *, trend_years: int = TREND_YEARS
) -> Laid:
    rows, snap = _rows(measure, facts, area, by, reference_date, trend_years)
    grid, cols = _layout(measure, rows.data, reference_date)
    return Laid(measure, by, rows, snap, grid, tuple(cols), tuple(_constraints(grid, rows, measure.kind)))


def own_status(laid: Laid) -> NDArray[np.bool_]:
    """Hidden cells of a table protected on its own (primary and complementary suppression)."""
    status = dc.suppress(laid.grid, laid.constraints).reshape(laid.grid.shape)
    out: NDArray[np.bool_] = (status == dc.PRIMARY) | (status == dc.COMPLEMENTARY)
    return out


def protect(laid: Laid, hidden: NDArray[np.bool_]) -> tuple[list[_Col], list[list[Cell]], int]:
    body = [[label, *(_cell(c, r, hidden, laid.grid) for c in laid.cols)] for r, label in enumerate(laid.rows.labels)]
    return list(laid.cols), body, int(hidden.sum())


def _published(value: float | None) -> Cell:
    if value is None:
        return dc.NOT_AVAILABLE
    return int(value) if float(value).is_integer() else value


def build_table(
    measure: Measure,
    facts: AreaFacts,
    area: str,
    by: Split,
    reference_date: date,
    *,
    trend_years: int = TREND_YEARS,
    population: PopulationShares | None = None,
) -> MeasureTable:
    """The table of ``measure`` for ``area`` (a council's GSS code, or the region's) split ``by`` rows,
    for ``reference_date``, with disclosure control applied and published comparators appended. The table
    is protected on its own; ``linked.LinkedSet`` protects all tables of a measure together."""
    laid = lay_out(measure, facts, area, by, reference_date, trend_years=trend_years)
    return finish(laid, own_status(laid), population=population)


def finish(laid: Laid, hidden: NDArray[np.bool_], *, population: PopulationShares | None = None) -> MeasureTable:
    """The table of a laid-out measure with the given cells of its grid hidden, comparators appended."""
    from careforce.domain.metrics.presentation import compose  # local: presentation imports this module

    measure, by, snap = laid.measure, laid.split, laid.snap
    cols, body, n_hidden = protect(laid, hidden)
    headings = (by.row_heading, *(c.heading for c in cols))
    extra: list[list[Cell]] = []
    notes: list[str] = []
    if by is not Split.TREND:
        for comp in comparator_rows(measure.comparator_metrics):
            extra.append([comp.label, *(_published(comp.values.get(h)) for h in headings[1:])])
            notes += [f.citation() for f in comp.figures]
        if population is not None:
            extra.append(
                [
                    population.label,
                    *(
                        population.shares.get(h.removesuffix(" (%)"), dc.NOT_AVAILABLE)
                        if h.endswith("(%)")
                        else dc.NOT_AVAILABLE
                        for h in headings[1:]
                    ),
                ]
            )
            notes.append(f"{population.label}: {population.source}.")
    return compose(measure, snap, by, headings, body, extra, notes, n_hidden)
