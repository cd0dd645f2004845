"""Scenario values checked against the range they produce with a calibration.

A scenario's change is refused (``ScenarioError`` naming its line) when, applied to the lowest and
highest value the calibration can draw, it takes a share or rate outside what it can be: turnover
at or above 95% a year (the engine's limit), any share below 0 or above 1, a capacity below 0.
"""

from __future__ import annotations

import numpy as np

from .engine import MAX_TURNOVER
from .parameters import Calibration
from .scenarios import PARAMETERS, Change, Scenario, ScenarioError, compile_scenario

LIMITS = {"turnover_rate": (0.0, MAX_TURNOVER), "vacancy_rate_target": (0.0, 0.99)}


def base_range(calibration: Calibration, parameter: str) -> tuple[float, float]:
    """Lowest and highest base value a parameter takes across cells and draws."""
    u = calibration.uncertainty
    if parameter == "turnover_rate":
        level = u.get("turnover_level")
        lo, hi = (level.low, level.high) if level else (1.0, 1.0)
        return float(calibration.turnover_rate.min()) * lo, float(calibration.turnover_rate.max()) * hi
    if parameter in ("sector_exit_share", "vacancy_rate_target"):
        key = "vacancy_rate" if parameter == "vacancy_rate_target" else parameter
        tri = u.get(key)
        central = calibration.vacancy_rate if key == "vacancy_rate" else calibration.sector_exit_share
        return (tri.low, tri.high) if tri else (central, central)
    return 0.0, 0.0


def check_scenario(scenario: Scenario, calibration: Calibration) -> None:
    """Refuse a scenario whose changes take a share outside its possible range, naming the line."""
    years = range(calibration.base_year, calibration.base_year + 2)
    for parameter, spec in PARAMETERS.items():
        if not spec.share:
            continue
        changes = [c for c in scenario.changes if c.parameter == parameter]
        if not changes:
            continue
        low_limit, high_limit = LIMITS.get(parameter, (0.0, 1.0))
        lo, hi = base_range(calibration, parameter)
        for i, change in enumerate(changes):
            # each change with those before it, at full strength
            partial = Scenario(scenario.name, changes=tuple(_full(c) for c in changes[: i + 1]))
            compiled = compile_scenario(partial, calibration.councils, years)
            m, k = compiled.scale[parameter][:, :, 1], compiled.shift[parameter][:, :, 1]
            ends = np.stack([lo * m + k, hi * m + k])
            if ends.max() >= high_limit + 1e-12 or ends.min() < low_limit - 1e-12:
                reached = float(ends.max() if ends.max() >= high_limit else ends.min())
                raise ScenarioError(
                    scenario.source,
                    change.line,
                    f"{parameter} would reach {reached:.3g} (base values {lo:.3g} to {hi:.3g}, then this change); "
                    f"it must stay from {low_limit:g} to below {high_limit:g} - {spec.meaning}",
                )


def _full(change: Change) -> Change:
    """The change in force from the first projected year, fully ramped in."""
    return Change(change.parameter, change.op, change.value, change.roles, change.councils, line=change.line)
