"""Employees per resident over time, and its damped trend.

The history is the rate of employees per resident by län × age band × sex for every year of
the employment register: the län's employees by age come from the estimated regional age
structure (``load_regional_age_profile``, so every rate is estimated), the residents from
``load_population`` (2020 onwards the bridged, estimated population). Employees are counted
where they work and residents where they live, so a rate carries the län's net commuting.

The trend is the method's damped trend (``projection.trend``, Holt's method with a damped
slope, the same parameters as the national total) run along the years of each län × band ×
sex, with the changes into the register's series-break years left out. With the level
weight α = 1 the level at the base year is the observed rate, so the base year reproduces
the register's employees per län; after it the rate moves by the damped slope.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..demography.arrays import to_cube
from ..demography.scenario import band_limits
from ..population import load_population
from ..projection.expansion import DEFAULT_PARAMS
from ..projection.trend import TrendParams, damping_sum, smooth
from ..regions import RIKET
from ..snapshot import break_years

BANDS = ("16-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64",
         "65-69")
TREND = DEFAULT_PARAMS.total  # α = 1, β = 0.1, φ = 0.9: as the national total


@dataclass(frozen=True)
class RateHistory:
    """``employees``/``residents`` ``[t, r, s, band]`` (persons; s: men, women; bands as
    ``BANDS``) per year of the register, and the rate of employees per resident.
    ``bridged``: years whose residents are the bridged (estimated) population."""

    years: tuple[int, ...]
    regions: tuple[str, ...]
    employees: np.ndarray
    residents: np.ndarray
    breaks: tuple[int, ...]
    bridged: tuple[int, ...] = ()

    @property
    def rates(self) -> np.ndarray:
        return np.divide(self.employees, self.residents, out=np.zeros_like(self.employees),
                         where=self.residents > 0)

    def until(self, last: int) -> RateHistory:
        """The years up to and including ``last`` (what was known in ``last``)."""
        keep = [i for i, y in enumerate(self.years) if y <= last]
        return RateHistory(tuple(self.years[i] for i in keep), self.regions,
                           self.employees[keep], self.residents[keep], self.breaks,
                           tuple(y for y in self.bridged if y <= last))


def band_of_age() -> np.ndarray:
    """Band index of each single age 0…100 (−1 outside 16–69)."""
    out = np.full(101, -1)
    for index, band in enumerate(BANDS):
        low, high = band_limits(band)
        out[low:high + 1] = index
    return out


def residents_by_band(population: pd.DataFrame, regions: tuple[str, ...]
                      ) -> tuple[tuple[int, ...], np.ndarray]:
    """Residents ``[t, r, s, band]`` of a long population frame (region, age, sex, year,
    population), and its years."""
    cube = to_cube(population[population["region"] != RIKET], "population", regions)
    bands = band_of_age()
    out = np.zeros((*cube.values.shape[:3], len(BANDS)))
    for index in range(len(BANDS)):
        out[..., index] = cube.values[..., bands == index].sum(axis=3)
    return cube.years, out


def employees_by_band(employees: pd.DataFrame, years: tuple[int, ...],
                      regions: tuple[str, ...]) -> np.ndarray:
    """Employees ``[t, r, s, band]`` of a frame with region, year, age (band), sex, employees."""
    out = np.zeros((len(years), len(regions), 2, len(BANDS)))
    t = pd.Index(years).get_indexer(pd.Index(employees["year"].astype(int)))
    r = pd.Index(regions).get_indexer(pd.Index(employees["region"]))
    s = (employees["sex"] == "women").to_numpy(int)
    b = pd.Index(BANDS).get_indexer(pd.Index(employees["age"]))
    keep = (t >= 0) & (r >= 0) & (b >= 0)
    np.add.at(out, (t[keep], r[keep], s[keep], b[keep]),
              employees["employees"].to_numpy(float)[keep])
    return out


def rate_history(regions: tuple[str, ...] | None = None, years: tuple[int, ...] | None = None,
                 employees: pd.DataFrame | None = None,
                 population: pd.DataFrame | None = None) -> RateHistory:
    """Employees and residents per län × band × sex for ``years`` (default: every year of the
    regional age structure). ``employees`` (region, year, age, sex, employees) defaults to
    the regional age structure summed over occupations, ``population`` to
    ``load_population``; ``regions`` to the län of the population. Breaks: the snapshot's
    break years of the employment register."""
    if employees is None:
        from ..regional_age_loader import load_regional_age_profile

        frame = load_regional_age_profile(level=1, years=list(years) if years else None)
        employees = frame[frame["region"] != RIKET].groupby(
            ["region", "year", "age", "sex"], as_index=False, observed=True).agg(
            employees=("employed", "sum"))
    chosen = tuple(sorted(int(y) for y in employees["year"].unique())) if years is None \
        else tuple(int(y) for y in years)
    people = load_population(years=list(chosen)) if population is None else population
    if regions is None:
        regions = tuple(sorted(str(r) for r in people["region"].unique() if r != RIKET))
    people_years, residents = residents_by_band(people[people["year"].isin(chosen)], regions)
    residents = residents[[people_years.index(y) for y in chosen]]
    bridged = () if "estimated" not in people.columns else tuple(sorted(
        int(y) for y in people.loc[people["estimated"].astype(bool), "year"].unique()
        if int(y) in chosen))
    return RateHistory(chosen, regions, employees_by_band(employees, chosen, regions),
                       residents, break_years("employment"), bridged)


def rate_slopes(history: RateHistory, params: TrendParams = TREND
                ) -> tuple[np.ndarray, np.ndarray]:
    """Level (the last year's rate) and damped-trend slope ``[r, s, band]`` per year."""
    rates = np.moveaxis(history.rates, 0, -1)  # [r, s, band, t]
    years = np.asarray(history.years)
    level, slope = smooth(rates, years, history.breaks, params)
    # A band first counted after a break (65–69 from 2023) has no clean change before it:
    # its slope comes only from the years it is counted.
    counted = rates > 0
    slope = np.where(counted[..., -1] & (counted.sum(axis=-1) >= 2), slope, 0.0)
    return level, slope


def trended_band_rates(history: RateHistory, horizons: np.ndarray,
                       params: TrendParams = TREND) -> np.ndarray:
    """Rates ``[h, r, s, band]`` at ``horizons`` years after the history's last year: the
    last observed rate plus the damped slope, never below zero."""
    level, slope = rate_slopes(history, params)
    damp = damping_sum(params.phi, np.asarray(horizons, dtype=float))
    path = level[None] + slope[None] * damp[:, None, None, None]
    return np.clip(path, 0.0, None)


def to_single_ages(band_rates: np.ndarray) -> np.ndarray:
    """``[..., band]`` rates spread to single ages 0…100 (zero outside 16–69)."""
    bands = band_of_age()
    out = np.zeros((*band_rates.shape[:-1], 101))
    inside = bands >= 0
    out[..., inside] = band_rates[..., bands[inside]]
    return out
