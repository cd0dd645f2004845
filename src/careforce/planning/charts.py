"""Fan charts drawn as inline SVG on the server: no JavaScript, and the table beside each carries the data.

A fan chart shows the median (P50) as a line, the P25–P75 band darker and the P5–P95 band lighter,
so the spread of the Monte Carlo draws reads at a glance. The fan is demand (posts required); the
median of filled posts is drawn as a dashed line under it, so the gap between them is the
unfilled posts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

WIDTH, HEIGHT = 360, 240  # drawn for a phone: 12-unit text is about 12 px at 390 px wide, and scales up
LEFT, RIGHT, TOP, BOTTOM = 56, 10, 10, 30


@dataclass(frozen=True)
class FanPoint:
    year: int
    p5: float
    p25: float
    p50: float
    p75: float
    p95: float
    filled: float | None = None  # median filled posts


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class FanChart:
    width: int
    height: int
    outer_band: str  # SVG path data
    inner_band: str
    median: str
    filled: str
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int


def _nice_step(span: float, ticks: int = 4) -> float:
    raw = span / ticks if span > 0 else 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def fan_chart(points: list[FanPoint]) -> FanChart:
    """Scale the points into the chart area and build the band and line paths."""
    values = [v for p in points for v in (p.p5, p.p95, p.filled) if v is not None]
    low, high = min(values), max(values)
    pad = (high - low) * 0.1 or max(abs(high), 1.0) * 0.1
    step = _nice_step(high - low + 2 * pad)
    y_min = math.floor((low - pad) / step) * step
    y_max = math.ceil((high + pad) / step) * step
    y_min = max(y_min, 0.0) if low >= 0 else y_min
    x0, x1, y0, y1 = LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM
    first, last = points[0].year, points[-1].year

    def x(year: int) -> float:
        return x0 + (x1 - x0) * (year - first) / max(last - first, 1)

    def y(value: float) -> float:
        return y1 - (y1 - y0) * (value - y_min) / (y_max - y_min)

    def line(pairs: list[tuple[int, float]]) -> str:
        return " ".join(f"{'M' if i == 0 else 'L'}{x(yr):.1f},{y(v):.1f}" for i, (yr, v) in enumerate(pairs))

    def band(lower: str, upper: str) -> str:
        top = [(p.year, getattr(p, upper)) for p in points]
        bottom = [(p.year, getattr(p, lower)) for p in reversed(points)]
        return line(top + bottom) + " Z"

    x_every = 2 if last - first <= 8 else (3 if last - first <= 14 else 5)
    x_ticks = tuple(Tick(x(p.year), str(p.year)) for p in points if (p.year - first) % x_every == 0)
    y_ticks = []
    value = y_min
    while value <= y_max + step / 2:
        y_ticks.append(Tick(y(value), f"{value:,.0f}"))
        value += step
    filled = [(p.year, p.filled) for p in points if p.filled is not None]
    return FanChart(
        WIDTH,
        HEIGHT,
        band("p5", "p95"),
        band("p25", "p75"),
        line([(p.year, p.p50) for p in points]),
        line(filled) if filled else "",  # type: ignore[misc]
        x_ticks,
        tuple(y_ticks),
        x0,
        x1,
        y0,
        y1,
    )


def describe(points: list[FanPoint], what: str) -> str:
    """The chart's text alternative: the trend and the final year's range in words."""
    a, b = points[0], points[-1]
    text = (
        f"Fan chart of {what} from {a.year} to {b.year}. The median goes from {a.p50:,.0f} to {b.p50:,.0f}; "
        f"in {b.year} the likely range (90% of the draws) is {b.p5:,.0f} to {b.p95:,.0f}."
    )
    if b.filled is not None:
        text += f" Filled posts (median) reach {b.filled:,.0f} in {b.year}."
    return text + " The table that follows gives every value."
