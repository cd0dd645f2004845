from __future__ import annotations

import numpy as np

from careforce.domain.planning import builtin_scenarios, project, project_on_dask


def test_a_sweep_on_a_local_dask_cluster_gives_the_in_process_results_for_the_same_seed():
    from distributed import Client, LocalCluster

    shipped = builtin_scenarios()
    scenarios = [shipped["baseline"], shipped["pay-rise"], shipped["international-recruitment-cap"]]
    local = project(scenarios, to_year=2028, draws=30, seed=42)
    with LocalCluster(processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            done = []
            remote = project_on_dask(
                scenarios, to_year=2028, draws=30, seed=42, client=client, progress=lambda i, n, name: done.append(name)
            )
    assert sorted(done) == sorted(s.name for s in scenarios)
    assert remote.scenario_names == local.scenario_names
    assert np.array_equal(remote.statistics, local.statistics, equal_nan=True)
