"""Base-year stock as data: the region's and each council's filled posts in any year the data allows.

Every figure carries the year it describes and its source. A figure published for the year asked
for is used as published. Otherwise it is carried, and says so and how:

- **England** in a year without a published count: interpolated log-linearly between the nearest
  published counts either side (``2021/22`` is the published ``2022/23`` count less the published
  change over that year).
- **The region** in a year without a published count: England's count that year times the region's
  share of England in the latest year both were published (2016/17).
- **A council** with a published count: its count in the published year nearest the base year
  (earlier on a tie), carried by England's growth between the two years; a count of people is
  turned into posts with the region's published posts per person (2017/18).
- **Councils without a published count** share the rest of the region's stock in proportion to
  their population aged 65 and over in the base year.

Only all-sector counts are used (``adult_social_care_jobs``, ``filled_posts``, then counts of
people); SfC's "jobs" became "filled posts" in 2021 and both are read as filled posts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from .published import Assumption, Figure, workforce_figure, workforce_rows

FloatArray = NDArray[np.float64]
ENGLAND = "E92000001"
WM = "E12000005"
POST_METRICS = ("adult_social_care_jobs", "filled_posts")
PEOPLE_METRICS = ("workforce_size", "people")


def fin_year(year: int) -> str:
    """``2022`` -> ``"2022/23"`` (Skills for Care's financial-year label)."""
    return f"{year}/{(year + 1) % 100:02d}"


def start_year(label: str) -> int | None:
    """The first calendar year of a published year label (``"2016 (SfC economic study)"`` -> 2016)."""
    head = label.strip()[:4]
    return int(head) if head.isdigit() else None


@dataclass(frozen=True)
class StockFigure:
    """Filled posts of an area in a year, with how the figure was obtained."""

    area_code: str
    year: int
    value: float
    kind: str  # published | carried forward | derived
    source: str
    from_year: int | None = None  # the year of the published figure it was carried from (None: this year)

    def assumption(self, name: str) -> Assumption:
        return Assumption(name, self.value, "posts", self.source, self.kind, fin_year(self.year))


def _published(area_code: str, metrics: tuple[str, ...], *, allow_low: bool) -> dict[int, Figure]:
    """Published counts by start year, the first metric of ``metrics`` winning within a year."""
    out: dict[int, tuple[int, Figure]] = {}
    for label, metric in workforce_rows(area_code, metrics):
        year = start_year(label)
        if year is None:
            continue
        fig = workforce_figure(area_code, label, metric)
        if fig.confidence == "low" and not allow_low:
            continue
        rank = metrics.index(metric)
        if year not in out or rank < out[year][0]:
            out[year] = (rank, fig)
    return {y: f for y, (_, f) in out.items()}


def england_stock(year: int) -> StockFigure:
    """England's filled posts in ``year``: published, derived from a published change, or interpolated."""
    pub = _published(ENGLAND, POST_METRICS, allow_low=False)
    if year in pub:
        return StockFigure(ENGLAND, year, pub[year].value, "published", pub[year].source)
    nxt = year + 1
    if nxt in pub:
        try:
            change = workforce_figure(ENGLAND, fin_year(nxt), "filled_posts_change")
        except LookupError:
            change = None
        if change is not None:
            return StockFigure(
                ENGLAND,
                year,
                pub[nxt].value - change.value,
                "derived",
                f"{fin_year(nxt)} count less the change over the year: {pub[nxt].source}; {change.source}",
            )
    before = [y for y in pub if y < year]
    after = [y for y in pub if y > year]
    if not before or not after:
        raise LookupError(f"England's filled posts in {fin_year(year)} are neither published nor between two counts")
    y0, y1 = max(before), min(after)
    w = (year - y0) / (y1 - y0)
    value = math.exp((1 - w) * math.log(pub[y0].value) + w * math.log(pub[y1].value))
    return StockFigure(
        ENGLAND,
        year,
        value,
        "carried forward",
        f"interpolated log-linearly between {fin_year(y0)} and {fin_year(y1)}: {pub[y0].source}; {pub[y1].source}",
    )


def region_share_of_england() -> tuple[int, float, str]:
    """The region's share of England's count in the latest year both were published."""
    region = _published(WM, POST_METRICS, allow_low=False)
    england = _published(ENGLAND, POST_METRICS, allow_low=False)
    both = sorted(set(region) & set(england))
    if not both:
        raise LookupError("no year with both a regional and an England count")
    y = both[-1]
    return y, region[y].value / england[y].value, f"{region[y].source}; {england[y].source}"


def region_stock(year: int) -> StockFigure:
    """The region's filled posts in ``year``: published, or England's count times the region's share."""
    region = _published(WM, POST_METRICS, allow_low=False)
    if year in region:
        return StockFigure(WM, year, region[year].value, "published", region[year].source)
    share_year, share, share_src = region_share_of_england()
    eng = england_stock(year)
    return StockFigure(
        WM,
        year,
        eng.value * share,
        "carried forward",
        f"carried forward: England {fin_year(year)} ({eng.value:,.0f}, {eng.kind}) x the region's share of "
        f"England in {fin_year(share_year)} ({share:.4f}); {eng.source}; {share_src}",
        share_year,
    )


def posts_per_person() -> tuple[float, str]:
    jobs = workforce_figure(WM, "2017/18", "adult_social_care_jobs")
    people = workforce_figure(WM, "2017/18", "people")
    return jobs.value / people.value, f"{jobs.source}; {people.source}"


def council_stock(code: str, year: int) -> StockFigure | None:
    """A council's filled posts in ``year`` from its nearest published count, or None without one."""
    posts = _published(code, POST_METRICS, allow_low=True)
    people = _published(code, PEOPLE_METRICS, allow_low=True)
    years = sorted(set(posts) | set(people), key=lambda y: (abs(y - year), y))
    if not years:
        return None
    y = years[0]
    if y in posts:
        fig, value, how = posts[y], posts[y].value, ""
    else:
        ratio, ratio_src = posts_per_person()
        fig = people[y]
        value = fig.value * ratio
        how = f" x {ratio:.3f} posts per person ({ratio_src})"
    scope = f" [scope: {fig.scope_note}]" if fig.scope_note else ""
    if y == year and not how:
        return StockFigure(code, year, value, "published", fig.source + scope)
    if y == year:
        return StockFigure(code, year, value, "derived", f"{fig.source}{scope}{how}")
    growth = england_stock(year).value / england_stock(y).value
    return StockFigure(
        code,
        year,
        value * growth,
        "carried forward",
        f"carried {'forward' if y < year else 'back'} from {fin_year(y)} by England's growth (x{growth:.4f}): "
        f"{fig.source}{scope}{how}",
        y,
    )


@dataclass(frozen=True)
class BaseStock:
    """The base-year stock of every council, and how each was obtained."""

    year: int
    region: StockFigure
    councils: tuple[str, ...]
    by_council: FloatArray  # filled posts per council, summing to the region's figure
    figures: tuple[StockFigure | None, ...]  # the council's own figure, None where allocated by 65+
    split_log_sd: float  # spread of log(published / 65+ share) across councils with figures

    def assumptions(self, names: dict[str, str]) -> tuple[Assumption, ...]:
        out = [self.region.assumption("filled_posts (base year, region)")]
        for code, fig, value in zip(self.councils, self.figures, self.by_council, strict=True):
            label = f"filled_posts (base year, {names.get(code, code)})"
            if fig is not None:
                out.append(fig.assumption(label))
            else:
                out.append(
                    Assumption(
                        label,
                        float(value),
                        "posts",
                        "no published count: the rest of the region's stock after the councils with counts, "
                        f"shared in proportion to the population aged 65 and over in mid-{self.year}",
                        "derived",
                        fin_year(self.year),
                    )
                )
        return tuple(out)


def base_stock(councils: tuple[str, ...], p65: FloatArray, year: int) -> BaseStock:
    """Council stock in ``year``: published council counts, the rest shared by 65+ population."""
    region = region_stock(year)
    figures = tuple(council_stock(c, year) for c in councils)
    known = np.array([f is not None for f in figures])
    values = np.array([f.value if f is not None else 0.0 for f in figures])
    rest = region.value - values.sum()
    if rest <= 0 or not np.any(~known):
        raise ValueError(f"published council counts ({values.sum():,.0f}) leave nothing for the other councils")
    by_council = values.copy()
    by_council[~known] = rest * p65[~known] / p65[~known].sum()
    share_65 = region.value * p65 / p65.sum()
    logs = np.log(values[known] / share_65[known])
    spread = float(np.sqrt(np.mean(logs**2))) if logs.size else 0.0
    return BaseStock(year, region, councils, by_council, figures, spread)
