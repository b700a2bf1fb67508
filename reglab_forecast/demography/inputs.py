"""The long frames of the snapshot (or a caller's) as cubes for the cohort-component model."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InputError
from ..regions import RIKET
from .arrays import Cube, to_cube

OPEN_MOTHER_AGES = {"<15": "15", "49+": "49"}


def lan_only(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows of the län (Riket, if present, is the sum of the län and is left out)."""
    rows = frame["region"].astype(str) != RIKET
    return frame if rows.all() else frame[rows]


def population_cube(population: pd.DataFrame) -> Cube:
    """Population by region, age, sex and year (single years of age, both sexes) as a cube.

    Raises InputError when the years are not consecutive or the ages are banded.
    """
    frame = lan_only(population)
    ages = pd.Series(pd.unique(frame["age"])).astype(str) if "age" in frame else None
    if ages is not None and not ages.str.fullmatch(r"\d+\+?").all():
        raise InputError("befolkningen ska ha ettårsåldrar ('0' … '100+'), inte "
                         "åldersgrupper; ladda den med age_bands=None")
    cube = to_cube(frame, "population")
    if list(cube.years) != list(range(cube.years[0], cube.years[-1] + 1)):
        raise InputError(f"befolkningens år ska följa på varandra, fick {list(cube.years)}")
    return cube


def deaths_cube(deaths: pd.DataFrame, regions: tuple[str, ...]) -> Cube:
    return to_cube(lan_only(deaths), "deaths", regions)


def births_cube(births: pd.DataFrame, regions: tuple[str, ...]) -> Cube:
    """Births by region, child's sex and mother's age as a cube (the age axis is the
    mother's age; '<15' counts as 15, '49+' as 49, 'okänd' is spread like the known ages)."""
    frame = lan_only(births)
    known = frame[frame["mother_age"] != "okänd"]
    known = known.assign(age=known["mother_age"].replace(OPEN_MOTHER_AGES))
    cube = to_cube(known, "births", regions)
    totals = to_cube(frame.assign(age="0"), "births", regions).values.sum(axis=3)
    known_totals = cube.values.sum(axis=3)
    scale = np.divide(totals, known_totals, out=np.ones_like(totals), where=known_totals > 0)
    return Cube(cube.values * scale[..., None], cube.years, cube.regions)
