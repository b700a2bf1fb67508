"""The population by education level per län, projected by cohort, and the inflow per level.

From a base year T (at most 2018, the last year of UF0506 by län):

* people aged 35 or more carry the level their cohort had at T (``attainment``, raked), or,
  for cohorts younger than 35 at T, the level the young had when the cohort turned 34;
* people under 35 have the level of their age band at T plus the band's yearly change over the
  ten years to T, damped: after h years the change is ``slope · Σ_{k=1..h} φ^k``;
* the population comes from ``population_path`` (data up to T only);
* the inflow of a level in a year is the number turning ``ENTRY_AGE`` times the level shares
  of the young in that year.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .attainment import AGE_BANDS, attainment, band_of
from .levels import LEVEL_ORDER
from .population_path import population_path

DAMPING = 0.5  # best of 0, 0.5, 0.8, 1 in the hindcast from 2008 and 2013 (supply_hindcast)
SETTLED_AGE = 35
ENTRY_AGE = 25
TREND_YEARS = 10
YOUNG = ("16-24", "25-34")


def damped(h: int, phi: float) -> float:
    """Σ_{k=1..h} φ^k (0 for h ≤ 0)."""
    return float(sum(phi ** k for k in range(1, h + 1)))


def _share_cube(year: int) -> pd.DataFrame:
    """Level shares per (region, sex, age band) in ``year``: rows × LEVEL_ORDER columns."""
    frame = attainment()
    frame = frame[frame["year"] == year]
    table = frame.pivot_table(index=["region", "sex", "age"], columns="education",
                              values="population", aggfunc="sum")
    table = table.reindex(columns=list(LEVEL_ORDER))
    return table.div(table.sum(axis=1), axis=0)


class Cohorts:
    """Level shares by single age and year from base year ``base``, damping ``phi``."""

    def __init__(self, base: int, phi: float = DAMPING) -> None:
        self.base, self.phi = base, phi
        self.shares = _share_cube(base)
        self.slope = (self.shares - _share_cube(base - TREND_YEARS)) / TREND_YEARS

    def young(self, band: str, h: int) -> pd.DataFrame:
        """Shares of a young band ``h`` years after the base (clipped, renormalised)."""
        base = pd.DataFrame(self.shares.xs(band, level="age"))
        slope = pd.DataFrame(self.slope.xs(band, level="age"))
        moved = (base + slope * damped(h, self.phi)).clip(lower=0)
        return moved.div(moved.sum(axis=1), axis=0)

    def at(self, age: int, year: int) -> pd.DataFrame:
        """Shares per (region, sex) of people aged ``age`` in ``year``."""
        h = year - self.base
        if age < SETTLED_AGE:
            return self.young(str(band_of(age)), h)
        age_at_base = age - h
        if age_at_base >= SETTLED_AGE or h <= 0:
            return pd.DataFrame(self.shares.xs(str(band_of(age_at_base)), level="age"))
        return self.young("25-34", h - (age - (SETTLED_AGE - 1)))


def _stock(cohorts: Cohorts, population: pd.DataFrame, year: int, ages: tuple[int, int]
           ) -> pd.DataFrame:
    chosen = population[(population["year"] == year) & population["age"].between(*ages)]
    people = chosen.set_index(["region", "sex", "age"])["population"]
    total: pd.DataFrame | None = None
    for age in range(ages[0], ages[1] + 1):
        counts = pd.DataFrame(cohorts.at(age, year).mul(people.xs(age, level="age"), axis=0))
        total = counts if total is None else total + counts
    assert total is not None
    return pd.DataFrame(total.groupby(level="region").sum())


def _long(table: pd.DataFrame, year: int, name: str) -> pd.DataFrame:
    out = pd.Series(table.rename_axis(columns="education").stack(), name=name)
    return out.reset_index().assign(year=year)


def education_supply(years: Iterable[int], base: int = 2018, ages: tuple[int, int] = (20, 64),
                     phi: float = DAMPING) -> pd.DataFrame:
    """region, education, year, population (aged ``ages``), entrants (turning ENTRY_AGE).

    Estimated: the level per län and age band is raked (``attainment``), projected by cohort
    from ``base`` (≤ 2018) with the population aged forward from the same year. Persons.
    """
    wanted = sorted({int(y) for y in years})
    cohorts = Cohorts(base, phi)
    population = population_path(base, wanted)
    parts = []
    for year in wanted:
        stock = _long(_stock(cohorts, population, year, ages), year, "population")
        entry = _long(_stock(cohorts, population, year, (ENTRY_AGE, ENTRY_AGE)), year,
                      "entrants")
        parts.append(stock.merge(entry, on=["region", "education", "year"]))
    out = pd.concat(parts, ignore_index=True)
    out.attrs.update(source="SCB, befolkningens utbildning (UF0506) och befolkningen",
                     estimated="True", base_year=base, damping=phi)
    return out


def observed_levels(year: int) -> pd.Series:
    """Observed population 16–74 per (region, education) in ``year`` (UF0506, raked sums)."""
    frame = attainment()
    return frame[frame["year"] == year].groupby(["region", "education"])["population"].sum()


__all__ = ["AGE_BANDS", "Cohorts", "education_supply", "observed_levels", "YOUNG"]
