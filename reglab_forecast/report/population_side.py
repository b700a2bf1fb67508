"""The population side of one projection run, computed once: the population projection of
every län, the labour supply at today's rates and the balance against the employment run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..demography.projection import PopulationProjection
from ..projection.model import Projection
from ..supply.balance import Balance

_CACHE: dict[int, tuple[Any, PopulationSide]] = {}


@dataclass(frozen=True)
class PopulationSide:
    people: PopulationProjection
    balance: Balance


def population_side(projection: Projection) -> PopulationSide:
    """Population, supply and balance for ``projection`` (kept for the run's projection)."""
    key = id(projection)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is projection:
        return cached[1]
    from ..demography import project_population
    from ..population import load_population
    from ..supply import balance, labour_supply

    people = project_population(load_population())
    side = PopulationSide(people, balance(projection, labour_supply(people), people))
    _CACHE.clear()
    _CACHE[key] = (projection, side)
    return side
