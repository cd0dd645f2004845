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
from dataclasses import dataclass, field

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
    vals: NDArray[np.float64], hidden: NDArray[np.bool_], relations: Sequence[Relation], origin: list[int] | None = None
) -> tuple[list[tuple[list[int], list[float], float, bool]], dict[int, list[int]]]:
    """Relations over the hidden cells only (shown cells moved to the right-hand side), and for each
    hidden cell the relations it is in."""
    touching: dict[int, list[int]] = {}
    reduced: list[tuple[list[int], list[float], float, bool]] = []
    origin = [] if origin is None else origin
    for number, r in enumerate(relations):
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
        origin.append(number)
        for c in cells:
            touching.setdefault(c, []).append(len(reduced) - 1)
    return reduced, touching


def _parts(
    n: int, hidden: NDArray[np.bool_], reduced: list[tuple[list[int], list[float], float, bool]]
) -> list[list[int]]:
    return _components(n, [Relation(tuple(c), tuple(k)) for c, k, _, _ in reduced], hidden)


_Reduced = list[tuple[list[int], list[float], float, bool]]


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


# ---- proving cells protected, cheaply -------------------------------------------------------------------
@dataclass
class Seen:
    """The lowest and highest value each cell takes in feasible points found so far (the true values
    first). Every point satisfies the relations, so each cell's range holds at least ``[low, high]``;
    hiding more cells keeps every point feasible (a newly hidden cell keeps its value), so a ``Seen``
    carries over from one round of suppression to the next."""

    low: NDArray[np.float64]
    high: NDArray[np.float64]

    @classmethod
    def of(cls, values: NDArray[np.float64]) -> Seen:
        v = np.nan_to_num(np.asarray(values, dtype=np.float64))
        return cls(v.copy(), v.copy())

    def add(self, part: Sequence[int], point: NDArray[np.float64]) -> None:
        self.low[part] = np.minimum(self.low[part], point)
        self.high[part] = np.maximum(self.high[part], point)

    def safe(self, cells: Sequence[int] | NDArray[np.int64]) -> NDArray[np.bool_]:
        """Of ``cells``, those whose seen values already span THRESHOLD whole numbers."""
        lo = np.ceil(self.low[cells] - _TOLERANCE)
        hi = np.floor(self.high[cells] + _TOLERANCE)
        out: NDArray[np.bool_] = hi - lo + 1 >= THRESHOLD
        return out


@dataclass(frozen=True)
class Exposure:
    """Hidden cells an attacker can narrow to fewer than THRESHOLD whole values, with those ranges."""

    cells: NDArray[np.bool_]
    low: NDArray[np.float64]
    high: NDArray[np.float64]
    binding: dict[int, tuple[int, ...]] = field(default_factory=dict)  # relations that bound each cell


def exposed(
    values: NDArray[np.float64],
    hidden: NDArray[np.bool_],
    relations: Sequence[Relation],
    *,
    targets: NDArray[np.bool_] | None = None,
    seen: Seen | None = None,
) -> Exposure:
    """The exposed cells among ``targets`` (hidden cells by default), from the **true** ``values``.

    Gives the same exposed cells as :func:`ranges` with far fewer programmes: the true values are a
    feasible point, and so is every solution the solver returns, so a cell whose values over the points
    seen span THRESHOLD whole numbers is protected without a programme of its own. Per part, two
    programmes push all open targets up (each capped at THRESHOLD - 1 above its value) and down; then
    each target still open gets ``max x_j`` (capped the same way: reaching the cap proves it) and, if
    needed, ``min x_j``; every solution is added to ``seen``. Only the cells left open are exposed, with
    their whole-number ranges.
    Raises :class:`Inconsistent` if the true values break a relation (a relation is wrong)."""
    vals = np.nan_to_num(np.asarray(values, dtype=np.float64))
    n = len(vals)
    seen = seen or Seen.of(vals)
    out = Exposure(np.zeros(n, dtype=bool), vals.copy(), vals.copy())
    wanted = hidden if targets is None else (targets & hidden)
    if not wanted.any():
        return out
    origin: list[int] = []  # the relation each reduced row comes from
    reduced, touching = _reduce(np.where(hidden, 0.0, vals), hidden, relations, origin)
    for part in _parts(n, hidden, reduced):
        open_ = [c for c in part if wanted[c]]
        if not open_:
            continue
        open_ = [c for c, ok in zip(open_, seen.safe(open_), strict=True) if not ok]
        rows = sorted({i for c in part for i in touching.get(c, [])})
        if not open_ or not rows:
            continue  # protected already, or nothing bounds these cells
        eq = [i for i in rows if reduced[i][3]]
        ub = [i for i in rows if not reduced[i][3]]
        lp = _LP(part, [reduced[i] for i in eq], [reduced[i] for i in ub], vals, seen)
        lp.origin = ([origin[i] for i in eq], [origin[i] for i in ub])
        lp.expose(open_, out)
    return out


