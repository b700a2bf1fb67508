"""Long population frames ↔ numpy cubes ``[year, region, sex, age]`` (ages 0…100+).

The cohort-component model works on arrays: one axis per region, sex and single year of age,
so that all 21 län are projected in one step. Age 100 holds everyone aged 100 or more.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import DataContractError
from ..frames import repeat_labels

SEXES = ("men", "women")
N_AGES = 101  # 0 … 99 and "100+"
AGE_LABELS = tuple([str(a) for a in range(100)] + ["100+"])


def age_number(labels: pd.Series) -> np.ndarray:
    """Age labels ("0" … "99", "100+") as integers 0 … 100."""
    codes, uniques = pd.factorize(labels)
    numbers = np.array([min(int(str(u).rstrip("+")), 100) for u in uniques], dtype="int64")
    return numbers[codes]


def _positions(values: pd.Series, labels: tuple[str, ...] | tuple[int, ...]) -> np.ndarray:
    """Position of each value among ``labels`` (−1 where absent), by its distinct values."""
    codes, uniques = pd.factorize(values)
    lookup = {label: i for i, label in enumerate(labels)}
    return np.array([lookup.get(u, -1) for u in uniques], dtype="int64")[codes]


@dataclass(frozen=True)
class Cube:
    """Counts ``values[year, region, sex, age]`` with the labels of each axis."""

    values: np.ndarray
    years: tuple[int, ...]
    regions: tuple[str, ...]

    def year(self, year: int) -> np.ndarray:
        """The ``[region, sex, age]`` slice of one year (a view)."""
        return self.values[self.years.index(year)]

    def until(self, last: int) -> Cube:
        """The years up to and including ``last``."""
        keep = [i for i, y in enumerate(self.years) if y <= last]
        return Cube(self.values[keep], tuple(self.years[i] for i in keep), self.regions)


def to_cube(frame: pd.DataFrame, value: str, regions: tuple[str, ...] | None = None) -> Cube:
    """A long frame (region, age, sex, year, ``value``) as a cube; missing cells are zero.

    Raises DataContractError when a column is missing or a sex is not 'men'/'women'.
    """
    missing = {"region", "age", "sex", "year", value} - set(frame.columns)
    if missing:
        raise DataContractError(f"befolkningsramen saknar kolumnerna {sorted(missing)}")
    bad = set(frame["sex"].unique()) - set(SEXES)
    if bad:
        raise DataContractError(f"kolumnen 'sex' har okända värden {sorted(bad)}; "
                                "ange 'men' och 'women' (by_sex=True)")
    codes = regions or tuple(sorted(frame["region"].astype(str).unique()))
    years = tuple(sorted(int(y) for y in frame["year"].unique()))
    values = np.zeros((len(years), len(codes), len(SEXES), N_AGES))
    y = _positions(frame["year"].astype("int64"), years)
    r = _positions(frame["region"], codes)
    s = _positions(frame["sex"], SEXES)
    keep = r >= 0
    np.add.at(values, (y[keep], r[keep], s[keep], age_number(frame["age"])[keep]),
              frame[value].to_numpy(float)[keep])
    return Cube(values, years, codes)


def to_frame(values: np.ndarray, years: tuple[int, ...] | list[int],
             regions: tuple[str, ...], value: str) -> pd.DataFrame:
    """``values[year, region, sex, age]`` as a long frame: region, age, sex, year, ``value``."""
    n_y, n_r, n_s, n_a = values.shape
    index = np.indices((n_y, n_r, n_s, n_a)).reshape(4, -1)
    return pd.DataFrame({
        "region": repeat_labels(regions, index[1]),
        "age": repeat_labels(AGE_LABELS, index[3]),
        "sex": repeat_labels(SEXES, index[2]),
        "year": np.asarray(years, dtype="int64")[index[0]],
        value: values.ravel(),
    })
