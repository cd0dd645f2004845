"""Projection results: quantile summaries by council, role, year, scenario and measure.

Totals (the region, ``E12000005``, and role ``all``) are summed draw by draw before the quantiles
are taken, so a P95 of the region is the 95th percentile of the region's total, not a sum of
councils' P95s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from careforce.domain.reference import REGION_CODE

from .decisions import Decisions
from .dimensions import ALL_ROLES, ROLES
from .engine import FLOW_MEASURES, MEASURES, ScenarioDraws
from .published import Assumption, sfc_projections
from .scenarios import Scenario
from .sensitivity import Swing
from .uncertainty import STATISTICS, summarise

if TYPE_CHECKING:
    import pandas as pd

FloatArray = NDArray[np.float64]
RESULT_MEASURES = (*MEASURES, "vacancy_rate")
TIDY_COLUMNS = ("council", "role", "year", "scenario", "measure", "statistic", "value")


def with_totals(values: FloatArray) -> FloatArray:
    """(council, role, ...) extended with the region total (last council) and ``all`` (last role)."""
    c, r = values.shape[:2]
    out = np.empty((c + 1, r + 1, *values.shape[2:]))  # totals in float64 whatever the engine's dtype
    out[:c, :r] = values
    out[c, :r] = values.sum(axis=0)
    out[:, r] = out[:, :r].sum(axis=1)
    return out


def summarise_draws(result: ScenarioDraws) -> FloatArray:
    """(measure, council + region, role + all, year, statistic) for one scenario's draws."""
    m = result.measures
    first = next(iter(m.values()))
    c, r, y, _ = first.shape
    stats = np.full((len(RESULT_MEASURES), c + 1, r + 1, y, len(STATISTICS)), np.nan)
    totals: dict[str, FloatArray] = {}
    for i, name in enumerate(MEASURES):
        exact = with_totals(m[name])
        if name in ("demand_posts", "unfilled_gap"):
            totals[name] = exact
        # sorting float32 is faster; the totals were added in float64
        tot: NDArray[np.floating[Any]] = exact.astype(np.float32) if m[name].dtype == np.float32 else exact
        if name in FLOW_MEASURES:
            stats[i, :, :, 1:] = summarise(tot[:, :, 1:])
        else:
            stats[i] = summarise(tot)
    with np.errstate(invalid="ignore", divide="ignore"):
        vacancy = np.where(totals["demand_posts"] > 0, totals["unfilled_gap"] / totals["demand_posts"], 0.0)
    stats[RESULT_MEASURES.index("vacancy_rate")] = summarise(vacancy.astype(first.dtype))
    return stats


@dataclass(frozen=True)
class Comparison:
    what: str
    ours: float
    published: str
    source: str
    note: str


@dataclass
class ProjectionResult:
    """Summaries of a run, with everything needed to reproduce and explain it."""

    scenarios: tuple[Scenario, ...]
    years: range
    councils: tuple[str, ...]
    demand_method: str
    draws: int
    seed: int | None
    statistics: FloatArray  # (scenario, measure, council + region, role + all, year, statistic)
    assumptions: tuple[Assumption, ...]
    raw: dict[str, ScenarioDraws] = field(default_factory=dict)
    decisions: Decisions | None = None  # headline levels and paired differences from the baseline
    sensitivity: tuple[Swing, ...] = ()  # tornado rows, largest swing first within each headline

    @property
    def scenario_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.scenarios)

    @property
    def council_labels(self) -> tuple[str, ...]:
        return (*self.councils, REGION_CODE)

    @property
    def role_labels(self) -> tuple[str, ...]:
        return (*ROLES, ALL_ROLES)

    def value(
        self,
        scenario: str,
        measure: str,
        year: int,
        *,
        council: str = REGION_CODE,
        role: str = ALL_ROLES,
        statistic: str = "mean",
    ) -> float:
        return float(
            self.statistics[
                self.scenario_names.index(scenario),
                RESULT_MEASURES.index(measure),
                self.council_labels.index(council),
                self.role_labels.index(role),
                self.years.index(year),
                STATISTICS.index(statistic),
            ]
        )

    def tidy_columns(self) -> dict[str, Any]:
        """The tidy table as columns: council, role, year, scenario, measure, statistic, value."""
        shape = self.statistics.shape
        grids = np.meshgrid(*[np.arange(n) for n in shape], indexing="ij")
        values = self.statistics.ravel()
        keep = ~np.isnan(values)
        s, m, c, r, y, st = (g.ravel()[keep] for g in grids)
        return {
            "council": np.array(self.council_labels, dtype=object)[c],
            "role": np.array(self.role_labels, dtype=object)[r],
            "year": np.array(list(self.years), dtype=np.int64)[y],
            "scenario": np.array(self.scenario_names, dtype=object)[s],
            "measure": np.array(RESULT_MEASURES, dtype=object)[m],
            "statistic": np.array(STATISTICS, dtype=object)[st],
            "value": np.round(values[keep], 3),
        }

    def tidy(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(self.tidy_columns(), columns=list(TIDY_COLUMNS))

    def comparisons(self) -> list[Comparison]:
        """Our region-wide results beside the figures Skills for Care and WM ADASS published."""
        base = self.scenario_names[0]
        y0 = self.years[0]
        out: list[Comparison] = []
        for pub in sfc_projections():
            if pub.area.startswith("West Midlands") and pub.horizon_year in self.years:
                if pub.percent_increase is not None:
                    ours = self.value(base, "demand_posts", pub.horizon_year) / self.value(base, "demand_posts", y0)
                    out.append(
                        Comparison(
                            f"growth in posts {y0}-{pub.horizon_year} (%)",
                            100 * (ours - 1),
                            f"+{pub.percent_increase:g}% ({pub.publication}, base {pub.base_year})",
                            pub.source,
                            "different base year and population projection; quoted, not tuned to",
                        )
                    )
                else:
                    ours = self.value(base, "new_jobs", pub.horizon_year)
                    out.append(
                        Comparison(
                            f"new jobs {y0}-{pub.horizon_year}",
                            ours,
                            f"{pub.extra_posts} ({pub.publication})",
                            pub.source,
                            "method and base not published; quoted, not tuned to",
                        )
                    )
            elif pub.area == "England" and pub.horizon_year in self.years and pub.percent_increase is not None:
                ours = self.value(base, "demand_posts", pub.horizon_year) / self.value(base, "demand_posts", y0)
                out.append(
                    Comparison(
                        f"growth in posts {y0}-{pub.horizon_year} (%), West Midlands vs England",
                        100 * (ours - 1),
                        f"+{pub.percent_increase:g}% England ({pub.publication}, base {pub.base_year})",
                        pub.source,
                        "England figure; the region's 65+ population grows at a different pace",
                    )
                )
        return out
