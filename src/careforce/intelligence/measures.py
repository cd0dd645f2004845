"""Measure tables for the areas (and the provider) a user may see, built once per data version.

Every table of a measure is cut from its linked set (``domain.metrics.linked``, ADR 0100): the region's
and every council's tables protected together, so pages, downloads and the ``careforce metrics`` command
show the same cells and no combination of them gives a hidden cell away.
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass
from typing import Any

from django.http import Http404

from careforce.accounts.scope import Actor
from careforce.domain.metrics import CONFIDENTIAL, MEASURES, Marker, Measure, MeasureTable, Split, build_table
from careforce.domain.metrics.linked import LinkedSet, link, published_linked
from careforce.domain.metrics.tables import format_date, period_phrase
from careforce.domain.reference import REGION_CODE, REGION_NAME, councils
from careforce.domain.reference import council as reference_council

from . import facts, queries
from .queries import Area

COUNCIL_SPLITS = (Split.NONE, Split.TREND, Split.JOB_ROLE, Split.JOB_ROLE_GROUP, Split.MAIN_SERVICE, Split.SECTOR)
REGION_SPLITS = (*COUNCIL_SPLITS, Split.COUNCIL)
SPLIT_LABELS = {
    Split.NONE: "Area with England and West Midlands",
    Split.TREND: "Year by year",
    Split.JOB_ROLE: "Job role",
    Split.JOB_ROLE_GROUP: "Job role group",
    Split.MAIN_SERVICE: "Main service",
    Split.SECTOR: "Sector",
    Split.COUNCIL: "Council",
}


def slug(measure: Measure) -> str:
    return measure.id.replace("_", "-")


def measure_for(slug_or_id: str) -> Measure:
    """The measure named in a URL (``turnover-rate``) or on the command line (``turnover_rate``); 404 if none."""
    wanted = slug_or_id.replace("-", "_")
    for m in MEASURES:
        if m.id == wanted:
            return m
    raise Http404("No such measure")


def splits_for(area: Area) -> tuple[Split, ...]:
    return REGION_SPLITS if area.is_region else COUNCIL_SPLITS


def split_for(area: Area, value: str | None) -> Split:
    """The breakdown asked for, if it is one this area offers; the area's own figures otherwise."""
    for split in splits_for(area):
        if split.value == value:
            return split
    return Split.NONE


def current() -> facts.RegionFacts:
    """The region's facts as of now (checks the data version once)."""
    return facts.region_facts()


def areas() -> list[Area]:
    """The region and every council: the areas whose tables are published."""
    return [Area(REGION_CODE, REGION_NAME), *(Area(c.gss_code, c.name) for c in councils())]


_linking = threading.Lock()


def linked_set(measure: Measure, region: facts.RegionFacts) -> LinkedSet:
    """Every table of ``measure`` for the region and each council, protected together (ADR 0100), once per
    data version: one build at a time, so requests arriving together wait for it rather than repeat it."""
    key = ("linked", measure.id)

    def build() -> LinkedSet:
        every = areas()
        facts_by_area = {a.code: region.facts if a.is_region else facts.council_facts(region, a.code) for a in every}
        return link(measure, facts_by_area, {a.code: splits_for(a) for a in every}, region.reference_date)

    if key in region.tables:
        return facts.cached(region, key, build)
    with _linking:
        return facts.cached(region, key, build)


def table_for_area(area: Area, measure: Measure, split: Split, region: facts.RegionFacts | None = None) -> MeasureTable:
    """The table of a measure for an area, cut from the measure's linked set (so no combination of the
    tables anyone may see gives a hidden cell away), or, for a distribution, protected on its own until
    its linked set is fast enough (``linked.published_linked``, ADR 0100). Callers have checked the area may be seen
    (``queries.area_for``), or are the administrative command line. Pages showing several tables pass
    the ``region`` facts they got once, so the data version is checked once per page."""
    region = region or facts.region_facts()
    if split not in splits_for(area):
        split = Split.NONE

    def build() -> MeasureTable:
        if published_linked(measure):
            return linked_set(measure, region).table(area.code, split)
        area_facts = region.facts if area.is_region else facts.council_facts(region, area.code)
        return build_table(measure, area_facts, area.code, split, region.reference_date)

    return facts.cached(region, ("area", area.code, measure.id, split), build)


