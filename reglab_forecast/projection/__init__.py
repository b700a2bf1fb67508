"""Projections per län × occupation: the standard method, its backtest and scenarios.

    from reglab_forecast import load_employment, load_age_profile
    from reglab_forecast.projection import project, backtest, load_quality_declaration

    proj = project(load_employment(level=4), load_age_profile(level=4), scenario=None)
    proj.table                          # län × SSYK4 × target year, with 80 % intervals
    proj.aggregate(level=3, regions="all")
    load_quality_declaration().to_text()

Modules: panel (inputs → cube), trend (damped trend), national, regional, expansion,
replacement, intervals, scenario, levers, backtest, quality, declaration, model.
"""

from __future__ import annotations

from .declaration import QualityDeclaration, backtest, load_quality_declaration
from .intervals import Calibration, load_calibration
from .model import Projection, project
from .scenario import Scenario, Shock, load_scenario

__all__ = [
    "Calibration",
    "Projection",
    "QualityDeclaration",
    "Scenario",
    "Shock",
    "backtest",
    "load_calibration",
    "load_quality_declaration",
    "load_scenario",
    "project",
]
