"""The bridged population 2020–2025: single years of age per län and sex, estimated.

Single-year population ends in 2019; SCB's monthly table gives January 2020 and January 2026
in ten-year bands only. The 2019 population is carried forward with the package's own
cohort-component code (``reglab_forecast.demography``), then calibrated in two steps:

1. the national fertility level of 2020–2025 (one factor on the 2017–2019 level) so that
   the 0–9 band of January 2026 in Riket is met (fertility fell in these years);
2. per län, sex and band, the remaining difference to January 2026 is added to net migration,
   spread evenly over the bridged years of each cohort, and the run repeated until the
   bands agree.

The monthly table gives the age reached during the year, so end-2025 age a is band age a + 1
in January 2026, and the 0–9 band of January 2026 also holds the children born that month.
January 2020 checks end-2019 the same way. Rounded to whole persons.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from reglab_forecast.demography.arrays import SEXES, Cube, to_frame
from reglab_forecast.demography.inputs import births_cube, deaths_cube, population_cube
from reglab_forecast.demography.model import Fitted, fit, run

from .common import Dataset, require
from .population import TAB6471_DATA, TEN_YEAR_BANDS

FIRST, LAST = 2020, 2025
YEARS = LAST - FIRST + 1
ROUNDS = 8


def _band_totals(monthly: pd.DataFrame, month: str, regions: tuple[str, ...]) -> np.ndarray:
    """Band totals ``[r, s, band]`` of one month of the monthly table."""
    frame = monthly[monthly["month"] == month]
    out = np.zeros((len(regions), 2, len(TEN_YEAR_BANDS)))
    r = pd.Index(regions).get_indexer(frame["region"])
    s = (frame["sex"] == "women").to_numpy(int)
    b = pd.Index(TEN_YEAR_BANDS).get_indexer(frame["age"])
    np.add.at(out, (r, s, b), frame["population"].to_numpy(float))
    return out


def _band_of_next_age() -> np.ndarray:
    """Band index (in the next January's age reached) of each year-end single age 0…100."""
    return np.minimum((np.arange(101) + 1) // 10, len(TEN_YEAR_BANDS) - 1)


def _model_bands(year_end: np.ndarray, newborn_month: np.ndarray) -> np.ndarray:
    bands = _band_of_next_age()
    out = np.stack([np.bincount(bands, row, len(TEN_YEAR_BANDS))
                    for row in year_end.reshape(-1, 101)]).reshape(*year_end.shape[:2], -1)
    out[..., 0] += newborn_month
    return out


def _level(level: float) -> Callable[[int], float]:
    return lambda year: level


def _bands_2026(fitted: Fitted, level: float) -> np.ndarray:
    result = run(fitted, YEARS, _level(level))
    share = np.array([fitted.fertility.share_boys, 1 - fitted.fertility.share_boys])
    january = result.births[-1][:, None] * share[None] / 12.0
    return _model_bands(result.population[-1], january)


def _fertility_factor(fitted: Fitted, target: np.ndarray) -> float:
    """k (births are linear in it) that meets Riket's 0–9 band of January 2026."""
    gaps = [(_bands_2026(fitted, k)[..., 0].sum() - target[..., 0].sum()) for k in (1.0, 0.8)]
    return float(1.0 - 0.2 * gaps[0] / (gaps[0] - gaps[1]))


def _spread(delta: np.ndarray, year_end: np.ndarray) -> np.ndarray:
    """Band differences ``[r, s, band]`` as extra net migration ``[h, r, s, a]`` along the
    cohorts (each cohort's share of its band, evenly over the years it lived in the bridge)."""
    bands = _band_of_next_age()
    band_sum = _model_bands(year_end, np.zeros(year_end.shape[:2]))
    per_person = np.divide(delta, band_sum, out=np.zeros_like(delta), where=band_sum > 0)
    at_end = per_person[..., bands] * year_end  # [r, s, a] at the end of 2025
    extra = np.zeros((YEARS, *year_end.shape))
    for age in range(101):
        years_lived = min(age + 1, YEARS)
        for back in range(years_lived):
            extra[YEARS - 1 - back, :, :, age - back] += at_end[:, :, age] / years_lived
    return extra


def bridge(population: Cube, deaths: Cube, births: Cube, target: np.ndarray
           ) -> tuple[np.ndarray, dict[str, float]]:
    """Population ``[year, r, s, a]`` for 2020–2025 and the calibration figures."""
    fitted = fit(population.until(FIRST - 1), deaths, births)
    level = _fertility_factor(fitted, target)
    extra = np.zeros((YEARS, *fitted.base.shape))
    for _ in range(ROUNDS):
        current = fitted.with_migration(fitted.migration.with_extra(extra))
        result = run(current, YEARS, _level(level))
        delta = target - _bands_2026(current, level)
        extra = extra + _spread(delta, result.population[-1])
    final = run(fitted.with_migration(fitted.migration.with_extra(extra)), YEARS, _level(level))
    figures = {
        "fertility_level_2020_2025_vs_2017_2019": round(level, 4),
        "net_migration_added_2020_2025": round(float(extra.sum()), 0),
        "largest_band_gap_jan_2026": round(
            float(np.abs(target - _bands_2026(final_fitted(fitted, extra), level)).max()), 1),
    }
    return final.population[1:], figures


def final_fitted(fitted: Fitted, extra: np.ndarray) -> Fitted:
    return fitted.with_migration(fitted.migration.with_extra(extra))


def _check_2020(population: Cube, monthly: pd.DataFrame) -> float:
    """Largest relative difference per län and sex: end-2019 against January 2020."""
    target = _band_totals(monthly, "2020-01", population.regions)
    model = _model_bands(population.year(FIRST - 1), np.zeros(target.shape[:2]))
    totals = model.sum(axis=2)
    return float(np.abs(target.sum(axis=2) / totals - 1).max())


def build_population_bridged(population: pd.DataFrame, monthly: pd.DataFrame,
                             deaths: pd.DataFrame, births: pd.DataFrame) -> Dataset:
    pop = population_cube(population)
    dead, born = deaths_cube(deaths, pop.regions), births_cube(births, pop.regions)
    target = _band_totals(monthly, "2026-01", pop.regions)
    values, figures = bridge(pop, dead, born, target)
    check_2020 = _check_2020(pop, monthly)
    require(check_2020 < 0.01, f"end-2019 vs January 2020 differ by {check_2020:.2%}")
    frame = to_frame(np.rint(values), list(range(FIRST, LAST + 1)), pop.regions, "population")
    frame["population"] = frame["population"].astype("int64")
    frame["estimated"] = True
    require(set(frame["sex"]) == set(SEXES), "bridged sexes")
    totals = frame.groupby("year")["population"].sum()
    return _dataset(frame, {**figures, "largest_gap_end_2019_vs_jan_2020": round(check_2020, 5),
                            "total_by_year": {str(y): int(v) for y, v in totals.items()}})


def _dataset(frame: pd.DataFrame, checks: dict[str, object]) -> Dataset:
    return Dataset(
        name="population_bridged",
        frame=frame[["region", "age", "sex", "year", "population", "estimated"]],
        title="Folkmängd 31 december 2020–2025 per län, ettårsålder och kön (skattad)",
        description=(
            "Skattad folkmängd (brygga) 2020–2025: 2019 års befolkning framskriven med "
            "kohort-komponentmetoden i reglab_forecast.demography och kalibrerad så att "
            "slutet av 2025 stämmer med SCB:s månadsstatistik för januari 2026 per län, kön "
            "och tioårsklass (fruktsamheten 2020–2025 nationellt, resten som nettoflyttning)."
        ),
        keys=["region", "age", "sex", "year"],
        origins=[TAB6471_DATA],
        table_ids=["BE0101N1 (2019)", "TAB6471 (2026M01)"],
        licence="CC0 (SCB)",
        vintage="Skattad av data/build_snapshot.py ur folkmängden 2019 och januari 2026",
        complete=True,
        source="Skattning ur SCB:s befolkningsstatistik (BE0101)",
        notes=[
            "Alla år är skattade (kolumnen estimated = true), inte observerade.",
            "Månadstabellen anger ålder uppnådd under året: ålder a vid årsskiftet 2025/26 "
            "motsvarar a + 1 i januari 2026.",
            "Januari 2026 har SCB:s slumpmässiga brus för röjandeskydd (Cell Key Method).",
        ],
        checks=checks,
    )
