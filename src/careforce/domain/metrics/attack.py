"""An attacker over every published table of one measure: how many suppressed cells can be recovered?

The attacker holds what anyone with access can download for one measure on one date (ADR 0100): the
area's figures, its year-by-year trend, and its tables by job role, job role group, main service, sector
and (for the region) council, for every area they may see. They know what the public definitions say:

* each breakdown's "All" row is the area's figure, and so is the trend's last year;
* the rows of a breakdown add up to its "All" row (groups with nothing in them are left out: zero);
* job roles add up to their job role group (the ASC-WDS code list says which role is in which group);
* councils add up to the region, row by row and year by year;
* a distribution's categories add up to "All staff";
* a shown rate or share is its numerator over its denominator, to one decimal place;
* a numerator that is part of its denominator (vacancies within posts, staff aged 55+ within staff
  with an age) is no larger than it;
* for headcount, where a person may count in two groups, groups cover their total and none exceeds it.

Every count is a whole number at least zero. :func:`attack` turns all of that into linear relations and
asks :func:`~careforce.domain.metrics.audit.ranges` for the range of every ``[c]`` cell. A cell is
*recovered* when its range holds fewer than THRESHOLD whole numbers.

The attacker reads only the published tables; it shares no code with the suppression it attacks
except the solver.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import numpy as np

from careforce.domain.metrics import audit
from careforce.domain.metrics.definitions import Kind, Measure
from careforce.domain.metrics.disclosure import CONFIDENTIAL, Marker
from careforce.domain.metrics.snapshot import Split
from careforce.domain.metrics.tables import Laid, MeasureTable
from careforce.domain.reference import REGION_CODE, code_list

Key = tuple[str, str, str, str]  # (area code, split, row label, column heading)
TOTAL = "(all)"  # row label of an area's own figure in every table
RATE_HALF_WIDTH = 0.05 + 1e-9  # rates and shares are shown to one decimal place
OTHER_ROLE = "Other or not known"


@dataclass(frozen=True)
class RecoveredCell:
    key: Key
    low: float
    high: float


@dataclass(frozen=True)
class Attack:
    """What the attacker achieved on one measure's published tables."""

    measure_id: str
    tables: int
    shown: int  # count cells published with a figure
    suppressed: int  # count cells published as [c]
    relations: int  # linear relations between cells the attacker used
    recovered: tuple[RecoveredCell, ...]  # suppressed cells narrowed to fewer than THRESHOLD values

    @property
    def recovered_exactly(self) -> int:
        return sum(1 for r in self.recovered if r.low == r.high)


def count_headings(measure: Measure) -> tuple[str, ...]:
    if measure.kind is Kind.RATIO:
        return measure.headings[:2]
    if measure.kind is Kind.DISTRIBUTION:
        return ("All staff", *measure.categories)
    return measure.headings[:1]


def rate_headings(measure: Measure) -> tuple[tuple[str, str, str], ...]:
    """(rate heading, numerator heading, denominator heading) of each shown ratio."""
    if measure.kind is Kind.RATIO:
        h = measure.headings
        return ((h[2], h[0], h[1]),)
    if measure.kind is Kind.DISTRIBUTION:
        return tuple((f"{c} (%)", c, "All staff") for c in measure.categories)
    return ()


@cache
def role_groups() -> dict[str, str]:
    """Job role label -> job role group label (from the public code list)."""
    out = {c.label: c.extra["job_role_group"] for c in code_list("job_roles")}
    out[OTHER_ROLE] = OTHER_ROLE
    return out


