"""How wide the ranges are: the spread of each drawn quantity, calibrated from published evidence.

Each spread is worked out here from the calibration data (or a cited study) and listed in the
assumptions register with its distribution, so the assumptions page can say what the likely range
covers:

``population_error_10y``
    Log error of a council's projected population ten years ahead, normal. Simpson, Wilson &
    Shalley (2020) measured ONS subnational projections against later estimates: the median absolute
    error at 10 years was 3% for shire districts (7% for London boroughs). A median absolute value
    of ``m`` for a normal error means a standard deviation of ``m / 0.6745``. The error grows in
    proportion to the horizon; councils share half its variance (a regional error) - a stated assumption.
``drift_per_year``
    Year-on-year change in posts per person aged 65+, a random walk with mean zero: the root mean
    square of the published annual changes in posts less the growth of the 65+ population.
``turnover_year_to_year``
    Log deviation of a year's turnover rate from its series mean, across the published regional and
    England rates; drawn afresh each year.
``base_measurement``
    Revisions of published counts of the same thing: root mean square of the relative revisions in
    the calibration data (including the 2024/25 series break).
Carried figures add ``drift_per_year`` times the square root of the years carried; councils with no
published count take the spread of published counts around their 65+ share (``BaseStock.split_log_sd``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .base_data import ENGLAND, WM, BaseStock, england_stock, fin_year
from .published import Assumption, workforce_figure

SHELF_LIFE_SOURCE = (
    "Simpson, Wilson & Shalley (2020), 'The shelf life of official sub-national population forecasts in England', "
    "Applied Spatial Analysis and Policy: 10-year median absolute percentage error 3% for shire districts, 7% for "
    "London boroughs (ONS projections 1974-2014 against later estimates)"
)
MEDIAN_ABS_NORMAL = 0.6745  # median of |Z| for a standard normal Z
SHIRE_MEDIAN_APE_10Y = 0.03
POPULATION_SHARED_VARIANCE = 0.5


@dataclass(frozen=True)
class Spreads:
    """Standard deviations (on the log scale) of the drawn quantities."""

    population_error_10y: float = 0.0
    population_shared: float = POPULATION_SHARED_VARIANCE
    drift_per_year: float = 0.0
    turnover_year_to_year: float = 0.0
    base_region: float = 0.0
    base_council: tuple[float, ...] = ()  # per council: published/carried error or the 65+ split spread


def _p65_growth(p65_region: np.ndarray) -> float:
    """Mean annual growth of the region's 65+ population over the first five projected years."""
    return float((p65_region[5] / p65_region[0]) ** (1 / 5) - 1)


def drift_evidence(p65_growth: float) -> tuple[list[tuple[str, float]], str]:
    """Published annual changes in posts, each less the 65+ growth, with their sources."""
    fy = fin_year
    rev = workforce_figure(ENGLAND, "2021/22", "filled_posts_change_revised")
    stock_2122 = england_stock(2021)
    ch_2223 = workforce_figure(ENGLAND, "2022/23", "filled_posts_change")
    f_2223 = workforce_figure(ENGLAND, "2022/23", "filled_posts")
    f_2324 = workforce_figure(ENGLAND, "2023/24", "filled_posts")
    wm_ch = workforce_figure(WM, "2017/18", "jobs_change_2016_to_2017")
    wm_1617 = workforce_figure(WM, "2016/17", "adult_social_care_jobs")
    changes = [
        (f"England {fy(2021)}", rev.value / (stock_2122.value - rev.value)),
        (f"England {fy(2022)}", ch_2223.value / stock_2122.value),
        (f"England {fy(2023)}", f_2324.value / f_2223.value - 1),
        (f"West Midlands {fy(2017)}", wm_ch.value / wm_1617.value),
    ]
    out = [(label, c - p65_growth) for label, c in changes]
    src = "; ".join(f.source for f in (rev, ch_2223, f_2223, f_2324, wm_ch, wm_1617))
    return out, src


def turnover_evidence() -> tuple[list[float], str]:
    series = {
        ENGLAND: ("2016/17", "2017/18", "2018/19", "2021/22", "2022/23"),
        WM: ("2016/17", "2017/18", "2019/20"),
    }
    devs: list[float] = []
    sources: list[str] = []
    for area, years in series.items():
        figs = [workforce_figure(area, y, "staff_turnover_rate") for y in years]
        logs = np.log([f.value for f in figs])
        devs.extend((logs - logs.mean()).tolist())
        sources.extend(f.source for f in figs)
    return devs, "; ".join(sources)


