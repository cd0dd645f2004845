"""Synthetic organisations and workplaces spread over the region's councils and districts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from careforce.domain.reference import code_list
from careforce.domain.reference import council as council_named

from .parameters import Weighted, largest_remainder
from .places import current_postcodes_by_district, district_weights

NAME_STEMS = (
    "Oak",
    "Willow",
    "Beech",
    "Meadow",
    "Brook",
    "Heath",
    "Elm",
    "Ash",
    "Cedar",
    "Maple",
    "Rowan",
    "Hazel",
    "Holly",
    "Orchard",
    "River",
    "Valley",
    "Hill",
    "Spring",
    "Sunrise",
    "Haven",
    "Bridge",
    "Kingfisher",
    "Swallow",
    "Lark",
    "Wren",
    "Bluebell",
    "Foxglove",
    "Primrose",
    "Linden",
    "Alder",
)
NAME_ENDINGS = ("field", "wood", "view", "side", "croft", "gate", "lea", "mead", "bank", "dale", "hurst", "ley")
PROVIDER_SUFFIXES = ("Care", "Care Services", "Healthcare", "Support", "Home Care", "Care Group", "Living")
HOME_SUFFIXES = ("House", "Lodge", "Court", "Manor", "Grange", "View")
STREETS = ("Church", "Station", "Park", "Mill", "School", "Victoria", "Green", "Manor", "Kings", "Queens", "New")

SERVICE_KINDS = ("care_home_with_nursing", "care_home_without_nursing", "non_residential")
CARE_HOME_CODES = {"care_home_with_nursing": 1, "care_home_without_nursing": 2}


@dataclass
class Workplaces:
    """Columnar workplaces; organisations are indices into ``organisation_names``."""

    organisation_names: list[str]
    organisation: NDArray[np.int64]
    local_identifier: list[str]
    name: list[str]
    address_line_1: list[str]
    post_town: list[str]
    postcode: list[str]
    district_code: list[str]
    council_code: list[str]
    establishment_type: NDArray[np.int64]
    main_service: NDArray[np.int64]
    staff: NDArray[np.int64]
    cqc_location_id: list[str]  # "" where the main service is not regulated by CQC
    cqc_rating: list[str]  # "" where the main service is not regulated by CQC
    capacity: NDArray[np.int64]  # -1 where the service has no beds
    cqc_regulated: NDArray[np.bool_]  # REGTYPE 2: the main service is one CQC regulates (main_services.csv)

    def __len__(self) -> int:
        return len(self.local_identifier)


def cqc_regulated_services() -> frozenset[int]:
    """Main services that make a workplace CQC regulated (REGTYPE 2), as ASC-WDS's bulk upload counts them."""
    return frozenset(
        c.code
        for c in code_list("main_services")
        if c.extra.get("counts_as_cqc_regulated_main_service_for_regtype") == "yes"
    )


def _word_name(rng: np.random.Generator) -> str:
    return NAME_STEMS[int(rng.integers(len(NAME_STEMS)))] + NAME_ENDINGS[int(rng.integers(len(NAME_ENDINGS)))]


def _pick(rng: np.random.Generator, options: tuple[str, ...]) -> str:
    return options[int(rng.integers(len(options)))]


def make_workplaces(p: dict[str, Any], n_locations: int, n_workers: int, rng: np.random.Generator) -> Workplaces:
    areas = district_weights(int(p["councils"]["population_year"]))
    council_weights = np.array([a.weights.sum() for a in areas])
    locations_per_council = largest_remainder(n_locations, council_weights)
    staff_per_council = largest_remainder(n_workers, council_weights)

    # kind of service: location shares follow post shares divided by typical size
    post_share = np.array([p["services"]["posts_share"][k] for k in SERVICE_KINDS], dtype=np.float64)
    mean_staff = np.array([p["services"]["mean_staff"][k] for k in SERVICE_KINDS], dtype=np.float64)
    kind_probability = post_share / mean_staff / (post_share / mean_staff).sum()
    non_residential = Weighted.of(p["services"]["non_residential_mix"])
    postcodes = current_postcodes_by_district()

    rows: dict[str, list[Any]] = {
        k: [] for k in ("district", "council", "postcode", "town", "service", "kind", "staff")
    }
    for area, n_loc, n_staff in zip(areas, locations_per_council, staff_per_council, strict=True):
        if n_loc == 0:
            continue
        district_index = rng.choice(len(area.district_codes), size=n_loc, p=area.weights / area.weights.sum())
        kinds = rng.choice(len(SERVICE_KINDS), size=n_loc, p=kind_probability)
        community = non_residential.draw(rng, n_loc)
        size = rng.lognormal(np.log(mean_staff[kinds]), 0.45)
        staff = np.maximum(largest_remainder(int(n_staff), size), 2)
        staff[np.argmax(staff)] -= int(staff.sum() - n_staff)  # keep the council total exact after the floor
        for i in range(n_loc):
            code = area.district_codes[district_index[i]]
            kind = SERVICE_KINDS[kinds[i]]
            service = CARE_HOME_CODES.get(kind) or int(community[i])
            rows["district"].append(code)
            rows["council"].append(area.council.gss_code)
            rows["postcode"].append(postcodes[code][int(rng.integers(len(postcodes[code])))])
            rows["town"].append(area.district_names[district_index[i]].replace(", County of", ""))
            rows["service"].append(service)
            rows["kind"].append(kind)
            rows["staff"].append(int(staff[i]))
    return _with_organisations(p, rows, rng)