class _Cells:
    def __init__(self) -> None:
        self.index: dict[Key, int] = {}
        self.values: list[float] = []
        self.hidden: list[bool] = []

    def add(self, key: Key, cell: object) -> None:
        """A published cell; the same cell shown in one table and hidden in another is known."""
        hidden = cell is CONFIDENTIAL
        # "[x]" (no records) is read as zero; a figure is what it says
        value = float(cell) if isinstance(cell, int | float) and not isinstance(cell, Marker) else 0.0
        if key in self.index:
            i = self.index[key]
            if self.hidden[i] and not hidden:
                self.hidden[i], self.values[i] = False, value
            return
        self.index[key] = len(self.values)
        self.hidden.append(hidden)
        self.values.append(value)

    def aux(self) -> int:
        self.values.append(0.0)
        self.hidden.append(True)
        return len(self.values) - 1


def _own_rows(table: MeasureTable) -> tuple[tuple[object, ...], ...]:
    return table.rows[: len(table.rows) - table.comparator_rows]


def _row_label(table: MeasureTable, r: int) -> str:
    """The area's own figure is the last row of every table (the "All" row, the trend's latest year)."""
    rows = _own_rows(table)
    return TOTAL if r == len(rows) - 1 else str(rows[r][0])


def _key(area: str, split: Split, label: str, heading: str) -> Key:
    """An area's own figure is one cell whichever table shows it."""
    return (area, Split.NONE.value if label == TOTAL else split.value, label, heading)


