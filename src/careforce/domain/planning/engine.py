"""The stock-flow kernel: one scenario, every draw at once.

State ``S[council, role, age, draw]`` counts filled posts. Each annual step:

1. Competing risks. A share ``turnover_rate`` of staff leave their employer. In the top age band
   retirement competes with turnover as hazards, ``p_j = (lambda_j / Lambda) (1 - exp(-Lambda))``,
   so the split does not depend on the step size. Of the leavers a share ``sector_exit_share``
   leave the sector (or the region); the rest move to a new employer in the same council and role,
   change role within the council (``role_destinations``), or move council (``council_destinations``).
2. Ageing: a share ``1 / width`` of each band moves up a band.
3. Pull recruitment (Bartholomew's pull model, research note 4.3): new-to-sector recruits fill the
   posts still short of the target ``demand * (1 - target vacancy rate)``, up to the recruitment
   capacity (``supply.py``): the observed new-to-sector rate, responding to pay over the NLW and
   to the vacancy rate, scaled by a scenario's capacity changes. Supply can fall short.

Accounting holds at every step and every cell:
``filled(y) - filled(y-1) = new_to_sector + same_cell_moves + role_moves_in + council_moves_in
- leavers - retirements`` (the leavers include those who move within the sector).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .dimensions import ROLES
from .parameters import Calibration
from .scenarios import CompiledScenario
from .uncertainty import Draws

FloatArray = NDArray[np.float64]
MAX_TURNOVER = 0.95
CARE_WORKER = ROLES.index("care_worker")
REABLEMENT = ROLES.index("support_and_outreach")

STOCK_MEASURES = ("demand_posts", "filled_posts", "new_jobs", "unfilled_gap")
FLOW_MEASURES = (
    "recruits_needed",
    "replacement_recruitment",
    "new_to_sector_recruits",
    "within_sector_moves",
    "leavers",
    "sector_exits",
    "retirements",
    "council_moves_net",
)
DIAGNOSTIC_MEASURES = (
    "same_council_moves",
    "role_moves_in",
    "role_moves_out",
    "council_moves_in",
    "council_moves_out",
)
MEASURES = STOCK_MEASURES + FLOW_MEASURES


@dataclass
class ScenarioDraws:
    """Every measure as an array (council, role, year, draw); flows are NaN in the base year."""

    scenario: str
    years: range
    measures: dict[str, FloatArray]
    stock_by_age: FloatArray | None = None  # (council, role, age, year, draw) when asked for


def _draw_affine(compiled: CompiledScenario, name: str, t: int, base: FloatArray) -> FloatArray:
    """Parameter at year index ``t`` as (council, role, draw) from a per-draw base of shape (draw,)."""
    scale = compiled.scale[name][:, :, t, None]
    shift = compiled.shift[name][:, :, t, None]
    out: FloatArray = base[None, None, :] * scale + shift
    return out


def demand_posts(calibration: Calibration, compiled: CompiledScenario, draws: Draws, growth: FloatArray) -> FloatArray:
    """(council, role, year, draw) posts required: base filled posts plus vacancies, grown by demand."""
    base_filled = calibration.filled_posts.sum(axis=2)
    d0 = base_filled[:, :, None] / (1.0 - draws.vacancy_rate[None, None, :])
    if draws.stock_factor is not None:
        d0 = d0 * draws.stock_factor[:, None, :]
    mult = compiled.apply("demand.multiplier", 1.0)
    demand = d0[:, :, None, :] * (growth * mult)[:, :, :, None]
    factor = draws.demand_factor(range(growth.shape[2]))
    if factor is not None:
        demand *= factor[:, None, :, :]
    shift = np.clip(compiled.apply("demand.reablement_shift", 0.0)[:, CARE_WORKER, :], 0, 1)
    success = np.clip(compiled.apply("demand.reablement_success", 0.0)[:, CARE_WORKER, :], 0, 1)
    moved = demand[:, CARE_WORKER] * shift[:, :, None]
    demand[:, CARE_WORKER] -= moved
    demand[:, REABLEMENT] += moved * (1 - success)[:, :, None]
    out: FloatArray = demand
    return out


def run_scenario(
    calibration: Calibration,
    compiled: CompiledScenario,
    draws: Draws,
    growth: FloatArray,
    years: range,
    *,
    keep_age: bool = False,
    diagnostics: bool = False,
    dtype: type[np.floating[Any]] = np.float32,
) -> ScenarioDraws:
    """Project one scenario for every draw. ``growth`` is (council, role, year) demand growth.

    ``diagnostics`` also keeps the within-sector flows that the accounting identities are checked
    with; ``keep_age`` keeps the stock by age band; ``dtype=np.float32`` halves memory traffic.
    """
    n_c, n_r, n_a = calibration.shape
    n_y, n_b = len(years), draws.n
    top = n_a - 1
    s0 = calibration.filled_posts
    stock = np.broadcast_to(s0[..., None], (n_c, n_r, n_a, n_b)).astype(dtype, order="C", copy=True)
    if draws.stock_factor is not None:
        stock *= draws.stock_factor[:, None, None, :].astype(dtype)
    yearly = draws.turnover_yearly
    base_turnover = (calibration.turnover_rate[..., None] * draws.turnover_level[None, None, None, :]).astype(dtype)
    np.clip(base_turnover, 0.0, MAX_TURNOVER, out=base_turnover)
    base_max = base_turnover.max(axis=2)  # (council, role, draw) for the cheap range check
    base_min = base_turnover.min(axis=2)
    g = calibration.ageing_rate
    retire_hazard = float(-np.log1p(-min(float(g[top]), 1 - 1e-12)))
    ageing = g[:-1][None, None, :, None].astype(dtype)
    age_mix = calibration.recruit_age_mix[None, None, :, None].astype(dtype)
    role_dest_t = np.ascontiguousarray(np.transpose(calibration.role_destinations, (0, 2, 1))).astype(dtype)
    council_dest_t = np.ascontiguousarray(calibration.council_destinations.T).astype(dtype)
    split = draws.within_sector_split  # (draw, 3)

    demand = demand_posts(calibration, compiled, draws, growth)
    wage = compiled.apply("pay.relative_wage", 0.0)
    supply = draws.recruitment_rate is not None
    default_capacity = 1.0 if supply else np.inf  # with supply draws every scenario has a capacity
    dom = compiled.apply("recruitment.domestic_capacity", default_capacity)
    intl = compiled.apply("recruitment.international_capacity", default_capacity)
    iota = calibration.international_share
    capacity_factor = (1 - iota) * dom + iota * intl  # (council, role, year), inf = no cap
    if draws.recruitment_rate is not None:
        # observed new-to-sector recruitment per filled post (supply.py), per draw
        base_recruits = stock.sum(axis=2, dtype=np.float64) * draws.recruitment_rate[None, None, :]
    else:
        # no supply draws (hand-made cases): a cap is relative to replacing base-year exits and retirements
        base_recruits = (stock * base_turnover).sum(axis=2) * draws.sector_exit_share[None, None, :]
        base_recruits += stock[:, :, top] * -np.expm1(-retire_hazard)
    vacancy_ref: FloatArray | None = None

    names = MEASURES + (DIAGNOSTIC_MEASURES if diagnostics else ())
    out = {name: np.empty((n_c, n_r, n_y, n_b), dtype=dtype) for name in names}
    for name in FLOW_MEASURES + (DIAGNOSTIC_MEASURES if diagnostics else ()):
        out[name][:, :, 0] = np.nan
    out["demand_posts"][:] = demand
    out["new_jobs"][:] = demand - demand[:, :, :1]
    filled = stock.sum(axis=2, dtype=np.float64)
    out["filled_posts"][:, :, 0] = filled
    by_age = np.empty((n_c, n_r, n_a, n_y, n_b)) if keep_age else None
    if by_age is not None:
        by_age[..., 0, :] = stock

    turnover = np.empty_like(stock)
    leavers = np.empty_like(stock)
    moved = np.empty_like(stock)
    buffer = np.empty_like(stock)
    prev: tuple[FloatArray, FloatArray] | None = None
    retire_p = np.zeros((n_c, n_r, n_b))
    flat = (n_c, n_r, n_a * n_b)
    for t in range(1, n_y):
        m = compiled.scale["turnover_rate"][:, :, t, None]
        if yearly is not None:
            m = m * yearly[t - 1][None, None, :]
        k = compiled.shift["turnover_rate"][:, :, t, None] - draws.pay_elasticity[None, None, :] * wage[:, :, t, None]
        if prev is None or not (np.array_equal(m, prev[0]) and np.array_equal(k, prev[1])):
            prev = (m, k)
            if np.all(m == 1.0) and np.all(k == 0.0):
                np.copyto(turnover, base_turnover)
            else:
                np.multiply(base_turnover, m[:, :, None, :].astype(dtype), out=turnover)
                turnover += k[:, :, None, :].astype(dtype)
                high = np.maximum(base_max * m, base_min * m) + k
                low = np.minimum(base_max * m, base_min * m) + k
                if high.max() > MAX_TURNOVER or low.min() < 0.0:
                    np.clip(turnover, 0.0, MAX_TURNOVER, out=turnover)
            # competing risks in the top band: turnover against retirement
            tt = turnover[:, :, top].astype(np.float64)
            lam_t = -np.log1p(-tt)
            lam = lam_t + retire_hazard
            p_any = -np.expm1(-lam)
            safe = np.where(lam > 0, lam, 1.0)
            retire_p = np.where(lam > 0, p_any * retire_hazard / safe, 0.0)
            turnover[:, :, top] = np.where(lam > 0, p_any * lam_t / safe, 0.0)
        np.multiply(stock, turnover, out=leavers)
        retirements = stock[:, :, top] * retire_p
        leavers_sum = leavers.sum(axis=2, dtype=np.float64)

        exit_share = np.clip(_draw_affine(compiled, "sector_exit_share", t, draws.sector_exit_share), 0, 1)
        within = 1.0 - exit_share  # (council, role, draw)
        w_same = within * split[None, None, :, 0]
        w_role = within * split[None, None, :, 1]
        w_council = within * split[None, None, :, 2]
        # leavers leave their cell; those finding a new employer in the same cell come straight back
        np.multiply(leavers, (1.0 - w_same)[:, :, None, :].astype(dtype), out=buffer)
        stock -= buffer
        stock[:, :, top] -= retirements.astype(dtype)
        # role changes within the council (per-council GEMM over roles)
        np.multiply(leavers, w_role[:, :, None, :].astype(dtype), out=moved)
        np.matmul(role_dest_t, moved.reshape(flat), out=buffer.reshape(flat))
        stock += buffer
        # moves to another council (one GEMM over councils)
        np.multiply(leavers, w_council[:, :, None, :].astype(dtype), out=moved)
        np.matmul(council_dest_t, moved.reshape(n_c, -1), out=buffer.reshape(n_c, -1))
        stock += buffer
        # ageing: a share of each band moves up one band
        np.multiply(stock[:, :, :-1], ageing, out=buffer[:, :, :-1])
        stock[:, :, :-1] -= buffer[:, :, :-1]
        stock[:, :, 1:] += buffer[:, :, :-1]
        # pull recruitment, capped by capacity
        same_sum = leavers_sum * w_same
        role_out_sum = leavers_sum * w_role
        council_out_sum = leavers_sum * w_council
        role_in_sum = np.matmul(calibration.role_destinations.transpose(0, 2, 1), role_out_sum)
        council_in_sum = (calibration.council_destinations.T @ council_out_sum.reshape(n_c, -1)).reshape(
            council_out_sum.shape
        )
        filled_before = filled - leavers_sum - retirements + same_sum + role_in_sum + council_in_sum
        target = demand[:, :, t] * (1.0 - _vacancy_target(compiled, t, draws))
        needed = np.maximum(target - filled_before, 0.0)
        cap_f = capacity_factor[:, :, t, None]
        if np.all(np.isinf(cap_f)):
            hires = needed
        else:
            level = base_recruits
            if supply:
                pay, vacancies = _supply_response(draws, wage[:, :, t, None], demand[:, :, t], filled_before)
                if vacancy_ref is None:  # the vacancy response is relative to the first projected year
                    vacancy_ref = vacancies
                with np.errstate(invalid="ignore", divide="ignore"):
                    level = base_recruits * pay * np.where(vacancy_ref > 0, vacancies / vacancy_ref, 1.0)
            with np.errstate(invalid="ignore", over="ignore"):
                capacity = np.where(np.isinf(cap_f), np.inf, level * np.where(np.isinf(cap_f), 0.0, cap_f))
            hires = np.minimum(needed, capacity)
        np.multiply(hires[:, :, None, :].astype(dtype), age_mix, out=buffer)
        stock += buffer
        filled = filled_before + hires

        out["filled_posts"][:, :, t] = filled
        out["leavers"][:, :, t] = leavers_sum
        out["sector_exits"][:, :, t] = leavers_sum * exit_share
        out["retirements"][:, :, t] = retirements
        out["council_moves_net"][:, :, t] = council_in_sum - council_out_sum
        out["new_to_sector_recruits"][:, :, t] = hires
        within_moves = same_sum + role_in_sum + council_in_sum
        out["within_sector_moves"][:, :, t] = within_moves
        recruits_needed = needed + within_moves
        out["recruits_needed"][:, :, t] = recruits_needed
        out["replacement_recruitment"][:, :, t] = np.minimum(recruits_needed, leavers_sum + retirements)
        if diagnostics:
            out["same_council_moves"][:, :, t] = same_sum
            out["role_moves_in"][:, :, t] = role_in_sum
            out["role_moves_out"][:, :, t] = role_out_sum
            out["council_moves_in"][:, :, t] = council_in_sum
            out["council_moves_out"][:, :, t] = council_out_sum
        if by_age is not None:
            by_age[..., t, :] = stock
    out["unfilled_gap"][:] = out["demand_posts"] - out["filled_posts"]
    return ScenarioDraws(compiled.name, years, out, by_age)


def _supply_response(
    draws: Draws, wage: FloatArray, demand: FloatArray, filled_before: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Capacity multipliers ``(1 + pay rise over the NLW) ^ e_pay`` and ``(vacancies before hiring) ^ e_vac``."""
    assert draws.supply_pay_elasticity is not None and draws.supply_vacancy_elasticity is not None
    pay = np.power(np.maximum(1.0 + wage, 1e-9), draws.supply_pay_elasticity[None, None, :])
    with np.errstate(invalid="ignore", divide="ignore"):
        vacancies = np.where(demand > 0, np.maximum(demand - filled_before, 0.0) / demand, 0.0)
    response = np.power(np.maximum(vacancies, 1e-6), draws.supply_vacancy_elasticity[None, None, :])
    return pay, response


def _vacancy_target(compiled: CompiledScenario, t: int, draws: Draws) -> FloatArray:
    out: FloatArray = np.clip(_draw_affine(compiled, "vacancy_rate_target", t, draws.vacancy_rate), 0.0, 0.99)
    return out
