"""The words around a measure table: caption, the sentence saying what it shows, and footnotes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np

from careforce.domain.metrics import disclosure as dc
from careforce.domain.metrics.categories import NOT_KNOWN, national_living_wage_on
from careforce.domain.metrics.comparators import comparator_rows, comparators_for
from careforce.domain.metrics.definitions import Kind, Measure
from careforce.domain.metrics.facts import RETURN_STALE_AFTER_YEARS, Bool
from careforce.domain.metrics.snapshot import Snapshot, Split, snapshot, years_before
from careforce.domain.metrics.tables import SOURCE, Cell, Column, MeasureTable, format_date, period_phrase

#: A figure for a date (or the 12 months to it) when no workplace in the area had made a return it can use:
#: the records alone do not show who worked or left then (ADR 0093). Pages and downloads show the words.
NO_RETURNS = dc.Marker("no returns", "no workplace in the area had made a return this figure can use by then")


def format_value(measure: Measure, value: float) -> str:
    if measure.unit == "%":
        return f"{value:.1f}%"
    if measure.unit.startswith("£"):
        return f"£{value:,.2f}"
    return f"{value:,.{measure.decimals}f}"


def _headline(measure: Measure, headings: Sequence[str], row: Sequence[Cell]) -> tuple[Cell, str]:
    """The headline cell of a row, and the category it is about (distributions)."""
    if measure.kind is Kind.DISTRIBUTION:
        options = [c for c in measure.categories if f"{c} (%)" in headings and c != NOT_KNOWN]
        category = measure.headline
        if category is None:
            shares = [(row[headings.index(f"{c} (%)")], c) for c in options]
            numeric = [(v, c) for v, c in shares if isinstance(v, int | float)]
            category = max(numeric)[1] if numeric else options[0]
        return row[headings.index(f"{category} (%)")], category
    column = measure.headings[1] if measure.kind is Kind.AVERAGE else measure.value_heading
    return row[headings.index(column)], ""


def sentence(
    measure: Measure, snap: Snapshot, by: Split, headings: Sequence[str], body: Sequence[Sequence[Cell]]
) -> str:
    row = body[-1]  # the area, its total, or the latest period
    value, category = _headline(measure, headings, row)
    period = period_phrase(measure, snap.reference_date)
    if isinstance(value, dc.Marker):
        why = {
            dc.CONFIDENTIAL: "it is about fewer than 5 people",
            NO_RETURNS: "no workplace in the area had made a return it can use",
        }.get(value, "there are no records to base it on")
        text = f"In {snap.area_name}, the figure for {measure.name_in_sentence} {period} is not shown because {why}."
    else:
        gap = ""
        if measure.kind is Kind.AVERAGE and len(measure.headings) > 2:
            diff = row[headings.index(measure.headings[2])]
            gap = (
                f"£{abs(diff):.2f} {'above' if diff >= 0 else 'below'}"
                if isinstance(diff, int | float)
                else "not comparable with"
            )
        text = measure.sentence.format(
            area=snap.area_name,
            value=format_value(measure, float(value)),
            period=period,
            category=category,
            category_lower=category.lower(),
            gap=gap,
        )
    if by not in (Split.NONE, Split.TREND):
        text += f" The table shows it by {by.row_heading.lower()}."
    elif by is Split.TREND:
        text += f" The table shows the same measure at each of the last {len(body)} year ends."
    return text


def caption(measure: Measure, snap: Snapshot, by: Split) -> str:
    where = f"{measure.title} in {snap.area_name}"
    if by is Split.TREND:
        return f"{where}, year by year to {format_date(snap.reference_date)}"
    suffix = "" if by is Split.NONE else f" by {by.row_heading.lower()}"
    return f"{where}{suffix}, {period_phrase(measure, snap.reference_date)}"


def footnotes(
    measure: Measure, snap: Snapshot, by: Split, body: Sequence[Sequence[Cell]], notes: Sequence[str]
) -> tuple[str, ...]:
    out = [f"Definition: {measure.definition}"]
    used = {c for row in body for c in row if isinstance(c, dc.Marker)}
    out.append(
        f"[c] {dc.CONFIDENTIAL.text}: figures about fewer than 5 people are suppressed, and other figures "
        "are suppressed where needed so they cannot be worked out from totals."
    )
    if dc.NOT_AVAILABLE in used:
        out.append(f"[x] {dc.NOT_AVAILABLE.text}: no records to base the figure on.")
    if NO_RETURNS in used:
        out.append(
            f"{NO_RETURNS.code}: {NO_RETURNS.text} (a return on or before the date, no more than "
            f"{RETURN_STALE_AFTER_YEARS} years old{', and one by the start of the 12 months' if measure.over_year else ''}"
            f"{', stating its vacancies' if measure.id == 'vacancy_rate' else ''}), so the figure is not known."
        )
    if measure.benchmark_exclusion:
        in_area = snap.workplace_in_area
        ok = _benchmark_workplaces(measure, snap)
        left_out = int((in_area & ~ok).sum())
        out.append(
            f"{left_out} of {int(in_area.sum())} workplaces in the area are left out: their permanent and "
            "temporary staff records did not match their stated total, their figures were not known, or "
            f"they had made no return in the {RETURN_STALE_AFTER_YEARS} years to "
            f"{format_date(snap.reference_date)}"
            f"{' or by the start of the 12 months' if measure.over_year else ''}."
        )
    if measure.id == "headcount" and by is not Split.NONE:
        out.append(
            "A person with jobs in more than one group counts once in each, so groups can add up to more "
            "than the total."
        )
    if measure.kind is Kind.DISTRIBUTION:
        out.append("Shares are of all staff in the row, including those whose answer is not known.")
    if measure.kind is Kind.AVERAGE and len(measure.headings) > 2:
        nlw = national_living_wage_on(snap.reference_date)
        out.append(
            f"National Living Wage from {format_date(nlw.effective_from)}: £{nlw.hourly_rate} an hour for "
            f"workers aged {nlw.minimum_age} and over ({nlw.source})."
            if nlw
            else "No National Living Wage was in force on the date."
        )
    out += basis(measure, snap, by, len(body))
    out += notes
    return tuple(out)


# ---- what each figure rests on -------------------------------------------------------------------------
def _benchmark_workplaces(measure: Measure, s: Snapshot) -> Bool:
    """Workplaces whose returns a benchmark measure (vacancy or turnover rate) counts."""
    if measure.id == "vacancy_rate":
        return s.workplace_vacancies_usable
    if measure.over_year:
        out: Bool = s.workplace_matches_total & s.workplace_returned_year_before
        return out
    return s.workplace_matches_total


def _usable_returns(measure: Measure, s: Snapshot) -> Bool:
    """Workplaces in the area with a return the measure can use for the snapshot's date."""
    chosen = s.workplace_return
    ok = chosen >= 0
    if measure.id == "vacancy_rate":
        ok = ok & np.where(ok, s.facts.returns.vacancies_known[np.maximum(chosen, 0)], False)
    if measure.over_year:
        ok = ok & s.workplace_returned_year_before
    out: Bool = s.workplace_in_area & ok
    return out


