"""Need against supply per education level and län, with a verdict the intervals allow.

Need: the recruitment need by level from the projection's base year to ``horizon``
(``need_by_education``), with its interval. Supply ("tillskott"): the young entering working
life with each level over the same years (``education_supply`` entrants, people turning 25),
times the national rate of employees per person of that level, 16–64 (SCB 000000CV employees
2018 / UF0506 population 16–64 2018, both national). Its interval spans the attainment trend
of the young held flat (φ = 0) and undamped (φ = 1). Residents are set against employees where
they work: commuting and migration after age 25 are not counted.

Verdict: "behovet större än tillskottet" only when the need's lower bound is above the
supply's upper bound, "tillskottet större" only in the opposite case, else "i balans" (the
intervals overlap: no difference can be told).
"""

from __future__ import annotations

import functools

import pandas as pd

from ..projection.model import Projection
from ..snapshot import read_dataset
from .levels import GROUP_OF_SUN, LEVEL_ORDER
from .need import need_by_education
from .supply import DAMPING, education_supply

NEED_LARGER = "behovet större än tillskottet"
BALANCE = "i balans"
SUPPLY_LARGER = "tillskottet större"
RATE_YEAR = 2018


@functools.lru_cache(maxsize=1)
def employee_rates() -> pd.Series:
    """Employees per person aged 16–64, per education level, Riket 2018 (estimated)."""
    employees = read_dataset("education_occupation")
    employees = employees[(employees["ssyk"] == "0000") & (employees["year"] == RATE_YEAR)]
    people = read_dataset("education_population_nuts")
    people = people[(people["year"] == RATE_YEAR) & (people["age"] != "65-74")]
    rates = {}
    for frame, column in ((employees, "employed"), (people, "population")):
        known = frame[frame["level"].isin(GROUP_OF_SUN)]
        rates[column] = known.groupby(known["level"].map(GROUP_OF_SUN))[column].sum()
    return (rates["employed"] / rates["population"]).reindex(list(LEVEL_ORDER)).astype(float)


def _verdict(row: pd.Series) -> str:
    if row["need_lower"] > row["supply_upper"]:
        return NEED_LARGER
    if row["supply_lower"] > row["need_upper"]:
        return SUPPLY_LARGER
    return BALANCE


def _entrants(region: str | None, years: list[int], phi: float) -> pd.Series:
    supply = education_supply(years, phi=phi, ages=(25, 25))
    if region is not None:
        supply = supply[supply["region"] == region]
    return supply.groupby(["region", "education"])["entrants"].sum()


def education_balance(projection: Projection, horizon: int | None = None,
                      region: str | None = None) -> pd.DataFrame:
    """region, education, need, need_lower, need_upper, supply, supply_lower, supply_upper,
    verdict: persons over the base year +1 … ``horizon`` (default: last target year).

    Estimated throughout; see the module docstring for the method and its limits.
    """
    end = horizon or max(projection.target_years)
    need = need_by_education(projection, "level", years=[end])
    if region is not None:
        need = need[need["region"] == region]
    need = need.set_index(["region", "education"])
    years = list(range(projection.base_year + 1, end + 1))
    rates = employee_rates()
    runs = {phi: _entrants(region, years, phi).mul(rates, level="education")
            for phi in (0.0, DAMPING, 1.0)}
    out = pd.DataFrame({
        "need": need["recruitment_need"], "need_lower": need["need_lower"],
        "need_upper": need["need_upper"], "supply": runs[DAMPING],
        "supply_lower": pd.concat(runs.values(), axis=1).min(axis=1),
        "supply_upper": pd.concat(runs.values(), axis=1).max(axis=1),
    }).dropna().reset_index()
    out["verdict"] = out.apply(_verdict, axis=1)
    order = {name: i for i, name in enumerate(LEVEL_ORDER)}
    out = out.sort_values(["region", "education"], key=lambda s: s.map(order)
                          if s.name == "education" else s, ignore_index=True)
    out.attrs.update(estimated="True", horizon=end, base_year=projection.base_year)
    return out
