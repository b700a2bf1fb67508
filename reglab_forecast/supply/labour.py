"""Labour supply: residents 16–69 times employees per resident ("anställda per invånare").

Employees are counted where they work and residents where they live, so the rate of a län
carries its net commuting: it is not an employment rate of the residents. The rate is taken
per age band and sex in the base year of the employment data, from the län's estimated
employees by age (``employees_by_age``), so that the base year reproduces the register's
employees per län. Projected years move each rate by its damped trend (``rates.py``) when
the stored backtest of the rates (``rate_backtest.py``) found the trend better than constant
rates, else keep the base year's rates; a scenario's ``[demography.employment_rate]`` lever
is added on top, phased in linearly to the last year.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..demography.arrays import AGE_LABELS, SEXES, to_cube
from ..demography.projection import PopulationProjection
from ..demography.scenario import band_limits
from ..errors import InputError, SnapshotError
from ..frames import repeat_labels
from ..population import load_population
from ..projection.trend import damping_sum
from ..regions import RIKET
from ..snapshot import read_dataset
from .rates import BANDS, TREND, band_of_age, to_single_ages

SUPPLY_AGES = (16, 69)
WORKING_AGES = (20, 64)
METHOD = ("skattad: länets anställda per yrke och kön fördelade på ålder med den regionala "
          "åldersstrukturen (load_regional_age_profile)")
COLUMNS = ["region", "year", "age", "sex", "population", "employee_rate", "employees"]


def employees_by_age(year: int) -> pd.DataFrame:
    """Employees per län × age band × sex in ``year`` (16–64 before 2023, 16–69 from 2023).

    The one place the source is chosen: the estimated regional age structure
    (``load_regional_age_profile``, SCB yrkesregistret raked to each län's population),
    summed over occupations. Columns: region, age, sex, employees, method.
    """
    from ..regional_age_loader import load_regional_age_profile

    frame = load_regional_age_profile(level=1, years=year)
    frame = frame[frame["region"] != RIKET]
    grouped = frame.groupby(["region", "age", "sex"], as_index=False).agg(
        employees=("employed", "sum"))
    return grouped.assign(method=METHOD)


def base_rates(employees: pd.DataFrame, population: pd.DataFrame,
               regions: tuple[str, ...]) -> np.ndarray:
    """Employees per resident ``[r, s, a]`` (ages 0…100; zero outside the bands given)."""
    bands = band_of_age()
    people = to_cube(population[population["region"] != RIKET], "population", regions)
    if len(people.years) != 1:
        raise InputError("befolkningen för basåret ska ha ett enda år")
    residents = people.values[0]
    per_band = np.zeros((len(regions), 2, len(BANDS)))
    for index in range(len(BANDS)):
        per_band[..., index] = residents[..., bands == index].sum(axis=2)
    workers = np.zeros_like(per_band)
    r = pd.Index(regions).get_indexer(pd.Index(employees["region"]))
    s = (employees["sex"] == "women").to_numpy(int)
    b = pd.Index(BANDS).get_indexer(pd.Index(employees["age"]))
    keep = (r >= 0) & (b >= 0)
    np.add.at(workers, (r[keep], s[keep], b[keep]), employees["employees"].to_numpy(float)[keep])
    band_rates = np.divide(workers, per_band, out=np.zeros_like(workers), where=per_band > 0)
    rates = np.zeros_like(residents)
    inside = bands >= 0
    rates[..., inside] = band_rates[..., bands[inside]]
    return rates


RATE_METHODS = {"constant": "dagens andel anställda per invånare",
                "trend": "andelen anställda per invånare framskriven med dämpad trend"}


def stored_slopes(base_year: int, regions: tuple[str, ...]) -> np.ndarray | None:
    """Slopes ``[r, s, band]`` (rate per year) of the stored rate trend when its backtest
    chose the trend and it was computed for ``base_year``; None otherwise (constant rates)."""
    from .rate_backtest import load_rate_trend

    try:
        stored = load_rate_trend()
    except SnapshotError:
        return None
    if stored.chosen != "trend" or stored.base_year != base_year:
        return None
    index = pd.Index(stored.regions).get_indexer(pd.Index(regions))
    slopes = stored.slope_array()[np.maximum(index, 0)]
    slopes[index < 0] = 0.0
    return slopes


def rate_path(rates: np.ndarray, years: list[int], changes: dict[str, float],
              slopes: np.ndarray | None = None) -> np.ndarray:
    """Rates ``[t, r, s, a]``: the base year's, moved by the damped trend of ``slopes``
    (``[r, s, band]`` per year; None = constant), plus each band's change (percentage
    points) phased in linearly from the first to the last year. Never below zero."""
    path = np.repeat(rates[None], len(years), axis=0)
    if slopes is not None:
        damp = damping_sum(TREND.phi, np.asarray(years, float) - years[0])
        path = path + to_single_ages(slopes)[None] * damp[:, None, None, None]
    if len(years) < 2:
        return path
    phase = (np.asarray(years, float) - years[0]) / (years[-1] - years[0])
    for band, points in changes.items():
        low, high = band_limits(band)
        path[..., low:high + 1] += points / 100.0 * phase[:, None, None, None]
    return np.clip(path, 0.0, None)


def _employment_year() -> int:
    return int(read_dataset("employment")["year"].max())


def labour_supply(population_projection: PopulationProjection, *,
                  employees: pd.DataFrame | None = None, population: pd.DataFrame | None = None,
                  base_year: int | None = None, rate_trend: bool | None = None
                  ) -> pd.DataFrame:
    """Labour supply per län × year × single age 16–69 × sex (persons; estimated).

    ``base_year`` (default: the last year of the employment data, 2024) fixes the rates from
    ``employees`` (default ``employees_by_age(base_year)``: region, age band, sex, employees)
    and the residents of that year (default ``load_population(years=base_year)``). Years: the
    base year, then every year of the projection after it. Columns: region, year, age, sex,
    population, employee_rate (employees per resident), employees; ``attrs`` say estimated
    and which rates (``rate_method``: "trend" or "constant"). ``rate_trend``: None = as the
    stored rate backtest chose (constant when it does not cover ``base_year``), False =
    constant rates. Raises InputError for a base year after the projection's.
    """
    year = _employment_year() if base_year is None else int(base_year)
    if not year <= population_projection.base_year:
        raise InputError(f"basåret {year} ligger efter befolkningsprognosens basår "
                         f"{population_projection.base_year}")
    people = load_population(years=year) if population is None else population
    workers = employees_by_age(year) if employees is None else employees
    regions = population_projection.regions
    rates = base_rates(workers, people[people["year"] == year], regions)
    base_people = to_cube(people[(people["year"] == year) & (people["region"] != RIKET)],
                          "population", regions).values[0]
    years = [year, *[y for y in population_projection.years if y > year]]
    paths = population_projection.paths[[population_projection.years.index(y)
                                         for y in years[1:]]]
    stock = np.concatenate([base_people[None], paths])
    slopes = None if rate_trend is False else stored_slopes(year, regions)
    path = rate_path(rates, years, population_projection.scenario.employment_rate, slopes)
    frame = _frame(stock, path, years, regions, population_projection)
    frame.attrs["rate_method"] = "constant" if slopes is None else "trend"
    return frame


def _frame(stock: np.ndarray, rates: np.ndarray, years: list[int], regions: tuple[str, ...],
           projection: PopulationProjection) -> pd.DataFrame:
    low, high = SUPPLY_AGES
    stock, rates = stock[..., low:high + 1], rates[..., low:high + 1]
    n_y, n_r, n_s, n_a = stock.shape
    index = np.indices(stock.shape).reshape(4, -1)
    frame = pd.DataFrame({
        "region": repeat_labels(regions, index[1]),
        "year": np.asarray(years, dtype="int64")[index[0]],
        "age": repeat_labels(AGE_LABELS[low:high + 1], index[3]),
        "sex": repeat_labels(SEXES, index[2]),
        "population": stock.ravel(),
        "employee_rate": rates.ravel(),
        "employees": (stock * rates).ravel(),
    })
    frame.attrs.update({
        "source": "SCB yrkesregistret och befolkningsstatistik; beräkning reglab_forecast",
        "measure": "anställda per invånare (arbetsställets län / bostadslän; bär "
                   "nettopendlingen)", "estimated": True, "base_year": years[0],
        "scenario": projection.scenario.name, "method": METHOD,
    })
    return frame
