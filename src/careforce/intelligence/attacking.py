"""Every table of one measure that anyone may see, gathered for the attacker (``domain.metrics.attack``).

The region and each council, each by every breakdown it offers: what a regional lead can download (a
council analyst sees a subset). Used by ``careforce metrics --attack`` and the attack tests.
"""

from __future__ import annotations

from careforce.domain.metrics import Measure, MeasureTable, Split
from careforce.domain.metrics.attack import Attack, Key, attack, truth_of
from careforce.domain.metrics.tables import Laid, finish, lay_out, own_status

from . import facts, measures
from .measures import areas


def published_tables(
    measure: Measure, region: facts.RegionFacts, *, one_by_one: bool = False
) -> dict[tuple[str, Split], MeasureTable]:
    """What pages and downloads publish (the linked set's tables); with ``one_by_one``, the same tables
    each protected on its own, as before linked suppression (to measure what linking changes)."""
    if one_by_one:
        return {key: finish(laid, own_status(laid)) for key, laid in laid_tables(measure, region).items()}
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


def attack_measure(
    measure: Measure, region: facts.RegionFacts | None = None, *, check: bool = True, one_by_one: bool = False
) -> Attack:
    """The attack on every published table of ``measure``; with ``check``, the true counts are checked
    against every relation the attacker uses (a wrong relation fails loudly rather than flatters) and
    serve as the first feasible point (``audit.exposed``)."""
    region = region or facts.region_facts()
    truth: dict[Key, float] | None = truth_of(laid_tables(measure, region)) if check else None
    return attack(measure, published_tables(measure, region, one_by_one=one_by_one), truth=truth)
