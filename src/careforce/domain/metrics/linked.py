"""Every table of one measure protected together, as one linked set (ADR 0101).

Tables of the same measure and date share cells and add up across each other: every breakdown's "All"
row is the area's figure, job roles add up to their job role group, councils add up to the region, the
trend's last year is the area's figure. Protecting each table on its own lets an attacker combine them
(``attack``). So :func:`link` lays out every table of a measure for the region and each council, makes
one variable per distinct cell, writes down every linear relation between them, and protects them all at
once:

1. **Primary suppression**: counts of 1 to 4 (``disclosure.is_primary``).
2. **One-cell rule**: any sum with exactly one hidden cell gets a complementary cell
   (``disclosure``'s choice: the smallest non-zero shown member, else the total, a zero last).
3. **Audit and repair**: the linear-programming audit (``audit``) gives the range an attacker can
   narrow each hidden cell to, using every relation (sums, overlapping sums for headcount, numerators
   within denominators, ``x >= 0``). Each hidden cell whose range holds fewer than THRESHOLD whole
   numbers gets one more complementary cell in its smallest sum, the one-cell rule runs again, and the
   audit repeats for the cells not yet shown safe (hiding more only widens ranges, so a safe cell stays
   safe) until none is exposed.

This is the "audit and repair" form of secondary suppression (as in tau-argus's and sdcTable's
heuristics, which protect each sensitive cell against the linear-programming attacker); it does not
promise the fewest cells hidden, only that the audit finds none exposed. :attr:`LinkedSet.exposed`
says which cells, if any, could not be protected (none on the demo region).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

import numpy as np
from numpy.typing import NDArray

from careforce.domain.metrics import audit
from careforce.domain.metrics import disclosure as dc
from careforce.domain.metrics.categories import MAX_CODE, job_role_groups, job_roles
from careforce.domain.metrics.definitions import Kind, Measure
from careforce.domain.metrics.facts import AreaFacts, Bool, Float
from careforce.domain.metrics.snapshot import Split
from careforce.domain.metrics.tables import TREND_YEARS, Laid, MeasureTable, PopulationShares, finish, lay_out
from careforce.domain.reference import REGION_CODE, councils

CellKey = tuple[str, str, str, int]  # (area code, "total" | split, row label, count column)
MAX_ROUNDS = 60


@cache
def group_of_role() -> dict[str, str]:
    """Job role label -> job role group label, from the two groupings' lookups."""
    roles, groups = job_roles(), job_role_groups()
    codes = np.arange(MAX_CODE)
    out: dict[str, str] = {}
    for r, g in zip(roles.index(codes), groups.index(codes), strict=True):
        if r >= 0 and g >= 0:
            out.setdefault(roles.labels[r], groups.labels[g])
    return out


def published_linked(measure: Measure) -> bool:
    """Whether pages, downloads and ``careforce metrics`` publish ``measure`` from its linked set.

    Distributions (one count per category in every cell) are not yet: their linked set takes two minutes
    or more to build on the small demo region and over a minute on the full region (ADR 0100), too long
    for a page, so they are still protected table by table and the attack test marks them as known to
    fail. Every other measure is published from its linked set."""
    return measure.kind is not Kind.DISTRIBUTION


@dataclass(frozen=True, eq=False)
class LinkedSet:
    """One measure's tables for every area, with the cells hidden when protected together."""

    measure: Measure
    laid: Mapping[tuple[str, Split], Laid]
    cells: Mapping[tuple[str, Split], NDArray[np.int64]]  # variable of each grid cell
    values: Float
    primary: Bool
    hidden: Bool
    relations: tuple[audit.Relation, ...]
    exposed: tuple[int, ...]  # variables still exposed (could not be protected); empty when safe
    rounds: int

    def hidden_in(self, area: str, split: Split) -> NDArray[np.bool_]:
        out: NDArray[np.bool_] = self.hidden[self.cells[(area, split)]]
        return out

    def table(self, area: str, split: Split, *, population: PopulationShares | None = None) -> MeasureTable:
        return finish(self.laid[(area, split)], self.hidden_in(area, split), population=population)