def trend_dates(reference_date: date, n: int) -> list[date]:
    """The dates of a trend table's rows, oldest first (as ``tables`` lays them out)."""
    return [years_before(reference_date, k) for k in range(n - 1, -1, -1)]


def row_snapshots(snap: Snapshot, by: Split, n_rows: int) -> list[Snapshot]:
    """The snapshot each body row's figures are for: one per year of a trend, the same one otherwise."""
    if by is Split.TREND:
        return [snapshot(snap.facts, snap.area_code, d) for d in trend_dates(snap.reference_date, n_rows)]
    return [snap] * n_rows


def _dates(measure: Measure, day: date) -> str:
    if measure.over_year:
        return f"the 12 months from {format_date(years_before(day, 1) + timedelta(days=1))} to {format_date(day)}"
    return format_date(day)


def basis(measure: Measure, snap: Snapshot, by: Split, n_rows: int) -> list[str]:
    """For each date the table's figures are for: the dates, and how many workplaces and returns they rest on."""
    days = row_snapshots(snap, by, n_rows) if by is Split.TREND else [snap]
    out = []
    for s in days:
        usable = int(_usable_returns(measure, s).sum())
        text = (
            f"Figures for {_dates(measure, s.reference_date)} come from the staff records of "
            f"{s.workplaces_with_staff:,} workplaces in {s.area_name}; {s.workplaces_with_return:,} workplaces "
            f"there had made a return in the {RETURN_STALE_AFTER_YEARS} years to {format_date(s.reference_date)}"
        )
        if measure.benchmark_exclusion:
            counted = int((s.workplace_in_area & _benchmark_workplaces(measure, s)).sum())
            text += f", {usable:,} of them one this measure can use, and {counted:,} pass the benchmark rule"
        elif measure.over_year:
            text += f", {usable:,} of them also by the start of the 12 months"
        out.append(text + ".")
    return out


