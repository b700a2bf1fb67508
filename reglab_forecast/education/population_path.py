"""The population by län × single age × sex ahead of a base year.

One function, ``population_path``, two ways:

* looking ahead of today (a year after the last annual register year is asked for): the
  population as ``load_population()`` gives it (registered, then bridged to 2025) and after
  that the cohort-component projection ``demography.project_population``;
* a hindcast (every year asked for is in the register): only data up to the base year, aged
  forward with cohort change ratios (Hamilton–Perry): the ratio of the people aged a+1 in one
  year to those aged a the year before, per län and sex, averaged over the five years up to
  the base year (5 years measured best of 5, 10 and 15 from origins 2003–2009). The ratios
  carry deaths and net migration as they were; no births are needed for ages 16 and up within
  16 years.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..snapshot import read_dataset, register_cache

RATIO_YEARS = 5
MAX_AGE = 100


def _observed(base_year: int) -> pd.DataFrame:
    frame = read_dataset("population")
    frame = frame[(frame["year"] <= base_year) & (frame["year"] > base_year - RATIO_YEARS - 1)]
    frame = frame.assign(age=frame["age"].str.rstrip("+").astype(int))
    return frame[["region", "sex", "age", "year", "population"]]


def _ratios(cube: np.ndarray) -> np.ndarray:
    """Mean cohort change ratio per (region·sex, age) from a (cells, years, ages) cube."""
    before, after = cube[:, :-1, :-1], cube[:, 1:, 1:]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(before > 0, after / before, 1.0)
    return np.asarray(ratio.mean(axis=1))


def population_path(base_year: int, years: Iterable[int]) -> pd.DataFrame:
    """region, sex, age (int), year, population for ``base_year`` and each of ``years``.

    Within the register years: only the population snapshot up to ``base_year`` (SCB, 31
    December), later years estimated by cohort change ratios. Beyond them: the registered and
    bridged population, then ``project_population`` (estimated). Ages 0–100 (100 = 100+).
    """
    wanted = tuple(sorted({int(y) for y in years}))
    register_end = int(read_dataset("population")["year"].max())
    if wanted and wanted[-1] > register_end:
        return _projected(base_year, wanted).copy()
    return _path(base_year, wanted).copy()


@functools.lru_cache(maxsize=2)
def _projected(base_year: int, years: tuple[int, ...]) -> pd.DataFrame:
    known, table = _sources(min(base_year, *years))
    last = int(known["year"].max())
    later = [y for y in years if y > last]
    parts = [known[known["year"].isin([base_year, *years])], table[table["year"].isin(later)]]
    return pd.concat(parts, ignore_index=True)


@functools.lru_cache(maxsize=2)
def _sources(first: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The registered and bridged population from ``first`` on, and ``standard_projection``'s
    table, each as region, sex, age (int), year, population (float) of the län."""
    from ..demography import standard_projection
    from ..population import load_population

    known = load_population()
    return _tidy(known[known["year"] >= first]), _tidy(standard_projection().table)


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.loc[frame["region"] != "00", ["region", "sex", "age", "year", "population"]]
    frame["age"] = frame["age"].astype(str).str.rstrip("+").astype(int)
    frame["population"] = frame["population"].astype(float)
    return frame


@functools.lru_cache(maxsize=8)
def _path(base_year: int, years: tuple[int, ...]) -> pd.DataFrame:
    observed = _observed(base_year)
    if observed["year"].max() != base_year:
        last = int(read_dataset("population")["year"].max())
        base_year = min(base_year, last)
        observed = _observed(base_year)
    cube = observed.pivot_table(index=["region", "sex"], columns=["year", "age"],
                                values="population", aggfunc="sum").sort_index(axis=1)
    cells, ages = cube.index, np.arange(MAX_AGE + 1)
    data = cube.to_numpy(float).reshape(len(cells), -1, len(ages))
    ratios = _ratios(data)
    current = data[:, -1, :].copy()
    frames = {base_year: current.copy()}
    for year in range(base_year + 1, max([base_year, *years]) + 1):
        aged = np.zeros_like(current)
        aged[:, 1:] = current[:, :-1] * ratios
        aged[:, MAX_AGE] += current[:, MAX_AGE] * ratios[:, -1]
        current = aged
        frames[year] = current.copy()
    rows = [pd.DataFrame({"region": np.repeat(cells.get_level_values(0), len(ages)),
                          "sex": np.repeat(cells.get_level_values(1), len(ages)),
                          "age": np.tile(ages, len(cells)), "year": year,
                          "population": values.ravel()})
            for year, values in frames.items() if year == base_year or year in set(years)]
    return pd.concat(rows, ignore_index=True)


register_cache(_path.cache_clear)
register_cache(_projected.cache_clear)
register_cache(_sources.cache_clear)
