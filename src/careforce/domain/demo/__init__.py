"""The synthetic demo region (see ``parameters.toml`` for every figure and its source)."""

from .generator import SIZES, SYNTHETIC_NOTICE, DemoRegion, generate, stated_totals
from .people import national_living_wage

__all__ = ["SIZES", "SYNTHETIC_NOTICE", "DemoRegion", "generate", "national_living_wage", "stated_totals"]
