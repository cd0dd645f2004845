"""Aggregates for councils and the region. Nothing here returns a worker-level record.

A council analyst may see only their own council; a regional lead may see every council.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from django.http import Http404

from careforce.accounts.scope import Actor, scope_of
from careforce.domain.reference import REGION_CODE, REGION_NAME
from careforce.region.models import Council
from careforce.workforce.models import Organisation, Workplace


@dataclass(frozen=True)
class AreaCounts:
    gss_code: str
    name: str
    providers: int
    locations: int
    staff: int


def councils_visible_to(user: Actor) -> list[Council]:
    scope = scope_of(user)
    if scope.whole_region:
        return list(Council.objects.all())
    if scope.council:
        return list(Council.objects.filter(pk=scope.council))
    return []


def council_for(user: Actor, gss_code: str) -> Council:
    for council in councils_visible_to(user):
        if council.gss_code == gss_code:
            return council
    raise Http404("No such council area")


@dataclass(frozen=True)
class Area:
    """A council area or the whole region, as a page or table names it."""

    code: str
    name: str

    @property
    def is_region(self) -> bool:
        return self.code == REGION_CODE


REGION = Area(REGION_CODE, REGION_NAME)


def area_for(user: Actor, code: str) -> Area:
    """The area with this GSS code if the user may see its measures; 404 otherwise (existence is not
    revealed). The region needs the regional permission; a council must be one the user may see."""
    if code == REGION_CODE and scope_of(user).whole_region:
        return REGION
    if code == REGION_CODE:
        raise Http404("No such area")
    chosen = council_for(user, code)
    return Area(chosen.gss_code, chosen.name)


def home_area_for(user: Actor) -> Area:
    """The area a user's measures start from: the region for a regional lead, their council otherwise."""
    if scope_of(user).whole_region:
        return REGION
    visible = councils_visible_to(user)
    if not visible:
        raise Http404("No area")
    return Area(visible[0].gss_code, visible[0].name)


def organisation_of(user: Actor) -> tuple[int, str]:
    """The provider a manager acts for (id, name); 404 for anyone else or a manager without one."""
    organisation_id = scope_of(user).managed_organisation
    if organisation_id is None:
        raise Http404("No care provider")
    name = Organisation.objects.filter(pk=organisation_id).values_list("name", flat=True).first()
    if name is None:
        raise Http404("No care provider")
    return organisation_id, name


def area_counts(councils: list[Council]) -> list[AreaCounts]:
    """Providers, locations and current staff in each council area."""
    names = {c.gss_code: c.name for c in councils}
    rows = (
        Workplace.objects.filter(council_id__in=names)
        .values("council_id")
        .annotate(
            providers=Count("organisation", distinct=True),
            locations=Count("id", distinct=True),
        )
    )
    staff = dict(
        Workplace.objects.filter(council_id__in=names)
        .values("council_id")
        .annotate(n=Count("workers", filter=Q(workers__left_on__isnull=True)))
        .values_list("council_id", "n")
    )
    by_code = {r["council_id"]: r for r in rows}
    return [
        AreaCounts(
            code,
            names[code],
            by_code.get(code, {}).get("providers", 0),  # type: ignore[call-overload]
            by_code.get(code, {}).get("locations", 0),  # type: ignore[call-overload]
            staff.get(code, 0),
        )
        for code in sorted(names, key=lambda c: names[c])
    ]


def region_counts(councils: list[Council]) -> AreaCounts:
    """Providers, locations and current staff across the councils together. A provider (organisation) with
    workplaces in several of the councils counts once, so the councils' provider counts can add up to
    more than this; locations and staff belong to one council each, so theirs add up to it."""
    places = Workplace.objects.filter(council_id__in=[c.gss_code for c in councils])
    return AreaCounts(
        REGION_CODE,
        REGION_NAME,
        places.values("organisation").distinct().count(),
        places.count(),
        places.aggregate(n=Count("workers", filter=Q(workers__left_on__isnull=True)))["n"] or 0,
    )
