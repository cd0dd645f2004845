"""Scenario sweeps on Dask (``dask.distributed``): the same engine, one scenario per task.

The parameter draws are made once on the client from the seed and sent to every worker, so each
scenario sees the same draws as it would in-process and the results are identical for the same
seed. Point it at a cluster with ``scheduler="tcp://host:8786"`` (or the environment variable
``CAREFORCE_DASK_SCHEDULER``); with neither, a local cluster is started for the call.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from .demand import DEMAND_METHODS, DemandMethod, demand_growth, need_weight_assumptions
from .parameters import Calibration, default_calibration
from .projection import DEFAULT_SEED, Progress, check_years, run_one
from .results import ProjectionResult
from .scenarios import Scenario, builtin_scenarios
from .uncertainty import draw_parameters

SCHEDULER_ENV = "CAREFORCE_DASK_SCHEDULER"


def project_on_dask(
    scenarios: Sequence[Scenario] | None = None,
    to_year: int = 2035,
    draws: int = 1000,
    seed: int | None = DEFAULT_SEED,
    demand_method: DemandMethod = "sfc",
    base: Calibration | None = None,
    progress: Progress | None = None,
    *,
    client: Any = None,
    scheduler: str | None = None,
) -> ProjectionResult:
    """Like ``project()``, with each scenario run as a task on a Dask cluster.

    Pass a ``distributed.Client`` as ``client``, or a scheduler address; otherwise the address in
    ``CAREFORCE_DASK_SCHEDULER`` is used, or a local cluster is started and closed afterwards.
    """
    from distributed import Client, as_completed

    if demand_method not in DEMAND_METHODS:
        raise ValueError(f"demand_method must be one of {', '.join(DEMAND_METHODS)}")
    calibration = base or default_calibration()
    chosen = tuple(scenarios) if scenarios else (builtin_scenarios()["baseline"],)
    years = check_years(calibration, to_year)
    growth = demand_growth(calibration, demand_method, years)
    shared = draw_parameters(calibration, draws, seed)

    address = scheduler or os.environ.get(SCHEDULER_ENV)
    own = client is None
    if own:
        client = (
            Client(address)  # type: ignore[no-untyped-call]
            if address
            else Client(processes=False, n_workers=1, threads_per_worker=2)  # type: ignore[no-untyped-call]
        )
    try:
        cal_f, draws_f, growth_f = client.scatter([calibration, shared, growth], broadcast=True)
        futures = [client.submit(run_one, cal_f, s, draws_f, growth_f, years, pure=False) for s in chosen]
        index = {f.key: i for i, f in enumerate(futures)}
        stats: list[Any] = [None] * len(chosen)
        for done, future in enumerate(as_completed(futures), start=1):  # type: ignore[no-untyped-call]
            i = index[future.key]
            stats[i] = future.result()
            if progress is not None:
                progress(done, len(chosen), chosen[i].name)
    finally:
        if own:
            client.close()
    assumptions = calibration.assumptions + (need_weight_assumptions() if demand_method == "need" else ())
    return ProjectionResult(
        scenarios=chosen,
        years=years,
        councils=calibration.councils,
        demand_method=demand_method,
        draws=draws,
        seed=seed,
        statistics=np.stack(stats),
        assumptions=assumptions,
    )
