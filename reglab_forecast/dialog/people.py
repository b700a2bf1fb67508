"""The population side of a dialogue session: the demographic levers for every län, fast.

``PeopleModel`` keeps the standard population projection (cohort-component, every län), the
base year's employees per resident and the observed working-age population. ``compute``
runs the demographic levers (extra net migration to one län, net migration in every län as a
share of the projection, a change of employees per resident in one age group) through the
same functions as ``demography.project_population`` and ``supply.labour_supply`` in a few
milliseconds; the tests check its numbers against those functions and ``supply.balance``.

Every number after the base year is estimated; the supply is the residents 16–69 times the
employees per resident (which carries net commuting), as in ``supply.labour``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from ..demography.arrays import to_cube
from ..demography.model import run
from ..demography.projection import PopulationProjection
from ..demography.scenario import DemographicScenario, apply_scenario, demographic_from_dict
from ..demography.standard import standard_projection
from ..population import load_population
from ..regions import RIKET
from ..supply.labour import (
    SUPPLY_AGES,
    WORKING_AGES,
    base_rates,
    employees_by_age,
    rate_path,
    stored_slopes,
)

HISTORY_FROM = 2010


@dataclass(frozen=True)
class PeopleCube:
    """One demographic scenario, per year ``years`` (from the employment base year) and län:
    ``working_age`` (residents 20–64), ``supply`` (employees at the scenario's employees per
    resident, 16–69) and ``population`` (all ages). Persons; estimated."""

    scenario: DemographicScenario
    years: np.ndarray
    working_age: np.ndarray  # [t, r]
    supply: np.ndarray  # [t, r]
    population: np.ndarray  # [t, r]


@dataclass(frozen=True)
class PeoplePath:
    """One place's (a län or Riket, "00") paths with their 80 % intervals."""

    years: np.ndarray
    working_age: np.ndarray
    working_age_lower: np.ndarray
    working_age_upper: np.ndarray
    supply: np.ndarray
    supply_lower: np.ndarray
    supply_upper: np.ndarray
    history_years: np.ndarray
    history: np.ndarray  # working age, observed (bridged years estimated)

    def at(self, year: int) -> dict[str, float]:
        i = int(np.flatnonzero(self.years == year)[0])
        return {name: float(getattr(self, name)[i]) for name in
                ("working_age", "working_age_lower", "working_age_upper", "supply",
                 "supply_lower", "supply_upper")}


def demography_table(levers: Any, region: str) -> dict[str, Any]:
    """The scenario file's ``[demography]`` table for ``levers`` (an ``engine.Levers``);
    empty when no demographic lever is moved."""
    table: dict[str, Any] = {}
    if levers.migration_percent != 100:
        table["net_migration_factor"] = round(levers.migration_percent / 100, 4)
    if levers.net_migration:
        table["net_migration"] = {region: float(levers.net_migration)}
    if levers.rate_points:
        table["employment_rate"] = {levers.rate_band: float(levers.rate_points)}
    return table


class PeopleModel:
    """Population, labour supply and working age per län for the demographic levers.

    ``employment_year``: the base year of the employment data (the supply's first year).
    Reads the embedded population data (SCB); raises what ``project_population`` raises.
    """

    def __init__(self, employment_year: int) -> None:
        self.standard: PopulationProjection = standard_projection()
        self.regions = self.standard.regions
        people = load_population(years=employment_year)
        people = people[people["region"] != RIKET]
        self.rates = base_rates(employees_by_age(employment_year), people, self.regions)
        # the same trended rates as supply.labour_supply (None = constant, as it chose)
        self.slopes = stored_slopes(employment_year, self.regions)
        self.base_people = to_cube(people, "population", self.regions).values[0]
        self.years = np.array([employment_year, *[y for y in self.standard.years
                                                  if y > employment_year]])
        self._index = [self.standard.years.index(int(y)) for y in self.years[1:]]
        self.history_years, self.history = self._history()
        self._compute = lru_cache(maxsize=64)(self._compute_for)
        self.base = self.compute(DemographicScenario())

    def _history(self) -> tuple[np.ndarray, np.ndarray]:
        """Residents 20–64 per year [y, r] from ``HISTORY_FROM`` to the employment base year."""
        low, high = WORKING_AGES
        frame = load_population(years=range(HISTORY_FROM, int(self.years[0]) + 1))
        cube = to_cube(frame[frame["region"] != RIKET], "population", self.regions)
        return np.asarray(cube.years), cube.values[..., low:high + 1].sum(axis=(2, 3))

    def scenario(self, table: dict[str, Any], name: str = "Dialogscenario"
                 ) -> DemographicScenario:
        """The demographic scenario of a ``[demography]`` table; ``ScenarioError`` if bad."""
        return demographic_from_dict(table, name).with_region_codes(self.regions)

    def compute(self, scenario: DemographicScenario) -> PeopleCube:
        key = (scenario.net_migration_factor, tuple(sorted(scenario.net_migration.items())),
               tuple(sorted(scenario.employment_rate.items())))
        cube: PeopleCube = self._compute(key)
        return PeopleCube(scenario, cube.years, cube.working_age, cube.supply, cube.population)

    def _compute_for(self, key: tuple) -> PeopleCube:
        factor, migration, rates = key
        scenario = DemographicScenario(net_migration_factor=factor, net_migration=dict(migration),
                                       employment_rate=dict(rates))
        fitted = apply_scenario(self.standard.fitted, scenario)
        paths = run(fitted, len(self.standard.paths) - 1).population
        stock = np.concatenate([self.base_people[None], paths[self._index]])
        path = rate_path(self.rates, [int(y) for y in self.years], scenario.employment_rate,
                         self.slopes)
        low, high = SUPPLY_AGES
        supply = (stock * path)[..., low:high + 1].sum(axis=(2, 3))
        working = stock[..., WORKING_AGES[0]:WORKING_AGES[1] + 1].sum(axis=(2, 3))
        return PeopleCube(scenario, self.years, working, supply, stock.sum(axis=(2, 3)))

    def path(self, cube: PeopleCube, region: str) -> PeoplePath:
        """The paths of ``region`` ("00" = Riket), intervals as ``supply.balance`` has them."""
        rows = (np.ones(len(self.regions), bool) if region == RIKET
                else np.asarray(self.regions) == region)
        working = cube.working_age[:, rows].sum(axis=1)
        supply = cube.supply[:, rows].sum(axis=1)
        calibration = self.standard.calibration
        horizon = np.maximum(cube.years - self.standard.base_year, 0)
        wa_low, wa_high = calibration.bounds(working, "20-64", horizon)
        slope_low, slope_high = calibration.slopes["20-64"]
        return PeoplePath(cube.years, working, wa_low, wa_high, supply,
                          supply * (1 + slope_low * horizon), supply * (1 + slope_high * horizon),
                          self.history_years, self.history[:, rows].sum(axis=1))


def gap_interval(employed: tuple[float, float, float], supply: tuple[float, float, float]
                 ) -> tuple[float, float, float]:
    """The gap (employed − supply) and its 80 % interval from both sides' intervals, each
    given as (value, lower, upper); combined as ``supply.balance`` combines them."""
    value = employed[0] - supply[0]
    low = float(np.hypot(employed[0] - employed[1], supply[2] - supply[0]))
    high = float(np.hypot(employed[2] - employed[0], supply[0] - supply[1]))
    return value, value - low, value + high
