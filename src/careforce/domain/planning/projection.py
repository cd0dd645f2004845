"""``project()``: run scenarios through the engine and summarise every output."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

from careforce.domain.reference import REGION_CODE

from .checks import check_scenario
from .decisions import DECISION_MEASURES, area_draws, paired_decisions
from .demand import DEMAND_METHODS, DemandMethod, demand_growth, need_weight_assumptions
from .dimensions import MAX_YEAR
from .engine import run_scenario
from .parameters import Calibration, default_calibration
from .results import ProjectionResult, summarise_draws
from .scenarios import Scenario, builtin_scenarios, compile_scenario
from .sensitivity import Swing, swing_draws, tornado
from .uncertainty import Draws, FloatArray, draw_parameters

Progress = Callable[[int, int, str], None]
DEFAULT_SEED = 20230401


def check_years(calibration: Calibration, to_year: int) -> range:
    if not calibration.base_year < to_year <= min(MAX_YEAR, calibration.population_years[-1]):
        raise ValueError(f"to_year must be after {calibration.base_year} and no later than {MAX_YEAR}")
    return range(calibration.base_year, to_year + 1)


@contextlib.contextmanager
def single_threaded_blas() -> Iterator[None]:
    """Keep BLAS to one thread: the engine's small GEMMs slow down badly when OpenBLAS spreads them.

    Parallelism comes from running scenarios side by side instead (``workers``).
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - threadpoolctl is a declared dependency
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield


def default_workers(n_tasks: int) -> int:
    return max(1, min(n_tasks, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1))


def run_one(calibration: Calibration, scenario: Scenario, draws: Draws, growth: FloatArray, years: range) -> FloatArray:
    """Statistics (measure, council, role, year, statistic) for one scenario; used in-process and on Dask."""
    compiled = compile_scenario(scenario, calibration.councils, years)
    with single_threaded_blas():
        return summarise_draws(run_scenario(calibration, compiled, draws, growth, years))


def project(
    scenarios: Sequence[Scenario] | None = None,
    to_year: int = 2035,
    draws: int = 1000,
    seed: int | None = DEFAULT_SEED,
    demand_method: DemandMethod = "sfc",
    base: Calibration | None = None,
    progress: Progress | None = None,
    keep_draws: bool = False,
    workers: int | None = None,
    precision: Literal["float32", "float64"] = "float32",
) -> ProjectionResult:
    """Project every scenario (default: the baseline) with ``draws`` Monte Carlo draws.

    The same draws (common random numbers, from ``seed``) are used for every scenario.
    ``progress(done, total, scenario_name)`` is called after each scenario. Scenarios run side by
    side on ``workers`` threads (default: one per core); the results do not depend on it.
    """
    import numpy as np

    if demand_method not in DEMAND_METHODS:
        raise ValueError(f"demand_method must be one of {', '.join(DEMAND_METHODS)}")
    calibration = base or default_calibration()
    chosen = tuple(scenarios) if scenarios else (builtin_scenarios()["baseline"],)
    names = [s.name for s in chosen]
    if len(set(names)) != len(names):
        raise ValueError(f"scenario names must differ: {names}")
    for scenario in chosen:
        check_scenario(scenario, calibration)
    years = check_years(calibration, to_year)
    growth = demand_growth(calibration, demand_method, years)
    shared = draw_parameters(calibration, draws, seed)
    swings = swing_draws(calibration)
    areas = (*calibration.councils, REGION_CODE)
    at_years = tornado_years(years)
    raw = {}

    def one(scenario: Scenario) -> tuple[FloatArray, FloatArray, list[Swing]]:
        compiled = compile_scenario(scenario, calibration.councils, years)
        dtype = np.float64 if precision == "float64" else np.float32
        result = run_scenario(calibration, compiled, shared, growth, years, dtype=dtype, diagnostics=keep_draws)
        if keep_draws:
            raw[scenario.name] = result
        bars: list[Swing] = []
        if swings is not None:
            swung = run_scenario(calibration, compiled, swings.draws, growth, years, dtype=np.float64)
            bars = tornado(scenario.name, swings, area_draws(swung), DECISION_MEASURES, areas, years, at_years)
        return summarise_draws(result), area_draws(result), bars

    n_workers = workers or default_workers(len(chosen))
    stats: list[FloatArray] = []
    headline: list[FloatArray] = []
    sensitivity: list[Swing] = []
    with single_threaded_blas(), ThreadPoolExecutor(max_workers=n_workers) as pool:
        for i, (summary, by_area, bars) in enumerate(pool.map(one, chosen)):
            stats.append(summary)
            headline.append(by_area)
            sensitivity.extend(bars)
            if progress is not None:
                progress(i + 1, len(chosen), chosen[i].name)
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
        raw=raw,
        decisions=paired_decisions(tuple(names), headline),
        sensitivity=tuple(sensitivity),
    )


def tornado_years(years: range) -> tuple[int, ...]:
    """The years a sensitivity table is given for: 2030, 2035, 2040 where projected, and the last year."""
    chosen = [y for y in (2030, 2035, 2040) if y in years[1:]]
    return tuple(chosen) if years[-1] in chosen else (*chosen, years[-1])
