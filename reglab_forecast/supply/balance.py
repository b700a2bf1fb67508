"""The balance: projected employment (the need) against the labour supply (supply/labour.py).

Per län and year: employment, supply and the gap (employment − supply, persons, with 80 %
intervals combined from both sides' intervals), and over the horizon the flows of the
working-age population (20–64: entering, ageing out, deaths, net migration; they add up to
its change) and of the supply (16–69, in employees: the same flows weighted by each age's
employees per resident, plus the shift between ages with different rates and the effect of
changing rates; they add up to the change in supply).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..demography.arrays import to_cube
from ..demography.flows import group_flows, survivors
from ..demography.projection import PopulationProjection
from ..errors import InputError
from ..projection.model import Projection, add_intervals
from ..regions import RIKET, region_names
from .labour import SUPPLY_AGES, WORKING_AGES
from .statement import gap_statement

SUPPLY_FLOWS = ["entering", "ageing_out", "deaths", "net_migration", "age_shift",
                "rate_effect"]


def employment_totals(projection: Projection | pd.DataFrame) -> pd.DataFrame:
    """Projected employment per län (and Riket) and year with its 80 % interval.

    ``projection`` is a ``Projection`` or a frame of totals: region (län and Riket), year,
    employed, lower, upper, and optionally recruitment_need (as a brief's projection run).
    """
    if isinstance(projection, pd.DataFrame):
        missing = {"region", "year", "employed", "lower", "upper"} - set(projection.columns)
        if missing:
            raise InputError(f"prognosen över anställda saknar kolumnerna {sorted(missing)}")
        frame = projection.copy()
        if "recruitment_need" not in frame.columns:
            frame["recruitment_need"] = float("nan")
        return frame.assign(base_employed=float("nan"))
    paths = projection.paths
    parts = [paths, paths.assign(region=RIKET)]
    frame = pd.concat(parts).groupby(["region", "year"], as_index=False)[
        ["employed", "base_employed", "recruitment_need"]].sum()
    return add_intervals(frame, projection.calibration, projection.base_year)


def _supply_cube(supply: pd.DataFrame, value: str, regions: tuple[str, ...]) -> np.ndarray:
    return to_cube(supply, value, regions).values


def supply_flows(supply: pd.DataFrame, people: PopulationProjection) -> pd.DataFrame:
    """Yearly change in supply per län split into flows (employees), from the population
    projection's base year on. Columns: region, year, entering, ageing_out, deaths,
    net_migration, age_shift, rate_effect, change."""
    regions = people.regions
    years = sorted(int(y) for y in supply["year"].unique() if y >= people.base_year)
    stock = _supply_cube(supply[supply["year"].isin(years)], "population", regions)
    rates = _supply_cube(supply[supply["year"].isin(years)], "employee_rate", regions)
    low, high = SUPPLY_AGES
    parts = []
    for t in range(1, len(years)):
        h = years[t] - people.base_year
        alive, prev, rate = survivors(people, h), stock[t - 1], rates[t - 1]
        moved = stock[t] - alive
        died = prev[..., low:high] - alive[..., low + 1:high + 1]
        flows = {
            "entering": (rate[..., low] * alive[..., low]).sum(axis=1),
            "ageing_out": (rate[..., high] * prev[..., high]).sum(axis=1),
            "deaths": (rate[..., low + 1:high + 1] * died).sum(axis=(1, 2)),
            "net_migration": (rate[..., low:high + 1] * moved[..., low:high + 1]).sum(axis=(1, 2)),
            "age_shift": ((rate[..., low + 1:high + 1] - rate[..., low:high])
                          * prev[..., low:high]).sum(axis=(1, 2)),
            "rate_effect": ((rates[t] - rate) * stock[t])[..., low:high + 1].sum(axis=(1, 2)),
        }
        change = ((stock[t] * rates[t]) - (prev * rate))[..., low:high + 1].sum(axis=(1, 2))
        parts.append(pd.DataFrame({"region": regions, "year": years[t], **flows,
                                   "change": change}))
    return pd.concat(parts, ignore_index=True)


@dataclass(frozen=True)
class Balance:
    """``table``: region, region_name, year, employed (+ lower/upper), supply (+ lower/upper),
    gap (+ lower/upper), recruitment_need, working_age, rate_20_64 (employees 20–64 per
    resident 20–64 in that year, ``rate_method`` saying how the rates were projected).
    ``flows``: per län and year, working-age flows (``wa_*``) and supply flows. All persons;
    every projected figure is estimated."""

    table: pd.DataFrame
    flows: pd.DataFrame
    base_year: int
    population_base_year: int
    rate_method: str = "constant"  # how the supply's rates were projected: or "trend"

    def over_horizon(self, year: int) -> pd.DataFrame:
        """Flows summed from the population base year to ``year`` per län and Riket."""
        chosen = self.flows[self.flows["year"] <= year]
        summed = chosen.drop(columns="year").groupby("region").sum()
        summed.loc[RIKET] = summed.sum()
        return summed.reset_index()

    def statement(self, region: str, year: int | None = None) -> str:
        """The gap in plain Swedish for one län (or Riket) in ``year`` (default: last)."""
        last = int(self.table["year"].max()) if year is None else year
        row = self.table[(self.table["region"] == region) & (self.table["year"] == last)]
        if row.empty:
            raise InputError(f"balansen har ingen rad för region {region} år {last}")
        return gap_statement(row.iloc[0], last - self.population_base_year, self.rate_method)


def _working_age(people: PopulationProjection) -> pd.DataFrame:
    return people.totals(WORKING_AGES)[["region", "year", "population", "lower", "upper"]]


def _supply_totals(supply: pd.DataFrame, people: PopulationProjection) -> pd.DataFrame:
    frame = pd.concat([supply, supply.assign(region=RIKET)])
    ages = frame["age"].astype(int)
    working = frame[(ages >= WORKING_AGES[0]) & (ages <= WORKING_AGES[1])]
    totals = frame.groupby(["region", "year"])["employees"].sum().rename("supply")
    wa = working.groupby(["region", "year"])[["employees", "population"]].sum()
    out = pd.concat([totals, (wa["employees"] / wa["population"]).rename("rate_20_64")],
                    axis=1).reset_index()
    slopes = people.calibration.slopes["20-64"]
    h = np.maximum(out["year"].to_numpy() - people.base_year, 0)
    out["supply_lower"] = out["supply"] * (1 + slopes[0] * h)
    out["supply_upper"] = out["supply"] * (1 + slopes[1] * h)
    return out


def balance(projection: Projection | pd.DataFrame, supply: pd.DataFrame,
            population: PopulationProjection) -> Balance:
    """Employment from ``projection`` against ``supply`` (``labour_supply(population)``).

    ``projection``: a ``Projection`` of every län, or its totals (see ``employment_totals``).
    Years: those both cover (the employment paths from their base year). Raises InputError
    when they share no year.
    """
    need = employment_totals(projection)
    sides = need.merge(_supply_totals(supply, population), on=["region", "year"])
    if sides.empty:
        raise InputError("prognosen och arbetskraftsutbudet har inga gemensamma år")
    sides = sides.merge(_working_age(population).rename(columns={
        "population": "working_age", "lower": "working_age_lower",
        "upper": "working_age_upper"}), on=["region", "year"], how="left")
    sides["gap"] = sides["employed"] - sides["supply"]
    spread_low = np.hypot(sides["employed"] - sides["lower"],
                          sides["supply_upper"] - sides["supply"])
    spread_high = np.hypot(sides["upper"] - sides["employed"],
                           sides["supply"] - sides["supply_lower"])
    sides["gap_lower"], sides["gap_upper"] = sides["gap"] - spread_low, sides["gap"] + spread_high
    sides.insert(1, "region_name", sides["region"].map(region_names()).fillna(""))
    flows = group_flows(population, WORKING_AGES).add_prefix("wa_").rename(
        columns={"wa_region": "region", "wa_year": "year"})
    flows = flows.merge(supply_flows(supply, population), on=["region", "year"])
    table = sides.rename(columns={"lower": "employed_lower", "upper": "employed_upper"})
    return Balance(table.drop(columns="base_employed"), flows, int(need["year"].min()),
                   population.base_year, str(supply.attrs.get("rate_method", "constant")))
