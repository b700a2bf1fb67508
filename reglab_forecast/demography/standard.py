"""The standard population projection of the embedded data, made once per process."""

from __future__ import annotations

import functools

from ..population import load_population
from ..snapshot import register_cache
from .projection import PopulationProjection, project_population


@functools.lru_cache(maxsize=1)
def standard_projection() -> PopulationProjection:
    """``project_population(load_population())``: every län, base 2025 (bridged), every year
    to 2040, default parameters and calibration. Computed once per process and shared by the
    population section, the labour supply and the education side; do not modify the result.
    Estimated; source SCB (population, births, deaths, migration)."""
    return project_population(load_population())


register_cache(standard_projection.cache_clear)
