"""Workforce-planning projection engine: demand, supply, scenarios and Monte Carlo uncertainty.

Public API::

    from careforce.domain.planning import builtin_scenarios, load_scenario, project

    result = project([builtin_scenarios()["baseline"], load_scenario("my.toml")], to_year=2035, draws=1000)
    result.tidy()           # pandas DataFrame: council, role, year, scenario, measure, statistic, value
    result.assumptions      # (name, value, unit, source, kind) for display
    result.comparisons()    # our figures beside Skills for Care's published ones

Pure domain code: NumPy, no Django, no I/O beyond what a caller hands over.
"""

from .demand import DEMAND_METHODS, DemandMethod, demand_growth, need_weights, sfc_new_posts
from .dimensions import AGES, ALL_ROLES, BASE_YEAR, MAX_YEAR, ROLE_GROUPS, ROLES, age_band_for, role_for_ascwds_code
from .engine import MEASURES, ScenarioDraws, run_scenario
from .export import MEASURE_DEFINITIONS, write_workbook
from .parameters import BASE_YEARS, Calibration, calibration_for, default_calibration
from .projection import DEFAULT_SEED, project
from .published import Assumption
from .ranges import RANGE_COVERS, RANGE_EXCLUDES, Spreads
from .rates import PooledRates, estimate_rates_from_records
from .results import RESULT_MEASURES, TIDY_COLUMNS, Comparison, ProjectionResult
from .scenarios import PARAMETERS, Change, Scenario, ScenarioError, builtin_scenarios, compile_scenario, load_scenario
from .sweep import SCHEDULER_ENV, project_on_dask
from .uncertainty import STATISTICS, Draws, central_draws, draw_parameters


def assumptions(demand_method: DemandMethod = "sfc") -> tuple[Assumption, ...]:
    """The assumptions register of the default calibration (and the need weights when used)."""
    from .demand import need_weight_assumptions

    extra = need_weight_assumptions() if demand_method == "need" else ()
    return default_calibration().assumptions + extra


__all__ = [
    "AGES",
    "ALL_ROLES",
    "BASE_YEAR",
    "BASE_YEARS",
    "DEFAULT_SEED",
    "DEMAND_METHODS",
    "MAX_YEAR",
    "MEASURES",
    "MEASURE_DEFINITIONS",
    "PARAMETERS",
    "RANGE_COVERS",
    "RANGE_EXCLUDES",
    "RESULT_MEASURES",
    "ROLES",
    "ROLE_GROUPS",
    "SCHEDULER_ENV",
    "STATISTICS",
    "TIDY_COLUMNS",
    "Assumption",
    "Calibration",
    "Change",
    "Comparison",
    "DemandMethod",
    "Draws",
    "PooledRates",
    "ProjectionResult",
    "Scenario",
    "ScenarioDraws",
    "ScenarioError",
    "Spreads",
    "age_band_for",
    "assumptions",
    "builtin_scenarios",
    "calibration_for",
    "central_draws",
    "compile_scenario",
    "default_calibration",
    "demand_growth",
    "draw_parameters",
    "estimate_rates_from_records",
    "load_scenario",
    "need_weights",
    "project",
    "project_on_dask",
    "role_for_ascwds_code",
    "run_scenario",
    "sfc_new_posts",
    "write_workbook",
]