class _LP:
    """The attacker's programme over one part: ``A_eq x = b_eq, A_ub x <= b_ub, x >= 0``."""

    def __init__(self, part: list[int], eq: _Reduced, ub: _Reduced, vals: NDArray[np.float64], seen: Seen) -> None:
        self.part, self.vals, self.seen = part, vals, seen
        self.origin: tuple[list[int], list[int]] = ([], [])
        self.binding: set[int] = set()
        self.column = {c: j for j, c in enumerate(part)}
        self.a_eq, self.b_eq = _sparse(eq, self.column)
        self.a_ub, self.b_ub = _sparse(ub, self.column)
        _check_feasible(vals[part], self.a_eq, self.b_eq, self.a_ub, self.b_ub)

    def solve(self, objective: NDArray[np.float64], caps: dict[int, float]) -> NDArray[np.float64]:
        bounds = [(0.0, caps.get(c)) for c in self.part]
        result = linprog(
            objective, A_ub=self.a_ub, b_ub=self.b_ub, A_eq=self.a_eq, b_eq=self.b_eq, bounds=bounds, method="highs"
        )
        if result.status != 0:
            raise RuntimeError(f"linear programme failed: {result.message}")
        x: NDArray[np.float64] = result.x
        self.seen.add(self.part, x)
        self.binding = set()
        for rows, found in zip(self.origin, (result.eqlin, result.ineqlin), strict=True):
            if rows and found is not None:
                self.binding |= {rows[i] for i in np.flatnonzero(np.abs(found.marginals) > 1e-9)}
        return x

    def still_open(self, cells: list[int]) -> list[int]:
        return [c for c, ok in zip(cells, self.seen.safe(cells), strict=True) if not ok]

    def expose(self, open_: list[int], out: Exposure) -> None:
        column, n = self.column, len(self.part)
        cap = {c: float(self.vals[c]) + THRESHOLD - 1 for c in open_}
        for sense in (-1.0, 1.0):  # all open cells up together (capped), then down together
            objective = np.zeros(n)
            objective[[column[c] for c in open_]] = sense
            self.solve(objective, cap if sense < 0 else {})
            open_ = self.still_open(open_)
            if not open_:
                return
        for c in open_:
            if not self.still_open([c]):
                continue
            objective = np.zeros(n)
            objective[column[c]] = -1.0
            up = float(self.solve(objective, {c: cap[c]})[column[c]])
            binding = self.binding
            if not self.still_open([c]):
                continue
            objective[column[c]] = 1.0
            down = float(self.solve(objective, {})[column[c]])
            if self.still_open([c]):
                out.binding[c] = tuple(sorted(binding | self.binding))
                out.cells[c] = True
                out.low[c] = math.ceil(down - _TOLERANCE)
                out.high[c] = math.floor(up + _TOLERANCE)


def _check_feasible(
    v: NDArray[np.float64],
    a_eq: csr_matrix | None,
    b_eq: NDArray[np.float64] | None,
    a_ub: csr_matrix | None,
    b_ub: NDArray[np.float64] | None,
) -> None:
    scale = 1e-6 * max(1.0, float(np.abs(v).max(initial=0.0)))
    if a_eq is not None and b_eq is not None and np.abs(a_eq @ v - b_eq).max(initial=0.0) > scale:
        raise Inconsistent("the true values break an equality")
    if a_ub is not None and b_ub is not None and (a_ub @ v - b_ub).max(initial=0.0) > scale:
        raise Inconsistent("the true values break an inequality")