def attack(
    measure: Measure,
    published: Mapping[tuple[str, Split], MeasureTable],
    *,
    truth: Mapping[Key, float] | None = None,
) -> Attack:
    """Attack one measure's published tables, keyed by (area code, split). With ``truth`` (the unprotected
    counts, for tests), also check that every true value lies in the range the attacker found."""
    counts = count_headings(measure)
    cells = _Cells()
    rows_of: dict[tuple[str, Split], list[str]] = {}
    for (area, split), table in published.items():
        heads = table.headings
        labels = []
        for r, row in enumerate(_own_rows(table)):
            label = _row_label(table, r)
            labels.append(label)
            for h in counts:
                if h in heads:
                    cells.add(_key(area, split, label, h), row[heads.index(h)])
        rows_of[(area, split)] = labels

    def key(area: str, split: Split, label: str, h: str) -> int | None:
        return cells.index.get(_key(area, split, label, h))

    additive = measure.id != "headcount"
    relations: list[audit.Relation] = []

    def total_of(total: int | None, members: list[int | None], exact: bool = additive) -> None:
        ms = [m for m in members if m is not None]
        if total is None:
            return
        if exact:
            relations.append(audit.sums_to(total, ms))
        elif ms:
            relations.extend(audit.overlapping_sum(total, ms))

    areas = sorted({a for a, _ in published})
    for area in areas:
        for split in (Split.JOB_ROLE, Split.JOB_ROLE_GROUP, Split.MAIN_SERVICE, Split.SECTOR, Split.COUNCIL):
            labels = [lab for lab in rows_of.get((area, split), []) if lab != TOTAL]
            if (area, split) not in published:
                continue
            for h in counts:
                if split is Split.COUNCIL:
                    continue  # councils against the region: below
                total_of(key(area, split, TOTAL, h), [key(area, split, lab, h) for lab in labels])
        if (area, Split.JOB_ROLE) in published and (area, Split.JOB_ROLE_GROUP) in published:
            roles = [lab for lab in rows_of[(area, Split.JOB_ROLE)] if lab != TOTAL]
            for group in rows_of[(area, Split.JOB_ROLE_GROUP)]:
                if group == TOTAL:
                    continue
                members = [r for r in roles if role_groups().get(r, OTHER_ROLE) == group]
                for h in counts:
                    total_of(
                        key(area, Split.JOB_ROLE_GROUP, group, h), [key(area, Split.JOB_ROLE, r, h) for r in members]
                    )
    # councils add up to the region
    councils = [a for a in areas if a != REGION_CODE]
    if REGION_CODE in areas and councils:
        for (area, split), region_rows in rows_of.items():
            if area != REGION_CODE or split is Split.COUNCIL:
                continue
            for label in region_rows:
                if label == TOTAL and split is not Split.NONE:
                    continue  # the same relation as the area's own figure's
                for h in counts:
                    total_of(key(REGION_CODE, split, label, h), [key(c, split, label, h) for c in councils])
        council_table = published.get((REGION_CODE, Split.COUNCIL))
        if council_table is not None:
            names = {str(row[0]): i for i, row in enumerate(_own_rows(council_table))}
            for c in councils:
                own = published.get((c, Split.NONE))
                if own is None:
                    continue
                name = str(_own_rows(own)[0][0])
                if name in names:
                    for h in counts:
                        a = key(REGION_CODE, Split.COUNCIL, name, h)
                        b = key(c, Split.NONE, TOTAL, h)
                        if a is not None and b is not None:
                            relations.append(audit.equal(a, b))
            named = [lab for lab in rows_of[(REGION_CODE, Split.COUNCIL)] if lab != TOTAL]
            for h in counts:
                total_of(
                    key(REGION_CODE, Split.COUNCIL, TOTAL, h),
                    [key(REGION_CODE, Split.COUNCIL, lab, h) for lab in named],
                )
    # within each row: categories add up to all staff; numerators within denominators; shown rates
    for (area, split), table in published.items():
        heads = table.headings
        for r, row in enumerate(_own_rows(table)):
            label = rows_of[(area, split)][r]
            if measure.kind is Kind.DISTRIBUTION:
                total_of(
                    key(area, split, label, "All staff"), [key(area, split, label, c) for c in measure.categories], True
                )
            for rate_h, num_h, den_h in rate_headings(measure):
                num, den = key(area, split, label, num_h), key(area, split, label, den_h)
                if num is None or den is None:
                    continue
                if measure.numerator_within_denominator:
                    relations.append(audit.at_most(num, den))
                if rate_h not in heads:
                    continue
                rate = row[heads.index(rate_h)]
                if (
                    isinstance(rate, int | float)
                    and not isinstance(rate, Marker)
                    and (cells.hidden[num] or cells.hidden[den])
                ):
                    lo, hi = (float(rate) - 100 * RATE_HALF_WIDTH) / 100, (float(rate) + 100 * RATE_HALF_WIDTH) / 100
                    relations.append(audit.Relation((num, den), (-1.0, lo), 0.0, equal=False))  # num >= lo * den
                    relations.append(audit.Relation((num, den), (1.0, -hi), 0.0, equal=False))  # num <= hi * den
    values = np.array(cells.values)
    hidden = np.array(cells.hidden, dtype=bool)
    keys = list(cells.index)
    if truth is not None:
        # from the true values (a feasible point: checked), cells shown to move over THRESHOLD values
        # need no programme of their own; only the rest are solved for
        true = np.array([truth.get(k, v) for k, v in zip(keys, values, strict=True)])
        found = audit.exposed(true, hidden, relations)
        exposed, low, high = found.cells, found.low, found.high
    else:
        ranges = audit.ranges(values, hidden, relations)
        exposed, low, high = ranges.exposed(hidden), ranges.low, ranges.high
    recovered = tuple(
        RecoveredCell(k, float(low[cells.index[k]]), float(high[cells.index[k]]))
        for k in keys
        if exposed[cells.index[k]]
    )
    return Attack(measure.id, len(published), int((~hidden).sum()), int(hidden.sum()), len(relations), recovered)


def truth_of(laid: Mapping[tuple[str, Split], Laid]) -> dict[Key, float]:
    """The unprotected counts of laid-out tables, keyed as the attacker keys cells (for tests)."""
    out: dict[Key, float] = {}
    for (area, split), table in laid.items():
        n = len(table.rows.labels)
        for r, label in enumerate(table.rows.labels):
            row = TOTAL if r == n - 1 else label
            for j, h in enumerate(table.count_headings):
                value = float(table.grid[r, j])
                out[_key(area, split, row, h)] = value if np.isfinite(value) else 0.0
    return out