class _Builder:
    def __init__(self) -> None:
        self.index: dict[CellKey, int] = {}
        self.values: list[float] = []
        self.relations: dict[tuple[tuple[int, ...], tuple[float, ...], bool], audit.Relation] = {}
        self.sums: dict[tuple[int, tuple[int, ...]], dc.Constraint] = {}

    def cell(self, key: CellKey, value: float) -> int:
        found = self.index.get(key)
        if found is not None and (self.values[found] == value or np.isnan(value) and np.isnan(self.values[found])):
            return found
        if found is not None:  # not the same figure after all: its own cell, related to nothing
            key = (*key[:3], -1 - len(self.values))
        self.index[key] = len(self.values)
        self.values.append(value)
        return self.index[key]

    def relate(self, r: audit.Relation) -> None:
        self.relations.setdefault((r.cells, r.coefs, r.equal), r)

    def sum(self, total: int | None, members: Sequence[int | None], additive: bool) -> None:
        ms = tuple(sorted({m for m in members if m is not None}))
        if total is None or not ms or ms == (total,):
            return
        self.sums.setdefault((total, ms), dc.Constraint(total, ms))
        for r in [audit.sums_to(total, ms)] if additive else audit.overlapping_sum(total, ms):
            self.relate(r)


def _key(area: str, split: Split, label: str, last: bool, j: int, council_codes: Mapping[str, str]) -> CellKey:
    if last or split is Split.NONE:
        return (area, "total", "", j)
    if split is Split.COUNCIL:
        return (council_codes[label], "total", "", j)
    return (area, split.value, label, j)


def link(
    measure: Measure,
    facts_by_area: Mapping[str, AreaFacts],
    splits_by_area: Mapping[str, Sequence[Split]],
    reference_date: date,
    *,
    trend_years: int = TREND_YEARS,
) -> LinkedSet:
    """Lay out and protect together every table of ``measure``: for each area of ``facts_by_area`` (the
    region's code and councils' codes), each split of ``splits_by_area``."""
    council_codes = {c.name: c.gss_code for c in councils()}
    b = _Builder()
    laid: dict[tuple[str, Split], Laid] = {}
    cells: dict[tuple[str, Split], NDArray[np.int64]] = {}
    keys_of: dict[tuple[str, Split], list[list[CellKey]]] = {}
    for area, area_facts in facts_by_area.items():
        for split in splits_by_area[area]:
            t = lay_out(measure, area_facts, area, split, reference_date, trend_years=trend_years)
            laid[(area, split)] = t
            n_rows, n_cols = t.grid.shape
            keys = [
                [_key(area, split, t.rows.labels[r], r == n_rows - 1, j, council_codes) for j in range(n_cols)]
                for r in range(n_rows)
            ]
            keys_of[(area, split)] = keys
            cells[(area, split)] = np.array(
                [[b.cell(keys[r][j], float(t.grid[r, j])) for j in range(n_cols)] for r in range(n_rows)],
                dtype=np.int64,
            ).reshape(n_rows, n_cols)
    additive = measure.id != "headcount"
    for (area, split), t in laid.items():
        grid_cells = cells[(area, split)]
        n_rows, n_cols = grid_cells.shape
        if t.rows.has_total:
            for j in range(n_cols):
                b.sum(int(grid_cells[-1, j]), [int(c) for c in grid_cells[:-1, j]], additive)
        for r in range(n_rows):
            if measure.kind is Kind.DISTRIBUTION:
                b.sum(int(grid_cells[r, 0]), [int(c) for c in grid_cells[r, 1:]], True)
            if measure.kind is Kind.RATIO and measure.numerator_within_denominator:
                b.relate(audit.at_most(int(grid_cells[r, 0]), int(grid_cells[r, 1])))
    groups = group_of_role()
    for area in facts_by_area:
        if (area, Split.JOB_ROLE) not in laid or (area, Split.JOB_ROLE_GROUP) not in laid:
            continue
        roles = laid[(area, Split.JOB_ROLE)].rows.labels[:-1]
        for group in laid[(area, Split.JOB_ROLE_GROUP)].rows.labels[:-1]:
            for j in range(cells[(area, Split.JOB_ROLE)].shape[1]):
                b.sum(
                    b.index.get((area, Split.JOB_ROLE_GROUP.value, group, j)),
                    [b.index.get((area, Split.JOB_ROLE.value, r, j)) for r in roles if groups.get(r) == group],
                    additive,
                )
    others = [a for a in facts_by_area if a != REGION_CODE]
    if REGION_CODE in facts_by_area:
        for key, i in list(b.index.items()):
            area, kind, label, j = key
            if area == REGION_CODE and j >= 0:
                b.sum(i, [b.index.get((c, kind, label, j)) for c in others], additive)
    values = np.array(b.values)
    hidden, primary, exposed, rounds = _protect(values, list(b.sums.values()), tuple(b.relations.values()))
    return LinkedSet(measure, laid, cells, values, primary, hidden, tuple(b.relations.values()), exposed, rounds)


