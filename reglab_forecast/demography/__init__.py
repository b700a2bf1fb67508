"""Population per län: the cohort-component projection, its backtest and demographic levers.

    import reglab_forecast as rf
    from reglab_forecast.demography import project_population

    proj = project_population(rf.load_population())   # base 2025 (bridged), to 2040
    proj.table                    # region, age, sex, year, population, lower, upper
    proj.totals(ages=(20, 64))    # working age per län and year, with 80 % intervals
    proj.components               # region, year, births, deaths, net_migration

Modules: arrays (frames ↔ cubes), inputs, rates (mortality, fertility), migration, model
(the cohort-component step), intervals, scenario, projection, backtest.
"""

from __future__ import annotations

from .intervals import PopulationCalibration, load_population_calibration
from .model import DEFAULT_PARAMS, DemographyParams
from .projection import PopulationProjection, project_population
from .scenario import DemographicScenario, load_demographic_scenario
from .standard import standard_projection

__all__ = [
    "DEFAULT_PARAMS",
    "DemographicScenario",
    "DemographyParams",
    "PopulationCalibration",
    "PopulationProjection",
    "load_demographic_scenario",
    "load_population_calibration",
    "project_population",
    "standard_projection",
]
