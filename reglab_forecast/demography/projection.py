"""``project_population()``: the population per län, sex and single year of age.

    from reglab_forecast import load_population
    from reglab_forecast.demography import project_population

    proj = project_population(load_population())   # base 2025 (bridged), to 2040
    proj.table                                      # region, age, sex, year, population, …
    proj.totals(ages=(20, 64))                      # working age per län and year
    proj.components                                 # births, deaths, net migration
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..errors import InputError
from ..numbers import fmt_int, fmt_signed
from ..regions import RIKET, region_names
from .arrays import AGE_LABELS, SEXES, to_frame
from .inputs import births_cube, deaths_cube, population_cube
from .intervals import PopulationCalibration, age_group_of, load_population_calibration
from .model import DEFAULT_PARAMS, DemographyParams, Fitted, Run, fit, run
from .scenario import DemographicScenario, apply_scenario, load_demographic_scenario

MAX_HORIZON = 15
HISTORY = 35  # years of history the method reads (30-year migration pattern, 20-year trend)
SOURCE = "SCB, befolkningsstatistik (BE0101); framskrivning med kohort-komponentmetoden"


@dataclass(frozen=True)
class PopulationProjection:
    """Projected population ``paths[h, r, s, a]`` (h = 0 is the base year) and its parts.

    ``table``: region, age, sex, year, population, lower, upper for the base year and every
    target year (persons; lower/upper the 80 % interval of the age group 0–19, 20–64 or 65+
    from the population backtest). ``components``: region, year, births, deaths,
    net_migration (persons per year). Every number after the base year is estimated.
    """

    paths: np.ndarray
    base_year: int
    regions: tuple[str, ...]
    target_years: tuple[int, ...]
    components: pd.DataFrame
    calibration: PopulationCalibration
    scenario: DemographicScenario
    fitted: Fitted
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(self.base_year + h for h in range(len(self.paths)))

    @property
    def table(self) -> pd.DataFrame:
        frame = self._table.copy(deep=False)  # made once; each caller gets its own copy
        frame.attrs.update(self.attrs)
        return frame

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without the kept table (it is made again when asked for)."""
        state = dict(self.__dict__)
        state.pop("_table", None)
        return state

    @functools.cached_property
    def _table(self) -> pd.DataFrame:
        keep = [0, *[y - self.base_year for y in self.target_years]]
        frame = to_frame(self.paths[keep], [self.base_year + h for h in keep], self.regions,
                         "population")
        ages = frame["age"].str.rstrip("+").astype(int).to_numpy()
        horizon = frame["year"].to_numpy() - self.base_year
        values = frame["population"].to_numpy()
        lower, upper = values.copy(), values.copy()
        for group in ("0-19", "20-64", "65+"):
            rows = age_group_of(ages) == group
            lower[rows], upper[rows] = self.calibration.bounds(values[rows], group,
                                                               horizon[rows])
        return frame.assign(lower=lower, upper=upper)

    def totals(self, ages: tuple[int, int] = (20, 64), riket: bool = True,
               interval: str | None = None) -> pd.DataFrame:
        """Population aged ``ages`` (inclusive; 100 = 100+) per län (and Riket) and year,
        every year from the base year: region, region_name, year, population, lower, upper,
        estimated. ``interval`` names the calibrated group (default: the group the ages fall
        in, 'total' for all ages)."""
        low, high = ages
        if not 0 <= low <= high <= 100:
            raise InputError(f"åldrarna {ages} ska ligga inom 0–100, t.ex. (20, 64)")
        values = self.paths[..., low:high + 1].sum(axis=(2, 3))  # [h, r]
        codes = list(self.regions)
        if riket:
            values = np.concatenate([values, values.sum(axis=1, keepdims=True)], axis=1)
            codes.append(RIKET)
        group = interval or _group_for(low, high)
        horizon = np.arange(len(values))[:, None]
        lower, upper = self.calibration.bounds(values, group, horizon)
        frame = pd.DataFrame({
            "region": np.tile(codes, len(values)),
            "year": np.repeat(self.years, len(codes)),
            "population": values.ravel(), "lower": lower.ravel(), "upper": upper.ravel(),
        })
        frame.insert(1, "region_name", frame["region"].map(region_names()).fillna(""))
        frame["estimated"] = (frame["year"] > self.base_year) | self.attrs["base_estimated"]
        frame.attrs.update(self.attrs, ages=f"{low}-{high}")
        return frame

    def __repr__(self) -> str:
        last = self.target_years[-1]
        total = self.paths.sum(axis=(1, 2, 3))
        working = self.paths[..., 20:65].sum(axis=(1, 2, 3))
        return (f"PopulationProjection(basår {self.base_year}, {len(self.regions)} län, "
                f"till {last}, scenario '{self.scenario.name}')\n"
                f"  folkmängd {self.base_year}: {fmt_int(total[0])}, {last}: "
                f"{fmt_int(total[-1])} ({fmt_signed(total[-1] - total[0])})\n"
                f"  20–64 år {self.base_year}: {fmt_int(working[0])}, {last}: "
                f"{fmt_int(working[-1])} ({fmt_signed(working[-1] - working[0])})")


