"""``load_regional_age_profile``: the estimated län × SSYK × age × sex structure per year.

Built from the snapshot (``employment``, ``age_profile``, ``population``, ``riksomrade_age``)
with the raking in ``regional_age``; kept in memory per year after the first call.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .errors import InputError
from .loaders import RegionsArg, YearsArg, resolve_regions, select_years
from .occupations import check_level, occupation_names
from .population import load_population
from .regional_age import (
    RIKSOMRADE,
    AgeInputs,
    build_inputs,
    estimate,
    long_frame,
    tilt_table,
)
from .regions import RIKET, region_names
from .snapshot import read_dataset, register_cache

COLUMNS = ["region", "region_name", "ssyk", "ssyk_name", "age", "sex", "year", "employed",
           "method"]
TILT_YEAR = 2017


@functools.lru_cache(maxsize=1)
def _population_years() -> dict[int, bool]:
    """Every population year (observed and bridged) → whether it is estimated."""
    observed = read_dataset("population")["year"].unique()
    bridged = read_dataset("population_bridged")["year"].unique()
    return {**{int(y): False for y in observed}, **{int(y): True for y in bridged}}


register_cache(_population_years.cache_clear)


def population_year(year: int) -> int:
    """The population year used for employment ``year``: the same, or the latest there is."""
    return min(year, max(_population_years()))


def _population_is_bridged(year: int) -> bool:
    return _population_years().get(year, False)


def method_text(year: int) -> str:
    """What the estimate of ``year`` is made from (Swedish, for tables and briefs)."""
    people = population_year(year)
    bridged = " (framskriven, skattad)" if _population_is_bridged(people) else ""
    return (f"skattad (iterativ proportionell anpassning): rikets anställda per yrke, ålder och "
            f"kön {year}, länets anställda per yrke och kön {year}, riksområdets "
            f"åldersfördelning per yrkesgrupp (SSYK3, {TILT_YEAR}) och länets befolkning "
            f"{people}{bridged}")


@functools.lru_cache(maxsize=1)
def tilts() -> pd.DataFrame:
    """The riksområde tilt table (``regional_age.tilt_table`` of the 2017 SCB table)."""
    return tilt_table(read_dataset("riksomrade_age"))


@functools.lru_cache(maxsize=16)
def _estimated(year: int) -> pd.DataFrame:
    return estimate_for(read_dataset("employment"), read_dataset("age_profile"), year)


register_cache(_estimated.cache_clear)
register_cache(tilts.cache_clear)


def _level(frame: pd.DataFrame, level: int) -> pd.DataFrame:
    if level == 4:
        return frame
    frame = frame.assign(ssyk=frame["ssyk"].str[:level])
    return frame.groupby(["region", "ssyk", "age", "sex", "year"], as_index=False,
                         sort=False).agg({"employed": "sum"})


def _regions(frame: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    if not codes:
        return frame
    parts = [frame[frame["region"].isin([c for c in codes if c != RIKET])]]
    if RIKET in codes:
        riket = frame.groupby(["ssyk", "age", "sex", "year"], as_index=False,
                              sort=False).agg({"employed": "sum"})
        parts.append(riket.assign(region=RIKET))
    return pd.concat(parts, ignore_index=True)


def load_regional_age_profile(level: int = 4, regions: RegionsArg = None,
                              years: YearsArg = None) -> pd.DataFrame:
    """Estimated employees per län × SSYK (level 1–4) × age band × sex × year, 2014–2024.

    Rows come year by year, then by län (Riket last), occupation, age band and sex.

    Columns: region, region_name, ssyk, ssyk_name, age, sex, year, employed (float: an
    estimate, not a count), method (what was estimated from what). Age bands as in
    ``load_age_profile`` ("65-69" from 2023). Per län, occupation and sex the sum over ages is
    the register's employees (``load_employment``); per occupation, age and sex the sum over
    län is Riket's age profile scaled to the sum of the län. ``regions``/``years`` as in
    ``load_employment`` ("Riket" adds the sum of the län); InputError for unknown ones.
    Source: SCB yrkesregistret (AM0208), estimated; ``attrs['estimated']`` is True.
    """
    level = check_level(level)
    every = read_dataset("employment")[["year"]].drop_duplicates()
    every.attrs["dataset"] = "regional_age_profile"
    wanted = sorted(int(y) for y in select_years(every, years)["year"])
    codes = resolve_regions(regions)
    frame = pd.concat([_estimated(y) for y in wanted], ignore_index=True)
    frame = _level(_regions(frame, codes), level)
    frame = frame.assign(
        region_name=_labels(frame["region"], region_names()),
        ssyk_name=_labels(frame["ssyk"], occupation_names()),
        method=_labels(frame["year"], {y: method_text(y) for y in wanted}))
    frame = frame[COLUMNS].reset_index(drop=True)
    frame.attrs.update(_attrs(level))
    return frame


def _labels(codes: pd.Series, names: Mapping[Any, str]) -> pd.Series:
    """Names for many repeated codes, mapped once per distinct code."""
    return codes.astype("category").map(lambda code: names.get(code, ""))


def _attrs(level: int) -> dict[str, object]:
    age = read_dataset("age_profile").attrs
    return {"dataset": "regional_age_profile", "level": level, "estimated": True,
            "source": "SCB, yrkesregistret med yrkesstatistik (AM0208); skattning",
            "table_id": age.get("table_id", ""), "vintage": age.get("vintage", ""),
            "method": "iterativ proportionell anpassning (raking), se regional_age"}


def _fingerprint(frame: pd.DataFrame, columns: list[str]) -> tuple[int, int, int]:
    """The rows of ``frame[columns]`` as a key that ignores their order (row hashes summed
    and xor-ed): equal contents give equal keys."""
    hashed = pd.util.hash_pandas_object(frame[columns], index=False).to_numpy()
    return len(hashed), int(hashed.sum()), int(np.bitwise_xor.reduce(hashed)) if len(hashed) else 0


# Estimates by the contents of their inputs: the projection and the loader ask for the same
# year from the same numbers, and it is made once per process.
_MADE: dict[tuple[Any, ...], tuple[AgeInputs, np.ndarray]] = {}
_KEPT = 4


def _forget_estimates() -> None:
    _MADE.clear()


register_cache(_forget_estimates)


def estimate_cube_for(employment: pd.DataFrame, age_profile: pd.DataFrame, year: int
                      ) -> tuple[AgeInputs, np.ndarray]:
    """``estimate_for`` as dense arrays: the inputs (their ``regions``, ``ssyk``, ``bands``
    and ``sexes`` label the axes) and the estimate ``[r, o, a, s]`` (employees, float).
    Made once per process for the same numbers. InputError if a region is not a län."""
    by_sex = "sex" in employment.columns and "sex" in age_profile.columns
    sex = ["sex"] if by_sex else []
    employment = employment.loc[employment["year"] == year,
                                ["region", "ssyk", *sex, "year", "employed"]]
    ages = age_profile.loc[age_profile["year"] == year, ["ssyk", "age", *sex, "year", "employed"]]
    key = (year, by_sex, _fingerprint(employment, ["region", "ssyk", *sex, "employed"]),
           _fingerprint(ages, ["ssyk", "age", *sex, "employed"]))
    if key not in _MADE:
        if len(_MADE) >= _KEPT:
            _MADE.pop(next(iter(_MADE)))
        _MADE[key] = _estimate_arrays(employment, ages, year, by_sex)
    return _MADE[key]


def _estimate_arrays(employment: pd.DataFrame, ages: pd.DataFrame, year: int, by_sex: bool
                     ) -> tuple[AgeInputs, np.ndarray]:
    unknown = sorted(set(employment["region"].unique()) - set(RIKSOMRADE))
    if unknown:
        raise InputError(f"regional åldersstruktur: {', '.join(unknown)} är inga län; "
                         "ange län '01'–'25' eller age_structure='national'")
    bands = sorted(ages["age"].unique(), key=lambda b: int(str(b).split("-")[0]))
    people = load_population(years=population_year(year), age_bands=bands)
    if not by_sex:
        employment, ages, people = (frame.assign(sex="total") for frame in
                                    (employment, ages, people))
    inputs = build_inputs(employment, ages, people, tilts(), RIKSOMRADE)
    return inputs, estimate(inputs)


def estimate_for(employment: pd.DataFrame, age_profile: pd.DataFrame, year: int
                 ) -> pd.DataFrame:
    """The estimate for one ``year`` from given frames (e.g. a projection's inputs).

    ``employment``: region (län codes), ssyk (level 4), [sex], year, employed;
    ``age_profile``: ssyk, age, [sex], year, employed (Riket). The riksområde tilt and the
    län population come from the snapshot. Without a sex column men and women are estimated
    together. Returns region, ssyk, age, sex, year, employed. InputError if a region is not
    a län.
    """
    inputs, cube = estimate_cube_for(employment, age_profile, year)
    return long_frame(inputs, cube.copy(), year)
