"""The words around a measure table: caption, the sentence saying what it shows, and footnotes."""

from __future__ import annotations

from collections.abc import Sequence

from careforce.domain.metrics import disclosure as dc
from careforce.domain.metrics.categories import NOT_KNOWN, national_living_wage_on
from careforce.domain.metrics.definitions import Kind, Measure
from careforce.domain.metrics.facts import RETURN_STALE_AFTER_YEARS
from careforce.domain.metrics.snapshot import Snapshot, Split
from careforce.domain.metrics.tables import SOURCE, Cell, Column, MeasureTable, format_date, period_phrase


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
        why = "it is about fewer than 5 people" if value is dc.CONFIDENTIAL else "there are no records to base it on"
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
    if measure.benchmark_exclusion:
        in_area = snap.workplace_in_area
        ok = snap.workplace_vacancies_usable if measure.id == "vacancy_rate" else snap.workplace_matches_total
        left_out = int((in_area & ~ok).sum())
        out.append(
            f"{left_out} of {int(in_area.sum())} workplaces in the area are left out: their permanent and "
            "temporary staff records did not match their stated total, their figures were not known, or "
            f"they had made no return in the {RETURN_STALE_AFTER_YEARS} years to "
            f"{format_date(snap.reference_date)}."
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
    out += notes
    return tuple(out)


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
