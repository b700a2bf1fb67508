"""The population by education level per län, projected by cohort, and the inflow per level.

From a base year T (at most 2018, the last year of UF0506 by län):

* people aged 35 or more carry the level their cohort had at T (``attainment``, raked), or,
  for cohorts younger than 35 at T, the level the young had when the cohort turned 34;
* people under 35 have the level of their age band at T plus the band's yearly change over the
  ten years to T, damped: after h years the change is ``slope · Σ_{k=1..h} φ^k``;
* the population comes from ``population_path`` (in a hindcast data up to T only; ahead of
  the register the population projection of ``demography``);
* the inflow of a level in a year is the number turning ``ENTRY_AGE`` times the level shares
  of the young in that year.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..frames import validate
from ..snapshot import register_cache
from .attainment import AGE_BANDS, attainment, band_of
from .levels import LEVEL_ORDER
from .population_path import population_path

DAMPING = 0.5  # best of 0, 0.5, 0.8, 1 in the hindcast from 2008 and 2013 (supply_hindcast)
SETTLED_AGE = 35
ENTRY_AGE = 25
TREND_YEARS = 10


def damped(h: int, phi: float) -> float:
    """Σ_{k=1..h} φ^k (0 for h ≤ 0)."""
    return float(sum(phi ** k for k in range(1, h + 1)))


@functools.lru_cache(maxsize=8)
def _share_cube(year: int, regions: tuple[str, ...] | None = None
                ) -> tuple[pd.MultiIndex, np.ndarray]:
    """(cells, shares): the (region, sex) cells and their level shares [cell, band, level],
    every län or ``regions`` only."""
    frame = attainment(regions)
    frame = frame[frame["year"] == year]
    table = frame.pivot_table(index=["region", "sex"], columns=["age", "education"],
                              values="population", aggfunc="sum")
    columns = pd.MultiIndex.from_product([AGE_BANDS, LEVEL_ORDER])
    cube = table.reindex(columns=columns).to_numpy(float).reshape(
        len(table), len(AGE_BANDS), len(LEVEL_ORDER))
    return pd.MultiIndex.from_tuples(list(table.index)), cube / cube.sum(axis=2, keepdims=True)


register_cache(_share_cube.cache_clear)


class Cohorts:
    """Level shares by single age and year from base year ``base``, damping ``phi``."""

    def __init__(self, base: int, phi: float = DAMPING,
                 regions: tuple[str, ...] | None = None) -> None:
        self.base, self.phi = base, phi
        self.cells, self.shares = _share_cube(base, regions)
        earlier_cells, earlier = _share_cube(base - TREND_YEARS, regions)
        assert earlier_cells.equals(self.cells)
        self.slope = (self.shares - earlier) / TREND_YEARS

    def young(self, band: str, h: int) -> np.ndarray:
        """Shares [cell, level] of a young band ``h`` years after the base (clipped, summing
        to 1)."""
        i = AGE_BANDS.index(band)
        moved = np.clip(self.shares[:, i] + self.slope[:, i] * damped(h, self.phi), 0, None)
        return np.asarray(moved / moved.sum(axis=1, keepdims=True))

    def at(self, age: int, year: int) -> np.ndarray:
        """Shares [cell, level] of people aged ``age`` in ``year``."""
        h = year - self.base
        if age < SETTLED_AGE:
            return self.young(str(band_of(age)), h)
        age_at_base = age - h
        if age_at_base >= SETTLED_AGE or h <= 0:
            return np.asarray(self.shares[:, AGE_BANDS.index(str(band_of(age_at_base)))])
        return self.young("25-34", h - (age - (SETTLED_AGE - 1)))


@functools.lru_cache(maxsize=8)
def _people_of(base: int, years: tuple[int, ...], regions: tuple[str, ...] | None
               ) -> dict[int, np.ndarray]:
    """``_people`` of the population path from ``base`` to ``years``, on the cells of
    ``regions``; made once per process (the damping runs of the balance share it)."""
    cells = _share_cube(base, regions)[0]
    return _people(population_path(base, years), cells)


register_cache(_people_of.cache_clear)


def _people(population: pd.DataFrame, cells: pd.MultiIndex) -> dict[int, np.ndarray]:
    """Population per year as [cell, age 0–100] aligned to ``cells``."""
    population = population[population["region"].isin(cells.unique(level=0))]
    table = population.pivot_table(index=["year", "region", "sex"], columns="age",
                                   values="population", aggfunc="sum")
    return {int(year): table.xs(year, level="year").reindex(cells).to_numpy(float)
            for year in table.index.get_level_values("year").unique()}


def _stock(cohorts: Cohorts, people: np.ndarray, year: int, ages: tuple[int, int]
           ) -> np.ndarray:
    """Persons [cell, level] aged ``ages`` in ``year``."""
    total = np.zeros((len(cohorts.cells), len(LEVEL_ORDER)))
    for age in range(ages[0], ages[1] + 1):
        total += people[:, age, None] * cohorts.at(age, year)
    return total


def _by_region(cells: pd.MultiIndex, stock: np.ndarray) -> tuple[pd.Index, np.ndarray]:
    """Persons [region, level] summed over the (region, sex) cells, regions sorted."""
    codes, regions = pd.factorize(cells.get_level_values(0), sort=True)
    summed = np.zeros((len(regions), stock.shape[1]))
    np.add.at(summed, codes, stock)
    return regions, summed


def _long(cells: pd.MultiIndex, years: list[int], stocks: list[np.ndarray],
          entries: list[np.ndarray]) -> pd.DataFrame:
    """region, education, population, year, entrants: one row per län × level × year."""
    regions, _ = _by_region(cells, stocks[0])
    levels = len(LEVEL_ORDER)
    rows = len(regions) * levels
    return pd.DataFrame({
        "region": regions.repeat(levels).tolist() * len(years),
        "education": list(LEVEL_ORDER) * len(regions) * len(years),
        "population": np.concatenate([_by_region(cells, s)[1].ravel() for s in stocks]),
        "year": np.repeat(np.asarray(years, dtype=np.int64), rows),
        "entrants": np.concatenate([_by_region(cells, e)[1].ravel() for e in entries]),
    })


def education_supply(years: Iterable[int], base: int = 2018, ages: tuple[int, int] = (20, 64),
                     phi: float = DAMPING, regions: Iterable[str] | None = None
                     ) -> pd.DataFrame:
    """region, education, year, population (aged ``ages``), entrants (turning ENTRY_AGE).

    Estimated: the level per län and age band is raked (``attainment``), projected by cohort
    from ``base`` (≤ 2018) with the population aged forward from the same year. Persons.
    ``regions`` (län codes) limits the frame to those län, with the same values.
    """
    wanted = sorted({int(y) for y in years})
    chosen = None if regions is None else tuple(sorted({str(r) for r in regions}))
    cohorts = Cohorts(base, phi, chosen)
    people = _people_of(base, tuple(wanted), chosen)
    stocks = [_stock(cohorts, people[year], year, ages) for year in wanted]
    entries = [_stock(cohorts, people[year], year, (ENTRY_AGE, ENTRY_AGE)) for year in wanted]
    out = validate(_long(cohorts.cells, wanted, stocks, entries),
                   ["region", "education", "year"], name="education_supply")
    out.attrs.update(source="SCB, befolkningens utbildning (UF0506) och befolkningen",
                     estimated="True", base_year=base, damping=phi)
    return out


def observed_levels(year: int) -> pd.Series:
    """Observed population 16–74 per (region, education) in ``year`` (UF0506, raked sums)."""
    frame = attainment()
    return frame[frame["year"] == year].groupby(["region", "education"])["population"].sum()


__all__ = ["Cohorts", "education_supply", "observed_levels"]
