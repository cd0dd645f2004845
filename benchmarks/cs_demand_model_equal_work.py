"""Equal-work comparison with Social Finance's cs-demand-model 0.5.1 (research note section 5).

One neutral stock-flow problem, built from the engine's calibration: states are council x role x
age band (14 x 10 x 6 = 840), annual probabilities of moving role, moving council, ageing up a band
and leaving (sector exits and retirement), entrants each year, 12 annual steps. Both tools must
produce the same trajectories (max relative difference <= 1e-9) before any time counts.

cs-demand-model needs numpy<2 and pandas<2, so it runs in its own virtual environment
(``bash benchmarks/setup_csdm_venv.sh`` creates .venv-csdm). It has no batch axis, so K runs are
timed serially (3 measured runs, extrapolated); ours runs K trajectories at once.

Usage: .venv/bin/python benchmarks/cs_demand_model_equal_work.py [--runs 3] [--batch 1000]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from careforce.domain.planning import AGES, ROLES, default_calibration
from careforce.domain.planning.projection import single_threaded_blas
from careforce.domain.planning.stockflow import cs_compat_projection

HERE = Path(__file__).resolve().parent
CSDM_PYTHON = HERE.parent / ".venv-csdm" / "bin" / "python"


def build_problem() -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    cal = default_calibration()
    n_c, n_r, n_a = cal.shape
    n = n_c * n_r * n_a

    def idx(c: int, r: int, a: int) -> int:
        return (c * n_r + r) * n_a + a

    moves = np.zeros((n, n))
    exits = np.zeros(n)
    within = 1 - cal.sector_exit_share
    same, role, council = cal.within_sector_split
    for c in range(n_c):
        for r in range(n_r):
            for a in range(n_a):
                i = idx(c, r, a)
                t = cal.turnover_rate[c, r, a]
                exits[i] = t * cal.sector_exit_share
                for r2 in range(n_r):
                    if r2 != r:
                        moves[i, idx(c, r2, a)] += t * within * role * cal.role_destinations[c, r, r2]
                for c2 in range(n_c):
                    if c2 != c:
                        moves[i, idx(c2, r, a)] += t * within * council * cal.council_destinations[c, c2]
                if a + 1 < n_a:
                    moves[i, idx(c, r, a + 1)] += cal.ageing_rate[a]
                else:
                    exits[i] += cal.ageing_rate[a]  # retirement
    stock = cal.filled_posts.reshape(n)
    entrants = (stock * exits).reshape(n_c, n_r, n_a).sum(axis=2)[:, :, None] * cal.recruit_age_mix[None, None, :]
    labels = [f"{code}|{r}|{a}" for code in cal.councils for r in ROLES for a in AGES]
    return labels, stock, moves, exits, entrants.reshape(n)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3, help="cs-demand-model runs to time")
    parser.add_argument("--batch", type=int, default=1000, help="runs in our batched sweep")
    parser.add_argument("--steps", type=int, default=12)
    args = parser.parse_args()
    if not CSDM_PYTHON.exists():
        print(f"{CSDM_PYTHON} not found: run `bash benchmarks/setup_csdm_venv.sh` first", file=sys.stderr)
        return 2
    labels, stock, moves, exits, entrants = build_problem()
    n = len(labels)
    with tempfile.TemporaryDirectory() as tmp:
        problem = Path(tmp) / "problem.npz"
        out = Path(tmp) / "out.npz"
        np.savez(
            problem, labels=np.array(labels), stock=stock, moves=moves, exits=exits, entrants=entrants, steps=args.steps
        )
        started = time.perf_counter()
        subprocess.run(
            [str(CSDM_PYTHON), str(HERE / "csdm_runner.py"), str(problem), str(out), str(args.runs)], check=True
        )
        wall = time.perf_counter() - started
        theirs = np.load(out)
        cs_traj, cs_times, cs_setup = theirs["trajectory"], theirs["times"], float(theirs["setup"])

    with single_threaded_blas():
        return report(args, n, stock, moves, exits, entrants, cs_traj, cs_times, cs_setup, wall)


def report(args, n, stock, moves, exits, entrants, cs_traj, cs_times, cs_setup, wall) -> int:  # noqa: ANN001
    ours_times = []
    for _ in range(max(args.runs, 5)):
        t0 = time.perf_counter()
        ours = cs_compat_projection(stock, moves, exits, entrants, args.steps)[0]
        ours_times.append(time.perf_counter() - t0)
    rel = np.abs(ours - cs_traj) / np.maximum(np.abs(cs_traj), 1e-12)
    max_rel = float(rel[np.abs(cs_traj) > 1e-9].max())

    rng = np.random.default_rng(0)
    batch = stock[None, :] * rng.uniform(0.9, 1.1, size=(args.batch, n))
    t0 = time.perf_counter()
    cs_compat_projection(batch, moves, exits, entrants, args.steps)
    batch_time = time.perf_counter() - t0

    cs_run = statistics.median(cs_times)
    our_run = statistics.median(ours_times)
    print(f"Equal-work stock-flow problem: {n} states, {int((moves > 0).sum())} transitions, {args.steps} annual steps")
    print(f"{'':44}{'cs-demand-model 0.5.1':>24}{'careforce (NumPy)':>20}")
    print(f"{'one projection, median (s)':44}{cs_run:>24.4f}{our_run:>20.6f}")
    print(f"{'per state-step (us)':44}{cs_run / n / args.steps * 1e6:>24.3f}{our_run / n / args.steps * 1e6:>20.5f}")
    print(f"{f'{args.batch} projections (s)':44}{cs_run * args.batch:>21.1f} (x){batch_time:>20.3f}")
    print(f"{'set-up of rate tables (s)':44}{cs_setup:>24.3f}{'-':>20}")
    print(f"{'subprocess wall incl. import (s)':44}{wall:>24.2f}{'-':>20}")
    print(f"speed-up per projection: {cs_run / our_run:,.0f}x; batched: {cs_run * args.batch / batch_time:,.0f}x")
    print(
        f"max relative difference of trajectories: {max_rel:.2e} (target <= 1e-9): "
        f"{'SAME' if max_rel <= 1e-9 else 'DIFFERENT'}"
    )
    print("(x) extrapolated: cs-demand-model has no batch axis, so runs are serial")
    return 0 if max_rel <= 1e-9 else 1


if __name__ == "__main__":
    raise SystemExit(main())
