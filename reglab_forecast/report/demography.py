"""Demographic pressure: who reaches working age against who reaches 65 over the horizon.

``ratios_over_horizon`` (what the brief uses) counts, in the population projection, the people
who turn 20 per person who turns 65 from the base year to the horizon (METHOD: the flows of
the working-age population; estimated). ``ratios_by_region`` is the simpler count of one
year's population (people aged 10–19 per person aged 55–64). Below 1 means fewer young people
arrive than older people leave.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

YOUNG = (10, 19)
OLD = (55, 64)
_BAND = re.compile(r"^\s*(\d+)\s*(?:[-–]\s*(\d+)|\+)?\s*(?:år)?\s*$")


@dataclass(frozen=True)
class Ratio:
    value: float
    young: float
    old: float
    year: int
    label: str


def _age_range(label: str) -> tuple[int, int] | None:
    match = _BAND.match(str(label))
    if match is None:
        return None
    low = int(match.group(1))
    if match.group(2):
        return low, int(match.group(2))
    return (low, 200) if "+" in str(label) else (low, low)


def _count_within(frame: pd.DataFrame, span: tuple[int, int]) -> float | None:
    """People in age bands lying inside ``span``; None if the bands do not tile it exactly."""
    covered: set[int] = set()
    total = 0.0
    for label, count in frame.groupby("age")["population"].sum().items():
        band = _age_range(str(label))
        if band and span[0] <= band[0] and band[1] <= span[1]:
            covered.update(range(band[0], band[1] + 1))
            total += float(count)
    return total if covered == set(range(span[0], span[1] + 1)) else None


def ratios_by_region(population: pd.DataFrame | None) -> dict[str, Ratio]:
    """The ratio of every region in the data plus Riket ("00"), computed once per run."""
    if population is None or not {"region", "age", "population"} <= set(population.columns):
        return {}
    if "year" in population.columns:
        population = population[population["year"] == population["year"].max()]
    regions = [*sorted(set(population["region"])), "00"]
    ratios = {r: demographic_ratio(population, r) for r in regions}
    return {r: ratio for r, ratio in ratios.items() if ratio is not None}


def demographic_ratio(population: pd.DataFrame | None, region: str) -> Ratio | None:
    """The ratio for one region in the latest year, or None if the data cannot give it."""
    if population is None or not {"region", "age", "population"} <= set(population.columns):
        return None
    # Riket ("00") is the sum of the län when the data holds only the län.
    has_own = (population["region"] == region).any()
    rows = population[population["region"] == region] if has_own or region != "00" else population
    if "year" in rows.columns and len(rows):
        rows = rows[rows["year"] == rows["year"].max()]
    young, old = _count_within(rows, YOUNG), _count_within(rows, OLD)
    if not young or not old:
        return None
    year = int(rows["year"].max()) if "year" in rows.columns else 0
    label = f"Personer 10–19 år per person 55–64 år ({year})"
    return Ratio(young / old, young, old, year, label)


def ratios_over_horizon(end: int, levers: Any = None) -> dict[str, Ratio]:
    """METHOD's measure over the horizon, per län and Riket ("00"): people who turn 20 per
    person who turns 65 from the population projection's base year to ``end`` (the
    cohort-component projection of the embedded data with the scenario's demographic
    ``levers``, a ``demography.DemographicScenario`` or None; estimated)."""
    from ..demography.flows import group_flows
    from .population_side import scenario_population

    people = scenario_population(levers)
    last = min(end, people.base_year + len(people.paths) - 1)
    flows = group_flows(people, (20, 64))
    summed = flows[flows["year"] <= last].groupby("region")[["entering", "ageing_out"]].sum()
    summed.loc["00"] = summed.sum()
    label = (f"Personer som fyller 20 per person som fyller 65, {people.base_year}–{last} "
             "(skattat)")
    return {str(region): Ratio(float(row.entering / row.ageing_out), float(row.entering),
                               float(row.ageing_out), people.base_year, label)
            for region, row in summed.iterrows() if row.ageing_out > 0}