def _protect(
    raw: Float, sums: list[dc.Constraint], relations: tuple[audit.Relation, ...]
) -> tuple[Bool, Bool, tuple[int, ...], int]:
    values = np.nan_to_num(raw)
    status = np.where(dc.is_primary(values), dc.PRIMARY, dc.SHOWN).astype(np.int8)
    primary = status == dc.PRIMARY
    in_sums: dict[int, list[int]] = {}
    for k, c in enumerate(sums):
        for cell in c.cells:
            in_sums.setdefault(cell, []).append(k)
    order = sorted(range(len(sums)), key=lambda k: len(sums[k].cells))
    rank = {k: n for n, k in enumerate(order)}
    sum_of: dict[int, list[int]] = {}  # relation -> the sums it was written for
    where = {r: i for i, r in enumerate(relations)}
    for k, c in enumerate(sums):
        for r in (audit.sums_to(c.total, c.members), *audit.overlapping_sum(c.total, c.members)):
            if r in where:
                sum_of.setdefault(where[r], []).append(k)

    def one_cell_rule() -> None:
        changed = True
        while changed:
            changed = False
            for c in sums:
                hidden_cells = [i for i in c.cells if status[i] != dc.SHOWN]
                if len(hidden_cells) == 1:
                    chosen = _complement(values, status, c)
                    if chosen is not None:
                        status[chosen] = dc.COMPLEMENTARY
                        changed = True

    one_cell_rule()
    seen = audit.Seen.of(values)
    safe = np.zeros(len(values), dtype=bool)
    exposed = np.zeros(0, dtype=np.int64)
    rounds = 0
    while rounds < MAX_ROUNDS:
        rounds += 1
        hidden = status != dc.SHOWN
        found = audit.exposed(values, hidden, relations, targets=hidden & ~safe, seen=seen)
        weak = found.cells
        safe |= hidden & ~weak
        exposed = np.flatnonzero(weak)
        if len(exposed) == 0:
            break
        touched: set[int] = set()
        added = False
        for cell in exposed.tolist():
            bound_by = [k for r in found.binding.get(cell, ()) for k in sum_of.get(r, ())]
            added |= _repair(cell, bound_by, values, status, sums, in_sums, rank, touched)
        if not added:
            break
        one_cell_rule()
    hidden = status != dc.SHOWN
    return hidden, primary, tuple(int(c) for c in exposed), rounds


def _repair(
    cell: int,
    bound_by: Sequence[int],
    values: Float,
    status: NDArray[np.int8],
    sums: Sequence[dc.Constraint],
    in_sums: Mapping[int, Sequence[int]],
    rank: Mapping[int, int],
    touched: set[int],
) -> bool:
    """Hide one more cell to widen an exposed cell's range: in the smallest of the sums that bound it
    (``bound_by``: the relations the attacker's programmes found binding) with a shown member, else in
    the smallest of its own sums with one, else (every sum it is in already hidden) in the smallest sum beside those, up to three steps
    away. A sum already given a cell this round counts as repaired."""
    for k in sorted(set(bound_by), key=rank.__getitem__):
        if k in touched:
            return False
        chosen = _complement(values, status, sums[k])
        if chosen is not None:
            status[chosen] = dc.COMPLEMENTARY
            touched.add(k)
            return True
    frontier, reached = {cell}, {cell}
    for _ in range(3):
        ks = sorted({k for c in frontier for k in in_sums.get(c, [])}, key=rank.__getitem__)
        if any(k in touched for k in ks):
            return False
        for k in ks:
            chosen = _complement(values, status, sums[k])
            if chosen is not None:
                status[chosen] = dc.COMPLEMENTARY
                touched.add(k)
                return True
        frontier = {c for k in ks for c in sums[k].cells} - reached
        reached |= frontier
    return False


def _complement(values: Float, status: NDArray[np.int8], c: dc.Constraint) -> int | None:
    """The member to hide beside the hidden ones of a sum: the smallest shown member that brings the
    hidden members' sum to at least THRESHOLD - 1 (so each can be anything from 0 to that sum: at least
    THRESHOLD whole numbers), else ``disclosure``'s choice (the smallest non-zero member, the total, a
    zero last). Hiding the smallest member alone (a 2 beside a 1) leaves both narrowed to 0 to 3."""
    hidden_sum = float(sum(values[i] for i in c.members if status[i] != dc.SHOWN))
    enough = [
        i for i in c.members if status[i] == dc.SHOWN and values[i] > 0 and hidden_sum + values[i] >= dc.THRESHOLD - 1
    ]
    if enough:
        return min(enough, key=lambda i: (values[i], i))
    return dc._complement(values, status, c)