def _group_for(low: int, high: int) -> str:
    if low == 0 and high == 100:
        return "total"
    if high <= 19:
        return "0-19"
    return "65+" if low >= 65 else "20-64"


def _targets(target_years: int | Iterable[int] | None, base_year: int) -> tuple[int, ...]:
    if target_years is None:
        return tuple(range(base_year + 1, base_year + MAX_HORIZON + 1))
    years = (target_years,) if isinstance(target_years, int) else tuple(target_years)
    if not years:
        raise InputError("target_years är tomt; ange t.ex. (2030, 2035)")
    for year in years:
        if isinstance(year, bool) or not isinstance(year, int | np.integer):
            raise InputError(f"målår ska vara heltal, fick {year!r}")
        if not base_year < year <= base_year + MAX_HORIZON:
            raise InputError(f"målår {year} ska ligga efter basåret {base_year} och högst "
                             f"{MAX_HORIZON} år fram ({base_year + MAX_HORIZON})")
    return tuple(sorted({int(y) for y in years}))


def _components(result: Run, base_year: int, regions: tuple[str, ...]) -> pd.DataFrame:
    n_h, n_r = result.births.shape
    return pd.DataFrame({
        "region": np.tile(regions, n_h),
        "year": np.repeat(base_year + 1 + np.arange(n_h), n_r),
        "births": result.births.ravel(),
        "deaths": result.deaths.ravel(),
        "net_migration": result.net_migration.ravel(),
    })


def recent(frame: pd.DataFrame, last: int | None = None) -> pd.DataFrame:
    """The years the method can use: ``HISTORY`` years up to ``last`` (default: the last)."""
    end = int(frame["year"].max()) if last is None else last
    rows = frame["year"] >= end - HISTORY
    return frame if rows.all() else frame[rows]


def _default(loader: str) -> pd.DataFrame:
    from .. import population

    frame: pd.DataFrame = getattr(population, loader)()
    return frame


def project_population(
    population: pd.DataFrame,
    deaths: pd.DataFrame | None = None,
    births: pd.DataFrame | None = None,
    *,
    target_years: int | Iterable[int] | None = None,
    scenario: str | Mapping[str, Any] | DemographicScenario | None = None,
    params: DemographyParams = DEFAULT_PARAMS,
    calibration: PopulationCalibration | None = None,
) -> PopulationProjection:
    """Project the population per län × sex × single year of age (0 … 100+).

    ``population``: long frame region, age, sex, year, population (as ``load_population()``,
    single years, consecutive years; Riket rows are ignored). The base year is its last year
    and nothing after it is used. ``deaths``/``births`` default to the embedded SCB data
    (1968–2015). ``target_years`` defaults to every year up to base + 15. ``scenario``: the
    demographic levers (see ``demography.scenario``). Raises InputError (bad years, banded
    ages), ScenarioError (bad levers) and SnapshotError (no stored calibration).
    """
    population = recent(population)
    pop = population_cube(population)
    dead = deaths_cube(recent(_default("load_deaths") if deaths is None else deaths,
                              pop.years[-1]), pop.regions)
    born = births_cube(recent(_default("load_births") if births is None else births,
                              pop.years[-1]), pop.regions)
    targets = _targets(target_years, pop.years[-1])
    chosen = load_demographic_scenario(scenario).with_region_codes(pop.regions)
    fitted = apply_scenario(fit(pop, dead, born, params), chosen)
    result = run(fitted, targets[-1] - pop.years[-1])
    base_estimated = bool(population.loc[population["year"] == pop.years[-1], "estimated"].any()
                          ) if "estimated" in population.columns else False
    attrs = {"source": SOURCE, "vintage": str(population.attrs.get("vintage", "")),
             "base_year": pop.years[-1], "base_estimated": base_estimated,
             "estimated": True, "scenario": chosen.name, "sexes": list(SEXES),
             "ages": f"{AGE_LABELS[0]}–{AGE_LABELS[-1]}"}
    return PopulationProjection(
        paths=result.population, base_year=pop.years[-1], regions=pop.regions,
        target_years=targets, components=_components(result, pop.years[-1], pop.regions),
        calibration=calibration or load_population_calibration(), scenario=chosen,
        fitted=fitted, attrs=attrs)
