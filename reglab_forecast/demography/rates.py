"""Mortality, fertility and net-migration rates for the cohort-component model.

All arrays are ``[region, sex, age]`` (ages 0…100+) unless said otherwise. Deaths are by age
at death in completed years (SCB's "döda efter ålder"), so the deaths of the cohort that goes
from age a−1 to a during a year are half of those at a−1 and half of those at a; the model
therefore works with central death rates ``m = deaths / mid-year population``.

Deaths and births in the snapshot end in 2015. Later years get rates from the last five
observed years with the national trend of improving mortality (log-linear over twenty years,
capped at 3 % a year), and a fertility level read from the number of children aged 0 in the
population (births implied by the observed or bridged 0-year-olds). Both are estimates and
say so in the projection's ``attrs``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .arrays import Cube

MAX_IMPROVEMENT = 0.03
SHRINK_DEATHS = 200.0  # credibility (deaths) of a region's own mortality level
SHRINK_BIRTHS = 500.0
SHARE_BOYS = 0.514  # when the births given are all zero


def mid_year(population: Cube, year: int) -> np.ndarray:
    """Mid-year population of ``year``: the mean of 31 December of ``year``−1 and ``year``."""
    return 0.5 * (population.year(year - 1) + population.year(year))


def survive(previous: np.ndarray, m: np.ndarray) -> np.ndarray:
    """Survivors at year end, one year older, of ``previous`` (ages 0…100+) at rates ``m``."""
    out = np.zeros_like(previous)
    out[..., 1:100] = previous[..., :99] * np.exp(-0.5 * (m[..., :99] + m[..., 1:100]))
    out[..., 100] = (previous[..., 99] * np.exp(-0.5 * (m[..., 99] + m[..., 100]))
                     + previous[..., 100] * np.exp(-m[..., 100]))
    return out


@dataclass(frozen=True)
class Mortality:
    """Central death rates ``rates[r, s, a]`` in ``ref_year`` and the yearly log improvement
    ``improvement[s, a]`` (national) that carries them to other years."""

    rates: np.ndarray
    ref_year: float
    improvement: np.ndarray

    def at(self, year: int) -> np.ndarray:
        return self.rates * np.exp(-self.improvement[None] * (year - self.ref_year))


@dataclass(frozen=True)
class Fertility:
    """Births per woman-year by mother's age ``rates[r, a]`` at ``level[r]`` times the base
    rates, and the share of boys among births."""

    rates: np.ndarray
    level: np.ndarray
    share_boys: float

    def births(self, women_mid: np.ndarray, factor: float = 1.0) -> np.ndarray:
        """Births ``[r, s]`` of a year from the mid-year women ``[r, a]``."""
        total = (self.rates * women_mid).sum(axis=1) * self.level * factor
        return np.stack([total * self.share_boys, total * (1 - self.share_boys)], axis=1)


def _total(arrays: Iterable[np.ndarray]) -> np.ndarray:
    """The element-wise sum of one array per year."""
    return np.asarray(np.sum(np.stack(list(arrays)), axis=0), float)


def vital_years(population: Cube, events: Cube, last: int, count: int) -> list[int]:
    """The last ``count`` years ≤ ``last`` that have both the events and the population."""
    usable = [y for y in events.years
              if y <= last and y in population.years and y - 1 in population.years]
    return usable[-count:]


def estimate_mortality(population: Cube, deaths: Cube, last: int, window: int = 5
                       ) -> Mortality:
    """National rates by sex and age over the last ``window`` years, times each region's
    (shrunk) level, with the national log-linear improvement over twenty years."""
    years = vital_years(population, deaths, last, window)
    exposure = _total(mid_year(population, y) for y in years)
    dead = _total(deaths.year(y) for y in years)
    national = dead.sum(axis=0) / np.maximum(exposure.sum(axis=0), 1.0)
    expected = (national[None] * exposure)[..., 1:].sum(axis=2)
    level = (dead[..., 1:].sum(axis=2) + SHRINK_DEATHS) / (expected + SHRINK_DEATHS)
    rates = national[None] * level[..., None]
    trend_years = vital_years(population, deaths, last, 20)
    return Mortality(rates, float(np.mean(years)), _improvement(population, deaths, trend_years))


def _improvement(population: Cube, deaths: Cube, years: list[int]) -> np.ndarray:
    """Yearly log decline of national death rates ``[s, a]``, by five-year age groups."""
    groups = np.minimum(np.arange(101) // 5, 19)
    logs = []
    for year in years:
        dead = np.stack([np.bincount(groups, d, 20) for d in deaths.year(year).sum(axis=0)])
        mid = mid_year(population, year).sum(axis=0)
        alive = np.stack([np.bincount(groups, p, 20) for p in mid])
        logs.append(np.log(np.maximum(dead, 0.5) / np.maximum(alive, 1.0)))
    if len(years) < 5:
        return np.zeros((2, 101))
    t = np.asarray(years, float) - np.mean(years)
    slope = np.tensordot(t, np.stack(logs), axes=(0, 0)) / (t @ t)
    return np.clip(-slope, 0.0, MAX_IMPROVEMENT)[:, groups]


def birth_survival(m: np.ndarray) -> np.ndarray:
    """Share of a year's newborns ``[r, s]`` alive at year end."""
    return np.exp(-0.5 * m[..., 0])


