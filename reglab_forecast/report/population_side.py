"""The population side of one projection run, computed once: the population projection of
every län, the labour supply at today's rates and the balance against the employment run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..demography.projection import PopulationProjection
from ..projection.model import Projection
from ..supply.balance import Balance

_CACHE: dict[int, tuple[Any, PopulationSide]] = {}


@dataclass(frozen=True)
class PopulationSide:
    people: PopulationProjection
    balance: Balance


def standard_population() -> PopulationProjection:
    """The population projection of the embedded data (base 2025, to 2040), made once per process
    (``demography.standard_projection``)."""
    from ..demography import standard_projection

    return standard_projection()


def population_side(projection: Projection | pd.DataFrame) -> PopulationSide:
    """Population, supply and balance for ``projection`` (a Projection or its totals; kept
    for the run's projection)."""
    key = id(projection)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is projection:
        return cached[1]
    from ..supply import balance, labour_supply

    people = standard_population()
    side = PopulationSide(people, balance(projection, labour_supply(people), people))
    _CACHE.clear()
    _CACHE[key] = (projection, side)
    return side
