"""The region's headline answer: new jobs by 2030 and 2035 with their range, beside the 2019 figure.

Computed once with a modest number of draws (published rates, the baseline, the default seed) and
kept in the cache, so the region page is quick after the first view. Totals over years are summed
draw by draw before the percentiles are taken.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from django.core.cache import cache

from careforce.domain.planning import BASE_YEAR, DEFAULT_SEED, builtin_scenarios, project
from careforce.domain.planning.published import sfc_projections

HEADLINE_DRAWS = 200
HORIZONS = (2030, 2035)
CACHE_KEY = f"planning:headline:v2:{HEADLINE_DRAWS}:{DEFAULT_SEED}"


@dataclass(frozen=True)
class Range:
    p5: float
    p50: float
    p95: float


@dataclass(frozen=True)
class HeadlineYear:
    year: int
    new_jobs: Range
    recruits_needed: Range  # all hires from the base year to ``year``
    replacement: float  # mean of the hires that replace leavers and retirements over the same years
    new_to_care: Range  # recruits new to the sector hired from the base year to ``year``
    moves: Range  # hires of people already in care (new employer, role or council) over the same years


@dataclass(frozen=True)
class Published:
    figure: str  # e.g. "45,000–70,000"
    year: int
    publication: str
    source: str


@dataclass(frozen=True)
class Headline:
    base_year: int
    draws: int
    years: tuple[HeadlineYear, ...]
    published: Published | None

    def year(self, year: int) -> HeadlineYear:
        return next(y for y in self.years if y.year == year)


def _range(values: np.ndarray) -> Range:
    p5, p50, p95 = np.percentile(values, [5, 50, 95])
    return Range(float(p5), float(p50), float(p95))


def published_2019() -> Published | None:
    """The 2019 West Midlands figure of new jobs to be filled by 2030, from the calibration data."""
    for pub in sfc_projections():
        if pub.area.startswith("West Midlands") and pub.horizon_year == 2030 and pub.percent_increase is None:
            low, _, high = pub.extra_posts.partition("-")
            figure = f"{int(low):,}–{int(high):,}" if high else f"{int(low):,}"
            return Published(figure, pub.horizon_year, pub.publication, pub.source)
    return None


def compute_headline(draws: int = HEADLINE_DRAWS, seed: int = DEFAULT_SEED) -> Headline:
    baseline = builtin_scenarios()["baseline"]
    result = project([baseline], to_year=max(HORIZONS), draws=draws, seed=seed, keep_draws=True)
    measures = result.raw[baseline.name].measures  # each (council, role, year, draw)
    years = list(result.years)

    def region(name: str) -> np.ndarray:
        return np.asarray(measures[name], dtype=np.float64).sum(axis=(0, 1))  # (year, draw)

    new_jobs, recruits, replacement = region("new_jobs"), region("recruits_needed"), region("replacement_recruitment")
    new_to_care, moves = region("new_to_sector_recruits"), region("within_sector_moves")
    out = []
    for horizon in HORIZONS:
        i = years.index(horizon)
        out.append(
            HeadlineYear(
                year=horizon,
                new_jobs=_range(new_jobs[i]),
                recruits_needed=_range(recruits[1 : i + 1].sum(axis=0)),  # flows start in the first projected year
                replacement=float(replacement[1 : i + 1].sum(axis=0).mean()),
                new_to_care=_range(new_to_care[1 : i + 1].sum(axis=0)),
                moves=_range(moves[1 : i + 1].sum(axis=0)),
            )
        )
    return Headline(BASE_YEAR, draws, tuple(out), published_2019())


def region_headline() -> Headline:
    """The headline, from the cache when it has been worked out before."""
    found: Any = cache.get(CACHE_KEY)
    if isinstance(found, Headline):
        return found
    headline = compute_headline()
    cache.set(CACHE_KEY, headline, timeout=None)
    return headline
