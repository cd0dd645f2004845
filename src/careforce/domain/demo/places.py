"""Where the demo region's workplaces are: councils, districts and real current postcodes."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import numpy as np
from numpy.typing import NDArray

from careforce.domain.reference import Council, councils, data_path, read_rows


@dataclass(frozen=True)
class DistrictWeights:
    council: Council
    district_codes: tuple[str, ...]
    district_names: tuple[str, ...]
    weights: NDArray[np.float64]


@cache
def older_population_by_area(year: int) -> dict[str, float]:
    """Population aged 65+ in each council and district (ONS 2022-based projections)."""
    out: dict[str, float] = {}
    for name in ("population_projections.csv", "population_projections_2022based_lad.csv"):
        for r in read_rows("calibration", name):
            if r["age_band"] == "65+" and int(r["year"]) == year:
                out[r["gss_code"]] = float(r["population"])
    return out


def district_weights(year: int) -> list[DistrictWeights]:
    older = older_population_by_area(year)
    return [
        DistrictWeights(
            c,
            tuple(d.gss_code for d in c.districts),
            tuple(d.name for d in c.districts),
            np.array([older[d.gss_code] for d in c.districts], dtype=np.float64),
        )
        for c in councils()
    ]


@cache
def current_postcodes_by_district() -> dict[str, tuple[str, ...]]:
    """Current (live) unit postcodes in each West Midlands district, from the ONSPD extract."""
    by_district: dict[str, list[str]] = defaultdict(list)
    with data_path("geo", "west_midlands_postcodes.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["current"] == "1" and row["in_wm_region"] == "1":
                by_district[row["lad_code"]].append(row["postcode"])
    return {k: tuple(v) for k, v in by_district.items()}
