"""Recruitment capacity: how many people new to care the sector can recruit in a year.

    capacity = rate x base filled posts x scenario factor x (1 + pay rise over the NLW) ^ e_pay
               x (vacancy rate before hiring / base vacancy rate) ^ e_vac

- ``rate``: observed new-to-sector recruitment per filled post, England 2022/23: the starters rate
  times the share of starters from outside the sector (triangular: 2021/22's starters rate as the
  low end, 2023/24's rise in international recruits as the high end).
- ``e_pay``: wage elasticity of labour supply to the sector, Vadean, Allan & Teo (NIHR ASCRU): a 1%
  wage rise raises employment by about 4% (2% care homes, 5% domiciliary care). Applied to
  recruitment relative to the National Living Wage: the baseline keeps care pay level with the NLW.
- ``e_vac``: elasticity of hires with respect to vacancies in an aggregate matching function,
  0.3 to 0.5 (Petrongolo & Pissarides 2001, constant returns with an unemployment elasticity of
  0.5 to 0.7). More unfilled posts draw more applicants, less than one for one.

A scenario scales ``capacity`` through ``recruitment.domestic_capacity`` and
``recruitment.international_capacity`` (1 = the observed level; ``inf`` = no limit).
"""

from __future__ import annotations

import re

from .base_data import ENGLAND
from .published import Assumption, Triangular, workforce_figure

SUPPLY_ELASTICITY_SOURCE = (
    "Vadean, Allan & Teo, 'Wages and labour supply in the adult social care sector' (NIHR Adult Social Care "
    "Research Unit): a 1% wage rise raises employment by about 4% (2% care homes, 5% domiciliary care); ASC-WDS "
    "2016-2022"
)
MATCHING_SOURCE = (
    "Petrongolo & Pissarides (2001), 'Looking into the black box: a survey of the matching function', Journal of "
    "Economic Literature 39(2): hires elasticity to unemployment 0.5-0.7 with constant returns, so 0.3-0.5 to vacancies"
)


def recruitment_ranges(notes: list[Assumption]) -> dict[str, Triangular]:
    """Triangular ranges of the recruitment rate and the two elasticities, each noted with its source."""
    starters = workforce_figure(ENGLAND, "2022/23", "starters_rate_independent_sector")
    within = workforce_figure(ENGLAND, "2021/22", "share_of_recruitment_from_within_sector")
    filled = workforce_figure(ENGLAND, "2022/23", "filled_posts")
    intl = workforce_figure(ENGLAND, "2022/23", "international_recruits_direct_care")
    intl_next = workforce_figure(ENGLAND, "2023/24", "international_recruits_direct_care")
    filled_next = workforce_figure(ENGLAND, "2023/24", "filled_posts")
    outside = 1 - within.value / 100
    mode = starters.value / 100 * outside
    previous = re.search(r"up from (\d+(?:\.\d+)?)%", starters.scope_note)
    if previous is None:
        raise LookupError("the 2022/23 starters rate row no longer gives the previous year's rate")
    low = float(previous.group(1)) / 100 * outside  # the 2021/22 starters rate, from the row's scope note
    high = (mode * filled.value + intl_next.value - intl.value) / filled_next.value
    rate = Triangular(low, mode, high, f"{starters.source}; {within.source}; {filled.source}; {intl_next.source}")
    notes.append(
        Assumption(
            "recruitment capacity: new to the sector per filled post",
            mode,
            f"share per year, triangular {low:.4g}-{high:.4g}",
            "starters rate x share of starters from outside the sector; low end the 2021/22 starters rate "
            f"({previous.group(1)}%, the row's scope note); high end adds 2023/24's rise in international recruits: "
            + rate.source,
            "derived",
            "2022/23",
        )
    )
    pay = Triangular(2.0, 4.0, 5.0, SUPPLY_ELASTICITY_SOURCE)
    vac = Triangular(0.3, 0.4, 0.5, MATCHING_SOURCE)
    notes.append(
        Assumption(
            "recruitment capacity: elasticity to pay over the NLW", 4.0, "triangular 2-5", pay.source, "research note"
        )
    )
    notes.append(
        Assumption(
            "recruitment capacity: elasticity to the vacancy rate",
            0.4,
            "triangular 0.3-0.5",
            vac.source,
            "research note",
        )
    )
    return {"recruitment_rate": rate, "supply_pay_elasticity": pay, "supply_vacancy_elasticity": vac}