def revision_evidence() -> tuple[list[float], str]:
    first = workforce_figure(ENGLAND, "2021/22", "filled_posts_change")
    revised = workforce_figure(ENGLAND, "2021/22", "filled_posts_change_revised")
    alt = workforce_figure(ENGLAND, "2023/24", "filled_posts_alt")
    main = workforce_figure(ENGLAND, "2023/24", "filled_posts")
    later = workforce_figure(ENGLAND, "2024/25", "filled_posts")
    stock = england_stock(2021).value
    # the 2024/25 release put 1.6m at +3.4% a year on: its 2023/24 was 1.6m / 1.034
    restated = later.value / 1.034
    revisions = [
        abs(revised.value - first.value) / stock,
        abs(alt.value - main.value) / main.value,
        abs(restated - main.value) / main.value,
    ]
    src = (
        f"{first.source}; {revised.source}; {alt.source}; {main.source}; {later.source} "
        "(its +3.4% gives a restated 2023/24 of 1.6m / 1.034)"
    )
    return revisions, src


def calibrate_spreads(
    stock: BaseStock, p65_region: np.ndarray, names: dict[str, str], notes: list[Assumption]
) -> Spreads:
    """Every spread from the evidence, with a line in ``notes`` for each."""
    pop = SHIRE_MEDIAN_APE_10Y / MEDIAN_ABS_NORMAL
    notes.append(
        Assumption(
            "range.population_error (10 years ahead)",
            pop,
            "sd of log error, normal, growing with the horizon",
            f"{SHELF_LIFE_SOURCE}; sd = median / 0.6745; half the variance shared by all councils (assumption)",
            "research note",
        )
    )
    growth = _p65_growth(p65_region)
    drifts, drift_src = drift_evidence(growth)
    drift = math.sqrt(sum(d * d for _, d in drifts) / len(drifts))
    detail = ", ".join(f"{label} {100 * d:+.1f}%" for label, d in drifts)
    notes.append(
        Assumption(
            "range.drift in posts per person aged 65+",
            drift,
            "sd per year, normal steps of a random walk, mean 0",
            f"root mean square of published annual changes in posts less 65+ growth ({100 * growth:.2f}% a year, the "
            f"region's 2022-based projection): {detail}; {drift_src}",
            "derived",
        )
    )
    devs, t_src = turnover_evidence()
    turnover = float(np.sqrt(np.sum(np.square(devs)) / (len(devs) - 2)))  # two series means estimated
    notes.append(
        Assumption(
            "range.turnover year to year",
            turnover,
            "sd of log rate, normal, each year",
            f"spread of published turnover rates around each series' mean (England, West Midlands): {t_src}",
            "derived",
        )
    )
    revisions, r_src = revision_evidence()
    measure = math.sqrt(sum(r * r for r in revisions) / len(revisions))
    notes.append(
        Assumption(
            "range.base count measurement",
            measure,
            "sd of log count, normal",
            f"root mean square of relative revisions ({', '.join(f'{100 * r:.1f}%' for r in revisions)}): {r_src}",
            "derived",
        )
    )

    def carried(year: int) -> float:
        return math.sqrt(measure**2 + drift**2 * abs(stock.year - year))

    region_from = stock.region.from_year
    region = carried(stock.year if region_from is None else region_from)
    notes.append(
        Assumption(
            "range.base stock (region)",
            region,
            "sd of log count, normal",
            "measurement error, plus the drift over the years the figure was carried (from 2016/17, the share's year)"
            if region_from is not None
            else "measurement error of a published count",
            "derived",
            fin_year(stock.year),
        )
    )
    per_council = []
    for code, fig in zip(stock.councils, stock.figures, strict=True):
        if fig is None:
            sd = stock.split_log_sd
            how = "spread of published council counts around their 65+ share of the region (root mean square of logs)"
        else:
            sd = carried(stock.year if fig.from_year is None else fig.from_year)
            how = "measurement error, plus the drift over the years the council's count was carried"
        per_council.append(sd)
        notes.append(
            Assumption(f"range.council split ({names.get(code, code)})", sd, "sd of log share, normal", how, "derived")
        )
    return Spreads(pop, POPULATION_SHARED_VARIANCE, drift, turnover, region, tuple(per_council))


RANGE_COVERS = (
    "how far the population projection for people aged 65 and over may miss (from how far past ONS projections missed)",
    "drift in the number of posts per person aged 65 and over, year after year (from the published annual changes)",
    "error in the base-year count of filled posts, for the region and for each council's share of it",
    "year-to-year ups and downs in turnover, on top of uncertainty about its level",
    "uncertainty in the share of leavers who leave the sector, the vacancy rate, the pay effect on turnover and "
    "where staff who stay in the sector move",
    "uncertainty in how many people new to care employers can recruit, and how that responds to pay and vacancies",
)
RANGE_EXCLUDES = (
    "policy changes, funding decisions and shocks such as a pandemic, beyond what the published history contains",
    "changes in how Skills for Care counts posts, beyond the revisions seen so far",
    "the choice of demand method (posts growing with the 65+ population, or by need): each is a separate run",
    "errors in the scenario you choose: a scenario's changes are taken as given",
)
