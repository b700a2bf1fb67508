"""Need against supply per education level and län, with a verdict the intervals allow.

Need: the recruitment need by level from the projection's base year to ``horizon``
(``need_by_education``), with its interval. Supply ("tillskott"): the young entering working
life with each level over the same years (``education_supply`` entrants, people turning 25),
times the national rate of employees per person of that level, 16–64 (SCB 000000CV employees
2018 / UF0506 population 16–64 2018, both national). Its interval spans the attainment trend
of the young held flat (φ = 0) and undamped (φ = 1), widened by the measured error of the
number aged 25 ten years ahead (``ENTRANT_ERROR``). Residents are set against employees where
they work: commuting and migration after age 25 are not counted. The verdict is given for
four groups of levels (``VERDICT_GROUPS``).

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
# The 80 % quantile of the absolute relative error of the number aged 25 per län, 10 years
# ahead, origins 2004, 2006, 2008 and 2009 (``hindcast.entrant_errors``): 0.08–0.12; the
# largest is used for the supply interval.
ENTRANT_ERROR = 0.12
# Verdicts are given for four groups: two-year upper secondary programmes ended with the
# 1990s reform, so the young enter with three years; research education is completed after
# 30, past the entry age, so it is counted with the long post-secondary education.
VERDICT_GROUPS = {
    "förgymnasial": "förgymnasial",
    "gymnasial, högst 2 år": "gymnasial",
    "gymnasial, 3 år": "gymnasial",
    "eftergymnasial, under 3 år": "eftergymnasial, under 3 år",
    "eftergymnasial, 3 år eller mer": "eftergymnasial, 3 år eller mer (inkl. forskarutbildning)",
    "forskarutbildning": "eftergymnasial, 3 år eller mer (inkl. forskarutbildning)",
}
VERDICT_ORDER = tuple(dict.fromkeys(VERDICT_GROUPS.values()))


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
    """Employees-to-be per (region, verdict group): entrants × the national employee rate."""
    supply = education_supply(years, phi=phi, ages=(25, 25),
                              regions=None if region is None else [region])
    supply = supply.assign(employees=supply["entrants"]
                           * supply["education"].map(employee_rates()).to_numpy(),
                           education=supply["education"].map(VERDICT_GROUPS))
    return supply.groupby(["region", "education"])["employees"].sum()


def education_balance(projection: Projection, horizon: int | None = None,
                      region: str | None = None, *, need: pd.DataFrame | None = None
                      ) -> pd.DataFrame:
    """region, education (``VERDICT_ORDER``), need, need_lower, need_upper, supply,
    supply_lower, supply_upper, verdict: persons over base year +1 … ``horizon`` (default:
    the last target year). Need bounds are summed over the levels of a group (wider, not
    narrower); the supply interval spans the damping of the attainment trend and the
    measured error of the number aged 25 (``ENTRANT_ERROR``).

    ``need``: ``need_by_education(projection, "level", years=[horizon], regions=[region])``
    when the caller has it already (the same frame; made here otherwise).

    Estimated throughout; see the module docstring for the method and its limits.
    """
    end = horizon or max(projection.target_years)
    if need is None:
        need = need_by_education(projection, "level", years=[end],
                                 regions=None if region is None else [region])
    need = need.assign(education=need["education"].map(VERDICT_GROUPS)).groupby(
        ["region", "education"])[["recruitment_need", "need_lower", "need_upper"]].sum()
    years = list(range(projection.base_year + 1, end + 1))
    runs = pd.concat([_entrants(region, years, phi) for phi in (0.0, DAMPING, 1.0)], axis=1)
    out = pd.DataFrame({
        "need": need["recruitment_need"], "need_lower": need["need_lower"],
        "need_upper": need["need_upper"], "supply": runs.iloc[:, 1],
        "supply_lower": runs.min(axis=1) * (1 - ENTRANT_ERROR),
        "supply_upper": runs.max(axis=1) * (1 + ENTRANT_ERROR),
    }).dropna().reset_index()
    out["verdict"] = out.apply(_verdict, axis=1)
    order = {name: i for i, name in enumerate(VERDICT_ORDER)}
    out = out.sort_values(["region", "education"], key=lambda s: s.map(order)
                          if s.name == "education" else s, ignore_index=True)
    out.attrs.update(estimated="True", horizon=end, base_year=projection.base_year)
    return out
