"""What a measure computes for each group, before it is laid out and protected, and the NumPy helpers
that compute it. All arrays are indexed by group (and by category for distributions)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from careforce.domain.metrics.facts import Bool, Float, Int


@dataclass(frozen=True, eq=False)
class Count:
    """A number of people or posts in each group (filled posts, headcount)."""

    people: Float


@dataclass(frozen=True, eq=False)
class Amount:
    """A total of something other than people (FTE), with the records it is based on."""

    people: Float
    amount: Float


@dataclass(frozen=True, eq=False)
class Ratio:
    """numerator ÷ denominator (a rate or share), both counts of people or posts."""

    numerator: Float
    denominator: Float


@dataclass(frozen=True, eq=False)
class Average:
    """A median or mean of a value, with the number of people it is based on."""

    people: Float
    value: Float


@dataclass(frozen=True, eq=False)
class Distribution:
    """People in each (group, category); the last category may be "Not known"."""

    counts: Float  # shape (groups, categories)


Aggregate = Count | Amount | Ratio | Average | Distribution


def count(groups: Int, mask: Bool, size: int, weights: Float | None = None) -> Float:
    """Per-group number of records where ``mask`` is true (or the sum of ``weights`` over them)."""
    sel = mask & (groups >= 0)
    w = None if weights is None else weights[sel]
    out: Float = np.bincount(groups[sel], weights=w, minlength=size).astype(np.float64)[:size]
    return out


def count_distinct(groups: Int, mask: Bool, size: int, ids: Int) -> Float:
    """Per-group number of distinct ids; negative ids are each counted as distinct."""
    sel = mask & (groups >= 0)
    g, i = groups[sel], ids[sel]
    known = i >= 0
    out = np.bincount(g[~known], minlength=size).astype(np.float64)[:size]
    if not known.any():
        return out
    low = int(i[known].min())
    span = int(i[known].max()) - low + 1
    if span <= np.iinfo(np.int64).max // max(size, 1):
        keys = np.sort(g[known].astype(np.int64) * span + (i[known] - low))
        first = keys[np.concatenate(([True], keys[1:] != keys[:-1]))] // span
    else:  # ids too spread out to pack with the group: slower, exact
        first = np.unique(np.stack([g[known], i[known]]), axis=1)[0]
    out += np.bincount(first, minlength=size).astype(np.float64)[:size]
    return out


def median(groups: Int, mask: Bool, size: int, values: Float) -> tuple[Float, Float]:
    """Per-group (number of values, median) over finite values where ``mask`` is true.

    Sorts one float key, group × span + value, instead of a two-key lexsort: the values come back in
    group order, sorted within each group, at the cost of rounding of order 1e-12 of the span."""
    sel = mask & (groups >= 0) & np.isfinite(values)
    g, v = groups[sel], values[sel]
    n = np.bincount(g, minlength=size)[:size]
    med = np.full(size, np.nan)
    if len(v) == 0:
        return n.astype(np.float64), med
    low = float(v.min())
    span = float(v.max()) - low + 1.0
    keys = np.sort(g * span + (v - low))
    sorted_g = np.repeat(np.arange(size), n)
    ordered = keys - sorted_g * span + low
    starts = np.cumsum(n) - n
    has = n > 0
    lo = starts[has] + (n[has] - 1) // 2
    hi = starts[has] + n[has] // 2
    med[has] = (ordered[lo] + ordered[hi]) / 2
    return n.astype(np.float64), med


def mean(groups: Int, mask: Bool, size: int, values: Float) -> tuple[Float, Float]:
    sel = mask & np.isfinite(values)
    n = count(groups, sel, size)
    total = count(groups, sel, size, weights=values)
    with np.errstate(invalid="ignore", divide="ignore"):
        avg = np.where(n > 0, total / np.where(n > 0, n, 1), np.nan)
    return n, avg


def crosstab(groups: Int, mask: Bool, size: int, category: Int, n_categories: int) -> Float:
    sel = mask & (groups >= 0) & (category >= 0)
    flat = groups[sel] * n_categories + category[sel]
    out: Float = np.bincount(flat, minlength=size * n_categories).astype(np.float64).reshape(size, n_categories)
    return out
