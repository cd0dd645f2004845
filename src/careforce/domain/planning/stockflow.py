"""A generic stock-flow kernel for the equal-work comparison with Social Finance's cs-demand-model.

The neutral problem (research note section 5): ``N`` states, an initial stock, annual transition
probabilities ``p[i, j]`` (with exits as the rest of each row), entrants per year, ``T`` annual
steps. ``cs_compat_projection`` reproduces cs-demand-model 0.5.1's ``transition_population``
semantics for a whole batch of runs at once:

    out_i = min(x_i * sum_j p_ij, x_i)
    x_j'  = x_j - out_j + sum_i out_i * p_ij / sum_k p_ik + entrants_j     (exits are dropped)

The engine's own formulation (``engine.run_scenario``) differs by design: competing risks, ageing,
pull recruitment. This kernel exists so that both tools do the same work when timed.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]


def _check(stock: FloatArray, moves: FloatArray, exits: FloatArray, entrants: FloatArray) -> None:
    n = stock.shape[-1]
    if moves.shape != (n, n) or exits.shape != (n,) or entrants.shape[-1] != n:
        raise ValueError("moves must be (N, N), exits (N,) and entrants (..., N) for N states")
    if np.any(np.diag(moves) != 0):
        raise ValueError("moves must have a zero diagonal (staying is the rest of the row)")
    if np.any(moves < 0) or np.any(exits < 0):
        raise ValueError("probabilities must not be negative")


def cs_compat_projection(
    stock: FloatArray, moves: FloatArray, exits: FloatArray, entrants: FloatArray, steps: int
) -> FloatArray:
    """(runs, steps + 1, N) trajectories with cs-demand-model 0.5.1's step semantics.

    ``stock`` is (runs, N) or (N,); ``moves[i, j]`` the probability of moving from i to j in a step,
    ``exits[i]`` of leaving; ``entrants`` (N,) or (runs, N) arrive each step.
    """
    x = np.atleast_2d(np.asarray(stock, dtype=np.float64))
    _check(x, moves, exits, np.asarray(entrants))
    rowsum = moves.sum(axis=1) + exits
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(rowsum[:, None] > 0, moves / np.where(rowsum > 0, rowsum, 1.0)[:, None], 0.0)
    out = np.empty((x.shape[0], steps + 1, x.shape[1]))
    out[:, 0] = x
    for t in range(steps):
        leaving = np.minimum(x * rowsum, x)
        x = x - leaving + leaving @ share + entrants
        out[:, t + 1] = x
    return out
