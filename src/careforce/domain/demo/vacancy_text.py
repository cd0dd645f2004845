"""The words of the demo region's vacancy adverts, made from ``data/careers/demo_vacancies.toml``.

Each advert is put together from parts chosen at random (from the demo's own random stream, so the same
seed gives the same words): an opening for the kind of service, a line about the role, two or three things
the employer offers and who they are looking for. Duties are the role's day from ``roles.toml`` (or the
file's own duties for roles without a profile), four or five of them; the shift pattern matches the
vacancy's hours. All of it is made up: no real employer wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from careforce.domain.careers.content import load_careers_toml, role_profiles

from .workplaces import Workplaces

ENTRY_LOOKING_FOR = {8, 52, 9, 34, 26, 25}  # roles people start in without experience


@dataclass
class VacancyWords:
    description: list[str]
    duties: list[str]  # one duty a line
    shift_pattern: list[str]


@cache
def _words() -> dict[str, Any]:
    data = load_careers_toml("demo_vacancies.toml")
    by_service: dict[int, list[str]] = {}
    for service in data["service"]:
        for code in service["main_services"]:
            by_service[int(code)] = list(service["openings"])
    return {**data, "by_service": by_service, "fallback": list(data["service"][-1]["openings"])}


def _pick(options: list[str], rng: np.random.Generator) -> str:
    return options[int(rng.integers(0, len(options)))]


def _duties(role: int, rng: np.random.Generator) -> str:
    profile = role_profiles().get(role)
    pool = list(profile.day) if profile else list(_words()["duties"].get(str(role), _words()["duties"]["default"]))
    count = min(len(pool), int(rng.integers(4, 6)))
    keep = np.sort(rng.choice(len(pool), size=count, replace=False))  # in the day's order
    return "\n".join(pool[i].rstrip(".") for i in keep)


def write_vacancies(
    places: Workplaces,
    workplace: NDArray[np.int64],
    role: NDArray[np.int64],
    pattern: NDArray[np.int64],
    rng: np.random.Generator,
) -> VacancyWords:
    """The advert words for each vacancy (parallel to ``workplace``, ``role`` and ``pattern``)."""
    words = _words()
    descriptions, duties, shifts = [], [], []
    for w, r, k in zip(workplace.tolist(), role.tolist(), pattern.tolist(), strict=True):
        opening = _pick(words["by_service"].get(int(places.main_service[w]), words["fallback"]), rng)
        opening = opening.format(workplace=places.name[w], town=places.post_town[w] or "the area")
        role_line = _pick(words["role_lines"].get(str(r), words["role_lines"]["default"]), rng)
        offers = rng.choice(len(words["offers"]["lines"]), size=int(rng.integers(2, 4)), replace=False)
        offer_text = "We offer: " + " ".join(words["offers"]["lines"][i] for i in sorted(offers))
        looking = _pick(words["looking_for"]["entry" if r in ENTRY_LOOKING_FOR else "experienced"], rng)
        descriptions.append("\n\n".join((f"{opening} {role_line}", offer_text, looking)))
        duties.append(_duties(r, rng))
        shifts.append(_pick(words["shifts"][str(k)], rng))
    return VacancyWords(descriptions, duties, shifts)
