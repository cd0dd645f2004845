"""The engine's calibration: base-year stock and rates, each traced to a published figure.

Every number here is either read from the calibration CSVs (its source names the file line), quoted
from the research note with the note's stated source, derived from those by stated arithmetic, or
marked ``assumption`` where nothing is published (the research note, section 4.4, says the splits of
within-sector moves are assumptions to vary in sensitivity analysis). ``Calibration.assumptions``
lists them all for display and for the workbook's assumptions sheet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import cache

import numpy as np
from numpy.typing import NDArray

from careforce.domain.reference import read_rows

from .base_data import base_stock
from .base_stock import age_shares, coventry_role_shares, role_shares
from .dimensions import AGE_BANDS, AGES, BASE_YEAR, ROLES, council_codes, council_names
from .published import (
    PAY_ELASTICITY_SOURCE,
    TURNOVER_DRIVERS,
    TURNOVER_DRIVERS_SOURCE,
    Assumption,
    Triangular,
    workforce_figure,
)
from .ranges import Spreads, calibrate_spreads
from .rates import estimate_rates_from_records
from .supply import recruitment_ranges

FloatArray = NDArray[np.float64]
ENGLAND = "E92000001"
WM = "E12000005"
POPULATION_BANDS = ("65+", "65-84", "85+", "all_ages")
BASE_YEARS = (2022, 2023, 2024)
"""Years a projection can start from: a population projection (2022-based, from mid-2022) and a
published or carried England count (to 2024/25) exist for each."""


@dataclass(frozen=True)
class Calibration:
    base_year: int
    councils: tuple[str, ...]
    filled_posts: FloatArray  # (council, role, age) filled posts in the base year
    turnover_rate: FloatArray  # (council, role, age) annual share of staff leaving their employer
    sector_exit_share: float  # share of leavers who leave the sector (or the region's sector)
    within_sector_split: FloatArray  # (3,) of the leavers staying in the sector: same cell, role change, council move
    vacancy_rate: float  # base-year vacancies / posts; also the default target (frictional) rate
    international_share: float  # share of new-to-sector recruits recruited from abroad
    pay_elasticity: float  # fall in turnover rate per unit relative pay rise (0.30: -3 pp for +10%)
    ageing_rate: FloatArray  # (age,) share of a band ageing into the next each year; top band: retirement
    recruit_age_mix: FloatArray  # (age,) age profile of new-to-sector recruits
    role_destinations: FloatArray  # (council, role, role) where role changers go
    council_destinations: FloatArray  # (council, council) where staff moving council go
    population: dict[str, FloatArray]  # band -> (council, year) from the base year to 2047
    population_years: tuple[int, ...]
    uncertainty: dict[str, Triangular] = field(default_factory=dict)
    split_concentration: float = 50.0
    assumptions: tuple[Assumption, ...] = ()
    spreads: Spreads = field(default_factory=Spreads)

    @property
    def shape(self) -> tuple[int, int, int]:
        c, r, a = self.filled_posts.shape
        return int(c), int(r), int(a)

    def population_growth(self, band: str, years: range) -> FloatArray:
        """(council, year) population of a band relative to the base year."""
        pop = self.population[band]
        idx = [self.population_years.index(y) for y in years]
        base = pop[:, [self.population_years.index(self.base_year)]]
        out: FloatArray = pop[:, idx] / base
        return out

    def with_turnover_rate(self, turnover_rate: FloatArray, source: str) -> Calibration:
        """A copy using rates estimated elsewhere (for example ``estimate_rates_from_records``)."""
        if turnover_rate.shape != self.filled_posts.shape:
            raise ValueError(f"turnover_rate must have shape {self.filled_posts.shape}")
        if np.any(turnover_rate < 0) or np.any(turnover_rate >= 1):
            raise ValueError("turnover rates must lie in [0, 1)")
        mean = float(np.sum(turnover_rate * self.filled_posts) / np.sum(self.filled_posts))
        note = Assumption("turnover_rate (regional mean)", mean, "share per year", source, "derived")
        return replace(self, turnover_rate=turnover_rate.astype(np.float64), assumptions=(*self.assumptions, note))

    def with_filled_posts(self, filled_posts: FloatArray, source: str) -> Calibration:
        if filled_posts.shape != self.filled_posts.shape or np.any(filled_posts < 0):
            raise ValueError(f"filled_posts must be non-negative with shape {self.filled_posts.shape}")
        total = float(filled_posts.sum())
        note = Assumption("filled_posts (base year, region)", total, "posts", source, "derived")
        return replace(self, filled_posts=filled_posts.astype(np.float64), assumptions=(*self.assumptions, note))


def _population(councils: tuple[str, ...], base_year: int) -> tuple[dict[str, FloatArray], tuple[int, ...]]:
    rows = read_rows("calibration", "population_projections.csv")
    years = tuple(sorted({int(r["year"]) for r in rows if int(r["year"]) >= base_year}))
    pos = {c: i for i, c in enumerate(councils)}
    out = {band: np.zeros((len(councils), len(years))) for band in POPULATION_BANDS}
    for r in rows:
        year = int(r["year"])
        if r["gss_code"] in pos and r["age_band"] in out and year >= base_year:
            out[r["age_band"]][pos[r["gss_code"]], years.index(year)] = float(r["population"])
    out["under_65"] = out["all_ages"] - out["65+"]
    return out, years


def _council_turnover_factors(councils: tuple[str, ...], assumptions: list[Assumption]) -> FloatArray:
    """Council turnover relative to the region, from the published 2016/17 LA area summaries, pooled."""
    region = workforce_figure(WM, "2016/17", "staff_turnover_rate")
    codes = ("E06000021", "E10000028", "E08000030")  # Stoke-on-Trent, Staffordshire, Walsall
    jobs = [workforce_figure(c, "2016/17", "adult_social_care_jobs") for c in codes]
    rates = [workforce_figure(c, "2016/17", "staff_turnover_rate") for c in codes]
    leavers = [j.value * r.value / 100 for j, r in zip(jobs, rates, strict=True)]
    pooled = estimate_rates_from_records(
        list(codes),
        ["all"] * 3,
        ["all"] * 3,
        [0.0] * 3,
        leavers,
        [j.value for j in jobs],
        regional_turnover_rate=region.value / 100,
    )
    factors = np.ones(len(councils))
    for code, jf, rf in zip(codes, jobs, rates, strict=True):
        f = pooled.turnover_for(code, "all", "all") / (region.value / 100)
        factors[councils.index(code)] = f
        src = f"{rf.source}; {jf.source}; pooled towards {region.source}"
        assumptions.append(Assumption(f"turnover_factor.{code}", f, "x regional rate", src, "derived"))
    return factors


def default_calibration() -> Calibration:
    """The West Midlands calibration from the published figures shipped in ``careforce/data``."""
    return calibration_for(BASE_YEAR)


@cache
def calibration_for(base_year: int) -> Calibration:
    """The calibration starting from ``base_year`` (2022 = 2022/23): any year the data allows."""
    if base_year not in BASE_YEARS:
        raise ValueError(
            f"base year {base_year} is not one the data allows: choose one of {', '.join(map(str, BASE_YEARS))}"
        )
    notes: list[Assumption] = []
    councils = council_codes()
    population, years = _population(councils, base_year)

    p65 = population["65+"][:, 0]
    stock = base_stock(councils, p65, base_year)
    notes.extend(stock.assumptions(council_names()))
    council_share = stock.by_council / stock.by_council.sum()
    regional_roles, _ = role_shares(notes)
    role_share = np.tile(regional_roles, (len(councils), 1))
    role_share[councils.index("E08000026")] = coventry_role_shares(regional_roles, notes)
    age_share = age_shares(notes)
    filled = stock.region.value * council_share[:, None, None] * role_share[:, :, None] * age_share[None, None, :]

    turnover_fig = workforce_figure(WM, "2019/20", "staff_turnover_rate")
    england_2122 = workforce_figure(ENGLAND, "2021/22", "staff_turnover_rate")
    notes.append(
        Assumption(
            "turnover_rate (regional mean)",
            turnover_fig.value / 100,
            "share per year",
            turnover_fig.source,
            "published",
        )
    )
    role_factor = np.array([TURNOVER_DRIVERS.get(r, england_2122.value) / england_2122.value for r in ROLES])
    age_factor = np.ones(len(AGES))
    age_factor[0] = TURNOVER_DRIVERS["under_20s"] / england_2122.value
    age_factor[[i for i, b in enumerate(AGE_BANDS) if b.lower >= 55]] = (
        TURNOVER_DRIVERS["aged_60_plus"] / england_2122.value
    )
    for r, f in zip(ROLES, role_factor, strict=True):
        if r in TURNOVER_DRIVERS:
            notes.append(
                Assumption(
                    f"turnover_factor.{r}",
                    float(f),
                    "x all-role rate",
                    f"{TURNOVER_DRIVERS_SOURCE}, over {england_2122.source}",
                    "research note",
                )
            )
    notes.append(
        Assumption(
            "turnover_factor.age 16-24",
            float(age_factor[0]),
            "x all-age rate",
            f"under-20s figure as proxy: {TURNOVER_DRIVERS_SOURCE}",
            "research note",
        )
    )
    notes.append(
        Assumption(
            "turnover_factor.age 55+",
            float(age_factor[-1]),
            "x all-age rate",
            f"60+ figure as proxy: {TURNOVER_DRIVERS_SOURCE}",
            "research note",
        )
    )
    council_factor = _council_turnover_factors(councils, notes)
    shape = council_factor[:, None, None] * role_factor[None, :, None] * age_factor[None, None, :]
    turnover = turnover_fig.value / 100 * shape * filled.sum() / float((shape * filled).sum())

    leavers_2223 = workforce_figure(ENGLAND, "2022/23", "leavers")
    staffs_stay = workforce_figure("E10000028", "2021/22", "share_of_leavers_remaining_in_sector")
    exit_share = 1 / 3
    notes.append(
        Assumption(
            "sector_exit_share",
            exit_share,
            "share of leavers",
            f"'around a third of them leaving the sector altogether': {leavers_2223.source}",
            "published",
        )
    )
    split = np.array([0.70, 0.15, 0.15])
    for name, v in zip(("same council and role (new employer)", "role change", "council move"), split, strict=True):
        notes.append(
            Assumption(
                f"within_sector_split.{name}",
                float(v),
                "share of in-sector leavers",
                "assumption: not published (research note section 4.4); varied in Monte Carlo "
                "(Dirichlet, concentration 50)",
                "assumption",
            )
        )
    vacancy = workforce_figure(ENGLAND, "2022/23", "vacancy_rate")
    vac_low = workforce_figure(ENGLAND, "2023/24", "vacancy_rate")
    vac_high = workforce_figure(ENGLAND, "2021/22", "vacancy_rate")
    notes.append(
        Assumption(
            "vacancy_rate (base year and default target)",
            vacancy.value / 100,
            "share of posts",
            vacancy.source,
            "published",
        )
    )

    intl = workforce_figure(ENGLAND, "2022/23", "international_recruits_direct_care")
    starters_rate = workforce_figure(ENGLAND, "2022/23", "starters_rate_independent_sector")
    within = workforce_figure(ENGLAND, "2021/22", "share_of_recruitment_from_within_sector")
    eng_filled = workforce_figure(ENGLAND, "2022/23", "filled_posts")
    new_to_sector = starters_rate.value / 100 * eng_filled.value * (1 - within.value / 100)
    intl_share = min(intl.value / new_to_sector, 1.0)
    notes.append(
        Assumption(
            "international_share of new-to-sector recruits",
            intl_share,
            "share",
            f"international recruits / (starters rate x filled posts x share from outside the sector): {intl.source}; "
            f"{starters_rate.source}; {eng_filled.source}; {within.source}",
            "derived",
        )
    )
    notes.append(
        Assumption("pay_elasticity", 0.30, "turnover fall per unit pay rise", PAY_ELASTICITY_SOURCE, "research note")
    )

    ageing = np.array([1.0 / b.width for b in AGE_BANDS])
    notes.append(
        Assumption(
            "retirement: last working age",
            float(AGE_BANDS[-1].upper),
            "years",
            "assumption: the 65+ band spans 65-74 and its staff age out (retire) evenly",
            "assumption",
        )
    )
    notes.append(
        Assumption(
            "recruit_age_mix",
            None,
            "profile",
            "assumption: new-to-sector recruits have the workforce's age profile",
            "assumption",
        )
    )

    role_dest = np.empty((len(councils), len(ROLES), len(ROLES)))
    for c in range(len(councils)):
        w = np.tile(role_share[c], (len(ROLES), 1))
        np.fill_diagonal(w, 0.0)
        role_dest[c] = w / w.sum(axis=1, keepdims=True)
    stock_c = filled.sum(axis=(1, 2))
    council_dest = np.tile(stock_c, (len(councils), 1))
    np.fill_diagonal(council_dest, 0.0)
    council_dest /= council_dest.sum(axis=1, keepdims=True)
    notes.append(
        Assumption(
            "destinations of role changers and council movers",
            None,
            "matrix",
            "assumption: in proportion to the destination's filled posts (own cell excluded)",
            "assumption",
        )
    )

    lowest = workforce_figure(WM, "2016/17", "staff_turnover_rate")
    highest = workforce_figure(ENGLAND, "2018/19", "staff_turnover_rate")
    uncertainty = {
        "turnover_level": Triangular(
            lowest.value / turnover_fig.value,
            1.0,
            highest.value / turnover_fig.value,
            f"range of published rates: {lowest.source}; {highest.source}",
        ),
        "sector_exit_share": Triangular(
            0.33, exit_share, 1 - staffs_stay.value / 100, f"63-67% stay (research note 1.1); {staffs_stay.source}"
        ),
        "vacancy_rate": Triangular(
            vac_low.value / 100, vacancy.value / 100, vac_high.value / 100, f"{vac_low.source}; {vac_high.source}"
        ),
        "pay_elasticity": Triangular(0.10, 0.30, 0.30, PAY_ELASTICITY_SOURCE),
    }
    supply = recruitment_ranges(notes)
    spreads = calibrate_spreads(stock, population["65+"].sum(axis=0), council_names(), notes)
    for name, tri in uncertainty.items():
        notes.append(
            Assumption(
                f"uncertainty.{name}", tri.mode, f"triangular {tri.low:.4g}-{tri.high:.4g}", tri.source, "derived"
            )
        )
    return Calibration(
        base_year=base_year,
        councils=councils,
        filled_posts=filled,
        turnover_rate=turnover,
        sector_exit_share=exit_share,
        within_sector_split=split,
        vacancy_rate=vacancy.value / 100,
        international_share=intl_share,
        pay_elasticity=0.30,
        ageing_rate=ageing,
        recruit_age_mix=age_share,
        role_destinations=role_dest,
        council_destinations=council_dest,
        population=population,
        population_years=years,
        uncertainty={**uncertainty, **supply},
        assumptions=tuple(notes),
        spreads=spreads,
    )


def annual_hazard(probability: float) -> float:
    """Constant hazard giving ``probability`` of the event within a year."""
    return -math.log1p(-probability)
