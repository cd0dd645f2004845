"""How far an attacker can narrow suppressed cells: linear programming over everything published.

The algebraic audit (``disclosure.determined``) finds cells whose value follows *exactly* from the shown
cells. An attacker can do better than exact algebra: every count is at least zero, some counts are
within others (vacancies within posts), shown rates are ratios of counts to one decimal place. Over all
of these at once, the smallest and largest value each suppressed cell can take is a pair of linear
programmes (ADR 0100):

    min / max  x_j   subject to   A_eq x = b_eq,   A_ub x <= b_ub,   x >= 0

where ``x`` are the suppressed cells and the shown cells have moved to the right-hand side. Counts are
whole numbers, so the range is then rounded inwards. A cell is **protected** when its range still holds
at least :data:`~careforce.domain.metrics.disclosure.THRESHOLD` whole numbers (no narrower than "fewer
than 5 people" already says) and **recovered exactly** when it holds one.

The problem splits into independent parts (cells joined by a relation), each solved on its own, which
keeps a linked set of a few thousand cells to small programmes. SciPy's HiGHS solver does the work.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import linprog
from scipy.sparse import csr_matrix

from careforce.domain.metrics.disclosure import THRESHOLD

_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Relation:
    """``sum(coefs[k] * x[cells[k]]) == rhs`` (``equal``) or ``<= rhs``, over a flat array of cells."""

    cells: tuple[int, ...]
    coefs: tuple[float, ...]
    rhs: float = 0.0
    equal: bool = True


def sums_to(total: int, members: Iterable[int]) -> Relation:
    """The members add up to the total."""
    m = tuple(members)
    return Relation((*m, total), (*(1.0,) * len(m), -1.0))


def at_most(small: int, large: int) -> Relation:
    """``x[small] <= x[large]``."""
    return Relation((small, large), (1.0, -1.0), 0.0, equal=False)


def overlapping_sum(total: int, members: Sequence[int]) -> list[Relation]:
    """Groups that may overlap (a person in two groups counts in each): each member is within the
    total, and together they cover it."""
    out = [at_most(m, total) for m in members]
    out.append(Relation((total, *members), (1.0, *(-1.0,) * len(members)), 0.0, equal=False))
    return out


def equal(a: int, b: int) -> Relation:
    return Relation((a, b), (1.0, -1.0))


@dataclass(frozen=True)
class Ranges:
    """Whole-number range of every cell: shown cells have ``low == high == value``; a suppressed cell
    with nothing bounding it from above has ``high == inf``."""

    low: NDArray[np.float64]
    high: NDArray[np.float64]

    def possible(self) -> NDArray[np.float64]:
        """How many whole values each cell could still take."""
        out: NDArray[np.float64] = self.high - self.low + 1
        return out

    def exposed(self, cells: NDArray[np.bool_]) -> NDArray[np.bool_]:
        """Of ``cells``, those narrowed to fewer than THRESHOLD whole values."""
        out: NDArray[np.bool_] = cells & (self.possible() < THRESHOLD)
        return out

    def exact(self, cells: NDArray[np.bool_]) -> NDArray[np.bool_]:
        out: NDArray[np.bool_] = cells & (self.possible() <= 1)
        return out


class Inconsistent(ValueError):
    """The relations have no solution with these shown values: a relation is wrong."""


def _components(n: int, relations: Sequence[Relation], hidden: NDArray[np.bool_]) -> list[list[int]]:
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in relations:
        cells = [c for c in r.cells if hidden[c]]
        for c in cells[1:]:
            a, b = find(cells[0]), find(c)
            if a != b:
                parent[a] = b
    groups: dict[int, list[int]] = {}
    for i in np.flatnonzero(hidden):
        groups.setdefault(find(int(i)), []).append(int(i))
    return list(groups.values())


def _reduce(
    vals: NDArray[np.float64], hidden: NDArray[np.bool_], relations: Sequence[Relation]
) -> tuple[list[tuple[list[int], list[float], float, bool]], dict[int, list[int]]]:
    """Relations over the hidden cells only (shown cells moved to the right-hand side), and for each
    hidden cell the relations it is in."""
    touching: dict[int, list[int]] = {}
    reduced: list[tuple[list[int], list[float], float, bool]] = []
    for r in relations:
        rhs = r.rhs
        cells: list[int] = []
        coefs: list[float] = []
        for c, k in zip(r.cells, r.coefs, strict=True):
            if hidden[c]:
                cells.append(c)
                coefs.append(k)
            else:
                rhs -= k * vals[c]
        if not cells:
            if (abs(rhs) > _TOLERANCE) if r.equal else (rhs < -_TOLERANCE):
                raise Inconsistent(f"shown cells break {r}")
            continue
        reduced.append((cells, coefs, rhs, r.equal))
        for c in cells:
            touching.setdefault(c, []).append(len(reduced) - 1)
    return reduced, touching


def _parts(
    n: int, hidden: NDArray[np.bool_], reduced: list[tuple[list[int], list[float], float, bool]]
) -> list[list[int]]:
    return _components(n, [Relation(tuple(c), tuple(k)) for c, k, _, _ in reduced], hidden)


_Reduced = list[tuple[list[int], list[float], float, bool]]


def _dense(rs: _Reduced, column: dict[int, int]) -> NDArray[np.float64]:
    m = np.zeros((len(rs), len(column)))
    for k, (cells, coefs, _, _) in enumerate(rs):
        for c, x in zip(cells, coefs, strict=True):
            m[k, column[c]] += x
    return m


def _sparse(rs: _Reduced, column: dict[int, int]) -> tuple[csr_matrix | None, NDArray[np.float64] | None]:
    if not rs:
        return None, None
    data, ri, ci = [], [], []
    for k, (cells, coefs, _, _) in enumerate(rs):
        for c, v in zip(cells, coefs, strict=True):
            data.append(v)
            ri.append(k)
            ci.append(column[c])
    return csr_matrix((data, (ri, ci)), shape=(len(rs), len(column))), np.array([r[2] for r in rs])


def movable(values: NDArray[np.float64], hidden: NDArray[np.bool_], relations: Sequence[Relation]) -> NDArray[np.bool_]:
    """Hidden cells shown to take at least THRESHOLD whole values, cheaply, from the true ``values``.

    For each cell, the direction that moves it most while keeping every equality (its unit vector
    projected onto the null space of the equalities over hidden cells) is followed both ways from the
    true values as far as the inequalities and ``x >= 0`` allow. The cell's values along that segment
    are feasible, so when they span THRESHOLD whole numbers the cell is protected; when they do not, it
    may still be (:func:`ranges` decides). A cell with no equality or inequality is free."""
    vals = np.nan_to_num(np.asarray(values, dtype=np.float64))
    out = np.zeros(len(vals), dtype=bool)
    reduced, touching = _reduce(np.where(hidden, 0.0, vals), hidden, relations)
    for part in _parts(len(vals), hidden, reduced):
        rows = sorted({i for c in part for i in touching.get(c, [])})
        if not rows:
            out[part] = True
            continue
        column = {c: j for j, c in enumerate(part)}
        v = vals[part]
        eq = [reduced[i] for i in rows if reduced[i][3]]
        ub = [reduced[i] for i in rows if not reduced[i][3]]

        if eq:
            _, singular, vt = np.linalg.svd(_dense(eq, column), full_matrices=True)
            rank = int((singular > 1e-9 * max(1.0, float(singular.max(initial=0.0)))).sum())
            null = vt[rank:].T  # (cells, freedom)
        else:
            null = np.eye(len(part))
        if null.shape[1] == 0:
            continue
        moves = null @ null.T  # column j: the direction moving cell j most
        a_ub = _dense(ub, column)
        slack = np.array([r[2] for r in ub]) - a_ub @ v if ub else np.zeros(0)
        for j, c in enumerate(part):
            d = moves[:, j]
            if d[j] < 1e-9:
                continue  # determined by the equalities
            lo, hi = -np.inf, np.inf
            for coef, room in ((d, v), (-(a_ub @ d), slack)):
                # v + t*d >= 0  and  slack - t*(a.d) >= 0, in the form coef*t >= -room
                pos, neg = coef > 1e-12, coef < -1e-12
                if pos.any():
                    lo = max(lo, float(np.max(-room[pos] / coef[pos])))
                if neg.any():
                    hi = min(hi, float(np.min(-room[neg] / coef[neg])))
            a, b = v[j] + lo * d[j], v[j] + hi * d[j]
            out[c] = (math.floor(b + _TOLERANCE) if math.isfinite(b) else math.inf) - math.ceil(
                a - _TOLERANCE
            ) + 1 >= THRESHOLD
    return out


def ranges(
    values: NDArray[np.float64],
    hidden: NDArray[np.bool_],
    relations: Sequence[Relation],
    *,
    targets: NDArray[np.bool_] | None = None,
) -> Ranges:
    """The range of each cell given the shown ones (``values`` where not ``hidden``) and the relations.

    ``targets``: only these hidden cells are solved for (others keep the range 0 to infinity); all
    hidden cells by default. Raises :class:`Inconsistent` if the relations cannot hold.
    """
    vals = np.where(hidden, 0.0, np.nan_to_num(np.asarray(values, dtype=np.float64)))
    n = len(vals)
    low = np.where(hidden, 0.0, vals)
    high = np.where(hidden, np.inf, vals)
    wanted = hidden if targets is None else (targets & hidden)
    if not wanted.any():
        return Ranges(low, high)
    reduced, touching = _reduce(vals, hidden, relations)
    for part in _parts(n, hidden, reduced):
        if not any(wanted[c] for c in part):
            continue
        rows = sorted({i for c in part for i in touching.get(c, [])})
        if not rows:
            continue  # nothing bounds these cells: 0 to infinity
        column = {c: j for j, c in enumerate(part)}
        eq = [reduced[i] for i in rows if reduced[i][3]]
        ub = [reduced[i] for i in rows if not reduced[i][3]]

        a_eq, b_eq = _sparse(eq, column)
        a_ub, b_ub = _sparse(ub, column)
        for c in part:
            if not wanted[c]:
                continue
            objective = np.zeros(len(part))
            objective[column[c]] = 1.0
            bounds = []
            for sense in (1.0, -1.0):
                result = linprog(sense * objective, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, method="highs")
                if result.status == 2:
                    raise Inconsistent(f"no values fit the relations around cell {c}")
                if result.status == 3:
                    bounds.append(math.inf if sense < 0 else 0.0)
                elif result.status != 0:
                    raise RuntimeError(f"linear programme failed for cell {c}: {result.message}")
                else:
                    bounds.append(sense * float(result.fun))
            low[c] = math.ceil(bounds[0] - _TOLERANCE)
            high[c] = math.floor(bounds[1] + _TOLERANCE) if math.isfinite(bounds[1]) else math.inf
    return Ranges(low, high)