def area_table(user: Actor, area_code: str, measure: Measure, split: Split) -> tuple[Area, MeasureTable]:
    area = queries.area_for(user, area_code)
    return area, table_for_area(area, measure, split)


# ---- a provider's own workplaces beside their council --------------------------------------------------
@dataclass(frozen=True)
class ProviderScope:
    organisation_id: int
    organisation_name: str
    council: Area
    councils: tuple[Area, ...]  # every council the provider has workplaces in, most workplaces first


def provider_scope(
    user: Actor, council_code: str | None = None, region: facts.RegionFacts | None = None
) -> ProviderScope:
    """The manager's organisation and the council to compare it with: ``council_code`` if the provider has
    workplaces there, otherwise the council where it has most. 404 if it has no workplaces."""
    organisation_id, name = queries.organisation_of(user)
    counts = facts.councils_of_organisation(region or facts.region_facts(), organisation_id)
    if not counts:
        raise Http404("The provider has no workplaces")
    ordered = sorted(counts, key=lambda code: (-counts[code], code))
    areas = tuple(Area(code, reference_council(code).name) for code in ordered)
    chosen = next((a for a in areas if a.code == council_code), areas[0])
    return ProviderScope(organisation_id, name, chosen, areas)


def _hide_where(shown: tuple[Any, ...], others: tuple[Any, ...]) -> list[Any]:
    """A council row with every cell hidden whose figure for the *other* providers is hidden: the manager
    knows their own staff, so council minus own would give the other providers' figure away."""
    return [
        CONFIDENTIAL if isinstance(o, Marker) and o is CONFIDENTIAL and not isinstance(c, Marker) else c
        for c, o in zip(shown, others, strict=True)
    ]


def provider_table(scope: ProviderScope, measure: Measure, region: facts.RegionFacts | None = None) -> MeasureTable:
    region = region or facts.region_facts()
    code = scope.council.code

    def build() -> MeasureTable:
        day = region.reference_date
        own = build_table(measure, facts.organisation_facts(region, scope.organisation_id, code), code, Split.NONE, day)
        others = build_table(
            measure, facts.organisation_facts(region, scope.organisation_id, code, others=True), code, Split.NONE, day
        )
        whole = table_for_area(Area(code, scope.council.name), measure, Split.NONE, region)
        area_row = whole.rows[0]
        council_row = [f"All workplaces in {scope.council.name}", *_hide_where(area_row[1:], others.rows[0][1:])]
        rows = (
            (f"Your workplaces in {scope.council.name}", *own.rows[0][1:]),
            tuple(council_row),
            *whole.rows[len(whole.rows) - whole.comparator_rows :],
        )
        prefix = f"In {scope.council.name},"
        own_sentence = own.sentence.replace(
            prefix, f"In {scope.organisation_name}'s workplaces in {scope.council.name},", 1
        )
        hidden_extra = sum(1 for a, b in zip(area_row[1:], council_row[1:], strict=True) if a is not b)
        return dataclasses.replace(
            whole,
            caption=f"{measure.title}: {scope.organisation_name} beside all workplaces in "
            f"{scope.council.name}, {period_phrase(measure, day)}",
            sentence=f"{own_sentence} {whole.sentence}",
            rows=rows,
            split="provider",
            area_name=f"{scope.organisation_name} and {scope.council.name}",
            suppressed_cells=own.suppressed_cells + whole.suppressed_cells + hidden_extra,
            footnotes=(
                *whole.footnotes,
                *(
                    note.replace(
                        f"workplaces in {scope.council.name};",
                        f"{scope.organisation_name}'s workplaces in {scope.council.name} (your row);",
                        1,
                    )
                    for note in own.footnotes
                    if note.startswith("Figures for ")
                ),
                "Figures for all workplaces in the council are also hidden where the "
                "same figure for the other providers would rest on fewer than 5 people.",
            ),
            source=f"{whole.source.removesuffix('.')}; your workplaces' records as of {format_date(day)}.",
        )

    return facts.cached(region, ("provider", scope.organisation_id, code, measure.id), build)