def _with_organisations(p: dict[str, Any], rows: dict[str, list[Any]], rng: np.random.Generator) -> Workplaces:
    n = len(rows["postcode"])
    staff = np.array(rows["staff"], dtype=np.int64)
    service = np.array(rows["service"], dtype=np.int64)
    councils = rows["council"]

    # Council-run services: a share of each council's non-residential staff, one organisation per council.
    la_share = float(p["organisations"]["local_authority_share_of_jobs"])
    is_la = np.zeros(n, dtype=bool)
    for code in dict.fromkeys(councils):
        candidates = [i for i in range(n) if councils[i] == code and service[i] not in (1, 2)]
        rng.shuffle(candidates)
        target = la_share * staff[[i for i in range(n) if councils[i] == code]].sum()
        held = 0
        for i in candidates:
            if held >= target:
                break
            is_la[i], held = True, held + int(staff[i])

    independent = np.flatnonzero(~is_la)
    n_orgs = max(1, round(len(independent) * float(p["organisations"]["per_location"])))
    organisation = np.full(n, -1, dtype=np.int64)
    # every provider has at least one location; the rest go to a few larger groups (Zipf-like)
    order = rng.permutation(independent)
    organisation[order[:n_orgs]] = np.arange(min(n_orgs, len(order)))
    weights = 1.0 / np.arange(1, n_orgs + 1) ** 1.1
    organisation[order[n_orgs:]] = rng.choice(n_orgs, size=max(0, len(order) - n_orgs), p=weights / weights.sum())
    names = [f"{_word_name(rng)} {_pick(rng, PROVIDER_SUFFIXES)} Ltd" for _ in range(n_orgs)]
    voluntary = rng.random(n_orgs) < float(p["organisations"]["voluntary_share_of_independent"])
    names = [nm.replace(" Ltd", " Trust") if vol else nm for nm, vol in zip(names, voluntary, strict=True)]
    establishment_type = np.where(voluntary[np.maximum(organisation, 0)], 7, 6)

    la_orgs: dict[str, int] = {}
    for i in np.flatnonzero(is_la).tolist():
        code = councils[i]
        if code not in la_orgs:
            la_orgs[code] = len(names)
            names.append(f"{council_named(code).name.replace(', County of', '')} Council adult social care")
        organisation[i] = la_orgs[code]
    establishment_type[is_la] = 1

    ratings = list(p["cqc"]["ratings"])
    rating_p = np.array(list(p["cqc"]["ratings"].values()), dtype=np.float64)
    rating_index = rng.choice(len(ratings), size=n, p=rating_p / rating_p.sum())
    workplace_names, cqc_ids, cqc_rating, capacity = [], [], [], np.full(n, -1, dtype=np.int64)
    regulated = np.isin(service, sorted(cqc_regulated_services()))
    for i in range(n):
        if service[i] in (1, 2):
            workplace_names.append(f"{_word_name(rng)} {_pick(rng, HOME_SUFFIXES)}")
            capacity[i] = max(3, int(round(staff[i] / (1.3 if service[i] == 1 else 1.0))))
        else:
            workplace_names.append(
                f"{names[organisation[i]].removesuffix(' Ltd').removesuffix(' Trust')} {rows['town'][i]}"
            )
        cqc_id = f"1-{rng.integers(100_000_000, 9_999_999_999)}"  # drawn for every location: same stream
        cqc_ids.append(cqc_id if regulated[i] else "")
        cqc_rating.append(ratings[rating_index[i]] if regulated[i] else "")
    return Workplaces(
        organisation_names=names,
        organisation=organisation,
        local_identifier=[f"WP{i + 1:05d}" for i in range(n)],
        name=workplace_names,
        address_line_1=[f"{rng.integers(1, 200)} {_pick(rng, STREETS)} Road" for _ in range(n)],
        post_town=rows["town"],
        postcode=rows["postcode"],
        district_code=rows["district"],
        council_code=list(councils),
        establishment_type=establishment_type.astype(np.int64),
        main_service=service,
        staff=staff,
        cqc_location_id=cqc_ids,
        cqc_rating=cqc_rating,
        capacity=capacity,
        cqc_regulated=regulated,
    )
