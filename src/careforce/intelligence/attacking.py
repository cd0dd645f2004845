"""Every table of one measure that anyone may see, gathered for the attacker (``domain.metrics.attack``).

The region and each council, each by every breakdown it offers: what a regional lead can download (a
council analyst sees a subset). Used by ``careforce metrics --attack`` and the attack tests.
"""

from __future__ import annotations

from careforce.domain.metrics import Measure, MeasureTable, Split
from careforce.domain.metrics.attack import Attack, Key, attack, truth_of
from careforce.domain.metrics.tables import Laid, lay_out
from careforce.domain.reference import REGION_CODE, REGION_NAME, councils

from . import facts, measures
from .queries import Area


def areas() -> list[Area]:
    return [Area(REGION_CODE, REGION_NAME), *(Area(c.gss_code, c.name) for c in councils())]


def published_tables(measure: Measure, region: facts.RegionFacts) -> dict[tuple[str, Split], MeasureTable]:
    return {
        (area.code, split): measures.table_for_area(area, measure, split, region)
        for area in areas()
        for split in measures.splits_for(area)
    }


def laid_tables(measure: Measure, region: facts.RegionFacts) -> dict[tuple[str, Split], Laid]:
    out = {}
    for area in areas():
        area_facts = region.facts if area.is_region else facts.council_facts(region, area.code)
        for split in measures.splits_for(area):
            out[(area.code, split)] = lay_out(measure, area_facts, area.code, split, region.reference_date)
    return out


def attack_measure(measure: Measure, region: facts.RegionFacts | None = None, *, check: bool = True) -> Attack:
    """The attack on every published table of ``measure``; with ``check``, the attacker's ranges are also
    checked against the true counts (a wrong relation would fail loudly rather than flatter)."""
    region = region or facts.region_facts()
    truth: dict[Key, float] | None = truth_of(laid_tables(measure, region)) if check else None
    return attack(measure, published_tables(measure, region), truth=truth)
