"""The demo region's parameters, read from ``parameters.toml`` (each figure cites its source row)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
from numpy.typing import NDArray


@cache
def parameters() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("parameters.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True)
class Weighted:
    """A categorical distribution over codes, normalised."""

    codes: NDArray[np.int64]
    probabilities: NDArray[np.float64]

    @classmethod
    def of(cls, mapping: dict[str, float]) -> Weighted:
        codes = np.array([int(k) for k in mapping], dtype=np.int64)
        weights = np.array(list(mapping.values()), dtype=np.float64)
        return cls(codes, weights / weights.sum())

    def draw(self, rng: np.random.Generator, n: int) -> NDArray[np.int64]:
        return self.codes[rng.choice(len(self.codes), size=n, p=self.probabilities)]


def largest_remainder(total: int, weights: NDArray[np.float64]) -> NDArray[np.int64]:
    """Split ``total`` into integers proportional to ``weights`` that add up exactly."""
    shares = weights / weights.sum() * total
    whole: NDArray[np.int64] = np.floor(shares).astype(np.int64)
    short = total - int(whole.sum())
    if short:
        whole[np.argsort(-(shares - whole), kind="stable")[:short]] += 1
    return whole
