"""Disclosure control: no figure about fewer than 5 people is shown, and none can be worked out.

The rule, in one place (ADR 0031):

1. **Primary suppression.** A count of 1 to 4 is suppressed. Zero is shown: it is about nobody.
   A figure derived from people (a rate, share, mean or median) is suppressed when it rests on 1 to 4
   people, and shown as "not available" when it rests on none.
2. **Complementary suppression.** Counts that add up to a shown total are *constraints*. Whenever a
   constraint has exactly one suppressed cell, the cell could be worked out by subtraction, so the
   smallest non-zero unsuppressed member is suppressed too (the total itself only when no member is
   left; a zero only as a last resort, since a suppressed zero beside a small cell narrows it to the
   total). This repeats until no constraint has exactly one suppressed cell, so it handles 1-D tables
   with a total, 2-D tables with margins, and chains of them.
3. **Dependent cells.** A rate or share is suppressed whenever a count it is computed from is, since
   shown rate and denominator would give back the numerator.

:data:`CONFIDENTIAL` is the one marker for a suppressed cell; pages render it as "[c]" with the words
"fewer than 5 people", and downloads write "[c]" (the ONS convention). :data:`NOT_AVAILABLE` ("[x]")
marks a figure with nothing to base it on and :data:`NOT_APPLICABLE` ("[z]") a cell that has no meaning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

THRESHOLD = 5  # figures about fewer than this many people are suppressed

SHOWN, PRIMARY, COMPLEMENTARY, MISSING = 0, 1, 2, 3


@dataclass(frozen=True)
class Marker:
    """A cell that shows a reason instead of a figure."""

    code: str  # what downloads write, e.g. "[c]"
    text: str  # what a page says, e.g. "fewer than 5 people"

    def __str__(self) -> str:
        return self.code


CONFIDENTIAL = Marker("[c]", f"fewer than {THRESHOLD} people")
NOT_AVAILABLE = Marker("[x]", "not available")
NOT_APPLICABLE = Marker("[z]", "not applicable")
MARKERS = (CONFIDENTIAL, NOT_AVAILABLE, NOT_APPLICABLE)


@dataclass(frozen=True)
class Constraint:
    """``sum(values[members]) == values[total]`` over a flat array of counts."""

    total: int
    members: tuple[int, ...]

    @property
    def cells(self) -> tuple[int, ...]:
        return (*self.members, self.total)


def is_primary(people: float | NDArray[np.float64]) -> NDArray[np.bool_]:
    """Counts or bases of 1 to ``THRESHOLD - 1`` people."""
    p = np.asarray(people, dtype=np.float64)
    out: NDArray[np.bool_] = (p > 0) & (p < THRESHOLD)
    return out


def suppress(
    values: NDArray[np.float64], constraints: Sequence[Constraint], protect: NDArray[np.bool_] | None = None
) -> NDArray[np.int8]:
    """Status of each count (SHOWN, PRIMARY, COMPLEMENTARY, or MISSING for a count that is not known).

    ``values`` are counts (NaN where not known: a reader cannot subtract with it either); ``protect`` adds cells to suppress for other reasons (e.g. a count whose
    dependent rate rests on few people); ``constraints`` say which counts add up to which totals.
    """
    flat = np.asarray(values, dtype=np.float64).ravel()
    status = np.where(is_primary(flat), PRIMARY, SHOWN).astype(np.int8)
    status[~np.isfinite(flat)] = MISSING
    if protect is not None:
        status[np.asarray(protect).ravel() & (status == SHOWN)] = PRIMARY
    while True:
        changed = True
        while changed:
            changed = False
            for c in constraints:
                hidden = [i for i in c.cells if status[i] != SHOWN]
                if len(hidden) != 1 or status[hidden[0]] == MISSING:
                    continue
                chosen = _complement(flat, status, c)
                if chosen is not None:
                    status[chosen] = COMPLEMENTARY
                    changed = True
        exposed = [i for i in determined(status, constraints) if status[i] == PRIMARY]
        if not exposed or not _protect_exposed(flat, status, constraints, exposed[0]):
            return status


def determined(status: NDArray[np.int8], constraints: Sequence[Constraint]) -> list[int]:
    """Hidden cells whose value follows from the shown cells by linear algebra on the constraints.

    A hidden cell is determined exactly when its unit vector is orthogonal to the null space of the
    constraint matrix restricted to hidden cells (e.g. a "bridge" between two blocks of suppressed cells
    in a 2-D table, which the one-cell-per-line rule alone does not catch).
    """
    hidden = np.flatnonzero(status != SHOWN)
    if len(hidden) == 0 or not constraints:
        return []
    column = {int(cell): j for j, cell in enumerate(hidden)}
    matrix = np.zeros((len(constraints), len(hidden)))
    for k, c in enumerate(constraints):
        for cell in c.members:
            if cell in column:
                matrix[k, column[cell]] += 1.0
        if c.total in column:
            matrix[k, column[c.total]] -= 1.0
    _, singular, vt = np.linalg.svd(matrix)
    rank = int((singular > 1e-9).sum())
    null = vt[rank:]
    fixed = np.all(np.abs(null) < 1e-9, axis=0) if len(null) else np.ones(len(hidden), bool)
    return [int(hidden[j]) for j in np.flatnonzero(fixed)]


def _protect_exposed(
    values: NDArray[np.float64], status: NDArray[np.int8], constraints: Sequence[Constraint], cell: int
) -> bool:
    """Hide one more cell beside an exposed one; False if there is nothing left to hide."""
    for c in sorted((c for c in constraints if cell in c.cells), key=lambda c: len(c.cells)):
        chosen = _complement(values, status, c)
        if chosen is not None:
            status[chosen] = COMPLEMENTARY
            return True
    return False


def _complement(values: NDArray[np.float64], status: NDArray[np.int8], c: Constraint) -> int | None:
    open_members = [i for i in c.members if status[i] == SHOWN]
    nonzero = sorted((i for i in open_members if values[i] > 0), key=lambda i: (values[i], i))
    if nonzero:
        return nonzero[0]
    if status[c.total] == SHOWN and values[c.total] > 0:
        return c.total
    if open_members:
        return open_members[0]
    if status[c.total] == SHOWN:
        return c.total
    return None


# ---- constraint builders for the common layouts -------------------------------------------------------
def column_total(n_rows: int, n_cols: int, col: int, total_row: int) -> Constraint:
    """Rows other than ``total_row`` add up to it in column ``col`` of an (n_rows, n_cols) grid."""
    members = tuple(r * n_cols + col for r in range(n_rows) if r != total_row)
    return Constraint(total_row * n_cols + col, members)


def row_total(n_cols: int, row: int, members: Sequence[int], total_col: int) -> Constraint:
    """Columns ``members`` add up to ``total_col`` in ``row`` of a grid with ``n_cols`` columns."""
    return Constraint(row * n_cols + total_col, tuple(row * n_cols + c for c in members))


def margins(shape: tuple[int, int]) -> list[Constraint]:
    """Constraints of a 2-D table whose last row and last column are totals (the corner is the grand total)."""
    rows, cols = shape
    out = [column_total(rows, cols, c, rows - 1) for c in range(cols)]
    out += [row_total(cols, r, range(cols - 1), cols - 1) for r in range(rows)]
    return out


def one_way(n: int) -> list[Constraint]:
    """Constraint of a 1-D table of ``n`` cells whose last cell is the total."""
    return [Constraint(n - 1, tuple(range(n - 1)))]
