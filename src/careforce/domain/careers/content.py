"""Career content: role profiles, entry routes, the career pathway between roles, and myths answered.

The words live in ``data/careers/*.toml`` so they can be edited without touching code; this module loads
them once, checks them against the ASC-WDS code lists and the workforce figures, and returns typed,
immutable objects. Every figure in a myth's answer is filled in from
``data/calibration/workforce_estimates.csv`` together with that row's source, so none can be invented.
"""

from __future__ import annotations

import tomllib
from collections import deque
from dataclasses import dataclass
from functools import cache
from typing import Any

from careforce.domain.reference import code_list, data_path, read_rows


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class CareValue:
    """One of the care workforce pathway's seven universal values."""

    key: str
    name: str
    strength: str
    think_about: str
    shown_by: str = ""  # completes "your answers show that ...": "you see the whole person, not only the tasks"


@dataclass(frozen=True)
class EntryRoute:
    key: str
    title: str
    summary: str
    source: Source


@dataclass(frozen=True)
class RoleProfile:
    job_role: int  # ASC-WDS job role code
    title: str
    cwp_category: int  # care workforce pathway role category code
    cwp_category_label: str
    entry: bool
    summary: str
    day: tuple[str, ...]
    key_values: tuple[str, ...]
    entry_routes: tuple[str, ...]
    leads_to: tuple[int, ...]


@dataclass(frozen=True)
class Fact:
    text: str
    source: Source
    year: str | None = None  # the year the figure is for, when it comes from the workforce figures


@dataclass(frozen=True)
class Myth:
    key: str
    myth: str
    answer: str
    facts: tuple[Fact, ...]


class ContentError(ValueError):
    """The career content files disagree with the code lists or the workforce figures."""


def load_careers_toml(name: str) -> dict[str, Any]:
    with data_path("careers", name).open("rb") as handle:
        return tomllib.load(handle)


@cache
def care_values() -> tuple[CareValue, ...]:
    data = load_careers_toml("values.toml")
    return tuple(CareValue(v["key"], v["name"], v["strength"], v["think_about"], v["shown_by"]) for v in data["value"])


def values_source() -> Source:
    data = load_careers_toml("values.toml")
    return Source(data["source_title"], data["source_url"])


def care_value(key: str) -> CareValue:
    for value in care_values():
        if value.key == key:
            return value
    raise KeyError(f"no care value called {key!r}")


@cache
def entry_routes() -> dict[str, EntryRoute]:
    data = load_careers_toml("entry_routes.toml")
    return {
        r["key"]: EntryRoute(r["key"], r["title"], r["summary"], Source(r["source_title"], r["source_url"]))
        for r in data["route"]
    }


@cache
def role_profiles() -> dict[int, RoleProfile]:
    """Role profiles by ASC-WDS job role code, checked against the code lists and each other."""
    data = load_careers_toml("roles.toml")
    job_roles = code_list("job_roles")
    categories = code_list("cwp_role_category").labels
    value_keys = {v.key for v in care_values()}
    routes = entry_routes()
    profiles: dict[int, RoleProfile] = {}
    for r in data["role"]:
        code = int(r["job_role"])
        if code not in job_roles:
            raise ContentError(f"roles.toml: {code} is not an ASC-WDS job role code")
        if int(r["cwp_category"]) not in categories:
            raise ContentError(f"roles.toml: job role {code} has an unknown pathway category {r['cwp_category']}")
        unknown = (set(r["key_values"]) - value_keys) | (set(r["entry_routes"]) - set(routes))
        if unknown:
            raise ContentError(f"roles.toml: job role {code} refers to unknown keys {sorted(unknown)}")
        profiles[code] = RoleProfile(
            job_role=code,
            title=r["title"],
            cwp_category=int(r["cwp_category"]),
            cwp_category_label=categories[int(r["cwp_category"])],
            entry=bool(r["entry"]),
            summary=r["summary"],
            day=tuple(r["day"]),
            key_values=tuple(r["key_values"]),
            entry_routes=tuple(r["entry_routes"]),
            leads_to=tuple(int(c) for c in r["leads_to"]),
        )
    for profile in profiles.values():
        missing = [c for c in profile.leads_to if c not in profiles]
        if missing:
            raise ContentError(f"roles.toml: job role {profile.job_role} leads to roles with no profile: {missing}")
    return profiles


def entry_role_codes() -> tuple[int, ...]:
    return tuple(code for code, profile in role_profiles().items() if profile.entry)


def career_paths(start: int, *, max_steps: int = 6) -> list[tuple[int, ...]]:
    """Every route from a job role along ``leads_to``, as tuples of job role codes, shortest first.

    A route stops where a role leads nowhere further (or after ``max_steps`` moves); no role repeats.
    """
    profiles = role_profiles()
    if start not in profiles:
        raise KeyError(f"no role profile for job role {start}")
    finished: list[tuple[int, ...]] = []
    queue: deque[tuple[int, ...]] = deque([(start,)])
    while queue:
        path = queue.popleft()
        onward = [c for c in profiles[path[-1]].leads_to if c not in path]
        if not onward or len(path) > max_steps:
            if len(path) > 1:
                finished.append(path)
            continue
        queue.extend(path + (c,) for c in onward)
    return sorted(finished, key=lambda p: (len(p), p))


def pathway_edges() -> list[tuple[int, int]]:
    """The career pathway graph: (from job role, to job role) pairs."""
    return [(code, onward) for code, profile in role_profiles().items() for onward in profile.leads_to]


def _format_figure(value: str) -> str:
    number = float(value)
    return f"{int(number):,}" if number.is_integer() else f"{number:,.1f}".rstrip("0").rstrip(".")


@cache
def myths() -> tuple[Myth, ...]:
    """Myths answered with facts. Raises ``ContentError`` if a cited figure is not in the workforce figures."""
    figures = {(r["area"], r["year"], r["metric"]): r for r in read_rows("calibration", "workforce_estimates.csv")}
    out: list[Myth] = []
    for m in load_careers_toml("myths.toml")["myth"]:
        facts: list[Fact] = []
        for f in m["fact"]:
            if "figure" in f:
                key = (f["figure"]["area"], f["figure"]["year"], f["figure"]["metric"])
                row = figures.get(key)
                if row is None:
                    raise ContentError(f"myths.toml: no workforce figure for {key}")
                text = f["text"].format(value=_format_figure(row["value"]))
                facts.append(Fact(text, Source(row["source_title"], row["source_url"]), row["year"]))
            else:
                if "{" in f["text"]:
                    raise ContentError(f"myths.toml: {m['key']} has a placeholder but no figure")
                facts.append(Fact(f["text"], Source(f["source_title"], f["source_url"])))
        out.append(Myth(m["key"], m["myth"], m["answer"], tuple(facts)))
    return tuple(out)