def estimate_fertility(population: Cube, births: Cube, mortality: Mortality, last: int,
                       window: int = 5) -> Fertility:
    """National age-specific rates over the last ``window`` birth years, each region's
    (shrunk) level, and the level in the latest years read from the 0-year-olds."""
    years = vital_years(population, births, last, window)
    women = _total(mid_year(population, y)[:, 1] for y in years)
    born = _total(births.year(y) for y in years)  # [r, s, mother_age]
    by_age = born.sum(axis=1)
    national = by_age.sum(axis=0) / np.maximum(women.sum(axis=0), 1.0)
    expected = (national[None] * women).sum(axis=1)
    own = (by_age.sum(axis=1) + SHRINK_BIRTHS) / (expected + SHRINK_BIRTHS)
    share_boys = float(born[:, 0].sum() / born.sum()) if born.sum() > 0 else SHARE_BOYS
    base = Fertility(national[None] * own[:, None], np.ones(len(own)), share_boys)
    level = _recent_level(population, births, mortality, base, last)
    return Fertility(base.rates, level, share_boys)


def implied_births(population: Cube, mortality: Mortality, year: int,
                   infant_migration: np.ndarray) -> np.ndarray:
    """Births ``[r]`` of ``year`` implied by the 0-year-olds at its end."""
    survival = birth_survival(mortality.at(year))
    zero = population.year(year)[..., 0]
    return (zero / (survival * (1.0 + infant_migration[:, None]))).sum(axis=1)


def _infant_migration(population: Cube, births: Cube, mortality: Mortality, years: list[int]
                      ) -> np.ndarray:
    """Net migration of the 0-year-olds as a share of births ``[r]``, over ``years``."""
    zero = _total(population.year(y)[..., 0].sum(axis=1) for y in years)
    born = _total(births.year(y).sum(axis=(1, 2)) for y in years)
    survivors = _total((births.year(y).sum(axis=2) * birth_survival(mortality.at(y))).sum(axis=1)
                       for y in years)
    return (zero - survivors) / np.maximum(born, 1.0)


def _recent_level(population: Cube, births: Cube, mortality: Mortality, base: Fertility,
                  last: int) -> np.ndarray:
    """Fertility level of the last three years ≤ ``last`` against the base rates, per region."""
    recent = [y for y in population.years if y - 1 in population.years and y <= last][-3:]
    known = vital_years(population, births, last, 5)
    migration = _infant_migration(population, births, mortality, known)
    observed = _total(births.year(y).sum(axis=(1, 2)) if y in births.years
                      else implied_births(population, mortality, y, migration) for y in recent)
    expected = _total(base.births(mid_year(population, y)[:, 1]).sum(axis=1) for y in recent)
    return np.asarray(observed / np.maximum(expected, 1.0), float)
