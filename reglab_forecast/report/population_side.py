"""The population side of one projection run, computed once: the population projection of
every län, the labour supply at today's rates and the balance against the employment run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..demography.projection import PopulationProjection
from ..demography.scenario import DemographicScenario
from ..projection.model import Projection
from ..supply.balance import Balance

_CACHE: dict[int, tuple[Any, PopulationSide]] = {}


@dataclass(frozen=True)
class PopulationSide:
    people: PopulationProjection
    balance: Balance
    levers: DemographicScenario | None = None  # the scenario's demographic levers, if any


def standard_population() -> PopulationProjection:
    """The population projection of the embedded data (base 2025, to 2040), made once per process
    (``demography.standard_projection``)."""
    from ..demography import standard_projection

    return standard_projection()


def scenario_population(levers: DemographicScenario | None = None) -> PopulationProjection:
    """The population projection with a scenario's demographic ``levers`` (net migration,
    employees per resident); the standard projection when there are none."""
    if levers is None or levers.is_baseline:
        return standard_population()
    from ..demography import project_population
    from ..population import load_population

    return project_population(load_population(), scenario=levers)


def population_side(projection: Projection | pd.DataFrame,
                    levers: DemographicScenario | None = None) -> PopulationSide:
    """Population, supply and balance for ``projection`` (a Projection or its totals; kept
    for the run's projection) with the scenario's demographic ``levers`` (None: none)."""
    key = id(projection)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is projection and cached[1].levers == levers:
        return cached[1]
    from ..supply import balance, labour_supply

    people = scenario_population(levers)
    side = PopulationSide(people, balance(projection, labour_supply(people), people), levers)
    _CACHE.clear()
    _CACHE[key] = (projection, side)
    return side


def run_totals(run: Any) -> pd.DataFrame:
    """Employment totals of a brief's projection run (``inputs.ProjectionRun``) with the
    recruitment need summed: region, year, employed, lower, upper, recruitment_need."""
    need = run.table.groupby(["region", "year"], as_index=False)["recruitment_need"].sum()
    riket = need.groupby("year", as_index=False)["recruitment_need"].sum().assign(region="00")
    return run.totals.merge(pd.concat([need, riket]), on=["region", "year"], how="left")


def run_population_side(inputs: Any) -> PopulationSide:
    """The population side of a brief's run (``inputs.ReportInputs``), made once per run and
    kept in ``inputs.extras["population_side"]`` (so the run cache keeps it too)."""
    side = inputs.extras.get("population_side")
    if side is None:
        side = population_side(run_totals(inputs.projection), inputs.demographic)
        inputs.extras["population_side"] = side
    assert isinstance(side, PopulationSide)
    return side
