"""The population's education level per län × age band × sex: län margins × NUTS-2 ages, raked.

SCB's UF0506 gives the education level per län only for all of 16–74, and per age band only
for the eight NUTS-2 regions. For each län, sex and year the NUTS-2 table (age band × level)
is the seed; iterative proportional fitting makes it add up to the län's population per age
band (population snapshot) and to the län's level totals (UF0506 by län), the age margins
scaled to the level total. "Uppgift saknas" is left out and spread in proportion.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..frames import map_labels, repeat_labels
from ..snapshot import read_dataset, register_cache
from .levels import GROUP_OF_SUN as GROUP_OF
from .levels import LEVEL_ORDER

AGE_BANDS = ("16-24", "25-34", "35-44", "45-54", "55-64", "65-74")
ITERATIONS = 50


def band_of(age: int) -> str | None:
    """The UF0506 age band of a single age (16–74), else None."""
    if age < 16 or age > 74:
        return None
    if age <= 24:
        return "16-24"
    low = (age - 25) // 10 * 10 + 25
    return f"{low}-{low + 9}"


def _grouped(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    frame = frame[frame["level"].isin(GROUP_OF)]
    frame = frame.assign(education=frame["level"].map(GROUP_OF))
    table = frame.pivot_table(index=keys, columns="education", values="population",
                              aggfunc="sum")
    return table.reindex(columns=list(LEVEL_ORDER)).fillna(0.0)


def _age_margins(regions: tuple[str, ...] | None) -> pd.DataFrame:
    frame = read_dataset("population")
    if regions is not None:
        frame = frame[frame["region"].isin(regions)]
    labels = pd.unique(frame["age"])  # "0" … "100+": the band looked up once per label
    bands = {label: band_of(int(str(label).rstrip("+"))) for label in labels}
    frame = frame[["region", "sex", "year", "population"]].assign(
        band=map_labels(frame["age"], bands)).dropna(subset=["band"])
    return frame.pivot_table(index=["region", "sex", "year"], columns="band",
                             values="population", aggfunc="sum").reindex(columns=list(AGE_BANDS))


def rake(seed: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Iterative proportional fitting of ``seed`` (cells × bands × levels) to both margins.

    ``rows`` (cells × bands) is scaled to the total of ``cols`` (cells × levels) first.
    """
    table = seed.astype(float) + 1e-9
    rows = rows * (cols.sum(axis=1) / rows.sum(axis=1))[:, None]
    for _ in range(ITERATIONS):
        table *= (rows / table.sum(axis=2))[:, :, None]
        table *= (cols / table.sum(axis=1))[:, None, :]
    return table


@functools.lru_cache(maxsize=1)
def _nuts_seed() -> pd.DataFrame:
    """The NUTS-2 table (age band × level per riksområde, sex and year): every län's seed."""
    return _grouped(read_dataset("education_population_nuts"), ["nuts2", "sex", "year", "age"])


register_cache(_nuts_seed.cache_clear)


@functools.lru_cache(maxsize=4)
def _raked(regions: tuple[str, ...] | None = None) -> pd.DataFrame:
    """The raked table of every län, or of ``regions`` only (each län is raked on its own)."""
    lan = read_dataset("education_population")
    if regions is not None:
        lan = lan[lan["region"].isin(regions)]
    lan = _grouped(lan, ["region", "nuts2", "sex", "year"])
    nuts = _nuts_seed()
    margins = _age_margins(regions)
    present = pd.MultiIndex.from_frame(lan.index.to_frame(index=False)[["region", "sex", "year"]])
    lan = lan[present.isin(margins.index)]
    keys = lan.index.to_frame(index=False)
    wanted = pd.MultiIndex.from_arrays(
        [np.repeat(keys[c].to_numpy(), len(AGE_BANDS)) for c in ("nuts2", "sex", "year")]
        + [np.tile(np.array(AGE_BANDS), len(keys))], names=["nuts2", "sex", "year", "age"])
    seed = nuts.reindex(wanted).to_numpy(float).reshape(len(keys), len(AGE_BANDS), -1)
    rows = margins.reindex(pd.MultiIndex.from_frame(keys[["region", "sex", "year"]]))
    table = rake(seed, rows.to_numpy(float), lan.to_numpy(float))
    cell = np.repeat(np.arange(len(keys)), table[0].size)
    out = pd.DataFrame({
        "region": repeat_labels(keys["region"].to_numpy(), cell),
        "sex": repeat_labels(keys["sex"].to_numpy(), cell),
        "age": repeat_labels(AGE_BANDS, np.tile(np.repeat(np.arange(len(AGE_BANDS)),
                                                          len(LEVEL_ORDER)), len(keys))),
        "education": repeat_labels(LEVEL_ORDER, np.tile(np.arange(len(LEVEL_ORDER)),
                                                        len(keys) * len(AGE_BANDS))),
        "year": np.repeat(keys["year"].to_numpy(), table[0].size),
        "population": table.ravel(),
    })
    return out


register_cache(_raked.cache_clear)


def attainment(regions: Iterable[str] | None = None) -> pd.DataFrame:
    """region, sex, age (band), education, year, population (estimated, raked), 1985–2018.

    ``regions`` (län codes) limits the table to those län; the values are the same as in the
    table of every län (each län and sex is raked on its own).

    Sums to the UF0506 län × level totals (16–74, "uppgift saknas" spread) and, within a
    län and sex, to the population per age band. Source: SCB UF0506 and the population
    snapshot; estimated.
    """
    wanted = None if regions is None else tuple(sorted({str(r) for r in regions}))
    frame = _raked(wanted).copy()
    frame.attrs.update(source="SCB, befolkningens utbildning (UF0506) och befolkningen",
                       estimated="True")
    return frame