def _no_returns(measure: Measure, snap: Snapshot, by: Split, body: list[list[Cell]]) -> list[list[Cell]]:
    """Rows whose date had no usable return in the area show :data:`NO_RETURNS` in every figure. In a trend,
    every measure needs a return by the row's date (the records alone are not a history); on the
    reference date, only the measures that rest on returns (vacancy and turnover rates) do."""
    out = []
    for row, s in zip(body, row_snapshots(snap, by, len(body)), strict=True):
        dated = by is Split.TREND and s is not snap
        if measure.benchmark_exclusion or dated:
            none = not _usable_returns(measure, s).any()
        else:
            none = False
        out.append([row[0], *(NO_RETURNS for _ in row[1:])] if none else row)
    return out


def _published(value: float | None) -> Cell:
    if value is None:
        return dc.NOT_AVAILABLE
    return int(value) if float(value).is_integer() else value


def current_comparators(
    measure: Measure, snap: Snapshot, by: Split, headings: Sequence[str], extra: list[list[Cell]], notes: Sequence[str]
) -> tuple[list[list[Cell]], list[str]]:
    """The comparator rows and notes of a table with rule 4 of ``comparators`` applied: ``tables.finish``
    appends every area's latest figures (and their citations) first; those are replaced here by the figures
    recent enough for the reference date, with a note on each area whose latest figure is too old or missing."""
    if by is Split.TREND:
        return extra, list(notes)
    appended = comparator_rows(measure.comparator_metrics)
    n_notes = sum(len(c.figures) for c in appended)
    chosen = comparators_for(
        measure.comparator_metrics, snap.reference_date, measure.comparator_max_age_years, snap.area_code
    )
    rows = [[c.label, *(_published(c.values.get(h)) for h in headings[1:])] for c in chosen.rows]
    return rows + extra[len(appended) :], [*chosen.notes, *notes[n_notes:]]


def compose(
    measure: Measure,
    snap: Snapshot,
    by: Split,
    headings: Sequence[str],
    body: list[list[Cell]],
    extra: list[list[Cell]],
    notes: Sequence[str],
    n_hidden: int,
) -> MeasureTable:
    columns = (Column(headings[0], numeric=False), *(Column(h) for h in headings[1:]))
    body = _no_returns(measure, snap, by, body)
    extra, notes = current_comparators(measure, snap, by, headings, extra, notes)
    return MeasureTable(
        measure_id=measure.id,
        title=measure.title,
        caption=caption(measure, snap, by),
        sentence=sentence(measure, snap, by, headings, body),
        definition=measure.definition,
        columns=columns,
        rows=tuple(tuple(r) for r in body + extra),
        footnotes=footnotes(measure, snap, by, body, notes),
        source=f"{SOURCE}, {format_date(snap.reference_date)}.",
        area_code=snap.area_code,
        area_name=snap.area_name,
        split=by.value,
        reference_date=snap.reference_date,
        suppressed_cells=n_hidden,
        comparator_rows=len(extra),
    )
