"""Run the equal-work problem through cs-demand-model 0.5.1 (executed by the .venv-csdm interpreter).

Usage: .venv-csdm/bin/python benchmarks/csdm_runner.py PROBLEM.npz OUT.npz RUNS
Reads initial stock, annual move and exit probabilities, entrants and steps; builds the pandas
Series that cs-demand-model uses (indexed by (from, to) state tuples, exits to (), entrants from ());
converts to daily rates r_d = 1 - (1 - p) ** (1 / 365) and entrants / 365, and calls
``transition_population(x, rates, numbers, days=365)`` once per annual step, as
``ModelPredictor.predict(steps, 365)`` does. Writes the trajectory and the wall time of each run.
"""

import sys
import time

import numpy as np
import pandas as pd
from cs_demand_model.prediction import transition_population


def main() -> None:
    problem, out_path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    data = np.load(problem, allow_pickle=False)
    labels = [tuple(s.split("|")) for s in data["labels"]]
    x0, moves, exits, entrants = data["stock"], data["moves"], data["exits"], data["entrants"]
    steps = int(data["steps"])
    start = time.perf_counter()
    rows_from, rows_to, rates = [], [], []
    src, dst = np.nonzero(moves)
    for i, j in zip(src, dst, strict=True):
        rows_from.append(labels[i])
        rows_to.append(labels[j])
        rates.append(moves[i, j])
    for i in np.nonzero(exits)[0]:
        rows_from.append(labels[i])
        rows_to.append(())
        rates.append(exits[i])
    index = pd.MultiIndex.from_arrays(
        [pd.Index(rows_from, tupleize_cols=False), pd.Index(rows_to, tupleize_cols=False)], names=["from", "to"]
    )
    annual = pd.Series(rates, index=index)
    daily = 1 - (1 - annual) ** (1 / 365)
    e_index = pd.MultiIndex.from_arrays(
        [pd.Index([()] * len(labels), tupleize_cols=False), pd.Index(labels, tupleize_cols=False)],
        names=["from", "to"],
    )
    numbers = pd.Series(entrants / 365, index=e_index)
    population = pd.Series(x0, index=pd.Index(labels, tupleize_cols=False))
    setup = time.perf_counter() - start
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        x = population.copy()
        trajectory = [x.reindex(population.index).to_numpy()]
        for _ in range(steps):
            x = transition_population(x, daily, numbers, days=365)
            trajectory.append(x.reindex(population.index).to_numpy())
        times.append(time.perf_counter() - start)
    np.savez(out_path, trajectory=np.array(trajectory), times=np.array(times), setup=setup)


if __name__ == "__main__":
    main()
