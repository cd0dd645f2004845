"""Scenarios: small declarative TOML files of parameter changes, validated with line numbers.

A scenario file looks like this::

    name = "pay-rise"
    title = "Pay rise for care roles"
    description = "..."

    [[changes]]
    parameter = "pay.relative_wage"   # what to change (see PARAMETERS)
    op = "add"                        # set | add | multiply
    value = 0.10
    roles = ["care_worker"]           # optional: default every role
    councils = ["E08000025"]          # optional GSS codes: default every council
    from_year = 2026                  # optional: default the first projected year
    ramp_years = 3                    # optional: reach the full change over this many years

Any mistake is refused with a ``ScenarioError`` whose message names the file and line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .dimensions import EARLIEST_YEAR, MAX_YEAR, ROLES, council_codes

FloatArray = NDArray[np.float64]
OPS = ("set", "add", "multiply")


@dataclass(frozen=True)
class ParameterSpec:
    name: str
    unit: str
    meaning: str
    share: bool = False  # a share or rate that must stay within [0, 1]
    by_role: bool = True


PARAMETERS: dict[str, ParameterSpec] = {
    p.name: p
    for p in (
        ParameterSpec("turnover_rate", "share per year", "share of staff leaving their employer each year", True),
        ParameterSpec("sector_exit_share", "share of leavers", "share of leavers who leave the sector", True),
        ParameterSpec(
            "pay.relative_wage", "fraction", "pay rise over the National Living Wage, from the base year (0.10 = +10%)"
        ),
        ParameterSpec("vacancy_rate_target", "share of posts", "vacancies left unfilled by design (frictional)", True),
        ParameterSpec("demand.multiplier", "x posts", "posts required relative to the demand method (productivity)"),
        ParameterSpec(
            "demand.reablement_shift",
            "share",
            "share of care-worker demand moved to support and reablement",
            True,
            by_role=False,
        ),
        ParameterSpec(
            "demand.reablement_success",
            "share",
            "share of the shifted demand that no longer needs long-term care",
            True,
            by_role=False,
        ),
        ParameterSpec(
            "recruitment.domestic_capacity",
            "x observed",
            "domestic recruits new to care, x the observed level (inf = no limit)",
        ),
        ParameterSpec(
            "recruitment.international_capacity",
            "x observed",
            "international recruits, x the observed level (inf = no limit)",
        ),
    )
}


class ScenarioError(ValueError):
    """A scenario file that cannot be used; the message names the line."""

    def __init__(self, source: str, line: int | None, problem: str) -> None:
        self.source = source
        self.line = line
        self.problem = problem
        where = f"{source}, line {line}" if line else source
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Change:
    parameter: str
    op: str
    value: float
    roles: tuple[str, ...] | None = None
    councils: tuple[str, ...] | None = None
    from_year: int = EARLIEST_YEAR + 1  # before a run's first projected year: in force from that year
    ramp_years: int = 0
    line: int | None = None

    def ramp(self, year: int, first_year: int = EARLIEST_YEAR + 1) -> float:
        """Share of the change in force in ``year`` (0 before ``from_year``, 1 once ramped in).

        A change from a year before the run's ``first_year`` starts (and ramps) from ``first_year``.
        """
        start = max(self.from_year, first_year)
        if year < start:
            return 0.0
        if self.ramp_years <= 0:
            return 1.0
        return min(1.0, (year - start + 1) / self.ramp_years)


@dataclass(frozen=True)
class Scenario:
    name: str
    title: str = ""
    description: str = ""
    changes: tuple[Change, ...] = ()
    source: str = "<text>"
    text: str = field(default="", repr=False, compare=False)


_CHANGE_KEYS = {"parameter", "op", "value", "roles", "councils", "from_year", "ramp_years", "note"}
_TOP_KEYS = {"name", "title", "description", "changes"}


def _locate(lines: list[str], index: int | None, key: str | None) -> int | None:
    """1-based line of ``key`` (top level when ``index`` is None, else in the index-th [[changes]] table)."""
    start, end = 0, len(lines)
    if index is not None:
        headers = [i for i, ln in enumerate(lines) if re.match(r"\s*\[\[\s*changes\s*\]\]", ln)]
        if index >= len(headers):
            found = [i for i, ln in enumerate(lines) if re.match(r"\s*changes\s*=", ln)]
            return found[0] + 1 if found else None
        start = headers[index]
        later = [i for i, ln in enumerate(lines) if i > start and re.match(r"\s*\[", ln)]
        end = later[0] if later else len(lines)
        if key is None:
            return start + 1
    else:
        first_table = [i for i, ln in enumerate(lines) if re.match(r"\s*\[", ln)]
        end = first_table[0] if first_table else len(lines)
    if key is not None:
        pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for i in range(start, end):
            if pattern.match(lines[i]):
                return i + 1
    return start + 1 if index is not None else None


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _parse_change(raw: Any, i: int, lines: list[str], source: str) -> Change:
    def fail(key: str | None, problem: str) -> ScenarioError:
        return ScenarioError(source, _locate(lines, i, key), f"change {i + 1}: {problem}")

    if not isinstance(raw, dict):
        raise fail(None, "each change must be a table ([[changes]])")
    for key in raw:
        if key not in _CHANGE_KEYS:
            raise fail(key, f"unknown key {key!r}; allowed: {', '.join(sorted(_CHANGE_KEYS))}")
    for key in ("parameter", "op", "value"):
        if key not in raw:
            raise fail(None, f"missing {key!r}")
    param = raw["parameter"]
    if param not in PARAMETERS:
        raise fail("parameter", f"unknown parameter {param!r}; choose one of {', '.join(PARAMETERS)}")
    spec = PARAMETERS[param]
    op = raw["op"]
    if op not in OPS:
        raise fail("op", f"op must be one of set, add, multiply, not {op!r}")
    value = raw["value"]
    if not _is_number(value):
        raise fail("value", f"value must be a number, not {value!r}")
    value = float(value)
    if op == "multiply" and value < 0:
        raise fail("value", "a multiplier cannot be negative")
    if op == "set" and spec.share and not 0.0 <= value <= 1.0:
        raise fail("value", f"{param} is a share: set it to a value between 0 and 1, not {value}")
    if op == "set" and value < 0:
        raise fail("value", f"{param} cannot be set below zero")
    roles = raw.get("roles")
    if roles is not None:
        if not spec.by_role:
            raise fail("roles", f"{param} applies to the care-worker and reablement roles together: remove 'roles'")
        if not isinstance(roles, list) or not roles or not all(isinstance(r, str) for r in roles):
            raise fail("roles", "roles must be a non-empty list of role names")
        bad = [r for r in roles if r not in ROLES]
        if bad:
            raise fail("roles", f"unknown role {bad[0]!r}; roles are {', '.join(ROLES)}")
    councils = raw.get("councils")
    if councils is not None:
        known = council_codes()
        if not isinstance(councils, list) or not councils or not all(isinstance(c, str) for c in councils):
            raise fail("councils", "councils must be a non-empty list of GSS codes")
        bad = [c for c in councils if c not in known]
        if bad:
            raise fail("councils", f"{bad[0]!r} is not the GSS code of a council in the region")
    from_year = raw.get("from_year", EARLIEST_YEAR + 1)
    if not isinstance(from_year, int) or isinstance(from_year, bool) or not EARLIEST_YEAR < from_year <= MAX_YEAR:
        raise fail("from_year", f"from_year must be a year from {EARLIEST_YEAR + 1} to {MAX_YEAR}, not {from_year!r}")
    ramp = raw.get("ramp_years", 0)
    if not isinstance(ramp, int) or isinstance(ramp, bool) or not 0 <= ramp <= 20:
        raise fail("ramp_years", f"ramp_years must be a whole number of years from 0 to 20, not {ramp!r}")
    return Change(
        parameter=param,
        op=op,
        value=value,
        roles=tuple(roles) if roles else None,
        councils=tuple(councils) if councils else None,
        from_year=from_year,
        ramp_years=ramp,
        line=_locate(lines, i, None),
    )


def parse_scenario(text: str, source: str = "<text>") -> Scenario:
    """Parse and validate scenario TOML text."""
    lines = text.splitlines()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise ScenarioError(source, int(match.group(1)) if match else None, f"not valid TOML: {exc}") from exc
    for key in data:
        if key not in _TOP_KEYS:
            raise ScenarioError(
                source, _locate(lines, None, key), f"unknown key {key!r}; allowed: {', '.join(sorted(_TOP_KEYS))}"
            )
    name = data.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        raise ScenarioError(
            source,
            _locate(lines, None, "name") or 1,
            'name must be lower-case letters, digits and hyphens, e.g. name = "pay-rise"',
        )
    for key in ("title", "description"):
        if key in data and not isinstance(data[key], str):
            raise ScenarioError(source, _locate(lines, None, key), f"{key} must be text")
    raw_changes = data.get("changes", [])
    if not isinstance(raw_changes, list):
        raise ScenarioError(source, _locate(lines, None, "changes"), "changes must be a list of [[changes]] tables")
    changes = tuple(_parse_change(raw, i, lines, source) for i, raw in enumerate(raw_changes))
    return Scenario(
        name=name,
        title=str(data.get("title", name)),
        description=str(data.get("description", "")),
        changes=changes,
        source=source,
        text=text,
    )


def load_scenario(path_or_text: str | Path) -> Scenario:
    """A scenario from a file path, or from TOML text (any string with a newline or '=' in it)."""
    if isinstance(path_or_text, Path) or ("\n" not in path_or_text and "=" not in path_or_text):
        path = Path(path_or_text)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ScenarioError(str(path), None, f"cannot read the file: {exc.strerror}") from exc
        return parse_scenario(text, source=str(path))
    return parse_scenario(path_or_text)


BUILTIN_ORDER = (
    "baseline",
    "lower-turnover",
    "pay-rise",
    "prevention-reablement-shift",
    "international-recruitment-cap",
    "combined",
)


def builtin_scenarios() -> dict[str, Scenario]:
    """The scenarios shipped in ``careforce/scenarios``, baseline first."""
    folder = resources.files("careforce").joinpath("scenarios")
    found = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".toml"):
            scenario = parse_scenario(entry.read_text(encoding="utf-8"), source=f"careforce/scenarios/{entry.name}")
            found[scenario.name] = scenario
    order = {name: i for i, name in enumerate(BUILTIN_ORDER)}
    return dict(sorted(found.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))


@dataclass(frozen=True)
class CompiledScenario:
    """Each parameter as ``value = base * scale + shift`` per (council, role, year)."""

    name: str
    scale: dict[str, FloatArray]
    shift: dict[str, FloatArray]

    def apply(self, parameter: str, base: FloatArray | float) -> FloatArray:
        """``base`` broadcast against (council, role, year); infinite bases stay infinite unless set."""
        scale = self.scale[parameter]
        shift = self.shift[parameter]
        with np.errstate(invalid="ignore"):
            out: FloatArray = np.where(scale == 0, shift, np.asarray(base) * scale + shift)
        return out


def compile_scenario(scenario: Scenario, councils: tuple[str, ...], years: range) -> CompiledScenario:
    shape = (len(councils), len(ROLES), len(years))
    scale = {p: np.ones(shape) for p in PARAMETERS}
    shift = {p: np.zeros(shape) for p in PARAMETERS}
    for change in scenario.changes:
        # a change never alters the base year, whatever year a run starts from
        first = years[0] + 1
        rho = np.array([0.0] + [change.ramp(y, first) for y in years[1:]])
        c_idx = [councils.index(c) for c in change.councils] if change.councils else list(range(len(councils)))
        r_idx = [ROLES.index(r) for r in change.roles] if change.roles else list(range(len(ROLES)))
        sel = np.ix_(c_idx, r_idx, list(range(len(years))))
        m, k = scale[change.parameter], shift[change.parameter]
        if change.op == "set":
            m[sel] = m[sel] * (1 - rho)
            with np.errstate(invalid="ignore"):  # an unlimited (inf) value is not in force where rho is 0
                k[sel] = k[sel] * (1 - rho) + np.where(rho > 0, change.value * rho, 0.0)
        elif change.op == "multiply":
            factor = 1 + (change.value - 1) * rho
            m[sel] = m[sel] * factor
            k[sel] = k[sel] * factor
        else:
            k[sel] = k[sel] + change.value * rho
    return CompiledScenario(scenario.name, scale, shift)
